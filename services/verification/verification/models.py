"""SQLAlchemy 2 models of the verification service (its own database).

A :class:`Case` is one application registered by enrollment; it owns one :class:`VerificationRequest` per guardian
and kind (a request of an amended case that no longer matches is kept as ``superseded``). Departments answer a
request with :class:`Result` rows; a correction adds a row that names the one it supersedes, so the history stays.
``Case.seq`` is taken from the single-row :class:`SeqCounter` whenever the case's current results change, which
gives the points service an ordered change feed (``GET /facts?changed_after=``).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, false, text
from sqlalchemy.orm import Mapped, mapped_column

from common.access import access_table
from common.db import UTCDateTime, make_base
from common.idempotency import idempotency_table

Base = make_base()
idempotency_keys = idempotency_table(Base.metadata)
access_log = access_table(Base.metadata)  # who read an application's requests or facts (common.access)


class Case(Base):
    """One application's verification case (idempotent by ``application_no``)."""

    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_no: Mapped[str] = mapped_column(String(40), unique=True)
    season: Mapped[int] = mapped_column(Integer)
    grade: Mapped[int] = mapped_column(Integer)
    child_birth_date: Mapped[date] = mapped_column(Date)
    fingerprint: Mapped[str] = mapped_column(String(64), doc="SHA-256 of the canonical case body last registered")
    seq: Mapped[int] = mapped_column(Integer, unique=True, doc="change-feed position; rises when results change")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    withdrawn_at: Mapped[datetime | None] = mapped_column(
        UTCDateTime(), nullable=True, doc="the family withdrew the application (verification.withdrawals): its "
                                          "requests are state withdrawn and take no more answers")

    __table_args__ = (Index("ix_cases_season_grade_seq", "season", "grade", "seq"),)


class VerificationRequest(Base):
    """One guardian's claim of one kind, addressed to one department (state pending / answered / superseded /
    withdrawn: the application was withdrawn, :mod:`verification.withdrawals`)."""

    __tablename__ = "requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id"))
    application_no: Mapped[str] = mapped_column(String(40))
    season: Mapped[int] = mapped_column(Integer)
    grade: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(24))
    department: Mapped[str] = mapped_column(String(16))
    guardian_no: Mapped[int] = mapped_column(Integer)
    subject_name: Mapped[str] = mapped_column(String(64))
    subject_id_number: Mapped[str] = mapped_column(String(18))
    claim: Mapped[dict] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(12))
    current_result_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    revision: Mapped[int] = mapped_column(Integer, default=0, doc="number of results posted")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # A re-check asked by an upheld appeal (复核, issue 13): the request is back in its department's queue, marked
    # with the appeal and the family's ground, until the department posts a result (recorded in recheck_result_id).
    recheck_ref: Mapped[str | None] = mapped_column(String(60), nullable=True, unique=True,
                                                    doc="the appeal asking the re-check, e.g. enrollment-appeal-12")
    recheck_ground: Mapped[str | None] = mapped_column(Text, nullable=True)
    recheck_open: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    recheck_requested_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    recheck_result_id: Mapped[int | None] = mapped_column(Integer, nullable=True)

    __table_args__ = (
        Index("ix_requests_queue", "department", "state", "id"),
        # GET /progress counts a season's requests per department and state from this index alone
        Index("ix_requests_season_progress", "season", "department", "state", "id"),
        Index("ix_requests_recheck_queue", "department", "recheck_open", "id"),
        Index("ix_requests_case_id", "case_id"),
        # one live request per guardian and kind; superseded ones are history
        Index("uq_requests_live", "case_id", "guardian_no", "kind", unique=True,
              sqlite_where=text("state != 'superseded'"), postgresql_where=text("state != 'superseded'")),
    )


class Result(Base):
    """A department's answer to a request. ``supersedes`` names the result this one corrects."""

    __tablename__ = "results"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id"))
    revision: Mapped[int] = mapped_column(Integer, doc="1 for the first answer, 2 for its first correction ...")
    outcome: Mapped[str] = mapped_column(String(12))
    facts: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    department: Mapped[str] = mapped_column(String(16))
    answered_by: Mapped[str] = mapped_column(String(120))
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime())
    supersedes: Mapped[int | None] = mapped_column(ForeignKey("results.id"), nullable=True)

    __table_args__ = (UniqueConstraint("request_id", "revision"),)


class SeqCounter(Base):
    """The single row (``id = 1``) holding the last ``Case.seq`` handed out; locked while a change takes seqs."""

    __tablename__ = "seq_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(Integer)
