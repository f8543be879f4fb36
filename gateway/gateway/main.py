"""The gateway app. Run: ``uvicorn --factory gateway.main:create_app --port 8000``.

``/api/<service>/<path>`` → ``<service>`` at ``/<path>`` with the caller's identity minted as a signed token.
Unknown service → 404; stopped upstream → 503; slow upstream → 504; over the rate → 429 with ``Retry-After``.
"""

from __future__ import annotations

import asyncio
import time
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI, Request, Response

from common.errors import NotFound, install_error_handlers
from common.identity import IDENTITY_HEADER, Identity, mint
from common.logging import configure_logging, request_id_var
from common.middleware import RequestContextMiddleware
from gateway.auth import Credentials, RateLimited, RateLimiter
from gateway.config import Settings
from gateway.proxy import DROP_RESPONSE_HEADERS, FORWARD_REQUEST_HEADERS, CircuitBreaker, Upstream

METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"]


class TokenCache:
    """Mint each identity's service token once per minute instead of per request."""

    def __init__(self, secret: str, ttl_s: int = 300):
        self.secret, self.ttl_s = secret, ttl_s
        self.cache: dict[Identity, tuple[float, str]] = {}

    def token(self, identity: Identity) -> str:
        now = time.monotonic()
        hit = self.cache.get(identity)
        if hit and now - hit[0] < 60:
            return hit[1]
        tok = mint(self.secret, identity, self.ttl_s)
        self.cache[identity] = (now, tok)
        return tok


def create_app(settings: Settings | None = None,
               transports: dict[str, httpx.AsyncBaseTransport] | None = None) -> FastAPI:
    """Build the gateway; ``transports`` lets tests put an app or a mock in place of an upstream."""
    settings = settings or Settings()
    configure_logging("gateway", settings.log_level)
    transports = transports or {}

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        app.state.upstreams = {
            name: Upstream(name, url, timeout_s=settings.timeouts_s.get(name, settings.timeout_s),
                           connect_s=settings.connect_timeout_s, retries=settings.retries,
                           breaker=CircuitBreaker(settings.breaker_failures, settings.breaker_reset_s),
                           transport=transports.get(name))
            for name, url in settings.upstreams().items()
        }
        yield
        for upstream in app.state.upstreams.values():
            await upstream.aclose()

    app = FastAPI(title="Tongcheng gateway", version="1.0.0", lifespan=lifespan,
                  description="统一入口: the one door for the platform, departments, bureau, finance and auditors. "
                              "Authenticate with `Authorization: Bearer <credential>`; routes `/api/<service>/...`.")
    app.state.settings = settings
    app.add_middleware(RequestContextMiddleware, max_body=settings.max_body_bytes, max_depth=settings.max_json_depth)
    install_error_handlers(app)
    credentials = Credentials(settings.credentials_file)
    limiter = RateLimiter(settings.rate_per_s, settings.rate_burst)
    tokens = TokenCache(settings.internal_secret)

    @app.get("/health", tags=["health"])
    async def health() -> dict:
        """Gateway liveness and each upstream's ``/health``: ``{"status", "upstreams": {name: "ok" | reason}}``."""
        names = list(app.state.upstreams)
        states = await asyncio.gather(*(app.state.upstreams[n].health() for n in names))
        upstreams = {n: {"health": s, "circuit": app.state.upstreams[n].breaker.state} for n, s in zip(names, states)}
        status = "ok" if all(s == "ok" for s in states) else "degraded"
        return {"status": status, "service": "gateway", "upstreams": upstreams}

    @app.api_route("/api/{service}/{path:path}", methods=METHODS, include_in_schema=False)
    async def forward(service: str, path: str, request: Request) -> Response:
        identity = credentials.authenticate(request.headers.get("authorization"))
        upstream = app.state.upstreams.get(service)
        if upstream is None:
            raise NotFound(f"no service named {service!r}; services: {', '.join(app.state.upstreams)}",
                           code="unknown_service")
        try:
            limiter.take(identity.subject)
        except RateLimited as exc:
            exc.extra["headers"] = {"Retry-After": str(exc.extra.pop("retry_after"))}
            raise
        headers = {k: v for k in FORWARD_REQUEST_HEADERS if (v := request.headers.get(k)) is not None}
        headers[IDENTITY_HEADER] = tokens.token(identity)
        headers["X-Request-ID"] = request_id_var.get() or ""
        resp = await upstream.send(request.method, "/" + path, request.url.query.encode(), headers,
                                   await request.body())
        out_headers = {k: v for k, v in resp.headers.items() if k.lower() not in DROP_RESPONSE_HEADERS
                       and k.lower() != "x-request-id" and k.lower() != "content-encoding"}
        return Response(resp.content, status_code=resp.status_code, headers=out_headers)

    return app
