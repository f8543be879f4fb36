"""Use cases of grade progression and the end of schooling (BRIEF §8, plan 三(四)): each school's level, the seats
a settlement may bill (those whose pupil is in the school's grades that semester) and the seats that end by
themselves after the last semester of the school's top grade. Functions take a session and never commit; the
rules themselves are the pure :mod:`funding.progression`.

Where funding learns a school's level: from enrollment's school register, through the hand-over — each handed-over
seat names its school's level (``school_level``). Enrollment owns the register (the bureau keeps schools there, and
its level never changes), the hand-over already carries the school and the grade, so no second copy for the bureau
to keep in step and no call from funding to enrollment at settlement time. Funding keeps what it was told in
``funded_schools``. A hand-over without a level (an older enrollment) makes a school funding does not know primary
for grades 1–6 and junior for 7–9 — exactly enrollment's two levels and intake grades. A nine-year school
(``nine_year``, grades 1–9) arrives the same way once the register has one (or from the bureau's own hand-over).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, update
from sqlalchemy.orm import Session

from common.db import driver_rows, insert_ignoring_conflicts, utcnow
from common.identity import Identity
from funding import errors, progression
from funding.config import Settings
from funding.models import FundedSchool, PurchasedSeat, Semester
from funding.settlement_rules import default_period

Seat3 = tuple[int, date, date | None]


def year_start(settings: Settings) -> progression.YearStart:
    """The school year's first day (month, day): the day after the default spring end (16 July)."""
    return progression.year_start_after(settings.spring_ends)


def school_level(session: Session, school_code: str) -> str:
    """The school's level; for a school with no ``funded_schools`` row (seats stored behind the service's back) the
    level its lowest seat grade implies (:func:`funding.progression.level_for_grade`)."""
    level = session.scalar(select(FundedSchool.level).where(FundedSchool.code == school_code))
    if level is not None:
        return level
    lowest = session.scalar(select(func.min(PurchasedSeat.grade)).where(PurchasedSeat.school_code == school_code))
    return progression.level_for_grade(lowest or 1)


def record_levels(session: Session, given: Mapping[str, str | None], grades: Mapping[str, set[int]],
                  who: Identity) -> dict[str, str]:
    """Learn the levels of the schools in a hand-over → ``{school_code: level}``.

    ``given`` = the level each seat named for its school (``None`` when it named none), ``grades`` = the entry
    grades handed over per school. A school funding knows keeps its level: a different one is 422
    ``school_level_mismatch``; a new school is recorded with the level given, else the one its lowest grade
    implies. A grade the school does not teach is 422 ``grade_not_taught``.
    """
    codes = sorted(given)
    known = _levels(session, codes)
    now = utcnow()
    for code in codes:  # a school new to funding: recorded unless a concurrent hand-over recorded it first
        if code not in known:
            insert_ignoring_conflicts(session, FundedSchool, ["code"], {
                "code": code, "level": given[code] or progression.level_for_grade(min(grades[code])),
                "recorded_by": who.subject, "recorded_at": now})
    if len(known) < len(codes):
        known = _levels(session, codes)
    out: dict[str, str] = {}
    for code in codes:
        level = known[code]
        if given[code] not in (None, level):
            raise errors.SchoolLevelMismatch(f"funding knows {code} as a {level} school, not {given[code]}",
                                             field="school_level")
        low, top = progression.grades_of(level)
        wrong = sorted(g for g in grades[code] if not low <= g <= top)
        if wrong:
            raise errors.GradeNotTaught(f"{code} is a {level} school (grades {low}–{top}); grade {wrong[0]} is not "
                                        "taught there", field="grade")
        out[code] = level
    return out


def _levels(session: Session, codes: list[str]) -> dict[str, str]:
    rows = session.execute(select(FundedSchool.code, FundedSchool.level).where(FundedSchool.code.in_(codes)))
    return dict(rows.all())


def billable_seats(session: Session, school_code: str, semester: Semester, settings: Settings) -> list[Seat3]:
    """``(seat_id, start, end)`` of the school's seats that meet the semester AND whose pupil is in the school's
    grades during it, by id — the seats a settlement may bill (before the roll, :mod:`funding.roll`). A seat
    outside its grades (a grade-9 pupil's seat in the autumn after the last spring) is never billed, whether or not
    :func:`complete_due` has ended it yet. One query, fetched raw (:func:`common.db.driver_rows`)."""
    rows = seat_spans(driver_rows(session, billable_select(session, school_code, semester, settings)))
    rows.sort()  # by id (ids are unique): cheaper here than an ORDER BY on the server
    return rows


def seat_spans(rows: list[tuple]) -> list[Seat3]:
    """Driver rows ``(seat_id, start, end)`` with the dates as ``date`` (sqlite3 returns ISO text; psycopg dates)."""
    if not rows or not isinstance(rows[0][1], str):
        return list(rows)
    iso = date.fromisoformat
    return [(seat_id, iso(start), None if end is None else iso(end)) for seat_id, start, end in rows]


