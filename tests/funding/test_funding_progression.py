"""Grade progression and the end of schooling, pure (funding.progression) — BRIEF §8: the grade rises each school
year (which starts with the autumn semester), a seat is paid only while its pupil is in the school's grades."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from funding.progression import (LEVELS, completion_day, final_school_year, grade_on, in_grades, level_for_grade,
                                 school_year, start_windows, year_start_after)
from funding.settlement_rules import default_period

days = st.dates(date(2000, 1, 1), date(2090, 12, 31))
levels = st.sampled_from(sorted(LEVELS))


def test_school_years_start_with_the_autumn_semester():
    assert year_start_after("07-15") == (7, 16)
    assert year_start_after("02-28") == (3, 1)
    assert school_year(date(2025, 9, 1)) == 2025       # autumn 2025
    assert school_year(date(2026, 1, 31)) == 2025      # its last day
    assert school_year(date(2026, 2, 1)) == 2025       # spring 2026 is the same school year
    assert school_year(date(2026, 7, 15)) == 2025
    assert school_year(date(2026, 7, 16)) == 2026      # the summer belongs to the year ahead
    assert school_year(date(2025, 8, 25)) == 2025      # a seat starting in August is this autumn's


def test_a_grade_7_seat_of_2025_is_in_grade_9_in_2027_and_out_in_2028():
    start = date(2025, 9, 1)
    assert [grade_on(7, start, default_period(c).starts_on) for c in
            ("2025-autumn", "2026-spring", "2026-autumn", "2027-spring", "2027-autumn", "2028-spring",
             "2028-autumn")] == [7, 7, 8, 8, 9, 9, 10]
    assert final_school_year(7, start, 9) == 2027
    assert in_grades(7, start, date(2028, 2, 1), "junior")
    assert not in_grades(7, start, date(2028, 9, 1), "junior")      # the 2028 autumn: not billed
    assert not in_grades(7, start, date(2656, 9, 1), "junior")      # nor in 2656
    # primary schools stop after grade 6, nine-year schools go on to 9
    assert in_grades(1, start, date(2031, 2, 1), "primary") and not in_grades(1, start, date(2031, 9, 1), "primary")
    assert in_grades(1, start, date(2034, 2, 1), "nine_year")
    assert not in_grades(1, start, date(2034, 9, 1), "nine_year")


def test_level_for_grade_and_completion_day():
    assert [level_for_grade(g) for g in (1, 6, 7, 9)] == ["primary", "primary", "junior", "junior"]
    configured = [(date(2027, 9, 1), date(2028, 1, 31)), (date(2028, 2, 1), date(2028, 7, 10)),
                  (date(2028, 9, 1), date(2029, 1, 31))]
    assert completion_day(2027, configured, date(2028, 7, 15)) == date(2028, 7, 10)  # the configured spring end
    assert completion_day(2030, configured, date(2031, 7, 15)) == date(2031, 7, 15)  # none configured: default


@given(entry=st.integers(1, 9), start=days, day=days)
def test_grade_rises_by_one_per_school_year(entry, start, day):
    grade = grade_on(entry, start, day)
    assert grade - entry == school_year(day) - school_year(start)
    # a year later, one grade up; the same school year, the same grade
    assert grade_on(entry, start, day.replace(year=day.year + 1) if (day.month, day.day) != (2, 29)
                    else day + timedelta(days=365)) == grade + 1
    assert grade_on(entry, start, start) == entry


@given(level=levels, data=st.data())
def test_seats_are_in_grades_exactly_until_their_final_school_year(level, data):
    low, top = LEVELS[level]
    entry = data.draw(st.integers(low, top))
    start = data.draw(days)
    semester = data.draw(days)
    final = final_school_year(entry, start, top)
    inside = in_grades(entry, start, semester, level)
    if school_year(start) <= school_year(semester):
        assert inside == (school_year(semester) <= final)
    else:  # a semester before the seat began: below the entry grade, in grades only when a lower grade is taught
        assert inside == (grade_on(entry, start, semester) >= low)


@given(level=levels, semester=days, data=st.data())
def test_start_windows_agree_with_in_grades(level, semester, data):
    windows = start_windows(semester, level)
    low, top = LEVELS[level]
    entry = data.draw(st.integers(1, 9))
    start = data.draw(days)
    window = windows.get(entry)
    fast = window is not None and window[0] <= start <= window[1]
    assert fast == (low <= entry <= top and in_grades(entry, start, semester, level))


@pytest.mark.parametrize("level, entry, years", [("primary", 1, 6), ("primary", 4, 3), ("junior", 7, 3),
                                                 ("junior", 9, 1), ("nine_year", 1, 9), ("nine_year", 7, 3)])
def test_a_seat_is_paid_for_exactly_its_school_years(level, entry, years):
    start = date(2025, 9, 1)
    paid = [y for y in range(2020, 2040) for code in (f"{y}-autumn", f"{y + 1}-spring")
            if in_grades(entry, start, default_period(code).starts_on, level) and y >= 2025]
    assert len(paid) == 2 * years and paid[0] == 2025 and paid[-1] == 2025 + years - 1
