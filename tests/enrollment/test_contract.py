"""Consumer contract: enrollment's outbox against the real verification and funding apps, in process (points is
faked: its scores are the input of a run)."""

from __future__ import annotations

from datetime import date

from enrollment_kit import TOWN_B, application, private_school, public_school, upstreams


def test_cases_and_purchased_seats_reach_the_real_providers(make_service, auth):
    verification = make_service("verification")
    funding = make_service("funding")
    _, points, _, fakes = upstreams()
    app = make_service("enrollment", outbox_dispatcher=False, today=date(2025, 6, 2),
                       create_app_kwargs={"http_clients": {"verification": verification, "funding": funding,
                                                           "points": fakes["points"]}})
    bureau, platform = auth("bureau"), auth("platform")
    app.post("/schools", json=public_school("S1"), headers=bureau)
    app.put("/schools/S1/seats/2025/1", json={"migrant_seats": 1}, headers=bureau)
    app.post("/schools", json=private_school("P1", TOWN_B), headers=bureau)
    app.put("/schools/P1/plans/2025/1", json={"planned": 5}, headers=bureau)
    body = application(public=["S1"], private=["P1"], guardian_count=2,
                       claims={"housing": [{"guardian_no": 1, "tenure": "rented", "lease_no": "HYZL-2023-00123"}],
                               "business_license": [{"guardian_no": 2, "uscc": "92331003MA2ABCDE19"}]})
    nos = [app.post("/applications", json=b, headers=platform).json()["application_no"]
           for b in (body, application(public=["S1"], private=["P1"]))]
    flushed = app.post("/outbox/flush", headers=bureau).json()
    assert flushed["topics"]["verification.cases"] == {"pending": 0, "delivered": 2, "failing": 0}, flushed
    facts = verification.get(f"/facts/{nos[0]}", headers=bureau)
    assert facts.status_code == 200, facts.text
    assert [g["guardian_no"] for g in facts.json()["guardians"]] == [1, 2]
    assert set(facts.json()["guardians"][0]["pending"]) == {"residence_permit", "social_insurance", "housing"}

    points.set(nos[0], "90.00", township=TOWN_B)
    points.set(nos[1], "80.00", township=TOWN_B)
    run = app.post("/runs", json={"season": 2025, "grade": 1, "seed": 1}, headers=bureau).json()
    app.post(f"/runs/{run['id']}/publish", headers=bureau)
    assert app.post(f"/runs/{run['id']}/finalise", headers=bureau).status_code == 200
    for _ in range(2):  # a second flush sends nothing more
        out = app.post("/outbox/flush", headers=bureau).json()
        assert out["topics"]["funding.seats"] == {"pending": 0, "delivered": 1, "failing": 0}, out
    seats = funding.get("/purchased-seats?school_code=P1", headers=bureau).json()["items"]
    assert [(s["application_no"], s["school_code"], s["start_date"]) for s in seats] == [(nos[1], "P1", "2025-09-01")]
