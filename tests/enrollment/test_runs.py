"""Placement runs end to end with a fake points service: snapshot, publish (公示), appeal (复核), re-run, finalise,
hand-over of purchased seats to funding; reproducibility; concurrent finalisation; reports — BRIEF §4, §6."""

from __future__ import annotations

import io
import threading
from datetime import date

from openpyxl import load_workbook

from common.sheet_writer import read_csv
from enrollment_kit import TOWN_A, TOWN_B, TOWN_C, application, private_school, upstreams

TOWNSHIP_HEADER = ["grade", "township_code", "township_name", "demand", "public_seats", "placed_public",
                   "placed_purchased", "waitlisted", "public_share", "meets_target", "shortfall", "needs_more_seats"]


def _placements(app, auth, run_id):
    items, cursor = [], None
    while True:
        page = app.get(f"/runs/{run_id}/placements?limit=3" + (f"&cursor={cursor}" if cursor else ""),
                       headers=auth("bureau")).json()
        items += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            return {p["application_no"]: p for p in items}


def test_run_publish_appeal_rerun_finalise_handover(world, auth, backend):
    app, points, funding, nos = world
    bureau, platform = auth("bureau"), auth("platform")
    who = {v: k for k, v in nos.items()}

    first = app.post("/runs", json={"season": 2025, "grade": 1, "mechanism": "deferred_acceptance", "seed": 2025},
                     headers=bureau)
    assert first.status_code == 201, first.text
    run1 = first.json()
    assert (run1["state"], run1["seed"], run1["rulebook_id"], run1["seq"]) == ("draft", "2025", "HY-2025", 1)
    assert run1["window_ends_on"] is None and run1["window_calendar"] is None
    assert len(run1["input_digest"]) == 64
    assert run1["counts"] == {"applicants": 7, "eligible": 5, "not_scored": 1, "placed_public": 3,
                              "placed_private_choice": 2, "placed_district": 0, "placed_purchased": 2,
                              "waitlisted": 2}
    placed = {who[no]: (p["school_code"], p["round"], p["tier"], p["choice_rank"], p["reason"])
              for no, p in _placements(app, auth, run1["id"]).items()}
    assert placed == {"a1": ("S1", 1, 1, 1, None), "a2": ("S1", 1, 1, 1, None), "a3": ("S2", 1, 1, 2, None),
                      "a4": ("P1", 2, None, 1, None), "a5": ("P2", 2, None, 1, None),
                      "a6": (None, None, None, None, "ineligible"), "a8": (None, None, None, None, "not_scored")}

    not_yet = app.get(f"/placements/{nos['a4']}", headers=platform)
    assert not_yet.status_code == 404 and not_yet.json()["code"] == "not_published"
    early = app.post("/appeals", json={"run_id": run1["id"], "application_no": nos["a4"], "reason": "x"},
                     headers=platform)
    assert early.status_code == 409 and early.json()["code"] == "appeal_window_closed"

    stale = app.post(f"/runs/{run1['id']}/publish", json={}, headers={**bureau, "If-Match": '"v9"'})
    assert stale.status_code == 412
    published = app.post(f"/runs/{run1['id']}/publish", json={}, headers={**bureau, "If-Match": '"v1"'})
    assert published.status_code == 200, published.text
    assert published.json()["state"] == "published" and published.json()["window_ends_on"] == "2025-06-09"
    assert published.json()["window_calendar"] == "official"  # 2025's arrangement is known (Dragon Boat, 2 June)
    assert app.get(f"/runs/{run1['id']}", headers=bureau).json()["window_calendar"] == "official"
    assert published.headers["etag"] == '"v2"'
    looked = app.get(f"/placements/{nos['a4']}", headers=platform).json()
    assert (looked["school_code"], looked["purchased_seat"], looked["run_state"]) == ("P1", True, "published")

    appeal = app.post("/appeals", json={"run_id": run1["id"], "application_no": nos["a4"],
                                        "reason": "社保月数核验有误"}, headers=platform)
    assert appeal.status_code == 201, appeal.text
    again = app.post("/appeals", json={"run_id": run1["id"], "application_no": nos["a4"], "reason": "再次"},
                     headers=platform)
    assert again.status_code == 409 and again.json()["code"] == "duplicate_appeal"
    blocked = app.post(f"/runs/{run1['id']}/finalise", headers=bureau)
    assert blocked.status_code == 409 and blocked.json()["code"] == "appeals_pending"
    decided = app.post(f"/appeals/{appeal.json()['id']}/decision", json={"decision": "upheld", "note": "重新核验"},
                       headers=bureau)
    assert decided.status_code == 200 and decided.json()["state"] == "upheld"
    twice = app.post(f"/appeals/{appeal.json()['id']}/decision", json={"decision": "rejected"}, headers=bureau)
    assert twice.status_code == 409
    assert [a["state"] for a in app.get(f"/appeals?run_id={run1['id']}", headers=bureau).json()["items"]] == ["upheld"]

    # the corrected verification result reaches points; the bureau re-runs
    points.set(nos["a4"], "88.00", township=TOWN_B)
    second = app.post("/runs", json={"season": 2025, "grade": 1, "mechanism": "deferred_acceptance", "seed": 2025},
                      headers=bureau).json()
    assert second["seq"] == 2 and second["input_digest"] != run1["input_digest"]
    old = app.get(f"/runs/{run1['id']}", headers=bureau).json()
    assert (old["state"], old["superseded_by"]) == ("superseded", second["id"])
    placed = {who[no]: (p["school_code"], p["round"]) for no, p in _placements(app, auth, second["id"]).items()}
    # a4 (88) now beats a3 (85) at S2; a3 has no private choice: district placement in 西城 (P1)
    assert placed == {"a1": ("S1", 1), "a2": ("S1", 1), "a4": ("S2", 1), "a3": ("P1", 3), "a5": ("P2", 2),
                      "a6": (None, None), "a8": (None, None)}
    late = app.post("/appeals", json={"run_id": run1["id"], "application_no": nos["a3"], "reason": "x"},
                    headers=platform)
    assert late.status_code == 409

    assert app.post(f"/runs/{second['id']}/finalise", headers=bureau).json()["code"] == "invalid_state"  # a draft
    window = app.post(f"/runs/{second['id']}/publish", json={"window_days": 1}, headers=bureau).json()
    assert window["window_ends_on"] == "2025-06-03"
    app.app.state.clock = lambda: date(2025, 6, 4)  # the day after the window
    closed = app.post("/appeals", json={"run_id": second["id"], "application_no": nos["a3"], "reason": "x"},
                      headers=platform)
    assert closed.status_code == 409 and closed.json()["code"] == "appeal_window_closed"
    funding.down = True
    final = app.post(f"/runs/{second['id']}/finalise", headers={**bureau, "Idempotency-Key": "fin-1"})
    assert final.status_code == 200, final.text
    assert final.json()["state"] == "final" and final.json()["handover"] == {"purchased_seats": 2, "chunks": 1}
    replay = app.post(f"/runs/{second['id']}/finalise", headers={**bureau, "Idempotency-Key": "fin-1"})
    assert replay.status_code == 200 and replay.headers["idempotent-replayed"] == "true"

    waiting = app.post("/outbox/flush", headers=bureau).json()
    assert waiting["topics"]["funding.seats"] == {"pending": 1, "delivered": 0, "failing": 1}
    assert funding.seats == {}
    funding.down = False
    done = app.post("/outbox/flush", headers=bureau).json()
    assert done["topics"]["funding.seats"] == {"pending": 0, "delivered": 1, "failing": 0}
    app.post("/outbox/flush", headers=bureau)
    assert len(funding.calls) == 1 and funding.calls[0][2] == f"enrollment-run-{second['id']}-seats-1"
    assert funding.seats[nos["a3"]] == {"application_no": nos["a3"], "pupil_name": "小明", "school_code": "P1",
                                        "pupil_id_number": app.get(f"/applications/{nos['a3']}", headers=bureau)
                                        .json()["child"]["id_number"], "grade": 1, "start_date": "2025-09-01",
                                        "school_level": "primary", "run_id": str(second["id"])}
    assert set(funding.seats) == {nos["a3"], nos["a5"]}

    # the season is closed for new applications (tests/enrollment/test_season_closed.py) ...
    late = app.post("/applications", json=application(private=["P1"], township=TOWN_B), headers=platform)
    assert late.status_code == 409 and late.json()["code"] == "season_closed", late.text
    # ... but a later run still serves those left unplaced: it leaves the finalised children out and offers only
    # the remaining plan. a8 is scored at last; S1 is full, no private school in 东城: the one with most room (tie
    # of 1 and 1 seats, by code) is P1
    points.set(nos["a8"], "50.00", township=TOWN_A)
    third = app.post("/runs", json={"season": 2025, "grade": 1, "mechanism": "deferred_acceptance", "seed": 7},
                     headers=bureau).json()
    assert third["counts"]["applicants"] == 2  # a6 and a8
    assert app.get(f"/runs/{second['id']}", headers=bureau).json()["state"] == "final"
    seats = {s["school_code"]: s["seats"] for s in
             app.get(f"/reports/runs/{third['id']}?view=schools", headers=bureau).json()["schools"]}
    assert seats == {"S1": 0, "S2": 0, "P1": 1, "P2": 1}
    assert (_placements(app, auth, third["id"])[nos["a8"]]["school_code"],
            _placements(app, auth, third["id"])[nos["a8"]]["round"]) == ("P1", 3)


