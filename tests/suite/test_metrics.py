"""``/metrics`` on every process (issue 14): per route template requests, errors and latency; the domain gauges
(outbox, pending verification per department, scoring jobs, the ledger's last verification, rate-limit
refusals); never reachable through the gateway's public routes."""

from __future__ import annotations

import sys
from pathlib import Path

import httpx
from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "verification"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "enrollment"))
from shared_kit import TEST_SECRET  # noqa: E402
from enrollment_kit import application, public_school, upstreams  # noqa: E402
from verification_kit import auth_for, case_body  # noqa: E402


def samples(client: TestClient) -> dict[tuple[str, tuple], float]:
    resp = client.get("/metrics")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/plain")
    out = {}
    for family in text_string_to_metric_families(resp.text):
        for s in family.samples:
            out[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return out


def value(found: dict, name: str, **labels: str) -> float:
    return found.get((name, tuple(sorted(labels.items()))), 0.0)


def test_requests_errors_and_latency_per_route_template(make_service, auth):
    points = make_service("points")
    for no in ("HY2025-1-000001", "HY2025-1-000002", "HY2025-1-000003"):
        assert points.get(f"/scores/{no}", headers=auth("bureau")).status_code == 404
    points.get("/nothing/here")
    found = samples(points)
    route = {"service": "points", "method": "GET", "route": "/scores/{application_no}"}
    assert value(found, "tongcheng_http_requests_total", **route, status="404") == 3  # one series, not three
    assert value(found, "tongcheng_http_request_duration_seconds_count", **route) == 3
    assert value(found, "tongcheng_http_request_errors_total", **route) == 0
    assert value(found, "tongcheng_http_requests_total", service="points", method="GET", route="unmatched",
                 status="404") == 1
    assert not any("HY2025" in str(labels) for _, labels in found)


def test_outbox_gauges(make_service, auth, backend):
    _, _, _, clients = upstreams()
    app = make_service("enrollment", outbox_dispatcher=False, create_app_kwargs={"http_clients": clients})
    app.post("/schools", json=public_school("S1"), headers=auth("bureau"))
    for _ in range(3):
        assert app.post("/applications", json=application(public=["S1"]), headers=auth("platform")).status_code == 201
    found = samples(app)
    assert value(found, "tongcheng_outbox_pending", topic="verification.cases") == 3
    assert value(found, "tongcheng_outbox_pending", topic="funding.seats") == 0
    assert value(found, "tongcheng_outbox_oldest_pending_age_seconds", topic="verification.cases") >= 0
    app.post("/outbox/flush", headers=auth("bureau"))
    found = samples(app)
    assert value(found, "tongcheng_outbox_pending", topic="verification.cases") == 0
    assert value(found, "tongcheng_outbox_oldest_pending_age_seconds", topic="verification.cases") == 0


def test_pending_verification_per_department(make_service, auth, backend):
    app = make_service("verification")
    for n in (1, 2):
        resp = app.post("/cases", json=case_body(f"HY2025-1-00000{n}", serial=n), headers=auth_for(auth, "service:enrollment"))
        assert resp.status_code == 201, resp.text
    found = samples(app)
    waiting = {d: value(found, "tongcheng_verification_pending", department=d)
               for d in ("police", "hrss", "housing", "market")}
    assert waiting == {"police": 4, "hrss": 4, "housing": 4, "market": 2}  # two guardians, housing twice, 1 license


def test_scoring_jobs_and_ledger_gauges(make_service, auth):
    points = make_service("points")
    assert value(samples(points), "tongcheng_scoring_jobs", state="running") == 0
    funding = make_service("funding")
    assert funding.get("/ledger/verify", headers=auth("auditor")).json()["ok"] is True
    found = samples(funding)
    assert value(found, "tongcheng_ledger_verified_ok") == 1
    assert value(found, "tongcheng_ledger_verified_timestamp_seconds") > 0


def test_gateway_metrics_refusals_and_no_public_route_to_a_services_metrics(tmp_path):
    import hashlib
    import json

    from gateway.config import Settings
    from gateway.main import create_app

    creds = tmp_path / "credentials.json"
    creds.write_text(json.dumps({hashlib.sha256(b"tok").hexdigest(): {"role": "bureau", "subject": "bureau-1"}}))
    reached: list[str] = []

    def upstream(request: httpx.Request) -> httpx.Response:
        reached.append(request.url.path)
        return httpx.Response(200, json={})

    settings = Settings(internal_secret=TEST_SECRET, credentials_file=creds, rate_per_s=1, rate_burst=2)
    app = create_app(settings, transports={"points": httpx.MockTransport(upstream)})
    bearer = {"Authorization": "Bearer tok"}
    with TestClient(app) as gw:
        for path in ("/api/points/metrics", "/api/points/METRICS", "/api/points/metrics?x=1"):
            resp = gw.get(path, headers=bearer)
            assert resp.status_code == 404 and resp.json()["code"] == "not_found", path
        assert reached == []
        codes = [gw.get("/api/points/rulebooks", headers=bearer).status_code for _ in range(3)]
        assert codes == [200, 200, 429]
        found = samples(gw)
    assert value(found, "tongcheng_rate_limit_refusals_total") == 1
    route = {"service": "gateway", "method": "GET", "route": "/api/points"}
    assert value(found, "tongcheng_http_requests_total", **route, status="200") == 2
    assert value(found, "tongcheng_http_requests_total", **route, status="429") == 1
    assert value(found, "tongcheng_http_request_duration_seconds_count", **route) == 6  # the 404s too
