"""Schools, migrant seats, private plans and the approved capacity (核定规模) — BRIEF §7, plan 三(二), 三(五)."""

from __future__ import annotations

import pytest

from common.paging import encode
from enrollment_kit import TOWN_A, TOWN_B, private_school, public_school


@pytest.fixture
def app(make_service):
    return make_service("enrollment", outbox_dispatcher=False)


def test_private_school_shows_its_approved_capacity_with_inputs(app, auth, backend):
    bureau = auth("bureau")
    body = private_school("P1", floor="2400.00", land="9000", classrooms={str(g): 2 for g in range(1, 7)},
                          pupils={"2": 90, "3": 90, "4": 80, "5": 70, "6": 60})
    created = app.post("/schools", json=body, headers=bureau)
    assert created.status_code == 201, created.text
    got = app.get("/schools/P1", headers=auth("platform"))
    assert got.status_code == 200 and got.headers["etag"] == '"v1"'
    assert got.json()["approved_capacity"] == 400
    cap = got.json()["approved_capacity_inputs"]
    # ⌊2400 / 6⌋ = 400, ⌊9000 / 18⌋ = 500, 12 classrooms × 45 = 540 → 400, the floor area binds
    assert (cap["approved"], cap["by_floor"], cap["by_land"], cap["by_classrooms"]) == (400, 400, 500, 540)
    assert cap["binding"] == "floor" and cap["classrooms"] == 12
    assert cap["floor_area_m2"] == "2400.00" and cap["land_area_m2"] == "9000.00"
    assert cap["norms"] == {"class_limit": 45, "floor_norm_m2": "6.00", "land_norm_m2": "18.00"}
    assert got.json()["floor_area_m2"] == "2400.00"

    # current pupils 390 + plan 10 = 400 = capacity: accepted
    ok = app.put("/schools/P1/plans/2025/1", json={"planned": 10}, headers=bureau)
    assert ok.status_code == 200, ok.text
    assert ok.json() == {"school_code": "P1", "season": 2025, "grade": 1, "kind": "private", "planned": 10,
                         "approved_capacity": 400, "migrant_seats": None}
    # 390 + 11 = 401 > 400: refused with the numbers
    over = app.put("/schools/P1/plans/2025/1", json={"planned": 11}, headers=bureau)
    assert over.status_code == 422
    problem = over.json()
    assert problem["code"] == "plan_over_capacity" and problem["reason"] == "over_approved_capacity"
    assert (problem["approved_capacity"], problem["school_total"]) == (400, 401)
    assert "401" in problem["detail"] and "400" in problem["detail"]
    assert app.get("/schools/P1", headers=bureau).json()["intakes"] == [{"season": 2025, "grade": 1, "seats": 10}]


def test_junior_norms_and_grade_class_limit(app, auth):
    bureau = auth("bureau")
    # junior: ⌊7000 / 7⌋ = 1000, ⌊23000 / 23⌋ = 1000, (1 + 6) classrooms × 50 = 350
    body = private_school("J1", floor="7000", land="23000", classrooms={"7": 1, "8": 6}, level="junior")
    assert app.post("/schools", json=body, headers=bureau).status_code == 201
    cap = app.get("/schools/J1", headers=bureau).json()["approved_capacity_inputs"]
    assert (cap["approved"], cap["binding"], cap["norms"]["class_limit"]) == (350, "classrooms", 50)
    assert app.put("/schools/J1/plans/2025/7", json={"planned": 50}, headers=bureau).status_code == 200
    over = app.put("/schools/J1/plans/2025/7", json={"planned": 51}, headers=bureau)
    assert over.status_code == 422 and over.json()["reason"] == "over_grade_classes"
    assert (over.json()["grade_total"], over.json()["grade_limit"]) == (51, 50)
    wrong_grade = app.put("/schools/J1/plans/2025/1", json={"planned": 5}, headers=bureau)
    assert wrong_grade.status_code == 422 and wrong_grade.json()["code"] == "wrong_level"


