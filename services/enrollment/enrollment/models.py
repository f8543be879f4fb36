"""SQLAlchemy 2 models of the enrollment service (its own database).

Areas are stored as integer hundredths of a square metre (exact on both backends); datetimes in UTC
(``UTCDateTime``); lists and small maps as JSON.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from common.db import UTCDateTime, make_base
from common.access import access_table
from common.history import history_table
from common.idempotency import idempotency_table

Base = make_base()
idempotency_keys = idempotency_table(Base.metadata)
change_history = history_table(Base.metadata)  # who changed a school, seats, plan (common.history)
access_log = access_table(Base.metadata)  # who read whose personal data (common.access)


class School(Base):
    """A public school or a private migrant school (民办随迁子女学校). Area and classroom fields: private only."""

    __tablename__ = "schools"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(10))  # public | private
    level: Mapped[str] = mapped_column(String(10))  # primary | junior | nine_year (九年一贯制, grades 1–9)
    township_code: Mapped[str] = mapped_column(String(12))
    catchment_townships: Mapped[list[str]] = mapped_column(JSON, default=list)
    floor_area_x100: Mapped[int | None] = mapped_column(Integer)  # m² × 100
    land_area_x100: Mapped[int | None] = mapped_column(Integer)  # m² × 100
    classrooms: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)  # {"1": 6, ...}
    current_pupils: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(16), default="active")
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Intake(Base):
    """Seats a school offers in one grade and season: migrant seats (public) or the enrollment plan (private)."""

    __tablename__ = "intakes"

    school_code: Mapped[str] = mapped_column(ForeignKey("schools.code"), primary_key=True)
    season: Mapped[int] = mapped_column(Integer, primary_key=True)
    grade: Mapped[int] = mapped_column(Integer, primary_key=True)
    seats: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_by: Mapped[str] = mapped_column(String(120))


class Counter(Base):
    """Named sequences (``app:2025:1`` → last application number used); also serialises run creation."""

    __tablename__ = "counters"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class Application(Base):
    """One child's application for one season and grade (申请), as submitted by the platform."""

    __tablename__ = "applications"
    __table_args__ = (  # one active application per child and season; withdrawn ones stay beside it (issue 17)
        Index("uq_applications_active_child", "season", "child_id_number", unique=True,
              sqlite_where=text("state = 'submitted'"), postgresql_where=text("state = 'submitted'")),
        Index("ix_applications_season_child", "season", "child_id_number"),  # finding the child's applications
        Index(None, "season", "grade", "id"),
        Index("ix_applications_season_state", "season", "grade", "state"))  # GET /reports/applications

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_no: Mapped[str] = mapped_column(String(40), unique=True)
    season: Mapped[int] = mapped_column(Integer)
    grade: Mapped[int] = mapped_column(Integer)
    child_name: Mapped[str] = mapped_column(String(64))
    child_id_number: Mapped[str] = mapped_column(String(18))
    child_birth_date: Mapped[date] = mapped_column(Date)
    guardians: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    township_code: Mapped[str] = mapped_column(String(12))
    public_choices: Mapped[list[str]] = mapped_column(JSON)
    private_choices: Mapped[list[str]] = mapped_column(JSON)
    claims: Mapped[dict[str, Any]] = mapped_column(JSON)
    state: Mapped[str] = mapped_column(String(12), default="submitted")  # submitted | withdrawn
    submitted_by: Mapped[str] = mapped_column(String(120))
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime())
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)
    # applying again after a withdrawal: the application this one follows, and the one that followed it
    previous_application_no: Mapped[str | None] = mapped_column(String(40))
    next_application_no: Mapped[str | None] = mapped_column(String(40))


