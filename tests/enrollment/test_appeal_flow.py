"""Appeals that carry themselves (issue 13), end to end across the real enrollment, verification and points apps in
process: an appeal on a guardian's social-insurance fact goes to hrss's queue marked as an appeal with the family's
ground, hrss's corrected result rescores the application through points, the bureau sees the appeal in the re-run
preview, the re-run includes it and its diff says the appeal moved the child."""

from __future__ import annotations

import threading
import time
from decimal import Decimal

from enrollment.appeals_flow import AppealFlow
from enrollment.clients import ScoreView
from enrollment_kit import MONDAY, PERMIT, TOWN_A, answer_queue, application, insurance, public_school, upstreams

def upheld_on_a_fact(suite, auth):
    """Three children for S1's two seats, the appellant's social insurance not found so run 1 leaves it out; its
    appeal on that fact lodged and upheld → ``(appellant, run 1, appeal id)``."""
    verification, points, enrollment = suite
    bureau, platform = auth("bureau"), auth("platform")
    assert enrollment.post("/schools", json=public_school("S1", TOWN_A), headers=bureau).status_code == 201
    enrollment.put("/schools/S1/seats/2025/1", json={"migrant_seats": 2}, headers=bureau)
    nos = [enrollment.post("/applications", json=application(public=["S1"]), headers=platform).json()["application_no"]
           for _ in range(3)]
    appellant = nos[0]
    assert enrollment.post("/outbox/flush", headers=bureau).json()["topics"]["verification.cases"]["delivered"] == 3
    answer_queue(verification, auth, "police", lambda r: ("confirmed", PERMIT))
    answer_queue(verification, auth, "hrss", lambda r: ("not_found", None) if r["application_no"] == appellant
                 else ("confirmed", insurance(30)))
    for no in nos:
        assert points.post(f"/scores/{no}", headers=bureau).status_code == 200
    run = enrollment.post("/runs", json={"season": 2025, "grade": 1, "seed": "s"}, headers=bureau).json()
    assert enrollment.post(f"/runs/{run['id']}/publish", headers=bureau).status_code == 200
    assert enrollment.get(f"/placements/{appellant}", headers=bureau).json()["school_code"] is None

    lodged = enrollment.post("/appeals", headers=platform, json={
        "run_id": run["id"], "application_no": appellant, "reason": "社保缴费记录漏登 (contributions missing)",
        "disputes": {"type": "fact", "guardian_no": 1, "kind": "social_insurance"}})
    assert lodged.status_code == 201, lodged.text
    assert lodged.json()["disputes"] == {"type": "fact", "guardian_no": 1, "kind": "social_insurance"}
    assert lodged.json()["progress"] is None
    appeal_id = lodged.json()["id"]
    decided = enrollment.post(f"/appeals/{appeal_id}/decision", json={"decision": "upheld"}, headers=bureau).json()
    assert decided["state"] == "upheld" and decided["progress"] == "waiting_for_department"
    return appellant, run, appeal_id


