"""The gateway app. Run: ``uvicorn --factory gateway.main:create_app --port 8000``.

``/api/<service>/<path>`` → ``<service>`` at ``/<path>`` with the caller's identity minted as a signed token.
Unknown service → 404; stopped upstream → 503; slow upstream → 504; over the rate → 429 with ``Retry-After``;
two ``Authorization`` headers → 400 ``invalid_header`` (never a guess at which one counts).

The proxy path is a plain ASGI handler in front of the FastAPI app (which serves ``/health`` and the OpenAPI page):
routing, dependency solving and response models cost more than the forwarding itself, and every request pays them.
It sits inside the common request-context middleware, so request ids, access logs and body limits are the same.
"""

from __future__ import annotations

import asyncio
import os
import time
from contextlib import asynccontextmanager
from urllib.parse import quote, unquote_to_bytes

import httpx
from fastapi import Depends, FastAPI

from common.errors import DomainError, NotFound, document_problems, install_error_handlers, problem
from common.health import NotReady
from common.identity import IDENTITY_HEADER, Identity, mint
from common.logging import configure_logging, note_caller, request_id_var
from common import tracing
from common.metrics import install_metrics
from common.middleware import RequestContextMiddleware
from common.queries import refuse_unknown_parameters
from gateway import openapi as suite_openapi
from gateway.auth import Credentials, RateLimiter
from gateway.config import Settings
from gateway.errors import ClientClosed, InvalidHeader, MethodNotAllowed, UnknownService
from gateway.proxy import DROP_RESPONSE_HEADERS, FORWARD_REQUEST_HEADERS, CircuitBreaker, Upstream

METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"})
INTERNAL_PATHS = frozenset({b"metrics", b"health"})  # first path segments never forwarded: each process's own
_IDENTITY = IDENTITY_HEADER.lower().encode()
# What a browser's request to the staff console carries on: its session cookie, the form, HTMX's own headers and
# what the console's CSRF check reads (Origin, Sec-Fetch-Site). Never Authorization: the console has no bearer.
CONSOLE_REQUEST_HEADERS = frozenset({b"cookie", b"content-type", b"accept", b"accept-language", b"origin",
                                     b"sec-fetch-site", b"hx-request", b"hx-target", b"hx-current-url",
                                     b"hx-trigger", b"x-csrf-token"})


class TokenCache:
    """Mint each identity's service token once per minute instead of per request."""

    def __init__(self, secret: str, ttl_s: int = 300):
        self.secret, self.ttl_s = secret, ttl_s
        self.cache: dict[Identity, tuple[float, bytes]] = {}

    def token(self, identity: Identity) -> bytes:
        now = time.monotonic()
        hit = self.cache.get(identity)
        if hit and now - hit[0] < 60:
            return hit[1]
        tok = mint(self.secret, identity, self.ttl_s).encode()
        self.cache[identity] = (now, tok)
        return tok


async def _read_body(receive) -> bytes:
    """The request body (the request-context middleware has already bounded its size); 400 ``client_closed`` when
    the caller goes away first."""
    body = b""
    more = True
    while more:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise ClientClosed("the caller went away")
        body += message.get("body", b"")
        more = message.get("more_body", False)
    return body


def _visible_ascii(value: bytes) -> bool:
    """Header values passed upstream must be printable ASCII (RFC 9110 field-vchar, space and tab)."""
    return all(32 <= b < 127 or b == 9 for b in value)


def _check_path(service: str, raw_rest: bytes) -> None:
    """``raw_rest`` is the percent-encoded path after ``/api/<service>``. Segments that are empty (``//``) or that
    decode to ``.`` or ``..`` are refused with 404, so what reaches the upstream is exactly the route the caller
    named (an encoded ``%2F`` stays inside its segment and is harmless)."""
    segments = [unquote_to_bytes(seg) for seg in raw_rest.split(b"/")[1:]]
    if not raw_rest or any(seg in (b"", b".", b"..") for seg in segments[:-1]) or segments[-1] in (b".", b".."):
        raise NotFound(f"no such resource under /api/{service}/")
    if segments[0].lower() in INTERNAL_PATHS:  # each process's scrape and probes: never through the public door
        raise NotFound(f"no such resource under /api/{service}/")


def _upstream_target(scope: dict, service: str) -> bytes:
    """The caller's percent-encoded path minus ``/api/<service>``, with its query
    (``/api/points/scores/A%2FB?x=1`` → ``/scores/A%2FB?x=1``)."""
    raw = scope.get("raw_path") or quote(scope["path"]).encode()
    target = raw[len(b"/api/") + len(service.encode()):]
    query = scope.get("query_string", b"")
    return target + b"?" + query if query else target


