"""Pure rules of the enrollment service: application numbers, choice checks, working days, season dates.

No HTTP, no session: plain data in, plain data out (BRIEF §4, §6).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import chinese_calendar

from common.ids import birth_date_of, check_uscc
from common.vocabulary import CLAIMED

GRADE_LEVEL = {1: "primary", 7: "junior"}
"""The level a school must be of to take an intake grade, nine-year schools apart (:data:`INTAKE_LEVELS`)."""
LEVEL_GRADES = {"primary": (1, 2, 3, 4, 5, 6), "junior": (7, 8, 9), "nine_year": (1, 2, 3, 4, 5, 6, 7, 8, 9)}
"""The grades a school of each level teaches; a nine-year school (九年一贯制) teaches grades 1–9."""
INTAKE_LEVELS = {1: ("primary", "nine_year"), 7: ("junior", "nine_year")}
"""The levels of the schools that take pupils in each intake grade: a nine-year school takes both grade 1 (its
primary section) and grade 7 (pupils joining its junior section)."""
MAX_PUBLIC_CHOICES = 5
MAX_PRIVATE_CHOICES = 3


def application_no(season: int, grade: int, seq: int) -> str:
    """``HY2025-1-000123``: season, grade and a per-season-and-grade sequence (6 digits, more when needed)."""
    return f"HY{season}-{grade}-{seq:06d}"


def is_working_day(day: date) -> bool:
    """A working day (工作日) in mainland China: the State Council's holiday arrangement (法定节假日), with its
    make-up working weekends (调休上班), from the ``chinese_calendar`` package for the years it knows (2004 to the
    year after its release; 1.11.0 knows 2026); Monday–Friday for a year it does not know yet
    (see :func:`official_calendar_knows`)."""
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:
        return day.weekday() < 5


def official_calendar_knows(day: date) -> bool:
    """Whether the State Council's arrangement for ``day``'s year is known to this build (published each
    November for the next year; upgrade ``chinesecalendar`` then)."""
    try:
        chinese_calendar.is_workday(day)
    except NotImplementedError:
        return False
    return True


def window_calendar(ends_on: date | None) -> str | None:
    """Which calendar a publication window (公示) ending on ``ends_on`` is counted in, as the Run answer says it:
    ``"official"`` when the State Council arrangement for ``ends_on``'s year is known to this build
    (:func:`official_calendar_knows`), ``"weekdays"`` when it is not (Monday–Friday counted), ``None`` for a run
    not published. Derived when asked: after an upgrade of ``chinesecalendar`` a window counted Monday–Friday
    reads ``"official"``, though its stored end date is not recounted."""
    if ends_on is None:
        return None
    return "official" if official_calendar_knows(ends_on) else "weekdays"


def add_working_days(start: date, days: int) -> date:
    """The day ``days`` working days (:func:`is_working_day`) after ``start``; ``start`` itself is not counted.

    A Friday plus 5 → the next Friday in an ordinary week; 2025-09-30 plus 1 → 2025-10-09 (National Day and
    Mid-Autumn, 1–8 October); a make-up Saturday (2025-09-28 is a Sunday worked) counts. ``ValueError`` for
    ``days < 0``.
    """
    if days < 0:
        raise ValueError("days must be >= 0")
    current, left = start, days
    while left:
        current += timedelta(days=1)
        if is_working_day(current):
            left -= 1
    return current


def month_day(season: int, mmdd: str) -> date:
    """``2025`` and ``"09-01"`` → 2025-09-01."""
    return date.fromisoformat(f"{season}-{mmdd}")


@dataclass(frozen=True)
class SchoolRef:
    """What choice checks need to know about a school."""

    kind: str  # "public" | "private"
    level: str  # "primary" | "junior" | "nine_year"
    status: str  # "active" | "phasing_out" | "closed"


@dataclass(frozen=True)
class Problem:
    """One refused field: ``field`` as a dotted path (``public_choices.2``), a stable ``code``, a ``detail``."""

    field: str
    code: str
    detail: str


def check_choices(grade: int, public: Sequence[str], private: Sequence[str],
                  schools: Mapping[str, SchoolRef]) -> list[Problem]:
    """Problems with an application's school choices (BRIEF §4 step 2): each list distinct, every code an
    existing school of the right kind (public list → public schools, private list → private migrant schools),
    of a level that takes the grade (grade 1 → primary or nine-year, 7 → junior or nine-year,
    :data:`INTAKE_LEVELS`) and admitting (not phasing out or closed).
    Codes: ``duplicate_choice``, ``unknown_school``, ``wrong_school_kind``, ``wrong_level``,
    ``school_not_admitting``. The list-length limits (≤ 5, ≤ 3) are schema rules."""
    levels = INTAKE_LEVELS[grade]
    problems: list[Problem] = []
    for name, kind, codes in (("public_choices", "public", public), ("private_choices", "private", private)):
        seen: set[str] = set()
        for i, code in enumerate(codes):
            where = f"{name}.{i}"
            school = schools.get(code)
            if code in seen:
                problems.append(Problem(where, "duplicate_choice", f"school {code} is chosen twice"))
            elif school is None:
                problems.append(Problem(where, "unknown_school", f"no school with code {code}"))
            elif school.kind != kind:
                problems.append(Problem(where, "wrong_school_kind", f"school {code} is {school.kind}, not {kind}"))
            elif school.level not in levels:
                problems.append(Problem(where, "wrong_level",
                                        f"school {code} is {school.level}; grade {grade} needs {GRADE_LEVEL[grade]}"))
            elif school.status != "active":
                problems.append(Problem(where, "school_not_admitting",
                                        f"school {code} is {school.status} and takes no new pupils"))
            seen.add(code)
    return problems


def full_years(born: date, on: date) -> int:
    """Completed years from ``born`` to ``on`` (negative when ``on`` comes first)."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