def billable_select(session: Session, school_code: str, semester: Semester, settings: Settings) -> Select:
    """The query behind :func:`billable_seats`: ``(seat_id, start, end)`` in no particular order."""
    return (select(PurchasedSeat.id, PurchasedSeat.start_date, PurchasedSeat.end_date)
            .where(billable_clause(session, school_code, semester, settings)))


def billable_clause(session: Session, school_code: str, semester: Semester, settings: Settings) -> ColumnElement:
    """SQL condition on ``purchased_seats``: a seat of the school that meets ``semester`` with its pupil in the
    school's grades during it — the grade windows in SQL (one condition per grade the school teaches), all on the
    ``(school_code, start_date, end_date, grade)`` index, so a school's seats are read from the index alone."""
    return and_(PurchasedSeat.school_code == school_code, PurchasedSeat.start_date <= semester.ends_on,
                or_(PurchasedSeat.end_date.is_(None), PurchasedSeat.end_date >= semester.starts_on),
                in_grades_clause(semester, school_level(session, school_code), settings))


def in_grades_clause(semester: Semester, level: str, settings: Settings):
    """SQL condition: the seat's pupil is in the school's grades during ``semester`` (entry grade ``g`` with a start
    day inside :func:`funding.progression.start_windows`' window for ``g``)."""
    windows = progression.start_windows(semester.starts_on, level, year_start(settings))
    return or_(*(and_(PurchasedSeat.grade == g, PurchasedSeat.start_date.between(lo, hi))
                 for g, (lo, hi) in windows.items()))


def complete_due(session: Session, school_code: str, semester: Semester, who: Identity,
                 settings: Settings) -> list[int]:
    """End every open seat of the school whose schooling there is over once ``semester`` is done: its last school
    year (the top grade's) lies before ``semester``'s, or is ``semester``'s own and ``semester`` closes it (the
    spring semester, :func:`funding.progression.closes_school_year`). End date = the last day of that year's last
    semester (the latest configured semester of that school year, else the default spring end), ``end_code``
    ``completed``, who and when; one ``seats_completed`` ledger entry per call that ends any, naming the seats.

    Called before a school's settlement is drafted and before its roll is confirmed, so a grade-9 pupil's seat ends
    as a consequence of the draft or roll of its last spring — whichever comes first, once (an ended seat is not
    open any more) — never of the wall clock nor of a later semester being configured. The last spring still bills
    the seat in full (its end is that semester's last day); a pupil the roll reports gone earlier in it ends on
    that day instead (:func:`funding.roll.confirm`). → the ids ended."""
    from funding.ledger_store import append_ledger  # ledger_store imports the service layer: import when used

    level = school_level(session, school_code)
    low, top = progression.grades_of(level)
    starts = year_start(settings)
    year = progression.school_year(semester.starts_on, starts)
    cutoff = year + 1 if progression.closes_school_year(semester.starts_on, starts) else year
    # final year = school_year(start) + top − grade < cutoff  ⇔  start < date(cutoff − top + grade, starts)
    due = or_(*(and_(PurchasedSeat.grade == g, PurchasedSeat.start_date < date(cutoff - top + g, *starts))
                for g in range(low, top + 1)))
    rows = session.execute(select(PurchasedSeat.id, PurchasedSeat.grade, PurchasedSeat.start_date)
                           .where(PurchasedSeat.school_code == school_code, PurchasedSeat.end_date.is_(None), due)
                           .order_by(PurchasedSeat.id)).all()
    if not rows:
        return []
    by_year: dict[int, list[int]] = defaultdict(list)
    for seat_id, grade, start in rows:
        by_year[progression.final_school_year(grade, start, top, starts)].append(seat_id)
    configured = [tuple(r) for r in session.execute(select(Semester.starts_on, Semester.ends_on))]
    now, groups = utcnow(), []
    for final_year, ids in sorted(by_year.items()):
        default_end = default_period(f"{final_year + 1}-spring",
                                     spring=(settings.spring_starts, settings.spring_ends)).ends_on
        last_day = progression.completion_day(final_year, configured, default_end, starts)
        for i in range(0, len(ids), 500):
            session.execute(update(PurchasedSeat).where(PurchasedSeat.id.in_(ids[i:i + 500]))
                            .values(end_date=last_day, end_code="completed", end_reason=f"completed grade {top}",
                                    ended_by=who.subject, ended_at=now).execution_options(synchronize_session=False))
        groups.append({"final_school_year": final_year, "end_date": last_day.isoformat(), "seat_ids": ids})
    append_ledger(session, "seats_completed", {
        "settlement_id": None, "amount_fen": 0, "school_code": school_code, "level": level, "top_grade": top,
        "semester": semester.code, "count": len(rows), "groups": groups, "by": who.subject})
    session.expire_all()
    return [r[0] for r in rows]
