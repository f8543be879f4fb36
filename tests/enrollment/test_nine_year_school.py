"""A nine-year school (九年一贯制) in enrollment's register (issue 19): it teaches grades 1–9, takes both intake grades
(1 and 7), and its placed pupils reach funding through the hand-over with the level ``nine_year``, where their
purchased seats move up a grade each school year, are billed to grade 9 and end by themselves after it."""

from __future__ import annotations

from datetime import date

from enrollment_kit import MONDAY, TOWN_B, application, private_school, upstreams

SEMESTERS = [c for y in (2025, 2026, 2027, 2028) for c in (f"{y}-autumn", f"{y + 1}-spring")]


def test_a_nine_year_school_is_registered_and_its_seats_run_to_grade_9(make_service, auth, backend):
    _, points, funding_fake, clients = upstreams()
    app = make_service("enrollment", outbox_dispatcher=False, today=MONDAY, create_app_kwargs={"http_clients": clients})
    bureau, platform = auth("bureau"), auth("platform")

    body = {**private_school("N1", TOWN_B), "level": "nine_year",
            "classrooms": {str(g): 1 for g in range(1, 10)}, "current_pupils": {"1": 30, "9": 40}}
    made = app.post("/schools", json=body, headers=bureau)
    assert made.status_code == 201, made.text
    assert made.json()["level"] == "nine_year" and made.json()["classrooms"] == body["classrooms"]
    # the stricter of its sections' norms: primary class limit, junior area norms
    assert made.json()["approved_capacity_inputs"]["norms"] == {"class_limit": 45, "floor_norm_m2": "7.00",
                                                                "land_norm_m2": "23.00"}
    primary = {**private_school("P9", TOWN_B), "classrooms": {"9": 1}}
    refused = app.post("/schools", json=primary, headers=bureau)
    assert refused.status_code == 422, refused.text  # a primary school has no grade 9
    assert [s["code"] for s in app.get("/schools?level=nine_year", headers=bureau).json()["items"]] == ["N1"]

    # both intake grades take a plan; grade 8 is no intake grade
    for grade in (1, 7):
        assert app.put(f"/schools/N1/plans/2025/{grade}", json={"planned": 2}, headers=bureau).status_code == 200
    eight = app.put("/schools/N1/plans/2025/8", json={"planned": 2}, headers=bureau)
    assert eight.status_code == 422

    # a grade-7 pupil chooses it, is placed there, and the hand-over names the level
    no = app.post("/applications", json=application(grade=7, private=["N1"], township=TOWN_B), headers=platform)
    assert no.status_code == 201, no.text
    no = no.json()["application_no"]
    points.set(no, "60.00", township=TOWN_B, grade=7)
    run = app.post("/runs", json={"season": 2025, "grade": 7, "mechanism": "deferred_acceptance", "seed": 1},
                   headers=bureau).json()
    assert run["counts"]["placed_private_choice"] == 1, run["counts"]
    assert app.post(f"/runs/{run['id']}/publish", json={"window_days": 1}, headers=bureau).status_code == 200
    app.app.state.clock = lambda: date(2025, 7, 1)
    assert app.post(f"/runs/{run['id']}/finalise", headers=bureau).status_code == 200
    app.post("/outbox/flush", headers=bureau)
    handed = funding_fake.seats[no]
    assert (handed["school_code"], handed["grade"], handed["school_level"]) == ("N1", 7, "nine_year")

    # funding: the seat is billed in grades 7, 8 and 9 and ends after grade 9's spring
    funding = make_service("funding")
    fin, bur, svc = auth("finance", subject="finance-1"), auth("bureau", subject="bureau-1"), auth("service",
                                                                                                   subject="enrollment")
    seat = {k: v for k, v in handed.items() if k != "run_id"}
    got = funding.post("/purchased-seats/handover", json={"run_id": handed["run_id"], "seats": [seat]}, headers=svc)
    assert got.status_code == 200, got.text
    seat_id = got.json()["items"][0]["seat_id"]
    billed, grades = [], []
    for code in SEMESTERS:
        assert funding.post("/semesters", json={"code": code}, headers=bur).status_code == 201
        tariff = {"operating_cost_per_pupil": "3000.00", "original_fee": "3200.00"}
        assert funding.put(f"/tariffs/N1/{code}", json=tariff, headers=bur).status_code == 200
        roll = funding.get(f"/rolls/N1/{code}", headers=bur).json()
        grades.append([i["grade"] for i in roll["items"]])
        if roll["items"]:
            confirmed = funding.post(f"/rolls/N1/{code}/confirmations", json={"attending": [seat_id], "left": []},
                                     headers=bur)
            assert confirmed.status_code == 201, confirmed.text
        run = funding.post("/settlements/run", json={"semester": code}, headers=fin).json()
        billed.append(sum(d["line_count"] for d in run["drafted"]))
    assert grades == [[7], [7], [8], [8], [9], [9], [], []]
    assert billed == [1, 1, 1, 1, 1, 1, 0, 0]
    [ended] = funding.get("/purchased-seats?school_code=N1", headers=auth("auditor")).json()["items"]
    assert (ended["id"], ended["grade"], ended["end_date"], ended["end_code"]) == (seat_id, 7, "2028-07-15", "completed")
    assert funding.get("/ledger/verify", headers=auth("auditor")).json()["ok"] is True
