"""SQLAlchemy 2 models of the points service (its own database).

- :class:`Rulebook`: a season's rules as a JSON spec (validated by ``schemas.RulebookBody`` and
  ``rulebook.compile_rulebook`` before it is stored); ``draft`` → ``published`` (then immutable).
- :class:`StoredScore`: the one current score of an application, with the columns the placement snapshot reads
  (points as integer hundredths) and the whole breakdown as JSON.
- :class:`ScoringJob`: a background batch over a season and grade, with its progress counters and the lease of the
  process running it; a partial unique index keeps one ``running`` job per season and grade.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Date, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from common.access import access_table
from common.db import UTCDateTime, make_base
from common.history import history_table
from common.idempotency import idempotency_table

Base = make_base()
idempotency_keys = idempotency_table(Base.metadata)
change_history = history_table(Base.metadata)  # who changed a rulebook (common.history)
access_log = access_table(Base.metadata)  # who read an application's score (common.access)


class Rulebook(Base):
    __tablename__ = "rulebooks"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    season: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(12))  # draft | published
    version: Mapped[int] = mapped_column(Integer)
    spec: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    __table_args__ = (Index("ix_rulebooks_season_state", "season", "state"),)


class StoredScore(Base):
    """One current score per application (BRIEF §5); points in hundredths (``8720`` = ``"87.20"``)."""

    __tablename__ = "scores"

    application_no: Mapped[str] = mapped_column(String(40), primary_key=True)
    season: Mapped[int] = mapped_column(Integer)
    grade: Mapped[int] = mapped_column(Integer)
    rulebook_id: Mapped[str] = mapped_column(String(40))
    cutoff_date: Mapped[date] = mapped_column(Date)
    eligible: Mapped[bool]
    family_score: Mapped[int] = mapped_column(Integer)
    other_guardian_score: Mapped[int] = mapped_column(Integer)
    earliest_continuous_since: Mapped[date | None] = mapped_column(Date, nullable=True)
    residence_township_code: Mapped[str | None] = mapped_column(String(12), nullable=True)
    facts_digest: Mapped[str] = mapped_column(String(64))
    source_seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)
    scored_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Change-feed position (GET /score-changes, issue 13): taken from ScoreCounter whenever the score is stored, in
    # commit order (the counter row stays locked until commit). Null for scores stored before the feed existed.
    seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True, unique=True)

    __table_args__ = (Index("ix_scores_season_grade_no", "season", "grade", "application_no"),)


class ScoreCounter(Base):
    """The single row (``id = 1``) holding the last ``StoredScore.seq`` handed out."""

    __tablename__ = "score_counter"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(BigInteger)


class ScoringJob(Base):
    __tablename__ = "scoring_jobs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    season: Mapped[int] = mapped_column(Integer)
    grade: Mapped[int] = mapped_column(Integer)
    rulebook_id: Mapped[str] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(String(12))  # running | done | failed
    full: Mapped[bool]
    changed_after: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    last_seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    total: Mapped[int] = mapped_column(Integer, default=0)
    done: Mapped[int] = mapped_column(Integer, default=0)
    rescored: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    requested_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    # the highest seq of the pages committed so far: a job taken over resumes after it
    resume_after: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    # the lease of the process running the job (common.leases): renewed while it lives, taken over after a crash
    claimed_by: Mapped[str | None] = mapped_column(String(40), nullable=True)
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    __table_args__ = (
        Index("ix_scoring_jobs_season_grade_state", "season", "grade", "state"),
        # at most one running job per season and grade (docs/api.md: a running job is answered, not a second)
        Index("uq_scoring_jobs_running", "season", "grade", unique=True,
              sqlite_where=text("state = 'running'"), postgresql_where=text("state = 'running'")),
    )
