"""Prometheus metrics of one process (issue 14): ``GET /metrics`` on every service and on the gateway.

Per route template (``/scores/{application_no}``, never the concrete path, so the series stay few):

- ``tongcheng_http_requests_total{service, method, route, status}``: answers by status code;
- ``tongcheng_http_request_errors_total{service, method, route}``: answers 500 and above;
- ``tongcheng_http_request_duration_seconds{service, method, route}``: latency histogram (to the last body byte).

The recording is a pure ASGI middleware (:class:`MetricsMiddleware`): no ``BaseHTTPMiddleware``, no per-request
object beyond a closure; the labelled children are cached, so a request costs two dictionary look-ups, one counter
increment and one histogram observation (about 3 µs). Requests that match no route count as ``route="unmatched"``;
the gateway's proxy labels its routes ``/api/<service>``.

Domain gauges are read when Prometheus scrapes (never on the request path): a service registers a function with
:meth:`Metrics.on_scrape` that reads its database and sets its gauges (enrollment's outbox, verification's pending
requests per department, points' scoring jobs, funding's ledger). Each app has its own registry, so a test process
that builds many apps never sees two apps' series mixed.

``/metrics`` is served outside the OpenAPI document and never through the gateway's ``/api/<service>/...`` routes
(the gateway refuses that path with 404), so only who can reach a process's own port can scrape it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, Counter, Gauge, Histogram, generate_latest

log = logging.getLogger("common.metrics")

LATENCY_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    """The registry and the HTTP metrics of one process (one app)."""

    def __init__(self, service: str):
        self.service = service
        self.registry = CollectorRegistry(auto_describe=True)
        self.requests = Counter("tongcheng_http_requests", "HTTP answers by route template and status",
                                ["service", "method", "route", "status"], registry=self.registry)
        self.errors = Counter("tongcheng_http_request_errors", "HTTP answers with status 500 and above",
                              ["service", "method", "route"], registry=self.registry)
        self.latency = Histogram("tongcheng_http_request_duration_seconds",
                                 "time from the request to the last byte of the answer", ["service", "method", "route"],
                                 buckets=LATENCY_BUCKETS, registry=self.registry)
        self._children: dict[tuple[str, str, int], tuple[Any, Any, Any]] = {}
        self._scrapers: list[Callable[[], None]] = []

    def gauge(self, name: str, doc: str, labels: tuple[str, ...] = ()) -> Gauge:
        """A gauge in this process's registry (``tongcheng_`` is prefixed to ``name``)."""
        return Gauge(f"tongcheng_{name}", doc, list(labels), registry=self.registry)

    def counter(self, name: str, doc: str, labels: tuple[str, ...] = ()) -> Counter:
        return Counter(f"tongcheng_{name}", doc, list(labels), registry=self.registry)

    def on_scrape(self, fn: Callable[[], None]) -> None:
        """Call ``fn()`` before each scrape (it sets its gauges; a failure is logged, the scrape goes on)."""
        self._scrapers.append(fn)

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        key = (method, route, status)
        children = self._children.get(key)
        if children is None:
            children = (self.requests.labels(self.service, method, route, str(status)),
                        self.errors.labels(self.service, method, route) if status >= 500 else None,
                        self.latency.labels(self.service, method, route))
            self._children[key] = children
        children[0].inc()
        if children[1] is not None:
            children[1].inc()
        children[2].observe(seconds)

    def render(self) -> tuple[bytes, str]:
        """The text exposition after the scrape hooks ran → ``(body, content type)``."""
        for fn in self._scrapers:
            try:
                fn()
            except Exception:  # noqa: BLE001 - a failing gauge must not hide the others
                log.exception("metrics: a scrape hook failed")
        return generate_latest(self.registry), CONTENT_TYPE_LATEST


def route_of(scope: dict) -> str:
    """The route template that answered (``scope["route"]``, set by the router), or ``unmatched``."""
    route = scope.get("route")
    return getattr(route, "path", None) or scope.get("tc_route") or "unmatched"


class MetricsMiddleware:
    """Pure ASGI: times each HTTP request and records it in ``metrics`` by method, route template and status."""

    def __init__(self, app: Any, metrics: Metrics):
        self.app, self.metrics = app, metrics

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_status(message: dict) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            self.metrics.observe(scope["method"], route_of(scope), status, time.perf_counter() - started)


def watch_database(app: Any, fn: Callable[[Any], None]) -> None:
    """Run ``fn(session)`` (a read session of the app's database) before each scrape of ``app``'s ``/metrics``;
    skipped while the app has no database (starting, stopped)."""

    def hook() -> None:
        db = getattr(app.state, "db", None)
        if db is not None:
            with db.read_session() as session:
                fn(session)

    app.state.metrics.on_scrape(hook)


def install_metrics(app: Any, service: str) -> Metrics:
    """Add ``GET /metrics`` (outside the OpenAPI document) and the recording middleware to a FastAPI ``app``; the
    :class:`Metrics` is also ``app.state.metrics``. Call before the other middleware, so the timing includes them."""
    from fastapi import Response

    metrics = Metrics(service)
    app.state.metrics = metrics

    @app.get("/metrics", include_in_schema=False)
    def scrape() -> Response:
        """Prometheus text exposition of this process."""
        body, content_type = metrics.render()
        return Response(body, media_type=content_type)

    app.add_middleware(MetricsMiddleware, metrics=metrics)
    return metrics
