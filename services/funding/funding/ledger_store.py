"""The funding ledger as stored (BRIEF §8, plan 三(四)): append an entry under the head-row lock, walk the stored
chain, list it, and reconcile settlements, adjustments, disbursements and rolls with the entries that recorded them.
Functions take a session and never commit.

Two modules, one ledger: :mod:`funding.ledger` is the hash chain itself (pure: canonical bytes, hashes, the walk),
this module is its storage (a session, the ``ledger_entries`` rows). The auditors' HTTP read API over both is
:mod:`funding.router_reports`; nothing named ``audit`` holds code."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Integer, Select, literal, select
from sqlalchemy.orm import Session

from common.db import insert_rows, utcnow
from funding import ledger
from funding.models import (SETTLED, Adjustment, Disbursement, LedgerEntry, LedgerHead, LedgerSeat, PurchasedSeat,
                            Roll, RollConfirmation, RollEntry, Settlement, SettlementLine)
from funding.settlement_rules import lines_digest


def append_ledger(session: Session, kind: str, payload: dict[str, Any], *, seats: Iterable[int] = (),
                  seats_from: Select | None = None) -> LedgerEntry:
    """Append one entry after locking the head row (``SELECT ... FOR UPDATE``; SQLite writes are serialised by
    ``BEGIN IMMEDIATE``). ``payload`` holds ``settlement_id`` and ``amount_fen`` (int fen) and only plain JSON.
    The seats the body names (:func:`funding.ledger.seats_named`) and ``seats`` (those its records cover: a roll
    confirmation's entries) are indexed in ``ledger_seats`` for ``GET /ledger?seat_id=``; so are the seat ids
    ``seats_from`` selects (an approved settlement's lines, copied by the database in one ``INSERT … SELECT``;
    ``ValueError`` when the body names seats too, which could repeat one)."""
    head = session.scalars(select(LedgerHead).where(LedgerHead.id == 1).with_for_update()).one()
    at = utcnow()
    entry = ledger.next_entry(head.seq, head.hash, kind, {**payload, "at": at.isoformat()})
    row = LedgerEntry(seq=entry.seq, kind=entry.kind, settlement_id=entry.settlement_id, amount_fen=entry.amount_fen,
                      recorded_at=at, body=entry.body, prev_hash=entry.prev_hash, hash=entry.hash)
    session.add(row)
    head.seq, head.hash = entry.seq, entry.hash
    session.flush()
    named = sorted(ledger.seats_named(payload) | set(seats))
    # an approval covers a school's 20 000 lines: a bulk write of plain tuples (executemany / COPY)
    insert_rows(session, LedgerSeat.__table__, ("seat_id", "seq"), [(s, entry.seq) for s in named])
    if seats_from is not None:
        if named:
            raise ValueError("seats_from is for an entry that names no seats itself")
        sub = seats_from.subquery()
        session.execute(LedgerSeat.__table__.insert().from_select(
            ["seat_id", "seq"], select(sub.c[0], literal(entry.seq, Integer))))
    return row


def verify_ledger(session: Session) -> ledger.Verification:
    """Walk the stored chain in ``seq`` order (streamed) against the head row; see :func:`funding.ledger.verify`."""
    head = session.execute(select(LedgerHead.seq, LedgerHead.hash).where(LedgerHead.id == 1)).first()
    cols = (LedgerEntry.seq, LedgerEntry.kind, LedgerEntry.settlement_id, LedgerEntry.amount_fen,
            LedgerEntry.recorded_at, LedgerEntry.body, LedgerEntry.prev_hash, LedgerEntry.hash)
    rows = session.execute(select(*cols).order_by(LedgerEntry.seq).execution_options(yield_per=5000))
    return ledger.verify(rows, head=(head.seq, head.hash) if head else (-1, ""))


def reconcile(session: Session) -> tuple[int, list[dict[str, Any]]]:
    """Compare what the ledger recorded with the rows it speaks for → ``(records checked, mismatches)``.

    Every approved/paid settlement must have one approval entry whose total, tariff, line count and lines digest
    match the stored settlement and lines; every adjustment and disbursement must match the amount and settlement
    of its entry; every approved line must name a seat of the settlement's school (lines carry no foreign keys).
    A mismatch is ``{record, id, seq, reason}``; an edit to an approved line, a settlement total or a payment amount
    behind the service's back shows up here even though the chain itself is intact.
    """
    bodies: dict[int, dict[str, Any]] = {}
    for seq, kind, raw in session.execute(select(LedgerEntry.seq, LedgerEntry.kind, LedgerEntry.body)):
        try:
            bodies[seq] = {**json.loads(bytes(raw)), "_kind": kind}
        except ValueError:
            bodies[seq] = {"_kind": kind}
    approvals = {b.get("settlement_id"): (seq, b) for seq, b in bodies.items() if b["_kind"] == "settlement_approved"}
    out: list[dict[str, Any]] = []
    checked = 0
    settled = session.scalars(select(Settlement).where(Settlement.state.in_(SETTLED)).order_by(Settlement.id)).all()
    lines: dict[int, list[tuple[int, int, int]]] = {s.id: [] for s in settled}
    strays: dict[int, list[int]] = {}  # settlement → seats of its lines that are missing or of another school
    for sid, seat, days, amount, seat_school, school in session.execute(
            select(SettlementLine.settlement_id, SettlementLine.seat_id, SettlementLine.days, SettlementLine.amount_fen,
                   PurchasedSeat.school_code, Settlement.school_code)
            .join(Settlement, Settlement.id == SettlementLine.settlement_id)
            .outerjoin(PurchasedSeat, PurchasedSeat.id == SettlementLine.seat_id)
            .where(Settlement.state.in_(SETTLED))):
        lines[sid].append((seat, days, amount))
        if seat_school != school:
            strays.setdefault(sid, []).append(seat)
    for s in settled:
        checked += 1
        seq, body = approvals.get(s.id, (None, None))
        if body is None:
            out.append({"record": "settlement", "id": s.id, "seq": None, "reason": "no approval entry"})
            continue
        stored = {"amount_fen": s.total_fen, "tariff_fen": s.tariff_fen, "line_count": len(lines[s.id]),
                  "lines_digest": lines_digest(lines[s.id])}
        if s.line_count != len(lines[s.id]) or sum(a for _, _, a in lines[s.id]) != s.total_fen:
            out.append({"record": "settlement", "id": s.id, "seq": seq, "reason": "lines do not add up to the total"})
        if s.id in strays:
            out.append({"record": "settlement", "id": s.id, "seq": seq,
                        "reason": f"lines for seats missing or of another school: {strays[s.id][:10]}"})
        for name, value in stored.items():
            if body.get(name) != value:
                out.append({"record": "settlement", "id": s.id, "seq": seq,
                            "reason": f"{name} differs from the approval entry"})
    for model, record in ((Adjustment, "adjustment"), (Disbursement, "disbursement")):
        for row in session.scalars(select(model).order_by(model.id)):
            checked += 1
            amount = row.delta_fen if model is Adjustment else row.amount_fen
            body = bodies.get(row.ledger_seq, {})
            if (body.get("_kind"), body.get(f"{record}_id"), body.get("settlement_id"), body.get("amount_fen")) != \
                    (record, row.id, row.settlement_id, amount):
                out.append({"record": record, "id": row.id, "seq": row.ledger_seq,
                            "reason": "amount or settlement differs from its ledger entry"})
    checked_rolls, roll_out = reconcile_rolls(session, bodies)
    speaks_for = {(seat, seq) for seq, b in bodies.items() for seat in ledger.seats_named(b)}
    speaks_for |= {(seat, approvals[sid][0]) for sid, rows in lines.items() if sid in approvals for seat, _, _ in rows}
    return checked + checked_rolls, out + roll_out + reconcile_seat_index(session, speaks_for)


def reconcile_seat_index(session: Session, speaks_for: set[tuple[int, int]]) -> list[dict[str, Any]]:
    """The seat index (``ledger_seats``, what ``GET /ledger?seat_id=`` reads) against what the entries speak for:
    ``speaks_for`` (the seats each body names, an approval's stored lines) and the entries each roll confirmation
    wrote → one mismatch ``{record: "ledger_seats", id: seq, seq, reason}`` per entry whose index misses a seat (a
    seat's history would hide the entry) or names one the entry does not speak for."""
    expected = speaks_for | set(session.execute(
        select(RollEntry.seat_id, RollConfirmation.ledger_seq)
        .join(RollConfirmation, RollConfirmation.id == RollEntry.confirmation_id)).all())
    indexed = set(session.execute(select(LedgerSeat.seat_id, LedgerSeat.seq)).all())
    out = []
    for label, pairs in (("misses", expected - indexed), ("names", indexed - expected)):
        by_seq: dict[int, list[int]] = {}
        for seat, seq in pairs:
            by_seq.setdefault(seq, []).append(seat)
        out += [{"record": "ledger_seats", "id": seq, "seq": seq,
                 "reason": f"the seat index {label} seats {sorted(seats)[:10]} "
                           f"{'the entry speaks for' if label == 'misses' else 'the entry does not speak for'}"}
                for seq, seats in sorted(by_seq.items())]
    return out


def reconcile_rolls(session: Session, bodies: dict[int, dict[str, Any]]) -> tuple[int, list[dict[str, Any]]]:
    """Every roll confirmation (在校确认) must match its ``roll_confirmed`` entry: the roll, the school and semester,
    and the digest of the roll entries it wrote (recomputed from the stored rows, so an entry added, removed or
    changed behind the service's back shows up) → ``(records checked, mismatches)``."""
    from funding.roll import entries_digest  # roll imports the service layer, which this module serves

    rows: dict[int, list[tuple[int, str, Any, str | None]]] = {}
    for cid, seat_id, status, left_on, code in session.execute(
            select(RollEntry.confirmation_id, RollEntry.seat_id, RollEntry.status, RollEntry.left_on, RollEntry.code)):
        rows.setdefault(cid, []).append((seat_id, status, left_on, code))
    out, checked = [], 0
    for c, school, semester in session.execute(select(RollConfirmation, Roll.school_code, Roll.semester_code)
                                               .join(Roll, Roll.id == RollConfirmation.roll_id)
                                               .order_by(RollConfirmation.id)):
        checked += 1
        body = bodies.get(c.ledger_seq, {})
        expected = ("roll_confirmed", c.id, c.roll_id, school, semester, c.entries_digest)
        found = (body.get("_kind"), body.get("confirmation_id"), body.get("roll_id"), body.get("school_code"),
                 body.get("semester"), body.get("entries_digest"))
        if found != expected or entries_digest(rows.get(c.id, [])) != c.entries_digest:
            out.append({"record": "roll_confirmation", "id": c.id, "seq": c.ledger_seq,
                        "reason": "roll entries or confirmation differ from its ledger entry"})
    return checked, out


def list_ledger(session: Session, *, after: int, limit: int, seat_id: int | None = None,
                settlement_id: int | None = None) -> list[LedgerEntry]:
    """Ledger entries with seq > ``after``, in chain order, at most ``limit + 1`` so the caller can tell whether
    another page follows; only those of one purchased seat (``seat_id``: through ``ledger_seats``) and/or one
    settlement (``settlement_id``: the column, indexed) when given. Each filter reads an index in seq order."""
    query = select(LedgerEntry).where(LedgerEntry.seq > after)
    if seat_id is not None:
        query = query.where(LedgerEntry.seq.in_(select(LedgerSeat.seq).where(LedgerSeat.seat_id == seat_id,
                                                                             LedgerSeat.seq > after)))
    if settlement_id is not None:
        query = query.where(LedgerEntry.settlement_id == settlement_id)
    return list(session.scalars(query.order_by(LedgerEntry.seq).limit(limit + 1)))


