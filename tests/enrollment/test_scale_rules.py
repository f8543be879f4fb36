"""Pure rules: approved capacity (BRIEF §7), plan checks, working days of the publication window, choice checks."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from enrollment.rules import (SchoolRef, add_working_days, application_no, check_choices, is_working_day,
                              official_calendar_knows, window_calendar)
from enrollment.scale import Norms, approved_capacity, check_plan

PRIMARY = Norms(45, Decimal(6), Decimal(18))
JUNIOR = Norms(50, Decimal(7), Decimal(23))


@pytest.mark.parametrize("floor, land, rooms, norms, expected, binding", [
    ("3000", "9000", {"1": 12}, PRIMARY, 500, "floor"),  # 500, 500, 540: floor and land tie, floor named
    ("2999.99", "9000", {"1": 12}, PRIMARY, 499, "floor"),  # ⌊499.998⌋
    ("6000", "5399.99", {"1": 12}, PRIMARY, 299, "land"),  # ⌊299.99⌋
    ("6000", "18000", {"1": 6, "2": 5}, PRIMARY, 495, "classrooms"),  # 11 × 45
    ("7000", "23000", {"7": 3, "8": 3, "9": 3}, JUNIOR, 450, "classrooms"),  # 1000, 1000, 9 × 50
    ("3500", "23000", {"7": 30}, JUNIOR, 500, "floor"),  # ⌊3500 / 7⌋
    ("0", "23000", {"7": 30}, JUNIOR, 0, "floor"),
])
def test_approved_capacity_examples(floor, land, rooms, norms, expected, binding):
    cap = approved_capacity(Decimal(floor), Decimal(land), rooms, norms)
    assert (cap.approved, cap.binding) == (expected, binding)


@given(floor=st.decimals(0, 100_000, places=2), land=st.decimals(0, 300_000, places=2),
       rooms=st.dictionaries(st.sampled_from("123456"), st.integers(0, 20), max_size=6))
def test_approved_capacity_is_the_least_bound(floor, land, rooms):
    cap = approved_capacity(floor, land, rooms, PRIMARY)
    assert cap.approved == min(cap.by_floor, cap.by_land, cap.by_classrooms)
    assert cap.by_floor * 6 <= floor < (cap.by_floor + 1) * 6
    assert cap.by_land * 18 <= land < (cap.by_land + 1) * 18
    assert cap.by_classrooms == 45 * sum(rooms.values())


def test_plan_checks_name_the_numbers():
    cap = approved_capacity(Decimal(2400), Decimal(9000), {str(g): 2 for g in range(1, 7)}, PRIMARY)  # 400
    pupils = {2: 90, 3: 90, 4: 80, 5: 70, 6: 60}  # 390
    rooms = {g: 2 for g in range(1, 7)}
    assert check_plan(cap, grade=1, planned=10, current_pupils=pupils, classrooms=rooms, other_plans=0).ok
    over = check_plan(cap, grade=1, planned=11, current_pupils=pupils, classrooms=rooms, other_plans=0)
    assert (over.ok, over.reason, over.school_total, over.approved_capacity) == (False, "over_approved_capacity",
                                                                                  401, 400)
    other = check_plan(cap, grade=1, planned=5, current_pupils=pupils, classrooms=rooms, other_plans=6)
    assert (other.ok, other.school_total) == (False, 401)  # the season's other plans count
    big = approved_capacity(Decimal(10**6), Decimal(10**6), {"1": 1, "2": 9}, PRIMARY)  # 450
    grade = check_plan(big, grade=1, planned=46, current_pupils={}, classrooms={1: 1, 2: 9}, other_plans=0)
    assert (grade.reason, grade.grade_total, grade.grade_limit) == ("over_grade_classes", 46, 45)
    assert check_plan(cap, grade=1, planned=0, current_pupils={2: 999}, classrooms={}, other_plans=0).ok


def test_working_days_skip_the_weekend():
    friday = date(2025, 6, 6)
    assert add_working_days(friday, 5) == date(2025, 6, 13)
    assert add_working_days(date(2025, 6, 7), 1) == date(2025, 6, 9)  # Saturday + 1 → Monday
    assert add_working_days(date(2025, 6, 2), 5) == date(2025, 6, 9)  # Dragon Boat Monday + 5 → next Monday
    assert add_working_days(friday, 0) == friday


def test_working_days_follow_the_official_holidays():
    """2025: National Day with Mid-Autumn is 1–8 October, Sunday 28 September and Saturday 11 October are worked
    (国务院办公厅 arrangement); Dragon Boat is Saturday 31 May – Monday 2 June."""
    assert add_working_days(date(2025, 9, 30), 1) == date(2025, 10, 9)
    assert add_working_days(date(2025, 9, 26), 1) == date(2025, 9, 28)  # Friday + 1 → the make-up Sunday
    assert add_working_days(date(2025, 10, 9), 2) == date(2025, 10, 11)  # the make-up Saturday counts
    assert add_working_days(date(2025, 5, 30), 1) == date(2025, 6, 3)
    assert not is_working_day(date(2026, 2, 16)) and is_working_day(date(2026, 2, 14))  # Spring Festival 2026
    assert official_calendar_knows(date(2026, 12, 31))


def test_working_days_fall_back_to_weekdays_for_an_unknown_year():
    """A year the State Council has not arranged yet (as the package knows it): Monday–Friday."""
    later = date(2099, 10, 1)  # a Thursday
    assert not official_calendar_knows(later)
    assert is_working_day(later) and add_working_days(later, 2) == date(2099, 10, 5)


def test_window_calendar_names_the_calendar_of_the_end_year():
    assert window_calendar(None) is None  # not published
    assert window_calendar(date(2025, 6, 9)) == "official"
    assert window_calendar(date(2099, 10, 5)) == "weekdays"
    assert window_calendar(date(2026, 12, 31)) == "official"  # chinesecalendar 1.11 knows 2026


@settings(deadline=None)  # the calendar look-ups are slow on a loaded machine; correctness is what is checked
@given(start=st.dates(date(2020, 1, 1), date(2030, 12, 31)), days=st.integers(1, 40))
def test_working_days_property(start, days):
    end = add_working_days(start, days)
    between = [start + timedelta(d) for d in range(1, (end - start).days + 1)]
    assert is_working_day(end)
    assert sum(map(is_working_day, between)) == days
    assert all(is_working_day(d) == (d.weekday() < 5) for d in between if not official_calendar_knows(d))


def test_application_numbers():
    assert application_no(2025, 1, 123) == "HY2025-1-000123"
    assert application_no(2025, 7, 1_234_567) == "HY2025-7-1234567"


def test_choice_checks():
    schools = {"S1": SchoolRef("public", "primary", "active"), "S2": SchoolRef("public", "junior", "active"),
               "P1": SchoolRef("private", "primary", "active"), "P2": SchoolRef("private", "primary", "closed")}
    assert check_choices(1, ["S1"], ["P1"], schools) == []
    got = [(p.field, p.code) for p in check_choices(1, ["S1", "S2", "S1", "P1", "ZZ"], ["P2", "S1"], schools)]
    assert got == [("public_choices.1", "wrong_level"), ("public_choices.2", "duplicate_choice"),
                   ("public_choices.3", "wrong_school_kind"), ("public_choices.4", "unknown_school"),
                   ("private_choices.0", "school_not_admitting"), ("private_choices.1", "wrong_school_kind")]
    assert [p.code for p in check_choices(7, ["S2"], ["P1"], schools)] == ["wrong_level"]
