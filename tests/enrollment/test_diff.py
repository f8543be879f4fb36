"""Who moved between two runs of a grade, and why (issue 13): a re-run after an upheld appeal against the run it
replaces, then a re-run after a withdrawal, a new application and more seats, and any two runs on request."""

from __future__ import annotations

from datetime import date

from enrollment_kit import MONDAY, TOWN_C, application

RUN = {"season": 2025, "grade": 1, "mechanism": "deferred_acceptance", "seed": 2025}


def _moves(answer, who):
    return {who[i["application_no"]]: (i["change"], (i["from"] or {}).get("school_code"),
                                       (i["to"] or {}).get("school_code"), i["reasons"]) for i in answer["items"]}


def test_a_rerun_says_who_moved_and_why(world, auth):  # noqa: F811
    app, points, _, nos = world
    bureau, platform = auth("bureau"), auth("platform")
    who = {v: k for k, v in nos.items()}
    run1 = app.post("/runs", json=RUN, headers=bureau).json()
    assert app.get(f"/runs/{run1['id']}/diff", headers=bureau).json()["code"] == "no_previous_run"
    app.post(f"/runs/{run1['id']}/publish", json={}, headers=bureau)
    appeal = app.post("/appeals", json={"run_id": run1["id"], "application_no": nos["a4"], "reason": "社保"},
                      headers=platform).json()
    app.post(f"/appeals/{appeal['id']}/decision", json={"decision": "upheld"}, headers=bureau)
    points.set(nos["a4"], "88.00", township="331003003")
    run2 = app.post("/runs", json=RUN, headers=bureau).json()

    moved = app.get(f"/runs/{run2['id']}/diff", headers=platform).json()  # against the run it replaced
    assert (moved["run_id"], moved["against"], moved["season"], moved["grade"]) == (run2["id"], run1["id"], 2025, 1)
    # a4 (now 88) takes S2 from a3 (85), who goes to district placement at P1
    assert _moves(moved, who) == {"a3": ("moved", "S2", "P1", ["knock_on"]),
                                  "a4": ("moved", "P1", "S2", ["appeal_upheld", "fact_corrected"])}
    assert moved["counts"] == {"compared": 7, "unchanged": 5, "moved": 2, "newly_placed": 0, "lost_place": 0,
                               "entered": 0, "left": 0}
    assert moved["reasons"] == {"appeal_upheld": 1, "fact_corrected": 1, "withdrawal": 0, "new_application": 0,
                                "changed_seats": 0, "knock_on": 1}
    a3 = next(i for i in moved["items"] if i["application_no"] == nos["a3"])
    assert a3["from"] == {"school_code": "S2", "round": 1, "tier": 1, "choice_rank": 2, "reason": None}
    assert a3["to"] == {"school_code": "P1", "round": 3, "tier": None, "choice_rank": None, "reason": None}

    # a5 withdraws (before the cut-off), a9 applies, S2 gets a second seat
    app.app.state.clock = lambda: date(2025, 4, 2)
    assert app.post(f"/applications/{nos['a5']}/withdraw", headers=platform).status_code == 200
    a9 = app.post("/applications", json=application(public=["S1"], private=["P2"], township=TOWN_C),
                  headers=platform).json()["application_no"]
    who[a9] = "a9"
    points.set(a9, "50.00", township=TOWN_C)
    app.app.state.clock = lambda: MONDAY
    assert app.put("/schools/S2/seats/2025/1", json={"migrant_seats": 2}, headers=bureau).status_code == 200
    run3 = app.post("/runs", json=RUN, headers=bureau).json()
    later = app.get(f"/runs/{run3['id']}/diff", headers=bureau).json()
    assert later["against"] == run2["id"]
    assert _moves(later, who) == {"a3": ("moved", "P1", "S2", ["changed_seats"]),
                                  "a5": ("lost_place", "P2", None, ["withdrawal"]),
                                  "a9": ("newly_placed", None, "P2", ["new_application"])}
    assert later["seats_changed"] == [{"school_code": "S2", "before": 1, "after": 2}]
    assert (later["counts"]["entered"], later["counts"]["left"], later["counts"]["compared"]) == (1, 1, 8)
    a5 = next(i for i in later["items"] if i["application_no"] == nos["a5"])
    assert a5["to"] is None

    # any two on request: run 1 → run 3; the appeal on run 1 counts; a3 is back where it was
    across = app.get(f"/runs/{run3['id']}/diff?against={run1['id']}", headers=bureau).json()
    assert _moves(across, who) == {"a4": ("moved", "P1", "S2", ["appeal_upheld", "fact_corrected", "changed_seats"]),
                                   "a5": ("lost_place", "P2", None, ["withdrawal"]),
                                   "a9": ("newly_placed", None, "P2", ["new_application"])}
    assert app.get(f"/runs/{run3['id']}/diff?against=999", headers=bureau).json()["code"] == "run_not_found"
    other = app.post("/runs", json={**RUN, "grade": 7}, headers=bureau).json()
    wrong = app.get(f"/runs/{run3['id']}/diff?against={other['id']}", headers=bureau)
    assert wrong.status_code == 422 and wrong.json()["code"] == "other_grade"
    assert app.get(f"/runs/{run3['id']}/diff", headers=auth("auditor")).status_code == 403