def test_an_upheld_appeal_on_a_fact_is_rechecked_rescored_and_moves_the_child(suite, auth, backend):
    verification, points, enrollment = suite
    bureau, platform = auth("bureau"), auth("platform")
    appellant, run, appeal_id = upheld_on_a_fact(suite, auth)

    # the outbox hands the re-check to verification: hrss's queue, marked as the appeal with the family's ground
    flushed = enrollment.post("/outbox/flush", headers=bureau).json()
    assert flushed["topics"]["verification.rechecks"]["delivered"] == 1, flushed
    assert flushed["appeals"]["waiting"] == 1
    assert not verification.get("/queue", headers=auth("department", "police")).json()["items"]
    marked = verification.get("/queue", headers=auth("department", "hrss")).json()["items"]
    assert [(r["application_no"], r["guardian_no"], r["kind"]) for r in marked] == [(appellant, 1, "social_insurance")]
    assert marked[0]["recheck"]["appeal_ref"] == f"enrollment-appeal-{appeal_id}"
    assert "漏登" in marked[0]["recheck"]["ground"]
    waiting = enrollment.get(f"/appeals/{appeal_id}", headers=platform).json()
    assert waiting["progress"] == "waiting_for_department" and waiting["department"] == "hrss"
    preview = enrollment.get("/runs/preview?season=2025&grade=1", headers=bureau).json()
    assert "waiting_for_department" in preview, preview
    assert [a["id"] for a in preview["waiting_for_department"]] == [appeal_id] and not preview["would_include"]

    # hrss corrects its answer; the next pass rescores the application through points
    answer_queue(verification, auth, "hrss", lambda r: ("confirmed", insurance(60)))
    assert enrollment.post("/outbox/flush", headers=bureau).json()["appeals"]["rescored"] == 1
    rescored = enrollment.get(f"/appeals/{appeal_id}", headers=bureau).json()
    assert rescored["progress"] == "rescored" and rescored["recheck"]["outcome"] == "confirmed"
    assert rescored["score"]["eligible"] is True
    assert points.get(f"/scores/{appellant}", headers=bureau).json()["family_score"] == rescored["score"][
        "family_score"]
    assert enrollment.post("/outbox/flush", headers=bureau).json()["appeals"]["looked_at"] == 0  # done with it
    preview = enrollment.get("/runs/preview?season=2025&grade=1", headers=bureau).json()
    assert [a["id"] for a in preview["would_include"]] == [appeal_id] and not preview["waiting_for_department"]

    # the re-run includes it, and its diff says the appeal moved the child
    rerun = enrollment.post("/runs", json={"season": 2025, "grade": 1, "seed": "s"}, headers=bureau).json()
    assert enrollment.post(f"/runs/{rerun['id']}/publish", headers=bureau).status_code == 200
    included = enrollment.get(f"/appeals/{appeal_id}", headers=bureau).json()
    assert included["progress"] == "included_in_run" and included["included_run_id"] == rerun["id"]
    assert enrollment.get(f"/placements/{appellant}", headers=bureau).json()["school_code"] == "S1"
    diff = enrollment.get(f"/runs/{rerun['id']}/diff", headers=bureau).json()
    moved = {i["application_no"]: i for i in diff["items"]}
    assert moved[appellant]["change"] == "newly_placed" and "appeal_upheld" in moved[appellant]["reasons"]
    assert diff["counts"]["lost_place"] == 1 and diff["reasons"]["appeal_upheld"] == 1
    preview = enrollment.get("/runs/preview?season=2025&grade=1", headers=bureau).json()
    assert [a["id"] for a in preview["included"]] == [appeal_id] and not preview["would_include"]


def test_a_disputed_placement_rule_is_ready_at_once_and_a_bad_fact_is_refused(world, auth):
    app, points, funding, nos = world
    bureau, platform = auth("bureau"), auth("platform")
    run = app.post("/runs", json={"season": 2025, "grade": 1, "seed": "s"}, headers=bureau).json()
    app.post(f"/runs/{run['id']}/publish", headers=bureau)
    for guardian_no, field in ((2, "disputes.guardian_no"), (3, "disputes.fact.guardian_no"),
                               (0, "disputes.fact.guardian_no")):  # a1 lists one guardian; 3 and 0 none ever
        bad = app.post("/appeals", headers=platform, json={
            "run_id": run["id"], "application_no": nos["a1"], "reason": "x",
            "disputes": {"type": "fact", "guardian_no": guardian_no, "kind": "social_insurance"}})
        assert bad.status_code == 422, bad.text
        assert [(e["field"], e["code"]) for e in bad.json()["errors"]] == [(field, "unknown_guardian")], bad.text
    unclaimed = app.post("/appeals", headers=platform, json={
        "run_id": run["id"], "application_no": nos["a1"], "reason": "x",
        "disputes": {"type": "fact", "guardian_no": 1, "kind": "housing"}})
    assert unclaimed.status_code == 422 and unclaimed.json()["code"] == "no_such_fact"
    rule = app.post("/appeals", headers=platform, json={
        "run_id": run["id"], "application_no": nos["a6"], "reason": "学区划分有误",
        "disputes": {"type": "placement_rule", "rule": "catchment"}}).json()
    decided = app.post(f"/appeals/{rule['id']}/decision", json={"decision": "upheld"}, headers=bureau).json()
    assert decided["progress"] == "ready_for_rerun" and decided["disputes"]["rule"] == "catchment"
    assert app.get("/outbox", headers=bureau).json()["topics"]["verification.rechecks"]["pending"] == 0
    preview = app.get("/runs/preview?season=2025&grade=1", headers=bureau).json()
    assert [a["id"] for a in preview["would_include"]] == [rule["id"]]
    assert app.get("/runs/preview?season=2025&grade=7", headers=bureau).json()["would_include"] == []
    assert app.get("/runs/preview?season=2025&grade=3", headers=bureau).status_code == 422
    assert app.get("/appeals/999", headers=bureau).status_code == 404


