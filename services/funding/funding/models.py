"""SQLAlchemy 2 models of the funding service (its own database). Money columns are integer fen (``*_fen``)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (BigInteger, CheckConstraint, Date, ForeignKey, Index, Integer, LargeBinary, String, Text,
                        UniqueConstraint)
from sqlalchemy.orm import Mapped, mapped_column

from common.access import access_table
from common.db import UTCDateTime, make_base
from common.history import history_table
from common.idempotency import idempotency_table

Base = make_base()
idempotency_keys = idempotency_table(Base.metadata)
change_history = history_table(Base.metadata)  # who changed a tariff or semester (common.history)
access_log = access_table(Base.metadata)  # who read a pupil's report (common.access)

Fen = BigInteger
SETTLEMENT_STATES = ("draft", "approved", "paid")
SETTLED = ("approved", "paid")  # a settlement whose money is decided: its tariff, seats and lines stay as they are


class Semester(Base):
    """A configured semester (学期), both ends inclusive."""

    __tablename__ = "semesters"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    __table_args__ = (CheckConstraint("ends_on >= starts_on", name="span"),)


class Tariff(Base):
    """One version of a school's purchase standard (购买学位标准) for a semester; every version is kept."""

    __tablename__ = "tariffs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    school_code: Mapped[str] = mapped_column(String(32))
    semester_code: Mapped[str] = mapped_column(ForeignKey("semesters.code"))
    version: Mapped[int] = mapped_column(Integer)
    operating_cost_fen: Mapped[int] = mapped_column(Fen)
    original_fee_fen: Mapped[int] = mapped_column(Fen)
    suggestion_fen: Mapped[int] = mapped_column(Fen)
    standard_fen: Mapped[int] = mapped_column(Fen)
    standard_given: Mapped[bool] = mapped_column()
    note: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str] = mapped_column(String(120))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime())
    __table_args__ = (UniqueConstraint("school_code", "semester_code", "version"),
                      CheckConstraint("standard_fen >= 0", name="standard_non_negative"))


class PurchasedSeat(Base):
    """A pupil's purchased seat (政府购买学位) at one private school from ``start_date`` to ``end_date``
    (inclusive; ``None`` while the pupil stays). ``grade`` is the pupil's grade on ``start_date``; it rises each
    school year (:mod:`funding.progression`). An end records its code (:data:`END_CODES`), who and when."""

    __tablename__ = "purchased_seats"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_no: Mapped[str] = mapped_column(String(40))
    pupil_name: Mapped[str] = mapped_column(String(64))
    pupil_id_number: Mapped[str] = mapped_column(String(18))
    school_code: Mapped[str] = mapped_column(String(32))
    grade: Mapped[int] = mapped_column(Integer)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(Text)
    end_code: Mapped[str | None] = mapped_column(String(20))
    ended_by: Mapped[str | None] = mapped_column(String(120))
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    run_id: Mapped[str | None] = mapped_column(String(64))
    previous_seat_id: Mapped[int | None] = mapped_column(ForeignKey("purchased_seats.id"))
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    __table_args__ = (UniqueConstraint("application_no", "school_code", "start_date"),
                      Index("ix_purchased_seats_school_start", "school_code", "start_date", "end_date", "grade"))


END_CODES = ("completed", "private_school", "public_school", "left_district", "dropped_out", "other")
"""Why a seat ended: the pupil finished the school's top grade; moved to another private school (转学, a new seat
follows); was placed in a public school (插班); left the district; dropped out; anything else (a bureau note)."""


class FundedSchool(Base):
    """A private school as funding knows it: its level, which fixes the grades a seat there is paid for (primary
    1–6, junior 7–9, nine-year 1–9). Learnt from enrollment's school register through the hand-over (each seat
    names its school's level); ``recorded_by`` says who told funding first."""

    __tablename__ = "funded_schools"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    level: Mapped[str] = mapped_column(String(16))
    recorded_by: Mapped[str] = mapped_column(String(120))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    __table_args__ = (CheckConstraint("level IN ('primary', 'junior', 'nine_year')", name="level"),)


