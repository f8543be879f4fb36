"""The platform follows a whole small season through ``GET /events`` alone (issue 13), across the real enrollment,
verification and points apps in process: submitted, verified, scored, placed, an appeal's correction (verified and
scored again), moved by the re-run, final, withdrawn — in order, paged, resumable from any cursor."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from enrollment_kit import MONDAY, PERMIT, TOWN_A, answer_queue, application, insurance, public_school


def read_feed(enrollment, platform, *, after: int = 0, limit: int = 1000) -> list[dict]:
    out = []
    while True:
        page = enrollment.get(f"/events?after={after}&limit={limit}", headers=platform)
        assert page.status_code == 200, page.text
        body = page.json()
        out += body["items"]
        after = body["last_id"]
        if body["next_cursor"] is None:
            return out


def test_the_platform_follows_a_season_through_the_feed_alone(suite, auth, backend):
    verification, points, enrollment = suite
    bureau, platform = auth("bureau"), auth("platform")
    enrollment.post("/schools", json=public_school("S1", TOWN_A), headers=bureau)
    enrollment.put("/schools/S1/seats/2025/1", json={"migrant_seats": 2}, headers=bureau)
    enrollment.app.state.clock = lambda: date(2025, 4, 1)  # before the withdrawal cut-off
    nos = [enrollment.post("/applications", json=application(public=["S1"]), headers=platform).json()[
        "application_no"] for _ in range(4)]
    appellant, gone = nos[0], nos[3]
    assert enrollment.post(f"/applications/{gone}/withdraw", headers=platform).status_code == 200
    enrollment.app.state.clock = lambda: MONDAY
    enrollment.post("/outbox/flush", headers=bureau)
    answer_queue(verification, auth, "police", lambda r: ("confirmed", PERMIT))
    answer_queue(verification, auth, "hrss", lambda r: ("not_found", None) if r["application_no"] == appellant
                 else ("confirmed", insurance(30)))
    flushed = enrollment.post("/outbox/flush", headers=bureau).json()
    # the withdrawn application's checks left the departments' queues (handed over with its case): 3 verified
    assert flushed["feed"]["recorded"]["verified"] == 3 and not flushed["feed"]["errors"], flushed
    job = points.post("/scoring-jobs", json={"season": 2025, "grade": 1}, headers=bureau).json()
    for _ in range(200):
        if points.get(f"/scoring-jobs/{job['id']}", headers=bureau).json()["state"] != "running":
            break
    assert enrollment.post("/outbox/flush", headers=bureau).json()["feed"]["recorded"]["scored"] == 4
    assert enrollment.post("/outbox/flush", headers=bureau).json()["feed"]["recorded"] == {"verified": 0,
                                                                                          "scored": 0}
    run = enrollment.post("/runs", json={"season": 2025, "grade": 1, "seed": "s"}, headers=bureau).json()
    enrollment.post(f"/runs/{run['id']}/publish", headers=bureau)
    appeal = enrollment.post("/appeals", headers=platform, json={
        "run_id": run["id"], "application_no": appellant, "reason": "社保漏登",
        "disputes": {"type": "fact", "guardian_no": 1, "kind": "social_insurance"}}).json()
    enrollment.post(f"/appeals/{appeal['id']}/decision", json={"decision": "upheld"}, headers=bureau)
    enrollment.post("/outbox/flush", headers=bureau)
    answer_queue(verification, auth, "hrss", lambda r: ("confirmed", insurance(60)))
    enrollment.post("/outbox/flush", headers=bureau)  # rescored; then the feed sees the new facts and score
    enrollment.post("/outbox/flush", headers=bureau)
    rerun = enrollment.post("/runs", json={"season": 2025, "grade": 1, "seed": "s"}, headers=bureau).json()
    enrollment.post(f"/runs/{rerun['id']}/publish", headers=bureau)
    assert enrollment.post(f"/runs/{rerun['id']}/finalise", headers=bureau).status_code == 200

    # the platform's view: the feed alone
    feed = read_feed(enrollment, platform)
    ids = [e["id"] for e in feed]
    assert ids == sorted(set(ids))
    assert read_feed(enrollment, platform, limit=3) == feed  # paged
    middle = ids[len(ids) // 2]
    assert read_feed(enrollment, platform, after=middle, limit=4) == [e for e in feed if e["id"] > middle]
    kinds = defaultdict(list)
    for e in feed:
        kinds[e["application_no"]].append(e["kind"])
    assert kinds[gone][:2] == ["submitted", "withdrawn"] and "final" not in kinds[gone]
    for no in nos[:3]:
        seen = kinds[no]
        assert seen[0] == "submitted" and seen[-1] == "final", (no, seen)
        assert seen.index("verified") < seen.index("scored") < seen.index("placed") < seen.index("final")
    assert kinds[appellant].count("verified") == 2 and kinds[appellant].count("scored") == 2
    moved = [e for e in feed if e["kind"] == "moved"]
    assert appellant in {e["application_no"] for e in moved} and all(e["run_id"] == rerun["id"] for e in moved)
    last = {e["application_no"]: e for e in feed if e["kind"] == "final"}
    status = enrollment.post("/placements/status", json={"application_nos": nos[:3]}, headers=platform).json()
    for item in status["items"]:
        assert last[item["application_no"]]["data"]["school_code"] == item["school_code"]
    assert last[appellant]["data"]["school_code"] == "S1"
    scored = [e for e in feed if e["application_no"] == appellant and e["kind"] == "scored"]
    assert [e["data"]["eligible"] for e in scored] == [False, True]