class _Answered:
    """verification: every re-check answered by hrss (result 41)."""

    def recheck(self, ref):
        return {"ref": ref, "open": False, "department": "hrss", "result": {"id": 41, "outcome": "confirmed"}}


class _SlowPoints:
    """points: records each rescoring, slowly, so that two processes overlap."""

    def __init__(self):
        self.calls, self.lock = [], threading.Lock()

    def score_now(self, application_no, *, idempotency_key):
        time.sleep(0.05)
        with self.lock:
            self.calls.append((application_no, idempotency_key))
        return ScoreView(application_no, True, Decimal("64.00"), Decimal("0.00"), None, TOWN_A, "HY-2025")


def test_two_processes_rescore_each_appeal_once(world, auth, backend):
    app, points, funding, nos = world
    bureau, platform = auth("bureau"), auth("platform")
    run = app.post("/runs", json={"season": 2025, "grade": 1, "seed": "s"}, headers=bureau).json()
    app.post(f"/runs/{run['id']}/publish", headers=bureau)
    ids = []
    for name in ("a1", "a2", "a3", "a4", "a5", "a6"):
        appeal = app.post("/appeals", headers=platform, json={
            "run_id": run["id"], "application_no": nos[name], "reason": "x",
            "disputes": {"type": "fact", "guardian_no": 1, "kind": "residence_permit"}}).json()
        app.post(f"/appeals/{appeal['id']}/decision", json={"decision": "upheld"}, headers=bureau)
        ids.append(appeal["id"])
    scorer = _SlowPoints()
    flows = [AppealFlow(app.app.state.db, verification=_Answered(), points=scorer, batch_size=2) for _ in range(2)]
    threads = [threading.Thread(target=f.follow) for f in flows]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(no for no, _ in scorer.calls) == sorted(nos[n] for n in ("a1", "a2", "a3", "a4", "a5", "a6"))
    assert len({key for _, key in scorer.calls}) == 6
    states = [app.get(f"/appeals/{i}", headers=bureau).json() for i in ids]
    assert {s["progress"] for s in states} == {"rescored"} and {s["score"]["family_score"] for s in states} == {"64.00"}
    assert all(f.follow().looked_at == 0 for f in flows)  # nothing left for either


class _Open:
    """verification: every re-check still open at hrss."""

    def recheck(self, ref):
        return {"ref": ref, "open": True, "department": "hrss", "result": None}


def test_a_flush_looks_at_each_waiting_appeal_once_however_many(world, auth):
    app, points, funding, nos = world
    bureau, platform = auth("bureau"), auth("platform")
    run = app.post("/runs", json={"season": 2025, "grade": 1, "seed": "s"}, headers=bureau).json()
    app.post(f"/runs/{run['id']}/publish", headers=bureau)
    for name in ("a1", "a2", "a3", "a4", "a5"):
        appeal = app.post("/appeals", headers=platform, json={
            "run_id": run["id"], "application_no": nos[name], "reason": "x",
            "disputes": {"type": "fact", "guardian_no": 1, "kind": "social_insurance"}}).json()
        app.post(f"/appeals/{appeal['id']}/decision", json={"decision": "upheld"}, headers=bureau)
    flow = AppealFlow(app.app.state.db, verification=_Open(), points=_SlowPoints(), batch_size=2)
    looked = flow.follow(now_too=True)  # more waiting appeals than a batch, all still open: each looked at once
    assert (looked.looked_at, looked.waiting, looked.rescored) == (5, 5, 0)
    assert flow.follow().looked_at == 0  # none due again before its wait
    states = app.get("/appeals", headers=bureau).json()["items"]
    assert {(a["progress"], a["department"]) for a in states} == {("waiting_for_department", "hrss")}