def test_phasing_out_school_takes_no_plan_and_seats_are_public_only(app, auth):
    bureau = auth("bureau")
    assert app.post("/schools", json=private_school("P2", status="phasing_out"), headers=bureau).status_code == 201
    refused = app.put("/schools/P2/plans/2025/1", json={"planned": 1}, headers=bureau)
    assert refused.status_code == 422 and refused.json()["code"] == "school_phasing_out"
    assert app.put("/schools/P2/plans/2025/1", json={"planned": 0}, headers=bureau).status_code == 200
    seats_on_private = app.put("/schools/P2/seats/2025/1", json={"migrant_seats": 5}, headers=bureau)
    assert seats_on_private.status_code == 422 and seats_on_private.json()["code"] == "wrong_school_kind"

    assert app.post("/schools", json=public_school("S1"), headers=bureau).status_code == 201
    seats = app.put("/schools/S1/seats/2025/1", json={"migrant_seats": 40}, headers=bureau)
    assert seats.status_code == 200 and seats.json()["migrant_seats"] == 40
    plan_on_public = app.put("/schools/S1/plans/2025/1", json={"planned": 5}, headers=bureau)
    assert plan_on_public.status_code == 422 and plan_on_public.json()["code"] == "wrong_school_kind"
    assert app.get("/schools/S1", headers=bureau).json()["approved_capacity"] is None


def test_put_school_honours_if_match_and_keeps_kind(app, auth, backend):
    bureau = auth("bureau")
    assert app.post("/schools", json=public_school("S2"), headers=bureau).status_code == 201
    again = app.post("/schools", json=public_school("S2"), headers=bureau)
    assert again.status_code == 409 and again.json()["code"] == "school_exists"
    fields = {k: v for k, v in public_school("S2", catchment=[TOWN_A, TOWN_B]).items() if k != "code"}
    first = app.put("/schools/S2", json=fields, headers={**bureau, "If-Match": '"v1"'})
    assert first.status_code == 200 and first.headers["etag"] == '"v2"'
    assert first.json()["catchment_townships"] == [TOWN_A, TOWN_B]
    stale = app.put("/schools/S2", json=fields, headers={**bureau, "If-Match": '"v1"'})
    assert stale.status_code == 412
    kind = app.put("/schools/S2", json={k: v for k, v in private_school("S2").items() if k != "code"}, headers=bureau)
    assert kind.status_code == 422 and kind.json()["code"] == "field_immutable"


@pytest.mark.parametrize("patch, field", [
    ({"township_code": "999999999"}, "township_code"),
    ({"catchment_townships": ["331003001", "123"]}, "catchment_townships.1"),
    ({"floor_area_m2": 2400.5}, "floor_area_m2"),
    ({"floor_area_m2": "-1"}, "floor_area_m2"),
    ({"classrooms": {"7": 2}}, ""),
    ({"status": "open"}, "status"),
    ({"surprise": 1}, "surprise"),
    ({"name": "黄岩\x00民办学校"}, "name"),  # NUL: PostgreSQL cannot store it (was a 500)
    ({"name": "黄岩\x07民办学校"}, "name"),
    ({"name": "校" * 121}, "name"),
])
def test_bad_school_fields_are_named(shared_app, auth, patch, field):
    resp = shared_app.post("/schools", json={**private_school("BAD"), **patch}, headers=auth("bureau"))
    assert resp.status_code == 422, resp.text
    assert resp.json()["field"] == (field or None) or resp.json()["errors"][0]["field"].startswith(field)


def test_listing_filters_and_pages(app, auth):
    bureau = auth("bureau")
    for code in ("A1", "A2", "A3"):
        app.post("/schools", json=public_school(code), headers=bureau)
    app.post("/schools", json=private_school("B1"), headers=bureau)
    assert app.get("/schools", headers=auth("department", "hrss")).status_code == 403
    first = app.get("/schools?kind=public&limit=2", headers=bureau).json()
    assert [s["code"] for s in first["items"]] == ["A1", "A2"] and first["next_cursor"] == encode("schools", "A2")
    rest = app.get(f"/schools?kind=public&limit=2&cursor={first['next_cursor']}", headers=bureau).json()
    assert [s["code"] for s in rest["items"]] == ["A3"] and rest["next_cursor"] is None
    assert [s["code"] for s in app.get("/schools?kind=private", headers=bureau).json()["items"]] == ["B1"]
    for garbage in ("A2", "A1%20x", "%E5%AD%A6", "A" * 33, "-A1", encode("schools", "-A1")):  # no page gave it
        resp = app.get(f"/schools?cursor={garbage}", headers=bureau)
        assert resp.status_code == 422 and resp.json()["code"] == "invalid_cursor", (garbage, resp.text)
    assert app.get("/schools?cursor=A%001", headers=bureau).json()["code"] == "invalid_characters"
