"""Grade progression and the end of schooling for purchased seats (BRIEF §8, plan 三(四)). Pure: dates in, grades
and dates out; no session, no HTTP.

A seat records the pupil's grade on its first day (``entry_grade``). The grade rises by one each school year, and the
school year starts with the autumn semester: school year ``Y`` runs from the day after the spring semester of ``Y``
ends (by default 16 July ``Y``; the summer belongs to the year ahead) to the end of the spring semester of ``Y + 1``,
so its semesters are ``Y-autumn`` and ``(Y+1)-spring``. A seat is paid for in a semester only while its pupil is in
one of the school's grades (primary 1–6, junior 7–9, nine-year 1–9); it ends by itself after the last semester of the
school's top grade, with the reason ``completed``. A primary school's grade-6 pupil does not carry the seat into
junior school: a new placement (a new seat) does.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

LEVELS: dict[str, tuple[int, int]] = {"primary": (1, 6), "junior": (7, 9), "nine_year": (1, 9)}
"""School level → (lowest grade, top grade) taught."""

YearStart = tuple[int, int]
"""(month, day) on which a school year begins: the day after the spring semester's default end."""


def grades_of(level: str) -> tuple[int, int]:
    """(lowest, top) grade of a school level; ``KeyError`` for an unknown level."""
    return LEVELS[level]


def level_for_grade(grade: int) -> str:
    """The level a school must have when all we know is that it takes a pupil in ``grade`` (the intake grades are 1
    for primary and 7 for junior): grades 1–6 → ``primary``, 7–9 → ``junior``. Used only when the hand-over names
    no level for a school funding does not know yet."""
    return "primary" if grade <= 6 else "junior"


def year_start_after(spring_ends: str) -> YearStart:
    """The school year's first day from the spring semester's default end ``"MM-DD"`` (``"07-15"`` → (7, 16))."""
    month, day = (int(p) for p in spring_ends.split("-"))
    nxt = date(2001, month, day) + timedelta(days=1)  # 2001: not a leap year, so 02-28 → 03-01
    return nxt.month, nxt.day


def school_year(day: date, starts: YearStart = (7, 16)) -> int:
    """The school year ``day`` falls in, named by the calendar year of its autumn semester."""
    return day.year if (day.month, day.day) >= starts else day.year - 1


def closes_school_year(semester_start: date, starts: YearStart = (7, 16)) -> bool:
    """Is the semester that begins on ``semester_start`` the last of its school year? The spring semester is: it
    begins in the calendar year after the one its school year is named by (school year 2027's spring begins in
    2028), while the autumn semester begins in the same one. Decided by the semester's own dates alone, so a seat's
    completion never depends on which later semesters happen to be configured, or on the day it is asked."""
    return semester_start.year > school_year(semester_start, starts)


def grade_on(entry_grade: int, start: date, day: date, starts: YearStart = (7, 16)) -> int:
    """The grade of a pupil who was in ``entry_grade`` on ``start``, on ``day`` (one up per school year since)."""
    return entry_grade + school_year(day, starts) - school_year(start, starts)


def final_school_year(entry_grade: int, start: date, top_grade: int, starts: YearStart = (7, 16)) -> int:
    """The school year in which the pupil is in ``top_grade``: the seat's last."""
    return school_year(start, starts) + top_grade - entry_grade


def in_grades(entry_grade: int, start: date, semester_start: date, level: str, starts: YearStart = (7, 16)) -> bool:
    """Is the pupil in one of the school's grades during the semester that begins on ``semester_start``?"""
    low, top = LEVELS[level]
    return low <= grade_on(entry_grade, start, semester_start, starts) <= top


def start_windows(semester_start: date, level: str, starts: YearStart = (7, 16)) -> dict[int, tuple[date, date]]:
    """For each entry grade the school teaches, the seat start days ``[first, last]`` (inclusive) whose pupil is in
    the school's grades during the semester beginning ``semester_start``: the fast form of :func:`in_grades` for
    a whole school (a settlement checks 20 000 seats with one dictionary look-up and two comparisons each).

    Entry grade ``g`` in school year ``s`` is grade ``g + Y − s`` in the semester's year ``Y``; it must lie in
    ``[low, top]``, so ``Y − top + g ≤ s ≤ Y − low + g``.
    """
    low, top = LEVELS[level]
    year = school_year(semester_start, starts)
    out = {}
    for g in range(low, top + 1):
        first_year, last_year = year - top + g, year - low + g
        out[g] = (date(first_year, *starts), date(last_year + 1, *starts) - timedelta(days=1))
    return out


def completion_day(final_year: int, semesters: Iterable[tuple[date, date]], default_end: date,
                   starts: YearStart = (7, 16)) -> date:
    """The last day of the seat's last semester: the latest end among the configured ``semesters``
    (``(starts_on, ends_on)``) of school year ``final_year``; ``default_end`` (the default spring end of
    ``final_year + 1``) when none of that year is configured."""
    ends = [e for s, e in semesters if school_year(s, starts) == final_year]
    return max(ends) if ends else default_end
