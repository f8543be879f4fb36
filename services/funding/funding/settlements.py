"""Use cases for settlements (结算), approvals, disbursements (拨付) and adjustments —
BRIEF §8, plan 三(四). Functions take a session and never commit.

Settlement in three modules: this one stores and moves settlements (drafts, approves, pays, adjusts); the arithmetic
of one settlement (days enrolled, pro-rating, the lines' digest) is the pure :mod:`funding.settlement_rules`, and
:mod:`funding.settlement_sql` is that arithmetic in SQL, so a draft's lines are computed and stored by the database
(seats, grade windows, roll and amounts in one ``INSERT … SELECT`` a school). "Settling" in comments and the bench means running this module's
``run_semester`` (``POST /settlements/run``).

State: draft → approved (finance) → paid (finance, amount = amount due). Approved settlements never change; a
correction is an :class:`~funding.models.Adjustment`. Approvals, adjustments and disbursements each append one
hash-chained ledger entry (:func:`funding.ledger_store.append_ledger`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import ColumnElement, Integer, Select, and_, case, delete, exists, func, literal, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from common.db import driver_rows, utcnow
from common.errors import Invalid
from common.identity import Identity
from common.schemas import day_in_shanghai, fen_to_yuan, yuan_to_fen
from funding import errors, roll, schooling
from funding.ledger_store import append_ledger
from funding.config import Settings
from funding.models import SETTLED, Adjustment, Disbursement, PurchasedSeat, Semester, Settlement, SettlementLine
from funding.schemas import (AdjustmentCreate, AwaitingRead, DisbursementCreate, LineRead, Pupil, SettlementRead,
                             mask_id)
from funding.seats import get_seat
from funding.semesters import get_semester, period_of
from funding.tariffs import current_tariff, settlement_for
from funding.settlement_rules import days_enrolled, lines_digest, prorate_fen
from funding.settlement_sql import days_held, prorate


# ---- settlements -----------------------------------------------------------------------------------------------

def get_settlement(session: Session, settlement_id: int, *, lock: bool = False) -> Settlement:
    """The settlement with this id; 404 ``settlement_not_found``; ``lock`` takes its row lock."""
    stmt = select(Settlement).where(Settlement.id == settlement_id)
    row = session.scalars(stmt.with_for_update() if lock else stmt).first()
    if row is None:
        raise errors.SettlementNotFound(f"no settlement {settlement_id}")
    return row


def money_of(session: Session, ids: Sequence[int]) -> dict[int, tuple[int, int]]:
    """``{settlement_id: (adjustments_fen, paid_fen)}``."""
    out = {i: (0, 0) for i in ids}
    for i in range(0, len(ids), 500):
        chunk = list(ids[i:i + 500])
        for sid, adj in session.execute(select(Adjustment.settlement_id, func.sum(Adjustment.delta_fen))
                                        .where(Adjustment.settlement_id.in_(chunk)).group_by(Adjustment.settlement_id)):
            out[sid] = (int(adj), out[sid][1])
        for sid, paid in session.execute(select(Disbursement.settlement_id, func.sum(Disbursement.amount_fen))
                                         .where(Disbursement.settlement_id.in_(chunk))
                                         .group_by(Disbursement.settlement_id)):
            out[sid] = (out[sid][0], int(paid))
    return out


def amount_due(session: Session, settlement: Settlement) -> int:
    """total + adjustments − paid, in fen (0 for a draft: nothing is owed before approval)."""
    if settlement.state not in SETTLED:
        return 0
    adj, paid = money_of(session, [settlement.id])[settlement.id]
    return settlement.total_fen + adj - paid


def compute_draft(session: Session, school_code: str, semester_code: str, who: Identity,
                  settings: Settings) -> Settlement:
    """Compute (or recompute, replacing the lines) the draft settlement of one school for one semester from its
    current tariff and the seats it may bill: in the school's grades that semester (seats past the top grade end
    first, :func:`funding.schooling.complete_due`). 404 ``semester_not_found``; 409 ``tariff_missing``; 409
    ``semester_settled`` once approved; 409 ``concurrent_update`` when a twin created it at the same moment."""
    semester = get_semester(session, semester_code)
    schooling.complete_due(session, school_code, semester, who, settings)
    existing = settlement_for(session, school_code, semester_code, lock=True)
    if existing is not None and existing.state in SETTLED:
        raise errors.SemesterSettled(f"the {semester_code} settlement of {school_code} is {existing.state} and "
                                     "never changes; correct it with an adjustment")
    tariff = current_tariff(session, school_code, semester_code)
    if tariff is None:
        raise errors.TariffMissing(f"no tariff for {school_code} in {semester_code}: "
                                   f"PUT /tariffs/{school_code}/{semester_code} first")
    period = period_of(semester)
    confirmed = roll.confirmed_clause(session, school_code, semester_code)
    billable = schooling.billable_clause(session, school_code, semester, settings)
    # the seats in grades, and those on the roll that ended before they started (no line): with the lines, the
    # seats awaiting confirmation follow without probing the roll for every seat twice. ``end_date IS NOT NULL``
    # first: for an open seat ``end < start`` is NULL, and NULL AND x must evaluate x, so without it the roll is
    # read and hashed for every school (PostgreSQL's hashed subplan) to find the rare seat that never came
    ended_before_start = and_(PurchasedSeat.end_date.is_not(None), PurchasedSeat.end_date < PurchasedSeat.start_date)
    in_grades, never_came = session.execute(
        select(func.count(), func.count(case((and_(ended_before_start, confirmed), 1)))).where(billable)).one()
    now = utcnow()
    fields = dict(state="draft", tariff_fen=tariff.standard_fen, tariff_version=tariff.version,
                  semester_days=period.days, total_fen=0, line_count=0, awaiting_count=0,
                  computed_by=who.subject, computed_at=now)
    if existing is None:
        row = Settlement(school_code=school_code, semester_code=semester_code, version=1, **fields)
        try:
            with session.begin_nested():
                session.add(row)
        except IntegrityError:
            raise errors.ConcurrentUpdate("this settlement was created by another request at the same moment") from None
    else:
        row = existing
        session.execute(delete(SettlementLine).where(SettlementLine.settlement_id == row.id))
        for key, value in fields.items():
            setattr(row, key, value)
        row.version += 1
    session.flush()
    # one INSERT … SELECT: the database reads the seats, joins the roll and writes every line; a school's 20 000
    # seats never become Python objects (issue 19: 50 schools × 20 000 seats within 3 s)
    lines = line_select(session, school_code, semester, tariff.standard_fen, settings, confirmed=confirmed,
                        billable=billable).subquery()
    session.connection().execute(SettlementLine.__table__.insert().from_select(
        ["settlement_id", "seat_id", "days", "amount_fen"],
        select(literal(row.id, Integer), lines.c.seat_id, lines.c.days, lines.c.amount_fen)))
    count, total = session.execute(select(func.count(), func.coalesce(func.sum(SettlementLine.amount_fen), 0))
                                   .where(SettlementLine.settlement_id == row.id)).one()
    row.line_count, row.total_fen = count, int(total)  # PostgreSQL's SUM of bigint is numeric: an exact Decimal
    row.awaiting_count = in_grades - count - never_came  # a seat on the roll has a line unless it never came
    session.flush()
    return row


def line_select(session: Session, school_code: str, semester: Semester, tariff_fen: int, settings: Settings, *,
                confirmed: ColumnElement | None = None, billable: ColumnElement | None = None) -> Select:
    """SQL: the lines a settlement of the school for the semester bills now, ``(seat_id, days, amount_fen)`` in no
    particular order — its seats in the school's grades that semester (:func:`funding.schooling.billable_clause`),
    on the confirmed roll (:func:`funding.roll.confirmed_clause`; ``billable`` and ``confirmed`` when the caller has
    them), holding at least one day of it, each at ``tariff_fen`` prorated by days (:mod:`funding.settlement_sql`,
    the SQL twin of :func:`funding.settlement_rules.settle`). Integers only. A seat that meets the semester holds at
    least one day of it unless it ended before it started (a pupil who never came), hence the last condition."""
    period = period_of(semester)
    days = days_held(period, PurchasedSeat.start_date, PurchasedSeat.end_date)
    if confirmed is None:
        confirmed = roll.confirmed_clause(session, school_code, semester.code)
    if billable is None:
        billable = schooling.billable_clause(session, school_code, semester, settings)
    return (select(PurchasedSeat.id.label("seat_id"), days.label("days"),
                   prorate(tariff_fen, days, period.days).label("amount_fen"))
            .where(billable, confirmed,
                   or_(PurchasedSeat.end_date.is_(None), PurchasedSeat.end_date >= PurchasedSeat.start_date)))


def _school_codes():
    """Every school code with seats, in one statement: a recursive CTE that walks the ``(school_code, …)`` index
    one code at a time (each step ``min(school_code) > previous``, one index probe), so 50 schools cost 51 probes
    where ``SELECT DISTINCT`` read all million index entries. The last row is ``NULL``."""
    later = aliased(PurchasedSeat)
    codes = select(func.min(PurchasedSeat.school_code).label("code")).cte("school_codes", recursive=True)
    step = select(select(func.min(later.school_code)).where(later.school_code > codes.c.code).scalar_subquery())
    return codes.union_all(step.where(codes.c.code.is_not(None)))



def run_semester(session: Session, semester_code: str, who: Identity,
                 settings: Settings) -> tuple[list[Settlement], list[dict]]:
    """Draft every school with seats in the semester; schools without a tariff or already approved are skipped
    with the reason (``tariff_missing``, ``semester_settled``)."""
    period = period_of(get_semester(session, semester_code))
    meets = (PurchasedSeat.start_date <= period.ends_on) & (
        PurchasedSeat.end_date.is_(None) | (PurchasedSeat.end_date >= period.starts_on))
    codes = _school_codes()
    schools = list(session.scalars(select(codes.c.code).where(
        codes.c.code.is_not(None), exists().where(PurchasedSeat.school_code == codes.c.code, meets))
        .order_by(codes.c.code)))
    drafted, skipped = [], []
    for school in schools:
        try:
            drafted.append(compute_draft(session, school, semester_code, who, settings))
        except (errors.TariffMissing, errors.SemesterSettled) as exc:
            skipped.append({"school_code": school, "code": exc.code, "detail": exc.detail})
    return drafted, skipped


def stored_lines(session: Session, settlement_id: int) -> list[tuple[int, int, int]]:
    """The stored lines of a settlement as ``(seat_id, days, amount_fen)``, by seat: what approval compares
    with a fresh computation before it writes the ledger entry. Integers only, fetched raw (20 000 a school)."""
    return [tuple(r) for r in driver_rows(session, (
        select(SettlementLine.seat_id, SettlementLine.days, SettlementLine.amount_fen)
        .where(SettlementLine.settlement_id == settlement_id).order_by(SettlementLine.seat_id)))]


def draft_to_approve(session: Session, settlement_id: int) -> Settlement:
    """The draft settlement, locked for approval: 404 ``settlement_not_found``; 409 ``settlement_not_draft``.

    Locked first, so of two finance users approving at once exactly one succeeds: the other finds it approved
    (409) or, with a stale ``If-Match`` (checked by the router against its ``version`` next), gets 412."""
    row = get_settlement(session, settlement_id, lock=True)
    if row.state != "draft":
        raise errors.SettlementNotDraft(f"settlement {settlement_id} is {row.state}; only a draft can be approved")
    return row


def approve(session: Session, row: Settlement, who: Identity, settings: Settings) -> Settlement:
    """The draft ``row`` (from :func:`draft_to_approve`) → approved, with a ``settlement_approved`` ledger entry
    carrying the total and the lines' digest. 409 ``settlement_outdated`` when the tariff or the seats changed
    since the draft was computed (recompute it first).
    """
    tariff = current_tariff(session, row.school_code, row.semester_code)
    semester = get_semester(session, row.semester_code)
    # the lines computed now exactly as the draft computed them, against the stored ones: both read as integer
    # tuples by seat (20 000 a school), compared in one list comparison. Sorted here, not by an ORDER BY, which
    # PostgreSQL may serve by walking the whole seats table in id order
    fresh = sorted(driver_rows(session, line_select(session, row.school_code, semester, row.tariff_fen, settings)))
    lines = stored_lines(session, row.id)
    if tariff is None or tariff.version != row.tariff_version or fresh != lines:
        raise errors.SettlementOutdated(f"settlement {row.id} no longer matches the current tariff or seats; "
                                        "recompute it (POST /settlements) and approve the new draft")
    row.state, row.approved_by, row.approved_at = "approved", who.subject, utcnow()
    row.version += 1
    append_ledger(session, "settlement_approved", {
        "settlement_id": row.id, "school_code": row.school_code, "semester": row.semester_code,
        "tariff_fen": row.tariff_fen, "tariff_version": row.tariff_version, "semester_days": row.semester_days,
        "line_count": row.line_count, "amount_fen": row.total_fen, "lines_digest": lines_digest(lines),
        "awaiting_confirmation": row.awaiting_count, "by": who.subject},
        seats_from=select(SettlementLine.seat_id).where(SettlementLine.settlement_id == row.id))
    return row


def disburse(session: Session, settlement_id: int, body: DisbursementCreate, who: Identity) -> Disbursement:
    """Record a payment (拨付) of exactly the amount due → state ``paid`` and a ``disbursement`` ledger entry.
    409 ``settlement_not_approved`` on a draft; 409 ``nothing_due``; 422 ``invalid`` (``paid_on`` before the
    approval day or after today, Asia/Shanghai days); 422 ``amount_mismatch`` (with ``amount_due``); 409
    ``duplicate_reference``."""
    row = get_settlement(session, settlement_id, lock=True)
    if row.state not in SETTLED:
        raise errors.SettlementNotApproved(f"settlement {settlement_id} is a draft: finance approves it first")
    due = amount_due(session, row)
    if due <= 0:
        raise errors.NothingDue(f"nothing is due on settlement {settlement_id}", amount_due=fen_to_yuan(due))
    approved_on, today = day_in_shanghai(row.approved_at), day_in_shanghai()
    if not approved_on <= body.paid_on <= today:
        raise Invalid(f"paid_on must lie between the approval day {approved_on} and today {today} (Asia/Shanghai)",
                      code="date_range", field="paid_on")
    amount = yuan_to_fen(body.amount)
    if amount != due:
        raise errors.AmountMismatch(f"the amount must equal the amount due {fen_to_yuan(due)}", field="amount",
                                    amount_due=fen_to_yuan(due))
    if session.scalar(select(Disbursement.id).where(Disbursement.reference == body.reference)) is not None:
        raise errors.DuplicateReference(f"payment reference {body.reference!r} is already recorded", field="reference")
    paid = Disbursement(settlement_id=row.id, reference=body.reference, amount_fen=amount, paid_on=body.paid_on,
                        recorded_by=who.subject, recorded_at=utcnow(), ledger_seq=0)
    try:
        with session.begin_nested():
            session.add(paid)
    except IntegrityError:
        raise errors.DuplicateReference(f"payment reference {body.reference!r} is already recorded",
                                        field="reference") from None
    entry = append_ledger(session, "disbursement", {
        "settlement_id": row.id, "disbursement_id": paid.id, "reference": body.reference, "amount_fen": amount,
        "paid_on": body.paid_on.isoformat(), "school_code": row.school_code, "semester": row.semester_code,
        "by": who.subject})
    paid.ledger_seq = entry.seq
    row.state = "paid"
    row.version += 1
    session.flush()
    return paid


def adjust(session: Session, body: AdjustmentCreate, who: Identity) -> Adjustment:
    """Correct an approved settlement for one seat whose end date was wrong: the seat's amount is recomputed with
    the settlement's own tariff and semester, and the difference from what was already counted (its line plus
    earlier adjustments) is the delta (negative when the pupil left earlier). The seat's end date becomes the
    corrected one. Appends an ``adjustment`` ledger entry naming the settlement and seat.

    404 settlement / seat; 409 ``settlement_not_approved`` on a draft (recompute it instead); 422
    ``seat_not_in_settlement`` (no line and no earlier adjustment); 422 when the end is more than a day before the
    start; 422 ``no_change``.
    """
    row = get_settlement(session, body.settlement_id, lock=True)
    if row.state not in SETTLED:
        raise errors.SettlementNotApproved(f"settlement {row.id} is a draft: recompute it instead of adjusting")
    seat = get_seat(session, body.seat_id, lock=True)
    if roll.counted(session, row.id, seat.id) is None:
        raise errors.SeatNotInSettlement(f"seat {seat.id} has no line in settlement {row.id}", field="seat_id")
    if body.corrected_end_date < seat.start_date - timedelta(days=1):
        raise Invalid(f"corrected_end_date is more than a day before the seat's start {seat.start_date}",
                      code="date_order", field="corrected_end_date")
    period = period_of(session.get(Semester, row.semester_code))
    days_after = days_enrolled(period, seat.start_date, body.corrected_end_date)
    adj = record_adjustment(session, row, seat, days_after=days_after, corrected_end_date=body.corrected_end_date,
                            reason=body.reason, who=who, move_seat_end=True)
    if adj is None:
        raise errors.NoChange(f"the corrected end date gives the same {days_after} days in {row.semester_code}",
                              field="corrected_end_date")
    return adj


def record_adjustment(session: Session, row: Settlement, seat: PurchasedSeat, *, days_after: int,
                      corrected_end_date: date, reason: str, who: Identity, move_seat_end: bool) -> Adjustment | None:
    """Count ``days_after`` days for ``seat`` in the approved settlement ``row``: the delta from what it counts now
    (:func:`funding.roll.counted`; 0 for a seat never counted, e.g. awaiting the roll) becomes an
    :class:`Adjustment` with its ``adjustment`` ledger entry and a new settlement version; ``None`` when the days
    are the same. ``move_seat_end``: the seat's end date becomes ``corrected_end_date``."""
    days_before, amount_before = roll.counted(session, row.id, seat.id) or (0, 0)
    if days_after == days_before:
        return None
    amount_after = prorate_fen(row.tariff_fen, days_after, row.semester_days)
    adj = Adjustment(settlement_id=row.id, seat_id=seat.id, previous_end_date=seat.end_date,
                     corrected_end_date=corrected_end_date, days_before=days_before, days_after=days_after,
                     amount_before_fen=amount_before, amount_after_fen=amount_after,
                     delta_fen=amount_after - amount_before, reason=reason, recorded_by=who.subject,
                     recorded_at=utcnow(), ledger_seq=0)
    session.add(adj)
    session.flush()
    entry = append_ledger(session, "adjustment", {
        "settlement_id": row.id, "adjustment_id": adj.id, "seat_id": seat.id,
        "application_no": seat.application_no, "school_code": row.school_code, "semester": row.semester_code,
        "previous_end_date": seat.end_date.isoformat() if seat.end_date else None,
        "corrected_end_date": corrected_end_date.isoformat(), "days_before": days_before,
        "days_after": days_after, "amount_fen": adj.delta_fen, "reason": reason, "by": who.subject})
    adj.ledger_seq = entry.seq
    if move_seat_end:
        seat.end_date, seat.end_reason = corrected_end_date, reason
    row.version += 1  # its answer (adjustments_total, amount_due) changed: a new ETag
    session.flush()
    return adj