class Settlement(Base):
    """What one school is owed for one semester (结算): draft → approved → paid. Approved rows never change
    except state/version on payment; corrections are :class:`Adjustment` rows."""

    __tablename__ = "settlements"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    school_code: Mapped[str] = mapped_column(String(32))
    semester_code: Mapped[str] = mapped_column(ForeignKey("semesters.code"))
    state: Mapped[str] = mapped_column(String(16))
    tariff_fen: Mapped[int] = mapped_column(Fen)
    tariff_version: Mapped[int] = mapped_column(Integer)
    semester_days: Mapped[int] = mapped_column(Integer)
    total_fen: Mapped[int] = mapped_column(Fen)
    line_count: Mapped[int] = mapped_column(Integer)
    version: Mapped[int] = mapped_column(Integer)
    awaiting_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    computed_by: Mapped[str] = mapped_column(String(120))
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    approved_by: Mapped[str | None] = mapped_column(String(120))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    __table_args__ = (UniqueConstraint("school_code", "semester_code"),
                      CheckConstraint("state IN ('draft', 'approved', 'paid')", name="state"))


class SettlementLine(Base):
    """One seat's amount in a settlement: its days in the semester and amount (fen).

    A derived row, written in bulk: a semester writes one per purchased seat (a million for 50 schools × 20 000
    seats). So it is keyed by ``(settlement_id, seat_id)`` and, on SQLite, stored WITHOUT ROWID (one B-tree entry a
    line); the pupil and application number live on the seat; a seat's lines are reached through its school's
    settlements (a seat belongs to one school), so no index on ``seat_id`` alone.

    No foreign keys: on PostgreSQL their per-row checks took 6 of the 9 s a million lines cost. Integrity comes from
    how lines are made and kept instead: only :func:`funding.settlements.compute_draft` writes them, from the seats it
    reads in the same transaction; approval recomputes them from the seats and refuses a mismatch; the approval's
    ledger entry carries their digest; and :func:`funding.ledger_store.reconcile` reports an approved line whose seat is
    missing or belongs to another school.
    """

    __tablename__ = "settlement_lines"
    settlement_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seat_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    days: Mapped[int] = mapped_column(Integer)
    amount_fen: Mapped[int] = mapped_column(Fen)
    __table_args__ = {"sqlite_with_rowid": False}


class Roll(Base):
    """The semester roll of one private school (在校确认): which seat holders attend, and for those who left, the
    day and why. Its entries are :class:`RollEntry` rows; each confirmation a :class:`RollConfirmation`."""

    __tablename__ = "rolls"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    school_code: Mapped[str] = mapped_column(String(32))
    semester_code: Mapped[str] = mapped_column(ForeignKey("semesters.code"))
    version: Mapped[int] = mapped_column(Integer)
    updated_by: Mapped[str] = mapped_column(String(120))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    __table_args__ = (UniqueConstraint("school_code", "semester_code"),)


class RollConfirmation(Base):
    """One confirmation of a roll: who (the school's staff, or the bureau for the school), when, what it recorded
    (counts and the digest of its entries) and its ``roll_confirmed`` ledger entry."""

    __tablename__ = "roll_confirmations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    roll_id: Mapped[int] = mapped_column(ForeignKey("rolls.id"), index=True)
    confirmed_by: Mapped[str] = mapped_column(String(120))
    confirmed_role: Mapped[str] = mapped_column(String(16))
    confirmed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    attending: Mapped[int] = mapped_column(Integer)
    left: Mapped[int] = mapped_column(Integer)
    unchanged: Mapped[int] = mapped_column(Integer)
    entries_digest: Mapped[str] = mapped_column(String(64))
    ledger_seq: Mapped[int] = mapped_column(Integer)


