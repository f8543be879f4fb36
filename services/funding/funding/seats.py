"""Use cases for purchased seats (政府购买学位): the hand-over from enrollment, ends and transfers — BRIEF §8,
plan 三(四).

Every function takes a session and never commits; the router commits once.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from common.db import utcnow
from common.errors import Invalid
from common.identity import Identity
from funding import errors, progression, schooling
from funding.ledger_store import append_ledger
from funding.config import Settings
from funding.models import SETTLED, FundedSchool, PurchasedSeat, Semester, Settlement, SettlementLine, Tariff
from funding.schemas import Handover, SeatEnd, SeatTransfer
from funding.semesters import get_semester, period_of
from funding.settlement_rules import Period, day_before


def _seat_key(s: Any) -> tuple[str, str, date]:
    return (s.application_no, s.school_code, s.start_date)


def _find_seats(session: Session, keys: list[tuple[str, str, date]]) -> dict[tuple[str, str, date], PurchasedSeat]:
    found: dict[tuple[str, str, date], PurchasedSeat] = {}
    apps = sorted({k[0] for k in keys})
    for i in range(0, len(apps), 500):
        for seat in session.scalars(select(PurchasedSeat).where(PurchasedSeat.application_no.in_(apps[i:i + 500]))):
            found[_seat_key(seat)] = seat
    return found


def handover(session: Session, body: Handover, who: Identity) -> dict[str, Any]:
    """Take placed pupils from enrollment as purchased seats; idempotent per (application_no, school, start date).
    Each seat may name its school's level (enrollment's register): funding learns it, or refuses 422
    ``school_level_mismatch`` / ``grade_not_taught`` (:func:`funding.schooling.record_levels`).

    A seat already held (or repeated in the batch, or inserted by a concurrent twin) counts as ``existing``
    and creates nothing. → ``{created, existing, items: [{application_no, school_code, start_date, seat_id,
    status}]}``.
    """
    keys = [_seat_key(s) for s in body.seats]
    given: dict[str, str | None] = {}
    grades: dict[str, set[int]] = {}
    for s in body.seats:
        if given.get(s.school_code) not in (None, s.school_level) and s.school_level is not None:
            raise errors.SchoolLevelMismatch(f"the hand-over names {s.school_code} both {given[s.school_code]} and "
                                             f"{s.school_level}", field="school_level")
        given[s.school_code] = given.get(s.school_code) or s.school_level
        grades.setdefault(s.school_code, set()).add(s.grade)
    schooling.record_levels(session, given, grades, who)
    held = _find_seats(session, keys)
    now = utcnow()
    new: dict[tuple[str, str, date], PurchasedSeat] = {}
    for s in body.seats:
        key = _seat_key(s)
        if key in held or key in new:
            continue
        new[key] = PurchasedSeat(application_no=s.application_no, pupil_name=s.pupil_name,
                                 pupil_id_number=s.pupil_id_number, school_code=s.school_code, grade=s.grade,
                                 start_date=s.start_date, run_id=body.run_id, created_by=who.subject, created_at=now)
    if new:
        try:
            with session.begin_nested():
                session.add_all(new.values())
        except IntegrityError:  # a concurrent hand-over stored some of them first: go one by one
            for key, seat in list(new.items()):
                try:
                    with session.begin_nested():
                        session.add(seat)
                except IntegrityError:
                    del new[key]
            held = _find_seats(session, keys)
    items, seen = [], set()
    for s in body.seats:
        key = _seat_key(s)
        created = key in new and key not in seen
        seen.add(key)
        seat = new[key] if key in new else held[key]
        items.append({"application_no": s.application_no, "school_code": s.school_code, "start_date": s.start_date,
                      "seat_id": seat.id, "status": "created" if created else "existing"})
    n_created = sum(1 for i in items if i["status"] == "created")
    return {"created": n_created, "existing": len(items) - n_created, "items": items}


def get_seat(session: Session, seat_id: int, *, lock: bool = False) -> PurchasedSeat:
    """The purchased seat (政府购买学位) with this id; 404 ``seat_not_found``; ``lock`` takes its row lock."""
    stmt = select(PurchasedSeat).where(PurchasedSeat.id == seat_id)
    seat = session.scalars(stmt.with_for_update() if lock else stmt).first()
    if seat is None:
        raise errors.SeatNotFound(f"no purchased seat {seat_id}")
    return seat


def seats_in(session: Session, school_code: str, period: Period) -> list[tuple[int, date, date | None]]:
    """``(seat_id, start, end)`` of a school's seats that meet the period, by id — the input of
    :func:`funding.settlement_rules.settle`."""
    stmt = (select(PurchasedSeat.id, PurchasedSeat.start_date, PurchasedSeat.end_date)
            .where(PurchasedSeat.school_code == school_code, PurchasedSeat.start_date <= period.ends_on,
                   or_(PurchasedSeat.end_date.is_(None), PurchasedSeat.end_date >= period.starts_on))
            .order_by(PurchasedSeat.id))
    # Core, not ORM, execution: 20 000 rows a school, no ORM loading per row
    return [tuple(r) for r in session.connection().execute(stmt).all()]


def list_seats(session: Session, *, school_code: str | None, semester: str | None, after: int,
               limit: int, settings: Settings) -> list[PurchasedSeat]:
    """Seats by id; with ``semester`` only those that meet it with their pupil in the school's grades then (the
    seats that semester may pay for, BRIEF §8)."""
    stmt = select(PurchasedSeat).where(PurchasedSeat.id > after)
    if school_code:
        stmt = stmt.where(PurchasedSeat.school_code == school_code)
    if semester:
        row = get_semester(session, semester)
        period = period_of(row)
        stmt = stmt.where(PurchasedSeat.start_date <= period.ends_on,
                          or_(PurchasedSeat.end_date.is_(None), PurchasedSeat.end_date >= period.starts_on))
        levels = {c: lv for c, lv in session.execute(select(FundedSchool.code, FundedSchool.level))}
        codes = [school_code] if school_code else list(session.scalars(select(PurchasedSeat.school_code).distinct()))
        stmt = stmt.where(or_(*(and_(PurchasedSeat.school_code == code,
                                     schooling.in_grades_clause(row, levels.get(code) or
                                                                schooling.school_level(session, code), settings))
                                for code in codes)) if codes else PurchasedSeat.id < 0)
    return list(session.scalars(stmt.order_by(PurchasedSeat.id).limit(limit + 1)))


def settlements_counting_past(session: Session, seat: PurchasedSeat, end: date) -> list[int]:
    """Approved/paid settlements of the seat's school whose semester runs past ``end`` and that counted this seat."""
    stmt = (select(Settlement.id)
            .join(SettlementLine, (SettlementLine.settlement_id == Settlement.id) & (SettlementLine.seat_id == seat.id))
            .join(Semester, Semester.code == Settlement.semester_code)
            .where(Settlement.school_code == seat.school_code, Settlement.state.in_(SETTLED), Semester.ends_on > end)
            .order_by(Settlement.id))
    return list(session.scalars(stmt))


