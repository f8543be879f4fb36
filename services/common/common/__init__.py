"""Shared infrastructure for the Tongcheng services: problem details, sessions, identity, idempotency, logging.

Domain logic never lives here; only what every service needs in the same form.
"""
