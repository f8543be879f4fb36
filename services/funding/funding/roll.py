"""The semester roll (在校确认) — BRIEF §8, plan 三(四): before a semester is settled, each private school's roll says
which seat holders attend, and for those who left, the day they left (their last paid day) and why. A settlement
bills only confirmed pupils (:func:`confirmed_clause`), prorated to the day they left; seats awaiting confirmation are
listed on the draft and billed by an adjustment once confirmed (:func:`_settle_late`).

Who: a ``school`` caller confirms its own school's roll only (403 for another school); the bureau may confirm for
any school. Every confirmation is a :class:`~funding.models.RollConfirmation` (who, as which role, when, counts, the
digest of the entries it wrote) with a ``roll_confirmed`` ledger entry; every leaver's end is a ``seat_ended`` entry.
Functions take a session and never commit.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, false, not_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from common import paging
from common.db import driver_rows, insert_rows, utcnow
from common.errors import Forbidden, Invalid
from common.identity import Identity
from funding import errors, progression, schooling, seats, semesters, tariffs
from funding.config import Settings
from funding.models import (SETTLED, Adjustment, PurchasedSeat, Roll, RollConfirmation, RollEntry, Semester,
                            SettlementLine)
from funding.schemas import RollConfirm, SeatTransfer
from funding.settlement_rules import days_enrolled

LEAVE_CODES = ("private_school", "public_school", "left_district", "dropped_out")
"""Why a pupil left: moved to another private school (转学), to a public school (插班), left the district, dropped
out."""


def check_school(who: Identity, school_code: str) -> None:
    """A ``school`` caller acts for its own school only: 403 ``forbidden`` for any other."""
    if who.role == "school" and who.school != school_code:
        raise Forbidden(f"this credential belongs to school {who.school}; it may not act for {school_code}")


def get_roll(session: Session, school_code: str, semester_code: str, *, lock: bool = False) -> Roll | None:
    """The school's roll (在校确认) for the semester, or ``None`` before any confirmation; ``lock`` takes the row
    lock so confirmations of one roll serialise on PostgreSQL."""
    stmt = select(Roll).where(Roll.school_code == school_code, Roll.semester_code == semester_code)
    return session.scalars(stmt.with_for_update() if lock else stmt).first()


def marks(session: Session, roll_id: int | None) -> dict[int, tuple[str, date | None, str | None]]:
    """``{seat_id: (status, left_on, code)}`` of a roll; a ``left`` row wins over the ``attends`` row before it."""
    out: dict[int, tuple[str, date | None, str | None]] = {}
    if roll_id is None:
        return out
    for seat_id, status, left_on, code in session.execute(
            select(RollEntry.seat_id, RollEntry.status, RollEntry.left_on, RollEntry.code)
            .where(RollEntry.roll_id == roll_id)):
        if status == "left" or seat_id not in out:
            out[seat_id] = (status, left_on, code)
    return out


def confirmed_clause(session: Session, school_code: str, semester_code: str) -> ColumnElement:
    """SQL condition on ``purchased_seats``: the seat is on the school's confirmed roll for the semester (named as
    attending or as having left); false before any confirmation. The roll's seat ids are one primary-key range of
    ``roll_entries``, which the database turns into a set once (SQLite's ``IN`` list; PostgreSQL's hash semi join,
    or a hashed subplan where it lacks statistics) and probes per seat — the roll join done in SQL, no seat read
    into Python."""
    roll_id = session.scalar(select(Roll.id).where(Roll.school_code == school_code,
                                                   Roll.semester_code == semester_code))
    if roll_id is None:
        return false()
    return PurchasedSeat.id.in_(select(RollEntry.seat_id).where(RollEntry.roll_id == roll_id))


def awaiting_ids(session: Session, school_code: str, semester: Semester, settings: Settings) -> list[int]:
    """Ids (ascending) of the school's seats in its grades during the semester that its roll does not name yet: the
    seats a draft lists as awaiting confirmation (billed by an adjustment once confirmed). One query."""
    stmt = (select(PurchasedSeat.id)
            .where(schooling.billable_clause(session, school_code, semester, settings),
                   not_(confirmed_clause(session, school_code, semester.code)))
            .order_by(PurchasedSeat.id))
    return [row[0] for row in driver_rows(session, stmt)]


def entries_digest(rows: list[tuple[int, str, date | None, str | None]]) -> str:
    """SHA-256 hex of the canonical JSON of ``(seat_id, status, left_on, code)`` rows sorted — what the
    ``roll_confirmed`` ledger entry carries for the rows its confirmation wrote."""
    canon = json.dumps(sorted([int(s), st, d.isoformat() if d else None, c] for s, st, d, c in rows),
                       separators=(",", ":"))
    return hashlib.sha256(canon.encode()).hexdigest()


def confirm(session: Session, school_code: str, semester_code: str, body: RollConfirm, who: Identity,
            settings: Settings) -> tuple[Roll, RollConfirmation]:
    """Confirm (part of) a school's roll for a semester: ``attending`` seat ids and ``left`` pupils
    ``{seat_id, left_on, code, to_school_code?, note?}``.

    Seats past the school's top grade end first (:func:`funding.schooling.complete_due`). Every seat named must be
    on the roll — the school's seats that meet the semester in its grades — else 422 ``seat_not_on_roll``; a seat
    named twice is 422 ``invalid``. An attending seat already confirmed is ``unchanged``. A leaver: ``left_on``
    (the last day attended, inclusive) lies from the day before the seat's start or the semester's (never attended)
    to the semester's end, else 422; its seat ends that day (``seat_ended`` entry with the code; 409 ``seat_ended``
    when it already ended on another day, except a ``completed`` end that the leave brings forward: a grade-9 pupil
    who left during the last spring after its draft ended the seat, :func:`funding.seats.supersedes_completion`); ``private_school`` with ``to_school_code`` opens the new seat there the
    next day (the transfer); ``public_school`` is 插班. Where the school's settlement for the semester is already
    approved, each changed seat is billed (or credited) by an adjustment. 404 ``semester_not_found``; 403 for
    another school's credential.
    """
    check_school(who, school_code)
    semester = semesters.get_semester(session, semester_code)
    schooling.complete_due(session, school_code, semester, who, settings)
    roll = get_roll(session, school_code, semester_code, lock=True)
    now = utcnow()
    if roll is None:
        roll = Roll(school_code=school_code, semester_code=semester_code, version=0, updated_by=who.subject,
                    updated_at=now)
        try:
            with session.begin_nested():
                session.add(roll)
        except IntegrityError:
            raise errors.ConcurrentUpdate("this roll was started by another request at the same moment") from None
    on_roll = {r[0]: r for r in schooling.billable_seats(session, school_code, semester, settings)}
    leavers = {item.seat_id: item for item in body.left}
    named = [*body.attending, *leavers]
    if len(set(named)) != len(named):
        raise Invalid("a seat is named twice (attending and left, or twice in one list)", code="duplicate_seat",
                      field="attending")
    missing = sorted(s for s in named if s not in on_roll)
    if missing:
        raise errors.SeatNotOnRoll(f"seats {missing[:20]} are not on the {semester_code} roll of {school_code} "
                                   "(not its seats, not in the semester, or outside its grades)",
                                   field="attending", seat_ids=missing[:100])
    current = marks(session, roll.id)
    new_rows: list[tuple[int, str, date | None, str | None]] = []
    unchanged = 0
    for seat_id in body.attending:
        if seat_id in current:
            unchanged += 1
        else:
            new_rows.append((seat_id, "attends", None, None))
    lowest = semester.starts_on - timedelta(days=1)
    completed = set(session.scalars(select(PurchasedSeat.id).where(PurchasedSeat.id.in_(list(leavers)),
                                                                   PurchasedSeat.end_code == "completed")))
    for seat_id, item in leavers.items():
        _, start, end = on_roll[seat_id]
        first = max(lowest, start - timedelta(days=1))
        if not first <= item.left_on <= semester.ends_on:
            raise Invalid(f"left_on for seat {seat_id} must lie between {first} and {semester.ends_on}",
                          code="date_range", field="left")
        earlier_than_completion = seat_id in completed and item.left_on < end
        if current.get(seat_id, ("",))[0] == "left" or (end is not None and end != item.left_on
                                                         and not earlier_than_completion):
            raise errors.SeatEnded(f"seat {seat_id} already ended on {end}; correct money with an adjustment")
        new_rows.append((seat_id, "left", item.left_on, item.code))
    confirmation = RollConfirmation(roll_id=roll.id, confirmed_by=who.subject, confirmed_role=who.role,
                                    confirmed_at=now, attending=len(body.attending) - unchanged, left=len(leavers),
                                    unchanged=unchanged, entries_digest=entries_digest(new_rows), ledger_seq=0)
    session.add(confirmation)
    session.flush()
    insert_rows(session, RollEntry.__table__, ("roll_id", "seat_id", "status", "left_on", "code", "confirmation_id"),
                [(roll.id, s, st, d, c, confirmation.id) for s, st, d, c in new_rows])
    for seat_id, item in leavers.items():
        _leave(session, seat_id, item, who, settings, semester_code)
    from funding.ledger_store import append_ledger  # ledger_store imports the service layer: import when used

    entry = append_ledger(session, "roll_confirmed", {
        "settlement_id": None, "amount_fen": 0, "roll_id": roll.id, "confirmation_id": confirmation.id,
        "school_code": school_code, "semester": semester_code, "attending": confirmation.attending,
        "unchanged": unchanged, "left": [{"seat_id": s, "left_on": i.left_on.isoformat(), "code": i.code}
                                         for s, i in sorted(leavers.items())],
        "entries_digest": confirmation.entries_digest, "by": who.subject, "role": who.role},
        seats=[r[0] for r in new_rows])
    confirmation.ledger_seq = entry.seq
    roll.version += 1
    roll.updated_by, roll.updated_at = who.subject, now
    _settle_late(session, school_code, semester, [r[0] for r in new_rows], who, confirmation.id)
    session.flush()
    return roll, confirmation


def _leave(session: Session, seat_id: int, item: Any, who: Identity, settings: Settings, semester_code: str) -> None:
    seat = seats.get_seat(session, seat_id, lock=True)
    if seat.end_date is not None and not seats.supersedes_completion(seat, item.left_on):
        return  # already ended that very day (e.g. by the bureau): the roll only confirms it
    reason = item.note or f"left ({item.code}), {semester_code} roll"
    if item.code == "private_school" and item.to_school_code:
        seats.transfer_seat(session, seat_id, SeatTransfer(to_school_code=item.to_school_code,
                                                             on=item.left_on + timedelta(days=1), reason=reason),
                              who, settings)
        return
    seats.record_end(session, seat, item.left_on, item.code, reason, who, semester=semester_code)


def _settle_late(session: Session, school_code: str, semester: Semester, seat_ids: list[int], who: Identity,
                 confirmation_id: int) -> None:
    """Where the school's settlement for the semester is approved or paid, bill each changed seat by an
    adjustment: its days now (attending to its end, or to the day it left) against what was counted (its line
    and earlier adjustments; nothing for a seat that was awaiting confirmation)."""
    row = tariffs.settlement_for(session, school_code, semester.code, lock=True)
    if row is None or row.state not in SETTLED or not seat_ids:
        return
    from funding.settlements import record_adjustment  # settlements imports this module

    period = semesters.period_of(semester)
    for seat_id in sorted(set(seat_ids)):
        seat = session.get(PurchasedSeat, seat_id)
        days = days_enrolled(period, seat.start_date, seat.end_date)
        last_day = min(seat.end_date or period.ends_on, period.ends_on)
        record_adjustment(session, row, seat, days_after=days, corrected_end_date=last_day,
                          reason=f"在校确认 roll confirmation {confirmation_id}", who=who, move_seat_end=False)


def view(session: Session, school_code: str, semester_code: str, who: Identity, settings: Settings, *,
         after: int, limit: int) -> dict[str, Any]:
    """The roll as it stands: counts, confirmations, and a page of its seats by id
    ``{seat_id, application_no, pupil, grade, start_date, end_date, status: awaiting|attends|left, left_on, code}``
    (the seats of the school that meet the semester in its grades, and any seat the roll names). 403 for another
    school's credential."""
    check_school(who, school_code)
    semester = semesters.get_semester(session, semester_code)
    roll = get_roll(session, school_code, semester_code)
    current = marks(session, roll.id if roll else None)
    seats = schooling.billable_seats(session, school_code, semester, settings)
    ids = sorted({s[0] for s in seats} | set(current))  # a pupil reported as never attending stays listed
    counts = {"expected": len(ids), "attends": 0, "left": 0, "awaiting": 0}
    for seat_id in ids:
        counts[current[seat_id][0] if seat_id in current else "awaiting"] += 1
    page_ids = [i for i in ids if i > after][:limit + 1]
    rows = {s.id: s for s in session.scalars(select(PurchasedSeat).where(PurchasedSeat.id.in_(page_ids[:limit])))}
    starts = schooling.year_start(settings)
    items = []
    for seat_id in page_ids[:limit]:
        s = rows[seat_id]
        status, left_on, code = current.get(seat_id, ("awaiting", None, None))
        items.append({"seat_id": s.id, "application_no": s.application_no, "pupil_name": s.pupil_name,
                      "pupil_id_number": s.pupil_id_number,
                      "grade": progression.grade_on(s.grade, s.start_date, semester.starts_on, starts),
                      "start_date": s.start_date, "end_date": s.end_date, "status": status, "left_on": left_on,
                      "code": code})
    confirmations = (list(session.scalars(select(RollConfirmation).where(RollConfirmation.roll_id == roll.id)
                                          .order_by(RollConfirmation.id))) if roll else [])
    return {"school_code": school_code, "semester": semester_code, "version": roll.version if roll else 0,
            "counts": counts, "confirmations": confirmations, "items": items,
            "next_cursor": paging.cut(page_ids, limit, "rolls", key=lambda i: i)[1]}


def counted(session: Session, settlement_id: int, seat_id: int) -> tuple[int, int] | None:
    """``(days, amount_fen)`` a settlement counts for a seat now: its latest adjustment, else its line, else
    ``None`` (never counted)."""
    earlier = session.execute(select(Adjustment.days_after, Adjustment.amount_after_fen)
                              .where(Adjustment.settlement_id == settlement_id, Adjustment.seat_id == seat_id)
                              .order_by(Adjustment.id.desc()).limit(1)).first()
    if earlier:
        return earlier.days_after, earlier.amount_after_fen
    line = session.execute(select(SettlementLine.days, SettlementLine.amount_fen)
                           .where(SettlementLine.settlement_id == settlement_id,
                                  SettlementLine.seat_id == seat_id)).first()
    return (line.days, line.amount_fen) if line else None