def record_end(session: Session, seat: PurchasedSeat, end: date, code: str, reason: str, who: Identity,
               **extra: Any) -> None:
    """Close ``seat`` on ``end`` (its last paid day) with ``code`` (:data:`funding.models.END_CODES`), who and when,
    and append a ``seat_ended`` ledger entry (amount 0) naming them; ``extra`` joins the entry (plain JSON)."""
    seat.end_date, seat.end_code, seat.end_reason = end, code, reason
    seat.ended_by, seat.ended_at = who.subject, utcnow()
    session.flush()
    append_ledger(session, "seat_ended", {
        "settlement_id": None, "amount_fen": 0, "seat_id": seat.id, "application_no": seat.application_no,
        "school_code": seat.school_code, "end_date": end.isoformat(), "code": code, "reason": reason,
        "by": who.subject, **extra})


def supersedes_completion(seat: PurchasedSeat, last_day: date) -> bool:
    """May an end on ``last_day`` replace the seat's end? Only a ``completed`` end (the seat ended by itself at the
    end of its last spring, :func:`funding.schooling.complete_due`) and only by an earlier day: a pupil who left
    during that spring, reported after its draft or roll ended the seat, ends it on the day they left."""
    return seat.end_code == "completed" and seat.end_date is not None and last_day < seat.end_date