class RollEntry(Base):
    """A seat on a roll: ``attends`` (confirmed for the semester) or ``left`` (on ``left_on``, its last paid day,
    for ``code``). Append-only: a pupil confirmed and later reported gone has both rows. Keyed like settlement
    lines (WITHOUT ROWID on SQLite, no foreign keys; written in bulk, a school's roll holds 20 000); the
    confirmation's ledger entry carries the digest of the rows it wrote."""

    __tablename__ = "roll_entries"
    roll_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seat_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    status: Mapped[str] = mapped_column(String(8), primary_key=True)
    left_on: Mapped[date | None] = mapped_column(Date)
    code: Mapped[str | None] = mapped_column(String(20))
    confirmation_id: Mapped[int] = mapped_column(Integer)
    __table_args__ = (CheckConstraint("status IN ('attends', 'left')", name="status"),
                      Index("ix_roll_entries_seat_id", "seat_id"),  # a seat's roll per semester (pupil report)
                      {"sqlite_with_rowid": False})


class Adjustment(Base):
    """A correction to an approved settlement for one seat (e.g. the pupil left earlier than recorded)."""

    __tablename__ = "adjustments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    settlement_id: Mapped[int] = mapped_column(ForeignKey("settlements.id"), index=True)
    seat_id: Mapped[int] = mapped_column(ForeignKey("purchased_seats.id"))
    previous_end_date: Mapped[date | None] = mapped_column(Date)
    corrected_end_date: Mapped[date] = mapped_column(Date)
    days_before: Mapped[int] = mapped_column(Integer)
    days_after: Mapped[int] = mapped_column(Integer)
    amount_before_fen: Mapped[int] = mapped_column(Fen)
    amount_after_fen: Mapped[int] = mapped_column(Fen)
    delta_fen: Mapped[int] = mapped_column(Fen)
    reason: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(120))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ledger_seq: Mapped[int] = mapped_column(Integer)


class Disbursement(Base):
    """Money paid to a school against a settlement (拨付), with the payment reference."""

    __tablename__ = "disbursements"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    settlement_id: Mapped[int] = mapped_column(ForeignKey("settlements.id"), index=True)
    reference: Mapped[str] = mapped_column(String(64), unique=True)
    amount_fen: Mapped[int] = mapped_column(Fen)
    paid_on: Mapped[date] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(120))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ledger_seq: Mapped[int] = mapped_column(Integer)


class LedgerEntry(Base):
    """One hash-chained ledger entry; ``body`` holds the canonical bytes exactly as hashed (see funding.ledger)."""

    __tablename__ = "ledger_entries"
    # GET /ledger?settlement_id=: a settlement's entries in chain order from the index alone
    __table_args__ = (Index("ix_ledger_entries_settlement_seq", "settlement_id", "seq"),)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    kind: Mapped[str] = mapped_column(String(32))
    settlement_id: Mapped[int | None] = mapped_column(Integer)
    amount_fen: Mapped[int] = mapped_column(Fen)
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())
    body: Mapped[bytes] = mapped_column(LargeBinary)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class LedgerSeat(Base):
    """Which purchased seats a ledger entry speaks for (``GET /ledger?seat_id=``): the seats its body names (an end,
    an adjustment, the leavers of a roll, the seats completing the top grade) and the seats its records cover (the
    lines of an approved settlement, the entries a roll confirmation wrote). Written with the entry
    (:func:`funding.ledger_store.append_ledger`); outside the chain, an index over it. WITHOUT ROWID on SQLite."""

    __tablename__ = "ledger_seats"
    seat_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    __table_args__ = {"sqlite_with_rowid": False}


class LedgerHead(Base):
    """The single row (id 1) naming the chain's last entry; appends lock it, so two never fork the chain."""

    __tablename__ = "ledger_head"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


class Budget(Base):
    """The year's appropriation for purchased seats (预算), yuan stored as fen."""

    __tablename__ = "budgets"
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    appropriation_fen: Mapped[int] = mapped_column(Fen)
    version: Mapped[int] = mapped_column(Integer)
    updated_by: Mapped[str] = mapped_column(String(120))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
