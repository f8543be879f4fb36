"""The platform's feed (issue 13): every change of an application's state in order through GET /events — submitted,
withdrawn, placed, moved by a re-run, final — resumable from any id, paged; bulk status for many applications."""

from __future__ import annotations


RUN = {"season": 2025, "grade": 1, "mechanism": "deferred_acceptance", "seed": 2025}


def _follow(app, headers, after=0, limit=3):
    """The whole feed after ``after``, page by page, as the platform reads it."""
    seen = []
    while True:
        page = app.get(f"/events?after={after}&limit={limit}", headers=headers).json()
        seen += page["items"]
        after = page["last_id"]
        if page["next_cursor"] is None:
            return seen, after


def test_the_platform_follows_a_season_through_events_alone(world, auth):  # noqa: F811
    app, points, _, nos = world
    bureau, platform = auth("bureau"), auth("platform")
    who = {v: k for k, v in nos.items()}
    feed, cursor = _follow(app, platform)
    assert [(e["kind"], who[e["application_no"]]) for e in feed] == [
        *[("submitted", f"a{i}") for i in range(1, 9)], ("withdrawn", "a7")]
    assert [e["id"] for e in feed] == sorted({e["id"] for e in feed})  # stable, increasing, no repeats

    run1 = app.post("/runs", json=RUN, headers=bureau).json()
    assert _follow(app, platform, cursor)[0] == []  # a draft is nobody's business yet
    app.post(f"/runs/{run1['id']}/publish", json={}, headers=bureau)
    placed, cursor2 = _follow(app, platform, cursor)
    assert {who[e["application_no"]]: (e["kind"], e["data"]["school_code"], e["data"]["reason"]) for e in placed} == {
        "a1": ("placed", "S1", None), "a2": ("placed", "S1", None), "a3": ("placed", "S2", None),
        "a4": ("placed", "P1", None), "a5": ("placed", "P2", None), "a6": ("placed", None, "ineligible"),
        "a8": ("placed", None, "not_scored")}
    assert all(e["run_id"] == run1["id"] and e["season"] == 2025 and e["grade"] == 1 for e in placed)

    appeal = app.post("/appeals", json={"run_id": run1["id"], "application_no": nos["a4"], "reason": "社保"},
                      headers=platform).json()
    app.post(f"/appeals/{appeal['id']}/decision", json={"decision": "upheld"}, headers=bureau)
    points.set(nos["a4"], "88.00", township="331003003")
    run2 = app.post("/runs", json=RUN, headers=bureau).json()
    app.post(f"/runs/{run2['id']}/publish", json={}, headers=bureau)
    final = app.post(f"/runs/{run2['id']}/finalise", headers=bureau)
    assert final.status_code == 200, final.text
    rest, _ = _follow(app, platform, cursor2)
    moved = [(who[e["application_no"]], e["data"]["from"]["school_code"], e["data"]["school_code"])
             for e in rest if e["kind"] == "moved"]
    assert moved == [("a3", "S2", "P1"), ("a4", "P1", "S2")]
    assert {e["data"]["previous_run_id"] for e in rest if e["kind"] == "moved"} == {run1["id"]}
    finals = {who[e["application_no"]]: e["data"]["school_code"] for e in rest if e["kind"] == "final"}
    assert finals == {"a1": "S1", "a2": "S1", "a3": "P1", "a4": "S2", "a5": "P2", "a6": None, "a8": None}
    assert [e["kind"] for e in rest] == ["moved"] * 2 + ["final"] * 7

    # the whole season again from the start, in one page or many: the same events, the same ids
    whole, _ = _follow(app, bureau, 0, limit=1000)
    assert whole == feed + placed + rest
    mid = whole[4]["id"]
    assert _follow(app, platform, mid, limit=2)[0] == whole[5:]

    status = app.post("/placements/status", json={"application_nos": [nos["a4"], nos["a7"], nos["a4"],
                                                                      "HY2025-1-999999"]}, headers=platform)
    assert status.status_code == 200, status.text
    items = {i["application_no"]: i for i in status.json()["items"]}
    assert len(status.json()["items"]) == 3
    assert (items[nos["a4"]]["school_code"], items[nos["a4"]]["run_state"], items[nos["a4"]]["round"]) == \
        ("S2", "final", 1)
    assert (items[nos["a7"]]["state"], items[nos["a7"]]["run_id"]) == ("withdrawn", None)
    assert items["HY2025-1-999999"]["found"] is False
    bad = app.post("/placements/status", json={"application_nos": ["nope"]}, headers=platform)
    assert bad.status_code == 422 and bad.json()["field"] == "application_nos.0"
    assert app.get("/events", headers=auth("auditor")).status_code == 403
