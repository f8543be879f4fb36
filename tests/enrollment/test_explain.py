"""Why not this school through the service (issue 13): each choice above the child's place with the school's
cut-off and the deciding step, the rule an ineligible child failed (from points), in Chinese and English."""

from __future__ import annotations


RUN = {"season": 2025, "grade": 1, "mechanism": "deferred_acceptance", "seed": 2025}


def test_why_not_this_school(world, auth):  # noqa: F811
    app, points, _, nos = world
    bureau, platform = auth("bureau"), auth("platform")
    run = app.post("/runs", json=RUN, headers=bureau).json()
    assert app.get(f"/placements/{nos['a3']}/why", headers=platform).json()["code"] == "not_published"
    draft = app.get(f"/placements/{nos['a3']}/why?run_id={run['id']}", headers=bureau).json()
    assert draft["run_state"] == "draft"
    app.post(f"/runs/{run['id']}/publish", json={}, headers=bureau)

    # a3 (西城, 85) listed S1 then S2: S1 (东城) is full with its own catchment (tier 1), a3 is tier 2 there
    why = app.get(f"/placements/{nos['a3']}/why", headers=platform).json()
    assert (why["run_id"], why["outcome"]["school_code"], why["outcome"]["choice_rank"]) == (run["id"], "S2", 2)
    first, placed = why["choices"]
    assert (first["school_code"], first["result"], first["decided_by"]) == ("S1", "below_cutoff", "tier")
    assert (first["cutoff"]["tier"], first["cutoff"]["family_score"], first["yours"]["tier"]) == (1, "80.00", 2)
    assert "第 1 梯队" in first["explanation"]["zh"] and "tier 1" in first["explanation"]["en"]
    assert (placed["school_code"], placed["result"]) == ("S2", "placed")
    assert "S2" in why["summary"]["zh"] and "choice 2" in why["summary"]["en"]

    # a4 (西城, 70): S2's last admitted is a3 (85), same tier: the family score decided; then P1, its private choice
    why = app.get(f"/placements/{nos['a4']}/why", headers=bureau).json()
    assert [(c["school_code"], c["result"], c["decided_by"]) for c in why["choices"]] == [
        ("S2", "below_cutoff", "family_score"), ("P1", "placed", None)]
    assert why["choices"][0]["cutoff"]["family_score"] == "85.00" and "70.00" in why["choices"][0]["explanation"]["en"]

    # a6 is ineligible: the rule that failed, as points explains it
    points.eligibility[nos["a6"]] = [
        {"rule": "E1", "met": True, "reason": "ok", "explanation": "符合 / met"},
        {"rule": "E3", "met": False, "reason": "child_too_young", "explanation": "未满 6 周岁 / under 6"}]
    why = app.get(f"/placements/{nos['a6']}/why", headers=platform).json()
    assert why["outcome"]["reason"] == "ineligible" and why["choices"] == []
    assert why["eligibility"] == [{"rule": "E3", "reason": "child_too_young", "explanation": "未满 6 周岁 / under 6"}]
    assert "E3" in why["summary"]["zh"] and "Not eligible (E3)" in why["summary"]["en"]
    why = app.get(f"/placements/{nos['a8']}/why", headers=platform).json()
    assert why["outcome"]["reason"] == "not_scored" and "No score yet" in why["summary"]["en"]

    assert app.get(f"/placements/{nos['a7']}/why", headers=platform).json()["code"] == "not_published"  # withdrawn
    assert app.get(f"/placements/{nos['a3']}/why?run_id=999", headers=bureau).json()["code"] == "run_not_found"
    assert app.get(f"/placements/{nos['a3']}/why", headers=auth("auditor")).status_code == 403
