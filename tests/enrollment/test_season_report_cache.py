"""The season report is kept per process under a version read from the database (issue 12: the console's overview
and reports pages ask for it on every view). After every kind of write that changes what it reads — a run made,
published, finalised or superseded, seats or a plan changed, a school edited through the API or by another process
behind this one's back — the answer equals a full recomputation, on SQLite and PostgreSQL; and between writes it is
served from what was kept, not recomputed."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import text

from enrollment import run_reports
from enrollment_kit import TOWN_A, TOWN_C, private_school, public_school


def _fresh(app):
    """The season report computed from scratch, bypassing every kept figure."""
    settings = app.app.state.settings
    run_reports._RUN_FACTS.clear()
    with app.app.state.db.read_session() as session:
        return json.loads(json.dumps(run_reports.compute_season_report(session, 2025, settings), default=str))


def _engine(app):
    return app.app.state.db.engine


def test_the_season_report_follows_every_kind_of_write(world, auth, backend, monkeypatch):
    app, _, _, nos = world
    bureau, platform = auth("bureau"), auth("platform")
    computed = []
    real = run_reports.compute_season_report
    monkeypatch.setattr(run_reports, "compute_season_report",
                        lambda *a, **k: computed.append(1) or real(*a, **k))

    def check(step):
        before = len(computed)
        answer = app.get("/reports/seasons/2025", headers=bureau)
        assert answer.status_code == 200, (step, answer.text)
        again = app.get("/reports/seasons/2025", headers=bureau).json()
        assert again == answer.json(), step
        assert len(computed) - before == 1, f"{step}: recomputed {len(computed) - before} times for two reads"
        assert answer.json() == _fresh(app), step
        return answer.json()

    def behind_our_back(sql, **params):  # another process's write: nothing in this one hears of it
        with _engine(app).begin() as conn:
            conn.execute(text(sql), params)

    empty = check("no run yet")
    assert empty["grades"][0]["runs"] == []
    run1 = app.post("/runs", json={"season": 2025, "grade": 1, "seed": 2025}, headers=bureau).json()
    first = check("run made")
    assert first["grades"][0]["runs"] == [run1["id"]] and first["grades"][0]["provisional"]
    app.post(f"/runs/{run1['id']}/publish", json={"window_days": 1}, headers=bureau)
    check("run published")
    assert app.put("/schools/S1/seats/2025/1", json={"migrant_seats": 5}, headers=bureau).status_code == 200
    seats = check("migrant seats changed")
    assert {r["school_code"]: r["seats"] for r in seats["schools"]}["S1"] == 5
    assert app.put("/schools/P1/plans/2025/1", json={"planned": 4}, headers=bureau).status_code == 200
    check("plan changed")
    fields = {k: v for k, v in public_school("S2", TOWN_A, catchment=[TOWN_A, TOWN_C]).items() if k != "code"}
    assert app.put("/schools/S2", json=fields, headers=bureau).status_code == 200
    moved = check("school's township and catchment edited")
    assert {t["township_code"] for t in moved["townships"]} >= {TOWN_A}
    fields = {k: v for k, v in private_school("P2", TOWN_C, status="phasing_out").items() if k != "code"}
    assert app.put("/schools/P2", json=fields, headers=bureau).status_code == 200
    check("school phasing out")
    behind_our_back("UPDATE schools SET name = :name WHERE code = 'S1'", name="东城第一小学")
    renamed = check("school renamed by another process")
    assert {r["school_code"]: r["name"] for r in renamed["schools"]}["S1"] == "东城第一小学"
    behind_our_back("UPDATE intakes SET seats = 1 WHERE school_code = 'S1' AND season = 2025 AND grade = 1")
    assert {r["school_code"]: r["seats"] for r in check("seats changed by another process")["schools"]}["S1"] == 1
    run2 = app.post("/runs", json={"season": 2025, "grade": 1, "seed": 7}, headers=bureau).json()
    second = check("a second run made (the earlier one superseded or not)")
    assert second["grades"][0]["runs"] == [run2["id"]]
    app.post(f"/runs/{run2['id']}/publish", json={"window_days": 1}, headers=bureau)
    app.app.state.clock = lambda: date(2025, 6, 4)
    final = app.post(f"/runs/{run2['id']}/finalise", headers=bureau)
    assert final.status_code == 200, final.text
    finalised = check("run finalised")
    assert finalised["grades"][0] == {**finalised["grades"][0], "runs": [run2["id"]], "provisional": False}
    behind_our_back("UPDATE runs SET state = 'superseded' WHERE id = :id", id=run2["id"])
    check("run state changed by another process")
    assert platform  # the season's applications are not read by the report: no write of theirs is listed here


def test_a_kept_report_is_not_served_after_a_write_between_its_two_version_reads(world, auth, backend, monkeypatch):
    """A write committed while the report is computed (PostgreSQL's READ COMMITTED lets the computation see it)
    is not filed under the version read before: the next read recomputes."""
    app, _, _, _ = world
    bureau = auth("bureau")
    app.post("/runs", json={"season": 2025, "grade": 1, "seed": 2025}, headers=bureau)
    real = run_reports.compute_season_report
    calls = []

    def racing(session, season, settings):
        report = real(session, season, settings)
        if not calls:  # the first computation: another process changes a plan meanwhile
            with app.app.state.db.engine.begin() as conn:
                conn.execute(text("UPDATE intakes SET seats = 9 WHERE school_code = 'P1' AND season = 2025"))
        calls.append(1)
        return report

    monkeypatch.setattr(run_reports, "compute_season_report", racing)
    app.get("/reports/seasons/2025", headers=bureau)
    answer = app.get("/reports/seasons/2025", headers=bureau).json()
    assert {r["school_code"]: r["seats"] for r in answer["schools"]}["P1"] == 9
    assert answer == _fresh(app)