def list_adjustments(session: Session, *, settlement_id: int | None, after: int, limit: int) -> list[Adjustment]:
    """Adjustments with id > ``after`` (of one settlement when given), oldest first, at most ``limit + 1`` so
    the caller can tell whether another page follows."""
    stmt = select(Adjustment).where(Adjustment.id > after)
    if settlement_id is not None:
        stmt = stmt.where(Adjustment.settlement_id == settlement_id)
    return list(session.scalars(stmt.order_by(Adjustment.id).limit(limit + 1)))


def describe(session: Session, row: Settlement, *, with_lines: bool, money: tuple[int, int] | None = None,
             settings: Settings | None = None) -> SettlementRead:
    """The Settlement answer: yuan strings, amount due, and (``with_lines``) every line with its pupil masked and,
    given ``settings``, the seats awaiting confirmation on the school's roll now."""
    adj, paid = money if money is not None else money_of(session, [row.id])[row.id]
    due = row.total_fen + adj - paid if row.state in SETTLED else 0
    lines = None
    if with_lines:
        stmt = (select(SettlementLine.seat_id, PurchasedSeat.application_no, PurchasedSeat.pupil_name,
                       PurchasedSeat.pupil_id_number, SettlementLine.days, SettlementLine.amount_fen)
                .join(PurchasedSeat, PurchasedSeat.id == SettlementLine.seat_id)
                .where(SettlementLine.settlement_id == row.id).order_by(SettlementLine.seat_id))
        lines = [LineRead(seat_id=sid, application_no=app, pupil=Pupil(name=name, id_number=mask_id(idn)), days=days,
                          semester_days=row.semester_days, amount=fen_to_yuan(amt))
                 for sid, app, name, idn, days, amt in session.execute(stmt)]
    awaiting = None
    if with_lines and settings is not None:
        ids = roll.awaiting_ids(session, row.school_code, get_semester(session, row.semester_code), settings)
        awaiting = [AwaitingRead(seat_id=s.id, application_no=s.application_no,
                                 pupil=Pupil(name=s.pupil_name, id_number=mask_id(s.pupil_id_number)))
                    for i in range(0, len(ids), 500)
                    for s in session.scalars(select(PurchasedSeat).where(PurchasedSeat.id.in_(ids[i:i + 500]))
                                             .order_by(PurchasedSeat.id))]
    return SettlementRead(id=row.id, school_code=row.school_code, semester=row.semester_code, state=row.state,
                          tariff=fen_to_yuan(row.tariff_fen), tariff_version=row.tariff_version,
                          semester_days=row.semester_days, total=fen_to_yuan(row.total_fen), line_count=row.line_count,
                          awaiting_confirmation=row.awaiting_count, awaiting=awaiting,
                          adjustments_total=fen_to_yuan(adj), paid_total=fen_to_yuan(paid), amount_due=fen_to_yuan(due),
                          version=row.version, computed_by=row.computed_by, computed_at=row.computed_at,
                          approved_by=row.approved_by, approved_at=row.approved_at, lines=lines)


def list_settlements(session: Session, *, semester: str | None, school_code: str | None, state: str | None,
                     after: int, limit: int) -> list[Settlement]:
    """Settlements with id > ``after``, filtered by semester, school and state when given, oldest first, at most
    ``limit + 1`` so the caller can tell whether another page follows."""
    stmt = select(Settlement).where(Settlement.id > after)
    if semester:
        stmt = stmt.where(Settlement.semester_code == semester)
    if school_code:
        stmt = stmt.where(Settlement.school_code == school_code)
    if state:
        stmt = stmt.where(Settlement.state == state)
    return list(session.scalars(stmt.order_by(Settlement.id).limit(limit + 1)))
