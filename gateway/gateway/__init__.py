"""The gateway (统一入口): authenticates every caller, enforces rate limits, routes /api/<service>/... to the services."""