class AgeException(Base):
    """The bureau's exception to the grade's age range for one child (BRIEF §5 E3, issue 17): with it the
    platform's application of a child older than ``child_max_age`` is taken (no ``age_out_of_range``). Who
    recorded it and when are kept; it is never changed (a wrong one is a matter for the bureau's records)."""

    __tablename__ = "age_exceptions"
    __table_args__ = (UniqueConstraint("season", "grade", "child_id_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    season: Mapped[int] = mapped_column(Integer)
    grade: Mapped[int] = mapped_column(Integer)
    child_id_number: Mapped[str] = mapped_column(String(18))
    reason: Mapped[str] = mapped_column(String(500))
    recorded_by: Mapped[str] = mapped_column(String(120))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SearchKey(Base):
    """A keyed hash (HMAC-SHA256, ``enrollment.search``) of an application's child ID number or of a guardian's
    phone: exact search without storing either a second time in the clear, and without listing them."""

    __tablename__ = "search_keys"
    __table_args__ = (Index(None, "kind", "digest"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    application_no: Mapped[str] = mapped_column(String(40), index=True)
    kind: Mapped[str] = mapped_column(String(8))  # child_id | phone
    digest: Mapped[str] = mapped_column(String(64))
    key_fp: Mapped[str | None] = mapped_column(String(16), index=True)  # the key's fingerprint (search.rekey)


class OutboxRow(Base):
    """A hand-over waiting for (or done by) the dispatcher: a case for verification or a chunk of purchased seats
    for funding. ``(topic, ref)`` is unique, so nothing is queued twice."""

    __tablename__ = "outbox"
    __table_args__ = (UniqueConstraint("topic", "ref"), Index(None, "state", "topic", "id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    topic: Mapped[str] = mapped_column(String(40))  # verification.cases | funding.seats
    ref: Mapped[str] = mapped_column(String(80))  # application_no | run:<id>:<chunk>
    payload: Mapped[str] = mapped_column(Text)  # JSON
    idempotency_key: Mapped[str | None] = mapped_column(String(200))
    state: Mapped[str] = mapped_column(String(12), default="pending")  # pending | failing | delivered
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())
    claimed_by: Mapped[str | None] = mapped_column(String(40))
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class FeedCursor(Base):
    """How far enrollment has followed another service's change feed (``verification.facts``: verification's case
    ``seq``; ``points.scores``: points' score ``seq``), with the lease of the process following it
    (:mod:`enrollment.progress_feed`)."""

    __tablename__ = "feed_cursors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    value: Mapped[int] = mapped_column(BigInteger, default=0)
    claimed_by: Mapped[str | None] = mapped_column(String(40))
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Webhook(Base):
    """A URL of the platform's that receives each event of the feed, signed (enrollment.webhooks). The events table
    is its outbox: ``delivered_up_to`` is the last event id the receiver took; a failed attempt backs off
    (``attempts``, ``next_attempt_at``); ``claimed_by`` / ``claimed_until`` the lease of the delivering process."""

    __tablename__ = "webhooks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(String(500))
    # random; the signing secret is derived from it and the server key (enrollment.webhooks.secret_for), never stored
    nonce: Mapped[str] = mapped_column(String(32))
    owner: Mapped[str] = mapped_column(String(120), index=True)  # the platform caller's subject
    delivered_up_to: Mapped[int] = mapped_column(Integer)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(Text)
    last_delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    claimed_by: Mapped[str | None] = mapped_column(String(40))
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Run(Base):
    """One placement round (录取批次) over a frozen snapshot: draft → published (公示) → final, or superseded."""

    __tablename__ = "runs"
    __table_args__ = (Index(None, "season", "grade", "state"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    season: Mapped[int] = mapped_column(Integer)
    grade: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)  # 1, 2, ... within season and grade
    mechanism: Mapped[str] = mapped_column(String(40))
    seed: Mapped[str] = mapped_column(String(100))
    rulebook_id: Mapped[str | None] = mapped_column(String(64))
    input_digest: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(12), default="draft")
    window_ends_on: Mapped[date | None] = mapped_column(Date)
    counts: Mapped[dict[str, Any]] = mapped_column(JSON)
    snapshot: Mapped[str] = mapped_column(Text)  # canonical JSON of the engine's input, plus cut-offs and counts
    evidence: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # {code_version, gate, certificate} (evidence.py)
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finalised_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finalised_by: Mapped[str | None] = mapped_column(String(120))
    superseded_by: Mapped[int | None] = mapped_column(Integer)
    # the upheld appeals whose correction this run's snapshot holds (enrollment.appeals_flow.included_by): marked
    # included_in_run when it is published
    appeal_ids: Mapped[list[int] | None] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, default=1)


class PlacementRow(Base):
    """Where one application of a run goes (``round`` 1/2/3, school, tier, choice rank) or why it waits."""

    __tablename__ = "placements"
    __table_args__ = (UniqueConstraint("run_id", "application_no"), Index(None, "application_no"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id"))
    application_no: Mapped[str] = mapped_column(String(40))
    round: Mapped[int | None] = mapped_column(Integer)
    school_code: Mapped[str | None] = mapped_column(String(32))
    tier: Mapped[int | None] = mapped_column(Integer)
    choice_rank: Mapped[int | None] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(String(40))  # waitlist reason; None when placed


class Appeal(Base):
    """A family's objection (复核) during a run's publication window, and the bureau's decision."""

    __tablename__ = "appeals"
    __table_args__ = (UniqueConstraint("run_id", "application_no"), Index(None, "progress", "next_check_at"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("runs.id"))
    application_no: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(12), default="lodged")  # lodged | upheld | rejected
    note: Mapped[str | None] = mapped_column(Text)
    lodged_by: Mapped[str] = mapped_column(String(120))
    lodged_at: Mapped[datetime] = mapped_column(UTCDateTime())
    decided_by: Mapped[str | None] = mapped_column(String(120))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # What the appeal disputes (issue 13): a fact of one guardian (disputes "fact", guardian_no, fact_kind) or a
    # placement rule (disputes "placement_rule", rule); null for an appeal that names neither.
    disputes: Mapped[str | None] = mapped_column(String(16))
    guardian_no: Mapped[int | None] = mapped_column(Integer)
    fact_kind: Mapped[str | None] = mapped_column(String(24))
    rule: Mapped[str | None] = mapped_column(String(60))
    # Where an upheld appeal stands (enrollment.appeals_flow): waiting_for_department → rescored, or
    # ready_for_rerun (nothing to re-check), → included_in_run (included_run_id).
    progress: Mapped[str | None] = mapped_column(String(24))
    department: Mapped[str | None] = mapped_column(String(16))
    recheck: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # the department's answer {result_id, outcome}
    # the score after it {eligible, family_score, facts_digest} (facts_digest: of the facts points scored)
    score: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    ready_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # a run created after it includes the appeal
    included_run_id: Mapped[int | None] = mapped_column(Integer)
    next_check_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    checks: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    last_error: Mapped[str | None] = mapped_column(Text)
    claimed_by: Mapped[str | None] = mapped_column(String(40))  # the lease of the process following it
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime())


class Event(Base):
    """One change of an application's state for the platform's feed (``GET /events``, issue 13): submitted,
    withdrawn, placed (a published run), moved (a re-run published), final. ``id`` comes from the ``events``
    counter, whose row lock orders writers: ids are committed in increasing order, so a reader resuming after an
    id never misses one."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    application_no: Mapped[str] = mapped_column(String(40), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    season: Mapped[int] = mapped_column(Integer)
    grade: Mapped[int] = mapped_column(Integer)
    run_id: Mapped[int | None] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