@dataclass(frozen=True)
class AgeRange:
    """The ages a grade takes, in full years on ``on`` (MM-DD) of the season year (BRIEF §5 E3: 31 August).

    ``max_age``: older than this is a data error, most often the wrong grade — refused at submission with
    ``age_out_of_range`` unless the bureau recorded an exception for the child (default 8 for grade 1, 15 for
    grade 7: "9 or older", "16 or older" refused). ``min_age``: younger is refused too; empty by default, because
    BRIEF §5 makes a child too young an eligibility rule (E3, the rulebook's ``min_age``: the family is scored
    ineligible, ``child_too_young``), not a refusal. Settings ``child_max_age``, ``child_min_age``,
    ``child_age_on``."""

    max_age: Mapping[int, int] = field(default_factory=lambda: {1: 8, 7: 15})
    min_age: Mapping[int, int] = field(default_factory=dict)
    on: str = "08-31"


def check_age(season: int, grade: int, born: date, ages: AgeRange) -> Problem | None:
    """``age_out_of_range`` (field ``child.birth_date``) when the child's full years on ``ages.on`` of the season
    year lie outside the grade's range, else None."""
    on = month_day(season, ages.on)
    age = full_years(born, on)
    low, high = ages.min_age.get(grade), ages.max_age.get(grade)
    if (high is not None and age > high) or (low is not None and age < low):
        span = f"{low if low is not None else 0}–{high if high is not None else '…'}"
        return Problem("child.birth_date", "age_out_of_range",
                       f"the child is {age} on {on}; grade {grade} takes children of {span} (full years) unless "
                       "the bureau records an exception (POST /age-exceptions)")
    return None


def check_application(app: Any, *, guardian_min_age: int = 14) -> list[Problem]:
    """Rules across the fields of one application (an ``ApplicationIn``), BRIEF §4 step 2 and §9:

    - ``birth_date_mismatch``: the child's birth date differs from positions 7–14 of the child's ID number;
    - ``birth_date_range``: a child born before 1990 (verification refuses such cases);
    - ``duplicate_guardian``: two guardians with one ID number; ``guardian_is_child``: a guardian is the child;
    - ``guardian_age``: a guardian (birth date from the ID number) born on or after the child, or younger than
      ``guardian_min_age`` full years on the child's birth day (setting ``guardian_min_age``, default 14);
    - ``unknown_guardian`` / ``duplicate_claim``: a claim names a guardian beyond the list, or two claims of one
      kind name the same guardian (verification's ``POST /cases`` rules, so a stored case is never refused there);
    - ``uscc_checksum``: a claimed business licence's USCC with a wrong check character (GB 32100) — a typo the
      platform can correct; verification and the market's facts check the shape only (the registry is the
      authority on a code it confirms), so this rule is the family's, here.
    """
    problems: list[Problem] = []
    encoded = birth_date_of(app.child.id_number)
    if encoded != app.child.birth_date:
        problems.append(Problem("child.birth_date", "birth_date_mismatch",
                                f"birth date {app.child.birth_date} differs from the ID number's {encoded}"))
    elif app.child.birth_date.year < 1990:
        problems.append(Problem("child.birth_date", "birth_date_range",
                                "a child born before 1990 cannot enter grade 1 or 7"))
    ids = [g.id_number for g in app.guardians]
    if len(set(ids)) != len(ids):
        problems.append(Problem("guardians.1.id_number", "duplicate_guardian", "two guardians share one ID number"))
    if app.child.id_number in ids:
        problems.append(Problem(f"guardians.{ids.index(app.child.id_number)}.id_number", "guardian_is_child",
                                "a guardian has the child's ID number"))
    else:
        child = app.child.birth_date
        for i, number in enumerate(ids):
            born = birth_date_of(number)
            if born >= child:
                problems.append(Problem(f"guardians.{i}.id_number", "guardian_age",
                                        f"guardian {i + 1} was born on {born}, not before the child ({child})"))
            elif full_years(born, child) < guardian_min_age:
                problems.append(Problem(f"guardians.{i}.id_number", "guardian_age",
                                        f"guardian {i + 1} (born {born}) was {full_years(born, child)} on the "
                                        f"child's birth day ({child}); at least {guardian_min_age} is required"))
    for kind in CLAIMED:
        claimed = [c.guardian_no for c in getattr(app.claims, kind)]
        if any(no > len(app.guardians) for no in claimed):
            problems.append(Problem(f"claims.{kind}", "unknown_guardian",
                                    f"a claim names a guardian_no beyond the {len(app.guardians)} guardian(s)"))
        elif len(set(claimed)) != len(claimed):
            problems.append(Problem(f"claims.{kind}", "duplicate_claim", "one claim per guardian and kind"))
    for i, claim in enumerate(app.claims.business_license):
        try:
            check_uscc(claim.uscc)
        except ValueError as exc:
            problems.append(Problem(f"claims.business_license.{i}.uscc", "uscc_checksum", str(exc)))
    return problems