def test_a_rescoring_landing_while_a_run_is_made_waits_for_the_next_run(suite, auth, backend, monkeypatch):
    """The race (issue 13): the appeal is rescored after the run fetched its scores but before the run is created.
    That run placed with the old score, so publishing it must not mark the appeal included; the next run, whose
    snapshot holds the rescored score, does."""
    verification, points, enrollment = suite
    bureau = auth("bureau")
    appellant, _, appeal_id = upheld_on_a_fact(suite, auth)
    assert enrollment.post("/outbox/flush", headers=bureau).json()["appeals"]["waiting"] == 1
    answer_queue(verification, auth, "hrss", lambda r: ("confirmed", insurance(60)))  # corrected, not yet rescored

    client, state = enrollment.app.state.clients["points"], enrollment.app.state
    fetch = client.scores

    def fetch_then_rescore(season, grade):
        got = fetch(season, grade)  # the run's scores: the appellant's old one
        assert state.dispatcher.appeals.follow(now_too=True).rescored == 1  # the rescoring lands now
        return got
    monkeypatch.setattr(client, "scores", fetch_then_rescore)
    raced = enrollment.post("/runs", json={"season": 2025, "grade": 1, "seed": "s"}, headers=bureau).json()
    monkeypatch.undo()
    rescored = enrollment.get(f"/appeals/{appeal_id}", headers=bureau).json()
    assert rescored["progress"] == "rescored" and rescored["score"]["eligible"] is True
    assert rescored["score"]["facts_digest"] == points.get(f"/scores/{appellant}", headers=bureau).json()[
        "facts_digest"]
    assert enrollment.post(f"/runs/{raced['id']}/publish", headers=bureau).status_code == 200
    assert enrollment.get(f"/placements/{appellant}", headers=bureau).json()["school_code"] is None  # old score
    after_race = enrollment.get(f"/appeals/{appeal_id}", headers=bureau).json()
    assert after_race["progress"] == "rescored" and after_race["included_run_id"] is None
    preview = enrollment.get("/runs/preview?season=2025&grade=1", headers=bureau).json()
    assert [a["id"] for a in preview["would_include"]] == [appeal_id]

    rerun = enrollment.post("/runs", json={"season": 2025, "grade": 1, "seed": "s"}, headers=bureau).json()
    assert enrollment.post(f"/runs/{rerun['id']}/publish", headers=bureau).status_code == 200
    included = enrollment.get(f"/appeals/{appeal_id}", headers=bureau).json()
    assert included["progress"] == "included_in_run" and included["included_run_id"] == rerun["id"]
    assert enrollment.get(f"/placements/{appellant}", headers=bureau).json()["school_code"] == "S1"


