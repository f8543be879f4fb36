"""A withdrawn application's verification case leaves the departments' queues (issue 17): withdrawing hands the
withdrawal to verification through the outbox, as the case itself was handed over; the case's requests become
``withdrawn`` (answered ones keep their results), no department sees them in ``GET /queue`` again, a result posted
for one is 409 ``case_withdrawn`` (a batch item too), and a re-applied child's new case is the only one queued.
Resending every hand-over (a crash before the outbox marked them) revives nothing. The real verification and
enrollment apps in process, on SQLite and PostgreSQL (the ``backend`` fixture)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import text

from enrollment_kit import application, public_school, upstreams

PERMIT = {"county_code": "331003", "status": "valid", "issued_on": "2019-03-01", "continuous_since": "2019-03-01",
          "township_code": "331003003"}


def _suite(make_service, auth):
    verification = make_service("verification")
    _, _, _, fakes = upstreams()
    enrollment = make_service("enrollment", outbox_dispatcher=False, today=date(2025, 4, 1),
                              create_app_kwargs={"http_clients": {"verification": verification,
                                                                  "points": fakes["points"],
                                                                  "funding": fakes["funding"]}})
    assert enrollment.post("/schools", json=public_school("S1"), headers=auth("bureau")).status_code == 201
    return verification, enrollment


def _flush(enrollment, auth) -> dict[str, Any]:
    status = enrollment.post("/outbox/flush", headers=auth("bureau")).json()
    assert status["pending"] == 0, status
    return status


def _queued(verification, auth, department: str) -> dict[str, list[int]]:
    """application_no → the ids of its requests in ``department``'s queue (every page)."""
    out: dict[str, list[int]] = {}
    cursor = None
    while True:
        page = verification.get("/queue", params={"season": 2025, "limit": 2, **({"cursor": cursor} if cursor else {})},
                                headers=auth("department", department)).json()
        for r in page["items"]:
            out.setdefault(r["application_no"], []).append(r["id"])
        if not (cursor := page["next_cursor"]):
            return out


def test_a_withdrawn_case_leaves_the_queues_and_takes_no_more_answers(make_service, auth):
    verification, enrollment = _suite(make_service, auth)
    platform, police, hrss = auth("platform"), auth("department", "police"), auth("department", "hrss")
    body = application(public=["S1"])
    first = enrollment.post("/applications", json=body, headers=platform).json()["application_no"]
    other = enrollment.post("/applications", json=application(public=["S1"]), headers=platform).json()[
        "application_no"]
    _flush(enrollment, auth)
    [permit] = _queued(verification, auth, "police")[first]
    [insurance] = _queued(verification, auth, "hrss")[first]
    answered = verification.post(f"/requests/{permit}/results", headers={**police, "Idempotency-Key": "a-1"},
                                 json={"outcome": "confirmed", "facts": PERMIT})
    assert answered.status_code == 201, answered.text

    assert enrollment.post(f"/applications/{first}/withdraw", headers=platform).status_code == 200
    status = _flush(enrollment, auth)
    assert status["topics"]["verification.withdrawals"] == {"pending": 0, "delivered": 1, "failing": 0}
    assert first not in _queued(verification, auth, "hrss") and first not in _queued(verification, auth, "police")
    assert other in _queued(verification, auth, "hrss")  # the others' requests stay
    for rid, who in ((permit, police), (insurance, hrss)):
        seen = verification.get(f"/requests/{rid}", headers=who).json()
        assert seen["state"] == "withdrawn", seen
    assert [r["outcome"] for r in verification.get(f"/requests/{permit}", headers=police).json()["history"]] == [
        "confirmed"]  # the answer before the withdrawal stays as history

    late = verification.post(f"/requests/{insurance}/results", headers={**hrss, "Idempotency-Key": "late-1"},
                             json={"outcome": "not_found", "facts": None})
    assert late.status_code == 409 and late.json()["code"] == "case_withdrawn", late.text
    correction = verification.post(f"/requests/{permit}/results", headers={**police, "Idempotency-Key": "late-2"},
                                   json={"outcome": "not_found", "facts": None})
    assert correction.status_code == 409 and correction.json()["code"] == "case_withdrawn", correction.text
    batch = verification.post("/results/batch", headers={**hrss, "Idempotency-Key": "late-3"},
                              json={"items": [{"request_id": insurance, "outcome": "not_found", "facts": None}]})
    assert [(i["status"], i["code"]) for i in batch.json()["items"]] == [("rejected", "case_withdrawn")], batch.text
    assert len(verification.get(f"/requests/{insurance}", headers=hrss).json()["history"]) == 0

    again = enrollment.post("/applications", json=body, headers=platform).json()["application_no"]  # re-applied
    _flush(enrollment, auth)
    police_queue, hrss_queue = _queued(verification, auth, "police"), _queued(verification, auth, "hrss")
    assert first not in police_queue and first not in hrss_queue
    assert len(police_queue[again]) == len(hrss_queue[again]) == 1

    # every hand-over sent again (a crash before the outbox marked them delivered): nothing comes back
    with enrollment.app.state.db.engine.begin() as conn:
        conn.execute(text("UPDATE outbox SET state = 'pending'"))
    status = _flush(enrollment, auth)
    assert status["topics"]["verification.withdrawals"]["delivered"] == 1
    assert first not in _queued(verification, auth, "hrss") and again in _queued(verification, auth, "hrss")
    twice = verification.post(f"/cases/{first}/withdrawal", headers=auth("bureau"))
    assert twice.status_code == 200 and {r["state"] for r in twice.json()["requests"]} == {"withdrawn"}


def test_a_case_withdrawn_before_it_was_handed_over_never_reaches_a_queue(make_service, auth):
    verification, enrollment = _suite(make_service, auth)
    platform = auth("platform")
    no = enrollment.post("/applications", json=application(public=["S1"]), headers=platform).json()["application_no"]
    assert enrollment.post(f"/applications/{no}/withdraw", headers=platform).status_code == 200
    _flush(enrollment, auth)  # the case first, then its withdrawal, in one pass
    assert no not in _queued(verification, auth, "police") and no not in _queued(verification, auth, "hrss")
    unknown = verification.post("/cases/HY2025-1-999999/withdrawal", headers=auth("bureau"))
    assert unknown.status_code == 404 and unknown.json()["code"] == "case_not_found"  # retried by the outbox


def test_a_withdrawn_case_takes_no_recheck(make_service, auth):
    verification, enrollment = _suite(make_service, auth)
    platform = auth("platform")
    no = enrollment.post("/applications", json=application(public=["S1"]), headers=platform).json()["application_no"]
    _flush(enrollment, auth)
    enrollment.post(f"/applications/{no}/withdraw", headers=platform)
    _flush(enrollment, auth)
    recheck = verification.post("/rechecks", headers=auth("bureau"), json={
        "ref": "enrollment-appeal-1", "application_no": no, "guardian_no": 1, "kind": "residence_permit",
        "ground": "起始日有误"})
    assert recheck.status_code == 409 and recheck.json()["code"] == "case_withdrawn", recheck.text
    assert no not in _queued(verification, auth, "police")
