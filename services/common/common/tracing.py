"""OpenTelemetry tracing (issue 14): off by default, on with one setting, ``TONGCHENG_TRACING``.

- ``TONGCHENG_TRACING=console``: spans are printed to stderr as JSON by the SDK's console exporter (for a developer;
  a collector's exporter is a dependency to add where one runs);
- ``TONGCHENG_TRACING=on``: spans go to whatever tracer provider the process already has (a test's in-memory
  exporter, or one configured by ``opentelemetry-instrument``);
- empty (the default): nothing is installed and a request pays nothing for tracing.

When on, every process traces its incoming requests (the ASGI middleware: a server span per request, continuing
the caller's W3C ``traceparent``), its ``httpx`` calls to the other services (the ``traceparent`` header goes out
with them), its database statements (SQLAlchemy spans), and the gateway puts the ``traceparent`` on every request
it forwards (its aiohttp path injects it itself). Every JSON log line written inside a span carries its
``trace_id`` beside the ``request_id``, so one request can be followed through the gateway and the services.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from common import logging as tc_logging

log = logging.getLogger("common.tracing")
_lock = threading.Lock()
_installed: set[str] = set()


def enabled(mode: str) -> bool:
    return mode.strip().lower() not in ("", "off", "0", "false", "no")


def setup(service: str, mode: str) -> bool:
    """Install tracing for this process once (provider, httpx instrumentation, trace ids in log lines) → whether it
    is on."""
    if not enabled(mode):
        return False
    from opentelemetry import trace
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor

    with _lock:
        if mode.strip().lower() == "console" and "provider" not in _installed:
            from opentelemetry.sdk.resources import Resource
            from opentelemetry.sdk.trace import TracerProvider
            from opentelemetry.sdk.trace.export import ConsoleSpanExporter, SimpleSpanProcessor

            provider = TracerProvider(resource=Resource.create({"service.name": service}))
            provider.add_span_processor(SimpleSpanProcessor(ConsoleSpanExporter()))
            trace.set_tracer_provider(provider)
            _installed.add("provider")
        if "httpx" not in _installed:
            HTTPXClientInstrumentor().instrument()
            _installed.add("httpx")
        tc_logging.trace_id_of = current_trace_id
    return True


def current_trace_id() -> str | None:
    """The current span's trace id as 32 hex digits, or ``None`` outside a span."""
    from opentelemetry import trace

    context = trace.get_current_span().get_span_context()
    return format(context.trace_id, "032x") if context.is_valid else None


def instrument_app(app: Any, service: str) -> None:
    """The ASGI server span around every request of ``app`` (call after the app's other middleware)."""
    from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware

    app.add_middleware(OpenTelemetryMiddleware, excluded_urls="health,metrics",
                       default_span_details=lambda scope: (f"{scope.get('method', '')} {service}", {}))


def instrument_engine(engine: Any) -> None:
    """A client span per statement of one SQLAlchemy engine (``db.system``, the statement's first word as its name,
    the statement text without its parameters). Written on the engine's cursor events: the SQLAlchemy
    instrumentation package declares SQLAlchemy < 2.1 and needs the asyncio extra."""
    from opentelemetry import trace
    from sqlalchemy import event

    tracer = trace.get_tracer("tongcheng.db")
    system = engine.dialect.name

    @event.listens_for(engine, "before_cursor_execute")
    def _start(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        verb = statement.lstrip().split(None, 1)[0].upper() if statement.strip() else "SQL"
        span = tracer.start_span(f"{verb} {system}", kind=trace.SpanKind.CLIENT,
                                 attributes={"db.system": system, "db.statement": statement[:2000]})
        conn.info.setdefault("tc_spans", []).append(span)

    @event.listens_for(engine, "after_cursor_execute")
    def _end(conn: Any, *_: Any) -> None:
        spans = conn.info.get("tc_spans")
        if spans:
            spans.pop().end()

    @event.listens_for(engine, "handle_error")
    def _failed(context: Any) -> None:
        spans = context.connection.info.get("tc_spans") if context.connection is not None else None
        if spans:
            span = spans.pop()
            span.record_exception(context.original_exception)
            span.end()


def client_span(name: str) -> Any:
    """A client span (context manager) for a call this process makes by hand (the gateway's aiohttp forwarding)."""
    from opentelemetry import trace

    return trace.get_tracer("tongcheng").start_as_current_span(name, kind=trace.SpanKind.CLIENT)


def inject_headers(headers: list[tuple[bytes, bytes]]) -> None:
    """Append the current context's ``traceparent`` (and ``tracestate``) to raw ASGI-style header pairs."""
    from opentelemetry.propagate import inject

    carrier: dict[str, str] = {}
    inject(carrier)
    headers.extend((k.encode("latin-1"), v.encode("latin-1")) for k, v in carrier.items())


def teardown() -> None:
    """Undo :func:`setup`'s process-wide instrumentation (tests that turned tracing on for a while)."""
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor

    with _lock:
        if "httpx" in _installed:
            HTTPXClientInstrumentor().uninstrument()
            _installed.discard("httpx")
        tc_logging.trace_id_of = None
