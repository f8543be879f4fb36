"""Who read whose data, in every service (common.access; docs/api.md, Conventions): each endpoint that answers one
application's personal data, read once by a role it admits, leaves exactly one access record in the answering
service's database naming the reader (role:subject), the application, its season and the endpoint; a refused
read (403, 404) leaves none. Auditors list each service's records by application and by reader through the same
``GET /access-log`` on every service. The four services in-process, on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from reliability_kit import SEASON, Stack, application, case, gateway_over, public_school, seat

RECORDING = ("enrollment", "points", "verification", "funding")


@pytest.fixture(scope="module")
def world(stack: Stack) -> dict[str, Any]:
    """One application known to every service: enrollment's record, verification's case (two guardians' requests),
    points' score (scored now), funding's purchased seat."""
    stack.ok(stack.call("enrollment", "POST", "/schools", "bureau", json_body=public_school("AR1")), 201)
    no = stack.ok(stack.call("enrollment", "POST", "/applications", "platform",
                             json_body=application(public=["AR1"]), key="ar-app"), 201)["application_no"]
    stack.ok(stack.call("verification", "POST", "/cases", "bureau", json_body=case(no)), 201)
    stack.ok(stack.call("points", "POST", f"/scores/{no}", "bureau", key="ar-score"))
    stack.ok(stack.call("funding", "POST", "/purchased-seats/handover", "service:enrollment",
                        json_body={"seats": [seat(no, "AR9")]}, key="ar-seat"))
    police = stack.ok(stack.call("verification", "GET", f"/queue?season={SEASON}", "police"))["items"]
    return {"no": no, "police_request": next(r["id"] for r in police if r["application_no"] == no)}


def records(stack: Stack, service: str) -> list[tuple[str, str | None, int | None, str]]:
    """Every access record of ``service``, oldest first: ``(reader, application_no, season, endpoint)``."""
    state = stack[service].app.state
    if hasattr(state, "access_recorder"):
        state.access_recorder.flush()  # points' score reads are recorded behind the answer (common.access.Recorder)
    table = state.db  # the service's own database
    module = __import__(f"{service}.models", fromlist=["access_log"])
    with table.engine.connect() as conn:
        rows = conn.execute(select(module.access_log).order_by(module.access_log.c.id)).all()
    return [(r.reader, r.application_no, r.season, r.endpoint) for r in rows]


READS = [  # service, path (with {no} / {req}), role, the reader it names, the endpoint recorded
    ("enrollment", "/applications/{no}", "platform", "platform:platform-1", "GET /applications/{no}"),
    ("enrollment", "/applications/{no}", "bureau", "bureau:bureau-1", "GET /applications/{no}"),
    ("points", "/scores/{no}", "platform", "platform:platform-1", "GET /scores/{application_no}"),
    ("points", "/scores/{no}", "auditor", "auditor:auditor-1", "GET /scores/{application_no}"),
    ("points", "/scores/{no}", "service:enrollment", "service:enrollment", "GET /scores/{application_no}"),
    ("verification", "/requests/{req}", "police", "department:dept-police", "GET /requests/{request_id}"),
    ("verification", "/requests/{req}", "bureau", "bureau:bureau-1", "GET /requests/{request_id}"),
    ("verification", "/facts/{no}", "bureau", "bureau:bureau-1", "GET /facts/{application_no}"),
    ("verification", "/facts/{no}", "service:points", "service:points", "GET /facts/{application_no}"),
    ("verification", f"/queue?season={SEASON}", "police", "department:dept-police", "GET /queue"),
    ("funding", "/reports/pupils/{no}", "auditor", "auditor:auditor-1", "GET /reports/pupils/{application_no}"),
    ("funding", "/reports/pupils/{no}", "finance", "finance:finance-1", "GET /reports/pupils/{application_no}"),
]


@pytest.mark.parametrize("service, path, role, reader, endpoint", READS,
                         ids=[f"{r[0]}-{r[1].split('/')[1].split('?')[0]}-{r[2]}" for r in READS])
def test_a_read_of_personal_data_leaves_one_record(stack, world, service, path, role, reader, endpoint):
    before = records(stack, service)
    stack.ok(stack.call(service, "GET", path.format(no=world["no"], req=world["police_request"]), role))
    new = records(stack, service)[len(before):]
    assert new == [(reader, world["no"], SEASON, endpoint)]


REFUSED = [  # reads that disclose nothing: no record
    ("enrollment", "/applications/HY2025-1-999999", "bureau", 404),
    ("enrollment", "/applications/{no}", "finance", 403),
    ("points", "/scores/HY2025-1-999999", "auditor", 404),
    ("points", "/scores/{no}", "finance", 403),
    ("verification", "/requests/{req}", "hrss", 404),  # another department's request
    ("verification", "/requests/999999", "bureau", 404),
    ("verification", "/facts/HY2025-1-999999", "bureau", 404),
    ("verification", "/facts/{no}", "platform", 403),
    ("funding", "/reports/pupils/HY2025-1-999999", "auditor", 404),
    ("funding", "/reports/pupils/{no}", "platform", 403),
]


@pytest.mark.parametrize("service, path, role, status", REFUSED)
def test_a_refused_read_leaves_no_record(stack, world, service, path, role, status):
    before = records(stack, service)
    resp = stack.call(service, "GET", path.format(no=world["no"], req=world["police_request"]), role)
    assert resp.status_code == status, resp.text[:300]
    assert records(stack, service) == before


def test_scoring_now_is_a_recorded_read_in_points_and_in_verification(stack, world):
    """``POST /scores/{no}`` answers the breakdown (recorded in points, in the write's own transaction) and reads
    the facts from verification as ``service:points`` (recorded there)."""
    points_before, facts_before = len(records(stack, "points")), len(records(stack, "verification"))
    stack.ok(stack.call("points", "POST", f"/scores/{world['no']}", "bureau", key="ar-score-again"))
    assert records(stack, "points")[points_before:] == [
        ("bureau:bureau-1", world["no"], SEASON, "POST /scores/{application_no}")]
    assert records(stack, "verification")[facts_before:] == [
        ("service:points", world["no"], SEASON, "GET /facts/{application_no}")]


def test_a_withdrawal_answers_the_application_whole_and_is_recorded(stack, world):
    no = stack.ok(stack.call("enrollment", "POST", "/applications", "platform",
                             json_body=application(public=["AR1"]), key="ar-withdrawn"), 201)["application_no"]
    before = len(records(stack, "enrollment"))
    stack.ok(stack.call("enrollment", "POST", f"/applications/{no}/withdraw", "platform", key="ar-withdraw"))
    stack.ok(stack.call("enrollment", "POST", f"/applications/{no}/withdraw", "platform", key="ar-withdraw"))
    assert records(stack, "enrollment")[before:] == [  # the replay answers the stored body: no second record
        ("platform:platform-1", no, SEASON, "POST /applications/{no}/withdraw")]


@pytest.mark.parametrize("service", RECORDING)
def test_auditors_list_each_services_records_by_application_and_reader(stack, world, service):
    stack.ok(stack.call(service, "GET", {"enrollment": "/applications/{no}", "points": "/scores/{no}",
                                         "verification": "/facts/{no}",
                                         "funding": "/reports/pupils/{no}"}[service].format(no=world["no"]),
                        "bureau"))
    by_app = stack.ok(stack.call(service, "GET", f"/access-log?application_no={world['no']}", "auditor"))["items"]
    assert by_app and {r["application_no"] for r in by_app} == {world["no"]}
    assert ("bureau:bureau-1", f"{world['no']}") in {(r["reader"], r["application_no"]) for r in by_app}
    bureau_reads = sum(r[0] == "bureau:bureau-1" for r in records(stack, service))
    by_reader = stack.ok(stack.call(service, "GET", "/access-log?reader=bureau:bureau-1&limit=1", "auditor"))
    assert [r["reader"] for r in by_reader["items"]] == ["bureau:bureau-1"]
    assert by_reader["items"][0]["at"].endswith("+08:00")
    assert (by_reader["next_cursor"] is not None) == (bureau_reads > 1)  # paged
    # reading the log is itself recorded, and only auditors read it
    assert records(stack, service)[-1] == ("auditor:auditor-1", None, None, "GET /access-log")
    assert stack.call(service, "GET", "/access-log", "bureau").status_code == 403
    dry = stack.ok(stack.call(service, "POST", "/access-log/purge?dry_run=true", "auditor"))
    assert (dry["expired"], dry["purged"], dry["dry_run"], dry["keep_years"]) == (0, 0, True, 1)
    assert records(stack, service)[-1] == ("auditor:auditor-1", None, None, "POST /access-log/purge (0 purged)")


def test_the_gateway_reaches_every_services_access_log(stack, tmp_path):
    """Through the one door, ``/api/<service>/access-log`` answers the auditor on each service (and refuses the
    bureau), so an auditor's tool lists them all the same way; the bureau's downloads answer bureau and auditors."""
    with gateway_over(stack, tmp_path) as gateway:
        for service in RECORDING:
            ok = gateway.get(f"/api/{service}/access-log?limit=1", headers={"Authorization": "Bearer tok-auditor"})
            assert ok.status_code == 200 and "items" in ok.json(), (service, ok.text[:200])
            refused = gateway.get(f"/api/{service}/access-log", headers={"Authorization": "Bearer tok-bureau"})
            assert refused.status_code == 403, (service, refused.text[:200])
        # the bureau's downloads (enrollment.router_downloads) reach bureau and auditors through the same door
        for token in ("tok-auditor", "tok-bureau"):
            book = gateway.get("/api/enrollment/reports/appeals", headers={"Authorization": f"Bearer {token}"})
            assert book.status_code == 200 and book.content[:2] == b"PK", book.text[:200]
            missing = gateway.get("/api/enrollment/reports/runs/999/rosters?format=csv",
                                  headers={"Authorization": f"Bearer {token}"})
            assert missing.status_code == 404 and missing.json()["code"] == "run_not_found"
        assert gateway.get("/api/enrollment/reports/appeals",
                           headers={"Authorization": "Bearer tok-platform"}).status_code == 403