def test_the_bureau_names_the_disputed_fact_when_upholding(world, auth):
    """An appeal lodged naming nothing: upholding, the bureau names the fact (a re-check is queued) or a rule;
    naming with a rejection, or a fact the application does not have, is refused and writes nothing."""
    app, points, funding, nos = world
    bureau, platform = auth("bureau"), auth("platform")
    run = app.post("/runs", json={"season": 2025, "grade": 1, "seed": "s"}, headers=bureau).json()
    app.post(f"/runs/{run['id']}/publish", headers=bureau)
    lodged = [app.post("/appeals", headers=platform, json={"run_id": run["id"], "application_no": nos[n],
                                                           "reason": "x"}).json() for n in ("a1", "a2")]
    assert [a["disputes"] for a in lodged] == [None, None]
    fact = {"type": "fact", "guardian_no": 1, "kind": "residence_permit"}
    for body, code in (({"decision": "rejected", "disputes": fact}, "disputes_when_upheld"),
                       ({"decision": "upheld", "disputes": {**fact, "kind": "housing"}}, "no_such_fact"),
                       ({"decision": "upheld", "disputes": {**fact, "guardian_no": 2}}, "unknown_guardian"),
                       ({"decision": "upheld", "disputes": {**fact, "guardian_no": 3}}, "validation_error")):
        refused = app.post(f"/appeals/{lodged[0]['id']}/decision", json=body, headers=bureau)
        assert refused.status_code == 422 and refused.json()["code"] == code, refused.text
    assert app.get(f"/appeals/{lodged[0]['id']}", headers=bureau).json()["state"] == "lodged"
    upheld = app.post(f"/appeals/{lodged[0]['id']}/decision", json={"decision": "upheld", "disputes": fact},
                      headers=bureau).json()
    assert upheld["disputes"] == fact and upheld["progress"] == "waiting_for_department"
    assert app.get("/outbox", headers=bureau).json()["topics"]["verification.rechecks"]["pending"] == 1
    rule = app.post(f"/appeals/{lodged[1]['id']}/decision", headers=bureau, json={
        "decision": "upheld", "disputes": {"type": "placement_rule", "rule": "catchment"}}).json()
    assert rule["disputes"] == {"type": "placement_rule", "rule": "catchment"} and rule["progress"] == "ready_for_rerun"


def test_a_withdrawn_application_takes_no_appeal_and_its_pending_recheck_settles(make_service, auth, backend):
    """An appeal upheld, then the family withdraws before the outbox hands the re-check over: verification answers
    the re-check 409 ``case_withdrawn`` for good, so the row is settled (delivered, the answer kept), never retried
    for ever; a second appeal of the withdrawn application, or upholding one, is 409 ``application_withdrawn``.
    Withdrawals close on 04-30 by default, before any run: this district keeps them open to the end of the year."""
    verification = make_service("verification")
    points = make_service("points", create_app_kwargs={"http_clients": {"verification": verification}})
    enrollment = make_service("enrollment", outbox_dispatcher=False, today=MONDAY, withdraw_cutoff="12-31",
                              create_app_kwargs={"http_clients": {"verification": verification, "points": points,
                                                                  "funding": upstreams()[3]["funding"]}})
    suite = verification, points, enrollment
    bureau, platform = auth("bureau"), auth("platform")
    appellant, run, _ = upheld_on_a_fact(suite, auth)
    other = next(p["application_no"] for p in enrollment.get(f"/runs/{run['id']}/placements", headers=bureau)
                 .json()["items"] if p["application_no"] != appellant)
    late = enrollment.post("/appeals", headers=platform, json={"run_id": run["id"], "application_no": other,
                                                               "reason": "分数有误 (score wrong)"})
    assert late.status_code == 201, late.text

    assert enrollment.post(f"/applications/{appellant}/withdraw", headers=platform).status_code == 200
    assert enrollment.post(f"/applications/{other}/withdraw", headers=platform).status_code == 200
    flushed = enrollment.post("/outbox/flush", headers=bureau).json()
    assert flushed["topics"]["verification.rechecks"] == {"pending": 0, "delivered": 1, "failing": 0}, flushed
    assert flushed["topics"]["verification.withdrawals"]["delivered"] == 2, flushed
    assert enrollment.post("/outbox/flush", headers=bureau).json()["failing"] == 0
    assert not [r for r in verification.get("/queue", headers=auth("department", "hrss")).json()["items"]
                if r["application_no"] == appellant]

    again = enrollment.post("/appeals", headers=platform, json={"run_id": run["id"], "application_no": appellant,
                                                                "reason": "再次复核 (again)"})
    assert again.status_code == 409 and again.json()["code"] == "application_withdrawn", again.text
    upheld = enrollment.post(f"/appeals/{late.json()['id']}/decision", json={"decision": "upheld"}, headers=bureau)
    assert upheld.status_code == 409 and upheld.json()["code"] == "application_withdrawn", upheld.text
    assert enrollment.get(f"/appeals/{late.json()['id']}", headers=bureau).json()["state"] == "lodged"
    rejected = enrollment.post(f"/appeals/{late.json()['id']}/decision", json={"decision": "rejected"}, headers=bureau)
    assert rejected.status_code == 200 and rejected.json()["state"] == "rejected", rejected.text
