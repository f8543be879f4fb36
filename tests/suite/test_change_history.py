"""Who changed what (common.history): every kind of bureau record — school, migrant seats, private plan (enrollment),
tariff, semester (funding), rulebook (points) — changed twice and both changes read back with who (role:subject),
when (Asia/Shanghai shown, UTC stored), before and after, oldest first, paged; a refused change leaves no row. On
SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select

from common.db import utcnow
from common.identity import Identity
from enrollment import schools
from enrollment.models import change_history

TOWN = "331003001"  # 东城


def _shanghai(change: dict) -> None:
    at, utc = datetime.fromisoformat(change["at"]), datetime.fromisoformat(change["at_utc"])
    assert at.utcoffset() == timedelta(hours=8) and utc.utcoffset() == timedelta(0) and at == utc


def _all(client, path, headers):
    items, cursor = [], None
    while True:
        page = client.get(path + "?limit=1" + (f"&cursor={cursor}" if cursor else ""), headers=headers)
        assert page.status_code == 200, page.text
        items += page.json()["items"]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            return items


def _school(code, kind, **over):
    body = {"code": code, "name": f"学校{code}", "kind": kind, "level": "primary", "township_code": TOWN}
    if kind == "public":
        body["catchment_townships"] = [TOWN]
    else:
        body.update(floor_area_m2="3000.00", land_area_m2="9000.00", classrooms={"1": 2, "2": 2}, current_pupils={},
                    status="active")
    return {**body, **over}


def test_enrollment_schools_seats_and_plans(make_service, auth, backend):
    app = make_service("enrollment", outbox_dispatcher=False)
    bureau, other = auth("bureau", subject="bureau-1"), auth("bureau", subject="bureau-2")
    assert app.post("/schools", json=_school("S1", "public"), headers=bureau).status_code == 201
    changed = app.put("/schools/S1", json=_school("S1", "public", name="新名字"), headers={**other, "If-Match": '"v1"'})
    assert changed.status_code == 200, changed.text
    # a refused change (a school cannot change kind) leaves no history row
    refused = app.put("/schools/S1", json=_school("S1", "private"), headers=bureau)
    assert refused.status_code == 422
    items = _all(app, "/schools/S1/history", auth("auditor"))
    assert [(c["action"], c["actor"]) for c in items] == [("create", "bureau:bureau-1"), ("update", "bureau:bureau-2")]
    assert items[0]["before"] is None and items[0]["after"]["name"] == "学校S1"
    assert (items[1]["before"]["name"], items[1]["after"]["name"]) == ("学校S1", "新名字")
    _shanghai(items[1])

    for n in (30, 35):
        assert app.put("/schools/S1/seats/2025/1", json={"migrant_seats": n}, headers=bureau).status_code == 200
    assert app.put("/schools/S1/seats/2025/7", json={"migrant_seats": 9}, headers=bureau).status_code == 422
    seats = _all(app, "/schools/S1/seats/2025/1/history", bureau)
    assert [(c["before"], c["after"]) for c in seats] == [(None, {"migrant_seats": 30}),
                                                          ({"migrant_seats": 30}, {"migrant_seats": 35})]
    assert _all(app, "/schools/S1/seats/2025/7/history", bureau) == []

    assert app.post("/schools", json=_school("P1", "private"), headers=bureau).status_code == 201
    for n in (40, 45):
        assert app.put("/schools/P1/plans/2025/1", json={"planned": n}, headers=bureau).status_code == 200
    over = app.put("/schools/P1/plans/2025/1", json={"planned": 100000}, headers=bureau)
    assert over.status_code == 422 and over.json()["code"] == "plan_over_capacity"
    plans = _all(app, "/schools/P1/plans/2025/1/history", bureau)
    assert [(c["before"], c["after"]["planned"], c["key"]) for c in plans] == \
           [(None, 40, "P1/2025/1"), ({"planned": 40}, 45, "P1/2025/1")]
    assert app.get("/schools/NOPE/history", headers=bureau).json()["code"] == "school_not_found"
    assert app.get("/schools/S1/history", headers=auth("platform")).status_code == 403
    assert app.get("/schools/S1/history?cursor=x", headers=bureau).json()["code"] == "invalid_cursor"


def test_funding_tariffs_and_semesters(make_service, auth, backend):
    app = make_service("funding")
    bureau = auth("bureau", subject="bureau-1")
    for code in ("2025-autumn", "2026-spring"):
        assert app.post("/semesters", json={"code": code}, headers=bureau).status_code == 201
    assert app.post("/semesters", json={"code": "2025-autumn"}, headers=bureau).status_code == 409
    sem = _all(app, "/semesters/2025-autumn/history", auth("auditor"))
    assert [(c["action"], c["actor"], c["after"]["starts_on"]) for c in sem] == \
           [("create", "bureau:bureau-1", "2025-09-01")]
    path = "/tariffs/PS001/2025-autumn"
    assert app.put(path, json={"operating_cost_per_pupil": "3200.00", "original_fee": "3000.00"},
                   headers=bureau).status_code == 200
    assert app.put(path, json={"operating_cost_per_pupil": "2800.00", "original_fee": "3100.50",
                               "standard": "2900.00"}, headers={**auth("bureau", subject="bureau-2"),
                                                                "If-Match": '"v1"'}).status_code == 200
    stale = app.put(path, json={"operating_cost_per_pupil": "1.00", "original_fee": "1.00"},
                    headers={**bureau, "If-Match": '"v1"'})
    assert stale.status_code == 412
    items = _all(app, f"{path}/history", auth("finance"))
    assert [(c["actor"], c["before"] and c["before"]["standard"], c["after"]["standard"]) for c in items] == \
           [("bureau:bureau-1", None, "3000.00"), ("bureau:bureau-2", "3000.00", "2900.00")]
    _shanghai(items[0])


def test_points_rulebooks(make_service, auth, backend):
    app = make_service("points")
    bureau = auth("bureau", subject="bureau-1")
    body = app.get("/rulebooks/HY-2025", headers=bureau).json()
    for key in ("state", "version", "created_by", "created_at", "updated_at", "published_at"):
        body.pop(key)
    body["id"] = "HY-2025-h"
    assert app.post("/rulebooks", json=body, headers=bureau).status_code == 201
    body["name"] = "黄岩 2025 (修订)"
    assert app.put("/rulebooks/HY-2025-h", json=body, headers={**bureau, "If-Match": '"v1"'}).status_code == 200
    assert app.put("/rulebooks/HY-2025-h", json=body, headers={**bureau, "If-Match": '"v1"'}).status_code == 412
    assert app.post("/rulebooks/HY-2025-h/publish", headers=auth("bureau", subject="bureau-2")).status_code == 200
    refused = app.put("/rulebooks/HY-2025-h", json=body, headers=bureau)
    assert refused.status_code == 409  # published: never changes, and no history row
    items = _all(app, "/rulebooks/HY-2025-h/history", auth("auditor"))
    assert [(c["action"], c["actor"], c["after"]["state"], c["after"]["version"]) for c in items] == \
           [("create", "bureau:bureau-1", "draft", 1), ("update", "bureau:bureau-1", "draft", 2),
            ("publish", "bureau:bureau-2", "published", 3)]
    assert items[1]["after"]["name"] == "黄岩 2025 (修订)" and items[1]["before"]["name"] != items[1]["after"]["name"]


def test_a_change_and_its_history_row_commit_together(make_service, auth, backend):
    """The history row is written in the change's transaction: when the commit fails, neither is stored."""
    app = make_service("enrollment", outbox_dispatcher=False)
    bureau = auth("bureau")
    assert app.post("/schools", json=_school("S2", "public"), headers=bureau).status_code == 201
    db = app.app.state.db
    with db.write_session() as session:
        schools.set_seats(session, "S2", 2025, 1, 12, who=Identity("bureau", "b"), now=utcnow())
        session.rollback()
    with db.read_session() as session:
        assert session.execute(select(change_history).where(change_history.c.resource == "seats")).all() == []
    assert app.get("/schools/S2", headers=bureau).json()["intakes"] == []