def test_same_snapshot_and_seed_give_the_same_run(world, auth):
    app, points, _, nos = world
    bureau = auth("bureau")
    # a full tie between a1 and a2 for S1's last seat makes the lottery key matter
    points.set(nos["a2"], "90.00", township=TOWN_A, since="2020-01-01")
    app.put("/schools/S1/seats/2025/1", json={"migrant_seats": 1}, headers=bureau)
    runs = [app.post("/runs", json={"season": 2025, "grade": 1, "seed": seed,
                                    "mechanism": "deferred_acceptance"}, headers=bureau).json()
            for seed in ("alpha", "alpha", "beta", "gamma", "delta")]
    same = [_placements(app, auth, r["id"]) for r in runs[:2]]
    assert runs[0]["input_digest"] == runs[1]["input_digest"]
    assert [{k: v for k, v in p.items() if k != "run_id"} for p in same[0].values()] == \
           [{k: v for k, v in p.items() if k != "run_id"} for p in same[1].values()]
    assert len({r["input_digest"] for r in runs[1:]}) == 4  # the seed is part of the input
    winners = {next(no for no, p in _placements(app, auth, r["id"]).items() if p["school_code"] == "S1")
               for r in runs}
    assert winners <= {nos["a1"], nos["a2"]}
    ia = app.post("/runs", json={"season": 2025, "grade": 1, "seed": "alpha", "mechanism": "immediate_acceptance"},
                  headers=bureau).json()
    assert ia["mechanism"] == "immediate_acceptance" and ia["input_digest"] != runs[0]["input_digest"]
    for grade in (True, 1.0, "1"):  # strict: a lax Literal[1, 7] took true and 1.0 as grade 1
        resp = app.post("/runs", json={"season": 2025, "grade": grade, "seed": "alpha"}, headers=bureau)
        assert resp.status_code == 422 and resp.json()["field"] == "grade", (grade, resp.text)
    for cursor in ("S1", "HY2025-1-x", "a%20b"):  # not an application_no: no listing gave it
        resp = app.get(f"/runs/{ia['id']}/placements?cursor={cursor}", headers=bureau)
        assert resp.status_code == 422 and resp.json()["code"] == "invalid_cursor", (cursor, resp.text)


