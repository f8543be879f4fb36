"""Read-only views for auditors (审计), finance and the bureau: totals by school and semester, one pupil's
money, and the tabular views behind the CSV / XLSX exports. Amounts here are integer fen; the renderers in
:mod:`funding.exports` turn them into yuan. ID numbers are always masked."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from funding.models import (SETTLED, Adjustment, Budget, Disbursement, LedgerEntry, PurchasedSeat, Roll,
                            RollConfirmation, RollEntry, Semester, Settlement, SettlementLine, Tariff)
from funding.schemas import mask_id
from funding.semesters import get_semester, period_of
from funding.ledger_store import reconcile, verify_ledger
from funding.budget import budget_view
from funding.settlements import money_of

VIEWS = ("settlements", "lines", "seats", "tariffs", "adjustments", "disbursements", "ledger", "verification",
         "totals", "budget")


@dataclass
class View:
    """A table: ``columns``, ``rows`` (tuples) and the names of the columns holding fen amounts."""

    name: str
    columns: list[str]
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    money: frozenset[str] = frozenset()


def _settlements(session: Session, semester: str | None, school_code: str | None = None) -> list[Settlement]:
    stmt = select(Settlement).order_by(Settlement.semester_code, Settlement.school_code)
    if semester:
        stmt = stmt.where(Settlement.semester_code == semester)
    if school_code:
        stmt = stmt.where(Settlement.school_code == school_code)
    return list(session.scalars(stmt))


def totals(session: Session, *, semester: str | None, school_code: str | None = None) -> dict[str, Any]:
    """Per settlement (school × semester) and per semester, in fen: total, adjustments, paid, due.
    ``approved_total`` counts approved/paid settlements with their adjustments; drafts are shown apart."""
    if semester:
        get_semester(session, semester)
    rows = _settlements(session, semester, school_code)
    money = money_of(session, [r.id for r in rows])
    items: list[dict[str, Any]] = []
    per: dict[str, dict[str, Any]] = {}
    for r in rows:
        adj, paid = money[r.id]
        settled = r.state in SETTLED
        due = r.total_fen + adj - paid if settled else 0
        items.append({"semester": r.semester_code, "school_code": r.school_code, "settlement_id": r.id,
                      "state": r.state, "seats": r.line_count, "tariff_fen": r.tariff_fen, "total_fen": r.total_fen,
                      "adjustments_fen": adj, "paid_fen": paid, "due_fen": due})
        agg = per.setdefault(r.semester_code, {"semester": r.semester_code, "schools": 0, "seats": 0,
                                               "approved_total_fen": 0, "draft_total_fen": 0, "paid_fen": 0,
                                               "due_fen": 0})
        agg["schools"] += 1
        agg["seats"] += r.line_count
        agg["approved_total_fen" if settled else "draft_total_fen"] += r.total_fen + (adj if settled else 0)
        agg["paid_fen"] += paid
        agg["due_fen"] += due
    return {"items": items, "by_semester": list(per.values())}


def pupil(session: Session, application_no: str) -> dict[str, Any]:
    """One pupil's seats and every settlement line for them (with adjustments), fen: ``total_fen`` over approved and
    paid settlements (what the district owes or paid for the pupil), ``draft_total_fen`` over drafts apart."""
    seats = list(session.scalars(select(PurchasedSeat).where(PurchasedSeat.application_no == application_no)
                                 .order_by(PurchasedSeat.start_date, PurchasedSeat.id)))
    ids = [s.id for s in seats]
    lines = []
    if ids:
        adj: dict[tuple[int, int], int] = {}
        for a in session.scalars(select(Adjustment).where(Adjustment.seat_id.in_(ids))):
            adj[(a.settlement_id, a.seat_id)] = adj.get((a.settlement_id, a.seat_id), 0) + a.delta_fen
        # through the schools' settlements: lines are keyed (settlement_id, seat_id)
        stmt = (select(SettlementLine, Settlement).join(Settlement, Settlement.id == SettlementLine.settlement_id)
                .where(Settlement.school_code.in_({s.school_code for s in seats}), SettlementLine.seat_id.in_(ids))
                .order_by(Settlement.semester_code, Settlement.id))
        for line, s in session.execute(stmt):
            lines.append({"settlement_id": s.id, "semester": s.semester_code, "school_code": s.school_code,
                          "state": s.state, "seat_id": line.seat_id, "days": line.days,
                          "semester_days": s.semester_days, "amount_fen": line.amount_fen,
                          "adjustments_fen": adj.get((s.id, line.seat_id), 0)})
    settled = [x for x in lines if x["state"] in SETTLED]
    return {"application_no": application_no, "seats": seats, "lines": lines, "rolls": seat_rolls(session, seats),
            "total_fen": sum(x["amount_fen"] + x["adjustments_fen"] for x in settled),
            "draft_total_fen": sum(x["amount_fen"] for x in lines if x["state"] not in SETTLED)}


def seat_rolls(session: Session, seats: list[PurchasedSeat]) -> list[dict[str, Any]]:
    """Each seat's roll status per semester (在校确认), by seat and semester start: ``{seat_id, semester,
    school_code, status: attends|left|awaiting, left_on, code, confirmation_id, confirmed_by, confirmed_role,
    confirmed_at, ledger_seq}`` for every configured semester the seat meets (started by its end, ended after its
    start) and any semester whose roll names it; a ``left`` entry wins over the ``attends`` before it (as
    :func:`funding.roll.marks`), ``awaiting`` where no confirmation names the seat yet. One read of the seats' roll
    entries (indexed by seat)."""
    if not seats:
        return []
    marks: dict[tuple[int, str], dict[str, Any]] = {}
    c = RollConfirmation
    for seat_id, status, left_on, code, semester, school, cid, by, role, at, seq in session.execute(
            select(RollEntry.seat_id, RollEntry.status, RollEntry.left_on, RollEntry.code, Roll.semester_code,
                   Roll.school_code, c.id, c.confirmed_by, c.confirmed_role, c.confirmed_at, c.ledger_seq)
            .join(Roll, Roll.id == RollEntry.roll_id).join(c, c.id == RollEntry.confirmation_id)
            .where(RollEntry.seat_id.in_([s.id for s in seats]))):
        if status == "left" or (seat_id, semester) not in marks:
            marks[(seat_id, semester)] = {"seat_id": seat_id, "semester": semester, "school_code": school,
                                          "status": status, "left_on": left_on, "code": code, "confirmation_id": cid,
                                          "confirmed_by": by, "confirmed_role": role, "confirmed_at": at,
                                          "ledger_seq": seq}
    out, semesters = [], list(session.scalars(select(Semester).order_by(Semester.starts_on)))
    for seat in seats:
        for sem in semesters:
            meets = sem.ends_on >= seat.start_date and (seat.end_date is None or sem.starts_on <= seat.end_date)
            if (seat.id, sem.code) in marks:
                out.append(marks[(seat.id, sem.code)])
            elif meets:
                out.append({"seat_id": seat.id, "semester": sem.code, "school_code": seat.school_code,
                            "status": "awaiting", "left_on": None, "code": None, "confirmation_id": None,
                            "confirmed_by": None, "confirmed_role": None, "confirmed_at": None, "ledger_seq": None})
    return out


def _sem_filter(stmt: Any, column: Any, semester: str | None) -> Any:
    return stmt.where(column == semester) if semester else stmt


def view(session: Session, name: str, *, semester: str | None) -> View:
    """Build one export view (see :data:`VIEWS`), optionally for one semester."""
    if semester:
        get_semester(session, semester)
    return _BUILDERS[name](session, semester)


def _v_settlements(session: Session, semester: str | None) -> View:
    out = View("settlements", ["settlement_id", "semester", "school_code", "state", "tariff", "tariff_version",
                               "semester_days", "line_count", "total", "adjustments", "paid", "due", "computed_at",
                               "approved_by", "approved_at"],
               money=frozenset({"tariff", "total", "adjustments", "paid", "due"}))
    for t in totals(session, semester=semester)["items"]:
        s = session.get(Settlement, t["settlement_id"])
        out.rows.append((s.id, s.semester_code, s.school_code, s.state, s.tariff_fen, s.tariff_version,
                         s.semester_days, s.line_count, s.total_fen, t["adjustments_fen"], t["paid_fen"], t["due_fen"],
                         s.computed_at, s.approved_by, s.approved_at))
    return out


def _v_lines(session: Session, semester: str | None) -> View:
    out = View("lines", ["settlement_id", "semester", "school_code", "state", "seat_id", "application_no",
                         "pupil_name", "pupil_id_number", "days", "semester_days", "amount"],
               money=frozenset({"amount"}))
    stmt = (select(Settlement.id, Settlement.semester_code, Settlement.school_code, Settlement.state,
                   SettlementLine.seat_id, PurchasedSeat.application_no, PurchasedSeat.pupil_name,
                   PurchasedSeat.pupil_id_number, SettlementLine.days, Settlement.semester_days,
                   SettlementLine.amount_fen)
            .join(SettlementLine, SettlementLine.settlement_id == Settlement.id)
            .join(PurchasedSeat, PurchasedSeat.id == SettlementLine.seat_id)
            .order_by(Settlement.semester_code, Settlement.school_code, SettlementLine.seat_id))
    for r in session.execute(_sem_filter(stmt, Settlement.semester_code, semester)):
        out.rows.append((*r[:7], mask_id(r[7]), *r[8:]))
    return out


def _v_seats(session: Session, semester: str | None) -> View:
    out = View("seats", ["seat_id", "application_no", "pupil_name", "pupil_id_number", "school_code", "grade",
                         "start_date", "end_date", "end_reason", "previous_seat_id", "run_id"])
    stmt = select(PurchasedSeat).order_by(PurchasedSeat.id)
    if semester:
        p = period_of(get_semester(session, semester))
        stmt = stmt.where(PurchasedSeat.start_date <= p.ends_on,
                          or_(PurchasedSeat.end_date.is_(None), PurchasedSeat.end_date >= p.starts_on))
    for s in session.scalars(stmt):
        out.rows.append((s.id, s.application_no, s.pupil_name, mask_id(s.pupil_id_number), s.school_code, s.grade,
                         s.start_date, s.end_date, s.end_reason, s.previous_seat_id, s.run_id))
    return out


def _v_tariffs(session: Session, semester: str | None) -> View:
    out = View("tariffs", ["school_code", "semester", "version", "operating_cost_per_pupil", "original_fee",
                           "suggestion", "standard", "standard_source", "decided_by", "decided_at", "note"],
               money=frozenset({"operating_cost_per_pupil", "original_fee", "suggestion", "standard"}))
    stmt = select(Tariff).order_by(Tariff.semester_code, Tariff.school_code, Tariff.version)
    for t in session.scalars(_sem_filter(stmt, Tariff.semester_code, semester)):
        out.rows.append((t.school_code, t.semester_code, t.version, t.operating_cost_fen, t.original_fee_fen,
                         t.suggestion_fen, t.standard_fen, "decided" if t.standard_given else "suggestion",
                         t.decided_by, t.decided_at, t.note))
    return out


def _v_adjustments(session: Session, semester: str | None) -> View:
    out = View("adjustments", ["adjustment_id", "settlement_id", "semester", "school_code", "seat_id",
                               "previous_end_date", "corrected_end_date", "days_before", "days_after",
                               "amount_before", "amount_after", "delta", "reason", "recorded_by", "recorded_at",
                               "ledger_seq"], money=frozenset({"amount_before", "amount_after", "delta"}))
    stmt = (select(Adjustment, Settlement.semester_code, Settlement.school_code)
            .join(Settlement, Settlement.id == Adjustment.settlement_id).order_by(Adjustment.id))
    for a, sem, school in session.execute(_sem_filter(stmt, Settlement.semester_code, semester)):
        out.rows.append((a.id, a.settlement_id, sem, school, a.seat_id, a.previous_end_date, a.corrected_end_date,
                         a.days_before, a.days_after, a.amount_before_fen, a.amount_after_fen, a.delta_fen, a.reason,
                         a.recorded_by, a.recorded_at, a.ledger_seq))
    return out


def _v_disbursements(session: Session, semester: str | None) -> View:
    out = View("disbursements", ["disbursement_id", "settlement_id", "semester", "school_code", "reference",
                                 "amount", "paid_on", "recorded_by", "recorded_at", "ledger_seq"],
               money=frozenset({"amount"}))
    stmt = (select(Disbursement, Settlement.semester_code, Settlement.school_code)
            .join(Settlement, Settlement.id == Disbursement.settlement_id).order_by(Disbursement.id))
    for d, sem, school in session.execute(_sem_filter(stmt, Settlement.semester_code, semester)):
        out.rows.append((d.id, d.settlement_id, sem, school, d.reference, d.amount_fen, d.paid_on, d.recorded_by,
                         d.recorded_at, d.ledger_seq))
    return out


def _v_ledger(session: Session, semester: str | None) -> View:
    out = View("ledger", ["seq", "kind", "settlement_id", "amount", "recorded_at", "prev_hash", "hash", "body"],
               money=frozenset({"amount"}))
    stmt = select(LedgerEntry).order_by(LedgerEntry.seq)
    if semester:
        ids = select(Settlement.id).where(Settlement.semester_code == semester)
        stmt = stmt.where(LedgerEntry.settlement_id.in_(ids))
    for e in session.scalars(stmt):
        out.rows.append((e.seq, e.kind, e.settlement_id, e.amount_fen, e.recorded_at, e.prev_hash, e.hash,
                         bytes(e.body).decode("utf-8", "replace")))
    return out


def _v_verification(session: Session, semester: str | None) -> View:
    result = verify_ledger(session)
    checked, mismatches = reconcile(session)
    broken = result.first_broken
    out = View("verification", ["ok", "entries", "head_hash", "first_broken_seq", "reason", "detail",
                                "records_checked", "mismatches"],
               rows=[(result.ok and not mismatches, result.entries, result.head_hash, broken.seq if broken else None,
                      broken.reason if broken else None, broken.detail if broken else None, checked,
                      len(mismatches))])
    for m in mismatches:
        out.rows.append((False, None, None, m["seq"], f"{m['record']} {m['id']}", m["reason"], None, None))
    return out


def _v_totals(session: Session, semester: str | None) -> View:
    out = View("totals", ["semester", "school_code", "settlement_id", "state", "seats", "tariff", "total",
                          "adjustments", "paid", "due"],
               money=frozenset({"tariff", "total", "adjustments", "paid", "due"}))
    for t in totals(session, semester=semester)["items"]:
        out.rows.append((t["semester"], t["school_code"], t["settlement_id"], t["state"], t["seats"], t["tariff_fen"],
                         t["total_fen"], t["adjustments_fen"], t["paid_fen"], t["due_fen"]))
    return out


def _v_budget(session: Session, semester: str | None) -> View:
    out = View("budget", ["year", "appropriation", "settled", "paid", "remaining", "semesters"],
               money=frozenset({"appropriation", "settled", "paid", "remaining"}))
    if semester:
        years = {get_semester(session, semester).starts_on.year}
    else:
        years = {d.year for d in session.scalars(select(Semester.starts_on))}
        years |= set(session.scalars(select(Budget.year)))
    for year in sorted(years):
        b = budget_view(session, year)
        remaining = None if b["appropriation_fen"] is None else b["appropriation_fen"] - b["settled_fen"]
        out.rows.append((year, b["appropriation_fen"], b["settled_fen"], b["paid_fen"], remaining,
                         " ".join(b["semesters"])))
    return out


_BUILDERS = {"settlements": _v_settlements, "lines": _v_lines, "seats": _v_seats, "tariffs": _v_tariffs,
             "adjustments": _v_adjustments, "disbursements": _v_disbursements, "ledger": _v_ledger,
             "verification": _v_verification, "totals": _v_totals, "budget": _v_budget}
assert tuple(_BUILDERS) == VIEWS