def end_seat(session: Session, seat_id: int, body: SeatEnd, who: Identity) -> tuple[PurchasedSeat, list[int]]:
    """Record the pupil's last day (inclusive: a pupil placed mid-year in a public school, 插班, ends the seat that
    day, ``code`` ``public_school``), with who and when and a ``seat_ended`` ledger entry. 404; 409 ``seat_ended``
    when it already has an end; 422 when the end is before the start. Approved settlements are not touched: the
    ids of those that need an adjustment are returned with the seat. A seat that ended ``completed`` may still end
    earlier (:func:`supersedes_completion`)."""
    seat = get_seat(session, seat_id, lock=True)
    if seat.end_date is not None and not supersedes_completion(seat, body.end_date):
        raise errors.SeatEnded(f"seat {seat_id} already ended on {seat.end_date}; correct money with an adjustment")
    if body.end_date < seat.start_date:
        raise Invalid(f"end_date is before the seat's start {seat.start_date}", code="date_order", field="end_date")
    record_end(session, seat, body.end_date, body.code or "other", body.reason, who)
    return seat, settlements_counting_past(session, seat, body.end_date)


def transfer_seat(session: Session, seat_id: int, body: SeatTransfer, who: Identity,
                  settings: Settings) -> tuple[PurchasedSeat, PurchasedSeat, list[int]]:
    """Move a pupil to another school on ``on`` (转学): this seat ends the day before (``private_school``, with a
    ``seat_ended`` ledger entry), a new seat opens on ``on`` in the grade the pupil is in then, so one seat history
    runs through both schools and each school's settlement pays its own days. 422 ``grade_not_taught`` when the new
    school does not teach that grade.
    422 when ``on`` is not after the start or the school is the same; 422 ``unknown_school`` when funding knows
    the school from no tariff and no seat (purchased seats are only at schools in the purchase programme, each with
    a tariff: set it first); 409 ``seat_ended`` when the seat ended before ``on``; 409 ``seat_exists`` when that new
    seat already exists."""
    seat = get_seat(session, seat_id, lock=True)
    if body.to_school_code == seat.school_code:
        raise Invalid("the pupil already holds this seat at that school", code="same_school", field="to_school_code")
    known = (session.get(FundedSchool, body.to_school_code) or
             session.scalar(select(Tariff.id).where(Tariff.school_code == body.to_school_code).limit(1)) or
             session.scalar(select(PurchasedSeat.id).where(PurchasedSeat.school_code == body.to_school_code).limit(1)))
    if known is None:
        raise errors.UnknownSchool(f"no tariff and no purchased seat at {body.to_school_code}: a school in the "
                                   "purchase programme has a tariff (PUT /tariffs/{school}/{semester}) first",
                                   field="to_school_code")
    if body.on <= seat.start_date:
        raise Invalid(f"a transfer must come after the seat's start {seat.start_date}", code="date_order", field="on")
    if seat.end_date is not None and seat.end_date < body.on:
        raise errors.SeatEnded(f"seat {seat_id} already ended on {seat.end_date}")
    grade = progression.grade_on(seat.grade, seat.start_date, body.on, schooling.year_start(settings))
    schooling.record_levels(session, {body.to_school_code: None}, {body.to_school_code: {grade}}, who)
    opened = PurchasedSeat(application_no=seat.application_no, pupil_name=seat.pupil_name,
                           pupil_id_number=seat.pupil_id_number, school_code=body.to_school_code, grade=grade,
                           start_date=body.on, run_id=seat.run_id, previous_seat_id=seat.id, created_by=who.subject,
                           created_at=utcnow())
    try:
        with session.begin_nested():
            session.add(opened)
    except IntegrityError:
        raise errors.SeatExists(f"{seat.application_no} already has a seat at {body.to_school_code} "
                                f"from {body.on}") from None
    record_end(session, seat, day_before(body.on), "private_school",
               body.reason or f"transferred to {body.to_school_code}", who, to_seat_id=opened.id,
               to_school_code=body.to_school_code)
    return seat, opened, settlements_counting_past(session, seat, seat.end_date)