class Proxy:
    """ASGI: answers ``/api/<service>/...`` itself; everything else goes on to the FastAPI app."""

    def __init__(self, app, *, settings: Settings, credentials: Credentials, limiter: RateLimiter,
                 tokens: TokenCache, upstreams: dict[str, Upstream], console: dict[str, Upstream] | None = None):
        self.app, self.credentials, self.limiter, self.tokens = app, credentials, limiter, tokens
        self.upstreams = upstreams
        self.tracing = tracing.enabled(settings.tracing)
        self._console = console if console is not None else {}

    @property
    def console(self) -> Upstream | None:
        return self._console.get("console")

    async def __call__(self, scope: dict, receive, send) -> None:
        console = scope["type"] == "http" and (scope["path"] == "/console" or scope["path"].startswith("/console/"))
        if scope["type"] != "http" or not (console or scope["path"].startswith("/api/")):
            await self.app(scope, receive, send)
            return
        try:
            if console:
                status, headers, content = await self.forward_console(scope, receive)
            else:
                status, headers, content = await self.forward(scope, receive)
        except DomainError as exc:
            await problem(exc.status, exc.code, exc.title, exc.detail, field=exc.field, **exc.extra)(
                scope, receive, send)
            return
        headers.append((b"content-length", str(len(content)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else content})

    async def forward_console(self, scope: dict, receive) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        """``/console/...`` → the staff console, path unchanged, so the suite keeps one published port (issue 12).
        No bearer credential: the console signs people in itself and calls back through ``/api/`` as them. Passed
        on: :data:`CONSOLE_REQUEST_HEADERS`, plus ``X-Forwarded-Proto``/``-Host`` from this request (the console
        marks its cookie ``Secure`` behind TLS)."""
        if self.console is None:
            raise NotFound("no staff console behind this gateway")
        method = scope["method"]
        if method not in ("GET", "HEAD", "POST"):
            raise MethodNotAllowed(f"{method} is not forwarded to the console; use GET or POST")
        raw = scope.get("raw_path") or quote(scope["path"]).encode()
        _check_path("console", raw[len(b"/console"):] or b"/")
        forwarded: list[tuple[bytes, bytes]] = []
        host = b""
        for name, value in scope["headers"]:
            if name in CONSOLE_REQUEST_HEADERS:
                if not _visible_ascii(value):
                    raise InvalidHeader(f"header {name.decode()} must be printable ASCII", field=name.decode())
                forwarded.append((name, value))
            elif name == b"host" and _visible_ascii(value):
                host = value
        forwarded += [(b"x-forwarded-proto", scope.get("scheme", "http").encode()), (b"x-forwarded-host", host),
                      (b"x-request-id", (request_id_var.get() or "").encode())]
        body = await _read_body(receive)
        query = scope.get("query_string", b"")
        answer = await self.console.send(method, raw + (b"?" + query if query else b""), forwarded, body)
        headers = [(k, v) for k, v in answer.headers if k.lower() not in DROP_RESPONSE_HEADERS]
        return answer.status, headers, answer.content

    async def forward(self, scope: dict, receive) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        service = scope["path"][5:].partition("/")[0]
        authorizations: list[str] = []
        forwarded: list[tuple[bytes, bytes]] = []
        for name, value in scope["headers"]:
            if name in FORWARD_REQUEST_HEADERS:
                if not _visible_ascii(value):
                    raise InvalidHeader(f"header {name.decode()} must be printable ASCII", field=name.decode())
                forwarded.append((name, value))
            elif name == b"authorization":
                authorizations.append(value.decode("latin-1"))
            elif name == b"x-request-id" and not _visible_ascii(value):  # passed on too (as the checked id)
                raise InvalidHeader("header x-request-id must be printable ASCII", field="x-request-id")
        if len(authorizations) > 1:  # one credentials value, not a list (RFC 9110 §5.3, §11.6.2): never guess
            raise InvalidHeader("send one Authorization header, not several", field="authorization")
        identity = self.credentials.authenticate(authorizations[0] if authorizations else None)  # 401 first
        note_caller(identity.role, identity.subject)  # the access log line names who called
        upstream = self.upstreams.get(service)
        scope["tc_route"] = f"/api/{service}" if upstream is not None else "/api/unknown"  # metrics label
        if upstream is None:
            raise UnknownService(f"no service named {service!r}; services: {', '.join(self.upstreams)}")
        raw = scope.get("raw_path") or quote(scope["path"]).encode()
        _check_path(service, raw[len(b"/api/") + len(service.encode()):])
        method = scope["method"]
        if method not in METHODS:
            raise MethodNotAllowed(f"{method} is not forwarded; use {', '.join(sorted(METHODS))}")
        if method == "HEAD":  # the services route GET only: HEAD is their GET, answered without the body
            method = "GET"
        await self.limiter.take(identity.subject)
        forwarded.append((_IDENTITY, self.tokens.token(identity)))
        forwarded.append((b"x-request-id", (request_id_var.get() or "").encode()))
        body = await _read_body(receive)
        if self.tracing:  # a client span for the call, its traceparent on the forwarded request
            with tracing.client_span(f"{method} {service}") as span:
                tracing.inject_headers(forwarded)
                answer = await upstream.send(method, _upstream_target(scope, service), forwarded, body)
                span.set_attribute("http.request.method", method)
                span.set_attribute("http.response.status_code", answer.status)
        else:
            answer = await upstream.send(method, _upstream_target(scope, service), forwarded, body)
        headers = [(k, v) for k, v in answer.headers if k.lower() not in DROP_RESPONSE_HEADERS]
        return answer.status, headers, answer.content


def create_app(settings: Settings | None = None,
               transports: dict[str, httpx.AsyncBaseTransport] | None = None) -> FastAPI:
    """Build the gateway; ``transports`` lets tests put an app or a mock in place of an upstream."""
    settings = settings or Settings()
    configure_logging("gateway", settings.log_level)
    transports = transports or {}
    upstreams: dict[str, Upstream] = {}
    console: dict[str, Upstream] = {}  # the staff console: served at /console/, not an /api/ service

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        upstreams.update({
            name: Upstream(name, url, timeout_s=settings.timeouts_s.get(name, settings.timeout_s),
                           connect_s=settings.connect_timeout_s, retries=settings.retries,
                           breaker=CircuitBreaker(settings.breaker_failures, settings.breaker_reset_s),
                           transport=transports.get(name))
            for name, url in settings.upstreams().items()
        })
        if settings.console_url:
            console["console"] = Upstream("console", settings.console_url, timeout_s=settings.timeouts_s.get(
                "console", settings.timeout_s), connect_s=settings.connect_timeout_s, retries=settings.retries,
                breaker=CircuitBreaker(settings.breaker_failures, settings.breaker_reset_s),
                transport=transports.get("console"))
        app.state.upstreams = upstreams
        try:
            yield
        finally:
            for upstream in (*upstreams.values(), *console.values()):
                await upstream.aclose()
            upstreams.clear()
            console.clear()

    app = FastAPI(title="Tongcheng gateway", version="1.0.0", lifespan=lifespan,
                  openapi_url=None, docs_url=None, redoc_url=None,  # the suite's: gateway/openapi.py
                  dependencies=[Depends(refuse_unknown_parameters)],  # its own endpoints (the proxy forwards as is)
                  description="统一入口: the one door for the platform, departments, bureau, finance and auditors. "
                              "Authenticate with `Authorization: Bearer <credential>`; routes `/api/<service>/...` "
                              "to the service's own path (see docs/api.md).")
    app.state.settings = settings
    # Starlette: the middleware added last runs first. Request context (ids, limits, access log) → proxy → FastAPI.
    limiter = RateLimiter(settings.rate_per_s, settings.rate_burst, settings.rate_storage,
                          key_prefix=settings.rate_key_prefix)
    app.add_middleware(Proxy, settings=settings,
                       credentials=Credentials(settings.credentials_file, settings.console_secret), limiter=limiter,
                       tokens=TokenCache(settings.internal_secret), upstreams=upstreams, console=console)
    app.add_middleware(RequestContextMiddleware, max_body=settings.max_body_bytes, max_depth=settings.max_json_depth,
                       json_only=False)  # bodies pass as they are: each service judges its own
    metrics = install_metrics(app, "gateway")  # times the whole request
    if tracing.setup("gateway", settings.tracing):
        tracing.instrument_app(app, "gateway")  # outermost; the proxy puts the traceparent on what it forwards
    limiter.count_in(metrics.counter("rate_limit_refusals", "requests refused 429 by the rate limit"),
                     metrics.counter("rate_limit_store_errors",
                                     "requests let through unlimited because the shared rate-limit store did not answer"))
    install_error_handlers(app)
    document_problems(app)
    suite_openapi.install(app, upstreams)  # GET /openapi.json (the whole suite's description) and /docs

    @app.head("/health", include_in_schema=False)  # monitors probe with HEAD: the same answer, no body
    @app.get("/health", tags=["health"])
    async def health() -> dict:
        """运行状态 (health), BRIEF §4: gateway liveness and each upstream's ``/health``: ``{"status": "ok" |
        "degraded", "service": "gateway", "upstreams": {name: {"health": "ok" | "status <N>" | "down (<error>)",
        "circuit": "closed" | "open" | "half_open"}}}``. Always 200 while the gateway itself runs. ``HEAD /health`` answers the same headers
        without the body (it is left out of the OpenAPI document, which lists ``GET``)."""
        names = list(upstreams)
        states = await asyncio.gather(*(upstreams[n].health() for n in names))
        report = {n: {"health": s, "circuit": upstreams[n].breaker.state} for n, s in zip(names, states)}
        status = "ok" if all(s == "ok" for s in states) else "degraded"
        return {"status": status, "service": "gateway", "upstreams": report}

    @app.get("/health/live", include_in_schema=False)  # probes (common.health): outside the API contract
    async def live() -> dict:
        """``{"status": "ok", "service": "gateway", "pid"}``: the process runs."""
        return {"status": "ok", "service": "gateway", "pid": os.getpid()}

    @app.get("/health/ready", include_in_schema=False)
    async def ready() -> dict:
        """``{"status": "ready", "service": "gateway", "rate_limit": "memory" | "shared"}`` once started; 503 problem
        ``not_ready`` before. Upstream outages do not make the gateway unready (it answers them with 503s itself)."""
        if not upstreams:
            raise NotReady("the gateway is starting or stopping")
        return {"status": "ready", "service": "gateway", "rate_limit": "shared" if limiter.shared else "memory"}

    return app
