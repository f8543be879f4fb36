"""OpenTelemetry tracing (issue 14): off by default; with ``TONGCHENG_TRACING`` on, one request through the gateway
is one trace holding the gateway's span, its call to the service, the service's span and its database spans, and
the JSON log lines inside it carry the trace id."""

from __future__ import annotations

import hashlib
import json
import logging

import httpx
import pytest
from fastapi.testclient import TestClient
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from common import logging as tc_logging
from common import tracing
from shared_kit import TEST_SECRET

EXPORTER = InMemorySpanExporter()


@pytest.fixture
def spans():
    if not isinstance(trace.get_tracer_provider(), TracerProvider):
        provider = TracerProvider()
        provider.add_span_processor(SimpleSpanProcessor(EXPORTER))
        trace.set_tracer_provider(provider)
    EXPORTER.clear()
    try:
        yield EXPORTER
    finally:
        tracing.teardown()
        EXPORTER.clear()


def test_off_by_default(make_service):
    app = make_service("points")
    assert app.app.state.settings.tracing == ""
    assert not any("OpenTelemetry" in m.cls.__name__ for m in app.app.user_middleware)
    assert tc_logging.trace_id_of is None


def test_one_request_through_the_gateway_is_one_trace_with_the_service_spans(make_service, spans, tmp_path):
    from gateway.config import Settings
    from gateway.main import create_app

    points = make_service("points", tracing="on")
    creds = tmp_path / "credentials.json"
    creds.write_text(json.dumps({hashlib.sha256(b"tok").hexdigest(): {"role": "bureau", "subject": "bureau-1"}}))
    settings = Settings(internal_secret=TEST_SECRET, credentials_file=creds, tracing="on")
    gateway = create_app(settings, transports={"points": httpx.ASGITransport(app=points.app)})
    lines: list[dict] = []

    class Keep(logging.Handler):  # formats while the request's span is current, as the real handler does
        def emit(self, record: logging.LogRecord) -> None:
            lines.append(json.loads(tc_logging.JsonFormatter("test").format(record)))

    access = logging.getLogger("tongcheng.access")
    keep, level = Keep(), access.level
    access.addHandler(keep)
    access.setLevel(logging.INFO)
    try:
        with TestClient(gateway) as gw:
            resp = gw.get("/api/points/scores/HY2025-1-000001", headers={"Authorization": "Bearer tok"})
    finally:
        access.removeHandler(keep)
        access.setLevel(level)
    assert resp.status_code == 404 and resp.json()["code"] == "not_scored"
    finished = spans.get_finished_spans()
    # the two request spans of the ASGI middleware; in one test process the service's is INTERNAL, not SERVER, as
    # the gateway's context is already current when the in-process transport calls it
    servers = [s for s in finished if s.name in ("GET gateway", "GET points") and s.kind != trace.SpanKind.CLIENT]
    assert sorted(s.name for s in servers) == ["GET gateway", "GET points"], [s.name for s in servers]
    traces = {s.context.trace_id for s in servers}
    assert len(traces) == 1  # the service's span continues the gateway's trace
    request = [s for s in finished if s.context.trace_id in traces]
    by_id = {s.context.span_id: s for s in request}
    service_span = next(s for s in servers if s.name == "GET points")
    client = by_id[service_span.parent.span_id]  # the gateway's call to points
    assert client.kind == trace.SpanKind.CLIENT and client.name == "GET points"
    assert by_id[client.parent.span_id].name == "GET gateway"

    def under(span, ancestor) -> bool:
        while span.parent is not None and span.parent.span_id in by_id:
            span = by_id[span.parent.span_id]
            if span is ancestor:
                return True
        return False

    db = [s for s in request if s.attributes.get("db.system") == points.app.state.db.backend]
    assert any("scores" in s.attributes["db.statement"] and under(s, service_span) for s in db), \
        [(s.name, s.attributes.get("db.statement", "")[:60]) for s in request]
    trace_id = format(next(iter(traces)), "032x")
    assert len(lines) == 2 and all(line["trace_id"] == trace_id for line in lines)  # the gateway's and points' line
    assert lines[0]["request_id"] == lines[1]["request_id"]