def test_concurrent_finalise_makes_exactly_one(world, auth, backend):
    app, _, _, _ = world
    bureau = auth("bureau")
    run = app.post("/runs", json={"season": 2025, "grade": 1, "seed": 1}, headers=bureau).json()
    app.post(f"/runs/{run['id']}/publish", headers=bureau)
    barrier, answers = threading.Barrier(2), []

    def finalise(user):
        barrier.wait()
        answers.append(app.post(f"/runs/{run['id']}/finalise", headers=auth("bureau", subject=user)))
    threads = [threading.Thread(target=finalise, args=(u,)) for u in ("bureau-a", "bureau-b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(r.status_code for r in answers) == [200, 409]
    assert [r.json()["code"] for r in answers if r.status_code == 409] == ["invalid_state"]
    status = app.get("/outbox", headers=bureau).json()
    assert status["topics"]["funding.seats"]["pending"] == 1  # one hand-over queued, not two


def test_a_window_in_a_year_the_calendar_does_not_know_is_counted_in_weekdays(make_service, auth):
    """2099 (via the ``today`` setting): no State Council arrangement is known, so the window counts Monday–Friday
    and the Run says so (``window_calendar: "weekdays"``), whenever it is read."""
    _, _, _, clients = upstreams()
    app = make_service("enrollment", outbox_dispatcher=False, today=date(2099, 6, 5),  # a Friday
                       create_app_kwargs={"http_clients": clients})
    bureau = auth("bureau")
    run = app.post("/runs", json={"season": 2099, "grade": 1, "seed": 1}, headers=bureau).json()
    assert run["window_calendar"] is None
    published = app.post(f"/runs/{run['id']}/publish", json={"window_days": 5}, headers=bureau)
    assert published.status_code == 200, published.text
    assert (published.json()["window_ends_on"], published.json()["window_calendar"]) == ("2099-06-12", "weekdays")
    assert app.get(f"/runs/{run['id']}", headers=bureau).json()["window_calendar"] == "weekdays"
    listed = app.get("/runs?season=2099", headers=bureau).json()["items"]
    assert [(r["id"], r["window_calendar"]) for r in listed] == [(run["id"], "weekdays")]
    final = app.post(f"/runs/{run['id']}/finalise", headers=bureau).json()
    assert (final["state"], final["window_calendar"]) == ("final", "weekdays")


def test_points_down_is_a_503_and_no_run(world, auth):
    app, points, _, _ = world
    points.down = True
    resp = app.post("/runs", json={"season": 2025, "grade": 1, "seed": 1}, headers=auth("bureau"))
    assert resp.status_code == 503 and resp.json()["code"] == "upstream_unavailable"
    assert app.get("/runs", headers=auth("bureau")).json()["items"] == []


def test_reports_json_and_csv(world, auth):
    app, _, _, nos = world
    bureau = auth("bureau")
    run = app.post("/runs", json={"season": 2025, "grade": 1, "seed": 2025}, headers=bureau).json()
    report = app.get(f"/reports/runs/{run['id']}", headers=bureau).json()
    s = report["summary"]
    # 3 public (a1, a2, a3) and 2 purchased (a4, a5) of 5 placed eligible children: 60.00 % < 95 %
    assert (s["applicants"], s["eligible"], s["placed_public"], s["placed_purchased"], s["waitlisted"]) == \
           (7, 5, 3, 2, 2)
    assert (s["public_share"], s["target"], s["meets_target"]) == ("60.00", "95.00", False)
    # first choices: a1, a2 (S1), a4 (P1 is its 2nd overall: S2 then P1), a5 (P2 is 2nd) → 2; a3 got S2 (2nd)
    assert (s["first_choice"], s["top_3"], s["no_choice"]) == (2, 5, 0)
    towns = {t["township_code"]: t for t in report["townships"]}
    assert (towns[TOWN_A]["demand"], towns[TOWN_A]["public_seats"], towns[TOWN_A]["shortfall"]) == (2, 2, 0)
    assert (towns[TOWN_B]["demand"], towns[TOWN_B]["public_seats"], towns[TOWN_B]["shortfall"]) == (2, 1, 1)
    assert (towns[TOWN_C]["demand"], towns[TOWN_C]["public_seats"], towns[TOWN_C]["needs_more_seats"]) == (1, 0, True)
    schools = {r["school_code"]: r for r in report["schools"]}
    assert (schools["S1"]["seats"], schools["S1"]["filled"], schools["S1"]["cutoff_score"]) == (2, 2, "80.00")
    assert schools["S1"]["cutoff_application_no"] == nos["a2"] and schools["S1"]["cutoff_tier"] == 1

    resp = app.get(f"/reports/runs/{run['id']}?format=csv&view=townships", headers=bureau)
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/csv")
    assert resp.text.lstrip("\ufeff").startswith("乡镇代码,乡镇（街道）,")  # Chinese headers, then the field names
    rows = read_csv(resp.content)
    assert [(r["township_code"], r["shortfall"], r["needs_more_seats"]) for r in rows] == \
           [(TOWN_A, "0", "否"), (TOWN_B, "1", "是"), (TOWN_C, "1", "是")]
    summary = read_csv(app.get(f"/reports/runs/{run['id']}?format=csv", headers=bureau).content)
    assert summary[0]["public_share"] == "60.00" and summary[0]["run_id"] == str(run["id"])

    season = app.get("/reports/seasons/2025", headers=bureau).json()
    assert season["grades"][0]["provisional"] is True and season["grades"][0]["runs"] == [run["id"]]
    assert season["summary"]["public_share"] == "60.00"
    season_csv = read_csv(app.get("/reports/seasons/2025?format=csv&view=schools", headers=bureau).content)
    assert {(r["grade"], r["school_code"], r["seats"]) for r in season_csv} == \
           {("1", "S1", "2"), ("1", "S2", "1"), ("1", "P1", "2"), ("1", "P2", "2")}
    # the season's township table (policy §10) is grade 1's here (no grade-7 run), and the townships add up
    totals = {t["township_code"]: t for t in season["township_totals"]}
    assert {c: (t["demand"], t["public_seats"], t["shortfall"]) for c, t in totals.items()} == \
           {TOWN_A: (2, 2, 0), TOWN_B: (2, 1, 1), TOWN_C: (1, 0, 1)}
    assert sum(t["placed_public"] for t in totals.values()) == season["summary"]["placed_public"]
    town_csv = read_csv(app.get("/reports/seasons/2025?format=csv&view=townships", headers=bureau).content)
    assert [(r["grade"], r["township_code"], r["shortfall"]) for r in town_csv] == \
           [(g, c, s) for g in ("1", "全部") for c, s in ((TOWN_A, "0"), (TOWN_B, "1"), (TOWN_C, "1"))]
    # the same report as a workbook: Chinese headers over the field names (frozen), real numbers
    book = load_workbook(io.BytesIO(app.get("/reports/seasons/2025?format=xlsx", headers=bureau).content))
    assert book.sheetnames == ["汇总", "乡镇", "学校"]
    towns_ws = book["乡镇"]
    assert (towns_ws["A1"].value, towns_ws["B1"].value, towns_ws["A2"].value) == ("年级", "乡镇代码", "grade")
    assert towns_ws.freeze_panes == "A3"
    shares = [c.value for c in towns_ws[3]]
    assert isinstance(shares[TOWNSHIP_HEADER.index("public_share")], (int, float))
    assert book["汇总"]["A5"].value == "全部" and book["汇总"].column_dimensions["B"].width >= 8
    run_book = load_workbook(io.BytesIO(app.get(f"/reports/runs/{run['id']}?format=xlsx", headers=bureau).content))
    assert run_book.sheetnames == ["汇总", "乡镇", "学校"] and run_book["学校"]["A2"].value == "school_code"
    assert app.get("/reports/seasons/2025", headers=auth("platform")).status_code == 403


def test_a_phasing_out_school_gets_nobody(world, auth):
    app, _, _, nos = world
    bureau = auth("bureau")
    fields = {k: v for k, v in private_school("P1", TOWN_B, status="phasing_out").items() if k != "code"}
    assert app.put("/schools/P1", json=fields, headers=bureau).status_code == 200  # its plan of 2 stays on record
    run = app.post("/runs", json={"season": 2025, "grade": 1, "seed": 3}, headers=bureau).json()
    placed = _placements(app, auth, run["id"])
    assert [no for no, p in placed.items() if p["school_code"] == "P1"] == []
    # a4 chose P1 only: district placement at the private school with room (P2, 1 seat left after a5)
    assert (placed[nos["a4"]]["school_code"], placed[nos["a4"]]["round"]) == ("P2", 3)
    seats = {r["school_code"]: r["seats"] for r in
             app.get(f"/reports/runs/{run['id']}", headers=bureau).json()["schools"]}
    assert seats["P1"] == 0
