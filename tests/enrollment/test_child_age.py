"""The child's age for the grade (BRIEF §5 E3, issue 17): older than the grade's range on 31 August of the season
year is refused with ``age_out_of_range`` unless the bureau recorded an exception (``POST /age-exceptions``, who
and when kept); the range is configuration (``child_max_age``, ``child_min_age``, ``child_age_on``); a child
too young stays the rulebook's E3 (scored ineligible), not a refusal, by default."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from enrollment.rules import AgeRange, check_age, full_years
from enrollment_kit import application, make_id

AUG31 = date(2025, 8, 31)


@pytest.mark.parametrize("grade,born,refused", [
    (1, date(2019, 8, 31), False),  # 6 on 31 August
    (1, date(2019, 9, 1), False),  # 5: too young is E3 (points), not a refusal
    (1, date(2016, 9, 1), False),  # 8
    (1, date(2016, 8, 31), True),  # 9 on 31 August: refused
    (1, date(2010, 1, 1), True),
    (7, date(2013, 8, 31), False),  # 12
    (7, date(2009, 9, 1), False),  # 15
    (7, date(2009, 8, 31), True),  # 16
])
def test_the_default_range_table(grade, born, refused):
    problem = check_age(2025, grade, born, AgeRange())
    assert (problem is not None) == refused
    if refused:
        assert problem.code == "age_out_of_range" and problem.field == "child.birth_date"


@given(st.dates(date(1990, 1, 1), date(2025, 8, 31)), st.sampled_from([1, 7]),
       st.integers(0, 20), st.integers(0, 20))
def test_refused_exactly_outside_the_configured_range(born, grade, low, high):
    ages = AgeRange(max_age={grade: high}, min_age={grade: low})
    age = full_years(born, AUG31)
    assert (check_age(2025, grade, born, ages) is None) == (low <= age <= high)


def test_the_age_is_counted_on_the_configured_day():
    born = date(2016, 6, 1)  # 9 on 31 August 2025, 8 on 31 May
    assert check_age(2025, 1, born, AgeRange()) is not None
    assert check_age(2025, 1, born, AgeRange(on="05-31")) is None


def _older(grade: int = 1) -> dict:
    return application(birth=date(2016, 3, 1), grade=grade)  # 9 on 31 August 2025


def test_an_older_child_is_refused_until_the_bureau_records_an_exception(make_service, auth):
    app = make_service("enrollment", outbox_dispatcher=False)
    body = _older()
    refused = app.post("/applications", json=body, headers=auth("platform"))
    assert refused.status_code == 422, refused.text
    problem = refused.json()
    assert problem["code"] == "age_out_of_range" and problem["field"] == "child.birth_date"
    assert problem["errors"][0]["code"] == "age_out_of_range" and problem["errors"][0]["message_zh"]

    exception = {"season": 2025, "grade": 1, "child_id_number": body["child"]["id_number"], "reason": "因病推迟入学"}
    assert app.post("/age-exceptions", json=exception, headers=auth("platform")).status_code == 403
    recorded = app.post("/age-exceptions", json=exception, headers=auth("bureau", subject="bureau-7"))
    assert recorded.status_code == 201, recorded.text
    row = recorded.json()
    assert row["recorded_by"] == "bureau:bureau-7" and row["recorded_at"] and row["reason"] == "因病推迟入学"
    assert row["child_id_number"] != body["child"]["id_number"]  # masked
    again = app.post("/age-exceptions", json=exception, headers=auth("bureau"))
    assert again.status_code == 409 and again.json()["code"] == "age_exception_exists"

    taken = app.post("/applications", json=body, headers=auth("platform"))
    assert taken.status_code == 201, taken.text
    listed = app.get("/age-exceptions?season=2025", headers=auth("auditor")).json()["items"]
    assert [r["id"] for r in listed] == [row["id"]]


def test_the_batch_refuses_an_older_child_and_stores_the_rest(make_service, auth):
    app = make_service("enrollment", outbox_dispatcher=False)
    items = [_older(), application()]
    resp = app.post("/applications/batch", json={"items": items},
                    headers={**auth("platform"), "Idempotency-Key": "ages-1"})
    assert resp.status_code == 200, resp.text
    first, second = resp.json()["items"]
    assert first["status"] == "rejected" and first["code"] == "age_out_of_range"
    assert first["errors"][0]["field"] == "child.birth_date" and second["status"] == "created"


def test_the_range_is_a_setting(make_service, auth):
    app = make_service("enrollment", outbox_dispatcher=False, child_max_age={1: 9})
    assert app.post("/applications", json=_older(), headers=auth("platform")).status_code == 201
    strict = make_service("enrollment", outbox_dispatcher=False, child_min_age={1: 6})
    young = application(birth=date(2019, 9, 1))  # 5 on 31 August 2025
    assert strict.post("/applications", json=young, headers=auth("platform")).json()["code"] == "age_out_of_range"


def test_make_id_and_the_kit_child_are_in_range():
    """The kit's default child is 6 (grade 1) or 12 (grade 7) on 31 August: the fixtures stay in range."""
    for grade in (1, 7):
        born = date.fromisoformat(application(grade=grade)["child"]["birth_date"])
        assert check_age(2025, grade, born, AgeRange()) is None
    assert make_id(date(2016, 3, 1))[6:14] == "20160301"
