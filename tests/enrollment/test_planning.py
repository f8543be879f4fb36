"""Planning what-if (issue 13): placement again over the latest frozen snapshot with seats changed, nothing stored;
public share per grade and township against 95 %, purchased seats and their semester cost at funding's tariffs
(Decimal), the waitlisted, and the fewest extra public seats per township short of the target."""

from __future__ import annotations

from enrollment_kit import TOWN_A, TOWN_B, TOWN_C

RUN = {"season": 2025, "grade": 1, "mechanism": "deferred_acceptance", "seed": 2025}


def test_what_if_more_seats(world, auth):  # noqa: F811
    app, _, funding, nos = world
    bureau = auth("bureau")
    assert app.post("/planning/what-if", json={"season": 2025}, headers=bureau).json()["code"] == "no_snapshot"
    run = app.post("/runs", json=RUN, headers=bureau).json()
    funding.tariffs = {"P1": "3000.00", "P2": "2875.50"}

    now = app.post("/planning/what-if", json={"season": 2025, "semester": "2025-autumn"}, headers=bureau).json()
    g1 = now["grades"][0]
    assert (g1["grade"], g1["run_id"], now["stored"]) == (1, run["id"], False)
    # as placed: S1 a1 a2, S2 a3 (public 3), P1 a4, P2 a5 (purchased 2): 60 %
    assert (g1["summary"]["placed_public"], g1["summary"]["placed_purchased"], g1["summary"]["public_share"]) == \
        (3, 2, "60.00")
    assert g1["purchased"]["by_school"] == [{"school_code": "P1", "seats": 1, "tariff": "3000.00", "cost": "3000.00"},
                                            {"school_code": "P2", "seats": 1, "tariff": "2875.50", "cost": "2875.50"}]
    assert now["purchased"] == {"seats": 2, "semester_cost": "5875.50", "missing_tariffs": []}
    towns = {t["township_code"]: t for t in g1["townships"]}
    assert towns[TOWN_B]["shortfall"] == 1 and towns[TOWN_C]["shortfall"] == 1
    fewest = {f["township_code"]: f for f in g1["fewest_extra_public_seats"]}
    # 西城 (a3 public, a4 purchased: 50 %): one more seat at S2, the public school serving it, takes a4 in
    b = fewest[TOWN_B]
    assert (b["township_name"], b["shortfall"], b["extra_public_seats"], b["reaches_target"], b["exact"],
            b["reason_code"]) == ("西城街道", 1, 1, True, True, None)
    assert b["seats_by_school"] == [{"school_code": "S2", "seats": 1}]
    assert b["reached"] == {"public_share": "100.00", "meets_target": True, "placed_public": 2,
                            "placed_purchased": 0, "waitlisted": 0}
    assert (b["one_fewer"]["public_share"], b["one_fewer"]["meets_target"]) == ("50.00", False)
    assert b["grade"] == {"public_share": "80.00", "meets_target": False, "placed_public": 4, "placed_purchased": 1,
                          "waitlisted": 0, "purchased_seats": 1, "semester_cost": "2875.50"}  # a5 stays at P2
    c = fewest[TOWN_C]  # no public school serves 院桥: no number of extra seats there reaches the target
    assert (c["shortfall"], c["extra_public_seats"], c["reaches_target"], c["reached"]) == (1, None, False, None)
    assert c["reason_code"] == "no_public_school" and "catchment" in c["reason"]
    assert g1["all_short_townships"] == {
        "extra_public_seats": {TOWN_B: 1}, "total_extra_public_seats": 1, "townships_still_short": [],
        "public_share": "80.00", "meets_target": False, "placed_public": 4, "placed_purchased": 1, "waitlisted": 0,
        "purchased_seats": 1, "semester_cost": "2875.50"}

    more = app.post("/planning/what-if", json={
        "season": 2025, "semester": "2025-autumn", "seats": [{"school_code": "S2", "grade": 1, "change": 1}],
        "township_seats": [{"township_code": TOWN_A, "grade": 1, "seats": 1},
                           {"township_code": TOWN_C, "grade": 1, "seats": 4}]}, headers=bureau).json()
    g1 = more["grades"][0]
    # S1 3 seats: a3 (西城, 85) now gets S1 over a5; S2 2 seats: a4; a5 (院桥) keeps P2
    assert (g1["summary"]["placed_public"], g1["summary"]["placed_purchased"]) == (4, 1)
    assert more["purchased"] == {"seats": 1, "semester_cost": "2875.50", "missing_tariffs": []}
    assert g1["seats_without_a_school"] == {TOWN_C: 4}
    assert app.get(f"/runs/{run['id']}", headers=bureau).json()["counts"]["placed_public"] == 3  # nothing stored

    bad = app.post("/planning/what-if", json={"season": 2025, "seats": [{"school_code": "NOPE", "grade": 1,
                                                                          "change": 1}]}, headers=bureau)
    assert bad.status_code == 422 and (bad.json()["code"], bad.json()["field"]) == ("unknown_school",
                                                                                   "seats.0.school_code")
    bad = app.post("/planning/what-if", json={"season": 2025, "township_seats": [
        {"township_code": "331003999", "grade": 1, "seats": 1}]}, headers=bureau)
    assert bad.status_code == 422 and bad.json()["field"] == "township_seats.0.township_code"
    assert app.post("/planning/what-if", json={"season": 2025}, headers=auth("platform")).status_code == 403


def test_what_if_at_a_semester_funding_does_not_hold_is_refused(world, auth):
    """A tester's 1999-nope was answered 200 with every tariff missing and a cost of 0.00."""
    app, _, funding, _ = world
    bureau = auth("bureau")
    app.post("/runs", json=RUN, headers=bureau)
    funding.tariffs = {"P1": "3000.00"}
    bad = app.post("/planning/what-if", json={"season": 2025, "semester": "1999-nope"}, headers=bureau)
    assert bad.status_code == 422, bad.text
    assert (bad.json()["code"], bad.json()["field"]) == ("unknown_semester", "semester")
    assert "1999-nope" in bad.json()["detail"]
    good = app.post("/planning/what-if", json={"season": 2025, "semester": "2025-autumn"}, headers=bureau)
    assert good.status_code == 200 and good.json()["purchased"]["missing_tariffs"] == ["P2"]
