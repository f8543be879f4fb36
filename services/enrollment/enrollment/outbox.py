"""Transactional outbox: hand-overs to verification (cases) and funding (purchased seats), never lost, never doubled.

A write that must reach another service stores an :class:`OutboxRow` in the same transaction as its own effect
(:func:`enqueue`). A :class:`Dispatcher` (a background thread, plus ``POST /outbox/flush``) claims due rows,
sends them and marks them delivered; a failed attempt is retried with exponential backoff until the upstream
takes it. Both upstreams are idempotent (verification by ``application_no``, funding per seat and per
``Idempotency-Key``), so a resend after a crash or an expired claim creates nothing twice.

Claims are safe with several dispatchers: a row is claimed by writing ``claimed_by`` / ``claimed_until`` in a short
write transaction (``SELECT ... FOR UPDATE SKIP LOCKED`` on PostgreSQL; SQLite serialises writers), and only the
claimant may mark it. A claim that outlives its lease (a dead dispatcher) is taken over. Each dispatcher has an
``owner`` id, new at every process start, that prefixes its claim tokens; on start the service releases the claims
of every other owner (:meth:`Dispatcher.release_foreign_claims`), so rows held by a dispatcher that was killed
mid-delivery are sent again at once rather than after ``outbox_lease_s``. Should another process share the
database, it loses its current claims at that moment: at worst a row is sent twice, which the idempotent upstreams
absorb, and the late claimant's mark is refused (its token no longer holds the row).
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from common.clients import UpstreamError
from common.db import Database, utcnow
from common.errors import DomainError
from enrollment.models import OutboxRow

log = logging.getLogger("enrollment.outbox")

TOPIC_CASES = "verification.cases"  # one row per application: a verification case
TOPIC_SEATS = "funding.seats"  # one row per finalised run and chunk: {run_id, seats: [≤ 1000]}
TOPICS = (TOPIC_CASES, TOPIC_SEATS)


def row_values(*, topic: str, ref: str, payload: dict[str, Any], now: datetime,
               idempotency_key: str | None = None) -> dict[str, Any]:
    """Column values of a new outbox row (for a bulk insert)."""
    return {"topic": topic, "ref": ref, "payload": json.dumps(payload, ensure_ascii=False, sort_keys=True),
            "idempotency_key": idempotency_key, "state": "pending", "attempts": 0, "next_attempt_at": now,
            "created_at": now}


def enqueue(session: Session, *, topic: str, ref: str, payload: dict[str, Any], now: datetime,
            idempotency_key: str | None = None) -> OutboxRow:
    """Add a hand-over to the caller's transaction (no commit). ``(topic, ref)`` is unique."""
    row = OutboxRow(**row_values(topic=topic, ref=ref, payload=payload, now=now, idempotency_key=idempotency_key))
    session.add(row)
    return row


def status(session: Session) -> dict[str, Any]:
    """``{pending, delivered, failing, last_error, topics: {topic: {pending, delivered, failing}}}``.

    ``pending`` counts every row not yet delivered; ``failing`` those of them whose last attempt failed.
    """
    topics = {t: {"pending": 0, "delivered": 0, "failing": 0} for t in TOPICS}
    for topic, state, n in session.execute(
            select(OutboxRow.topic, OutboxRow.state, func.count()).group_by(OutboxRow.topic, OutboxRow.state)):
        counts = topics.setdefault(topic, {"pending": 0, "delivered": 0, "failing": 0})
        if state == "delivered":
            counts["delivered"] += n
        else:
            counts["pending"] += n
            counts["failing"] += n if state == "failing" else 0
    last_error = session.scalar(select(OutboxRow.last_error).where(OutboxRow.state == "failing")
                                .order_by(OutboxRow.next_attempt_at.desc(), OutboxRow.id.desc()).limit(1))
    total = {k: sum(c[k] for c in topics.values()) for k in ("pending", "delivered", "failing")}
    return {**total, "last_error": last_error, "topics": topics}


@dataclass
class FlushResult:
    attempted: int = 0
    delivered: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


class Dispatcher:
    """Delivers due outbox rows. ``send_cases(cases, key)`` and ``send_seats(body, key)`` do the HTTP calls and
    raise ``DomainError`` (``Unavailable`` / ``UpstreamError``) when the upstream does not take them."""

    def __init__(self, db: Database, *, send_cases: Callable[[list[dict[str, Any]], str], Any],
                 send_seats: Callable[[dict[str, Any], str], Any], batch_size: int = 1000,
                 backoff_s: float = 2.0, backoff_max_s: float = 300.0, lease_s: float = 120.0,
                 interval_s: float = 1.0):
        self.db = db
        self.send_cases, self.send_seats = send_cases, send_seats
        self.batch_size, self.backoff_s, self.backoff_max_s = batch_size, backoff_s, backoff_max_s
        self.lease_s, self.interval_s = lease_s, interval_s
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self.owner = uuid.uuid4().hex[:16]  # this process start's dispatcher; claim tokens are f"{owner}-{...}"

    def release_foreign_claims(self) -> int:
        """Release the claims on undelivered rows held by any other owner (a previous process of this service,
        killed mid-delivery) → the number of rows released. Called once on start, before the first pass."""
        with self.db.write_session() as s:
            released = s.execute(update(OutboxRow)
                                 .where(OutboxRow.state != "delivered", OutboxRow.claimed_by.is_not(None),
                                        OutboxRow.claimed_by.not_like(f"{self.owner}-%"))
                                 .values(claimed_by=None, claimed_until=None)).rowcount
            s.commit()
        if released:
            log.warning("released %d outbox row(s) claimed by an earlier dispatcher", released)
        return released

    # --- one pass -------------------------------------------------------------------------------------------

    def flush(self, *, now_too: bool = False) -> FlushResult:
        """Deliver every due row once. ``now_too`` makes rows waiting out a backoff due now (``POST /outbox/flush``).
        A topic whose upstream is unreachable is left for the next pass after its first failed batch."""
        result = FlushResult()
        if now_too:
            with self.db.write_session() as s:
                s.execute(update(OutboxRow).where(OutboxRow.state != "delivered").values(next_attempt_at=utcnow()))
                s.commit()
        for topic in TOPICS:
            while True:
                rows = self._claim(topic, self.batch_size if topic == TOPIC_CASES else 10)
                if not rows:
                    break
                token = rows[0]["claimed_by"]
                down = (self._deliver_cases if topic == TOPIC_CASES else self._deliver_seats)(rows, token, result)
                if down:
                    break
        return result

    def _claim(self, topic: str, limit: int) -> list[dict[str, Any]]:
        token, now = f"{self.owner}-{uuid.uuid4().hex[:16]}", utcnow()  # 33 characters (claimed_by holds 40)
        with self.db.write_session() as s:
            query = (select(OutboxRow.id)
                     .where(OutboxRow.topic == topic, OutboxRow.state != "delivered", OutboxRow.next_attempt_at <= now,
                            or_(OutboxRow.claimed_until.is_(None), OutboxRow.claimed_until < now))
                     .order_by(OutboxRow.id).limit(limit))
            if self.db.backend == "postgresql":
                query = query.with_for_update(skip_locked=True)
            ids = list(s.scalars(query))
            if not ids:
                s.rollback()
                return []
            s.execute(update(OutboxRow).where(OutboxRow.id.in_(ids))
                      .values(claimed_by=token, claimed_until=now + timedelta(seconds=self.lease_s)))
            rows = s.execute(select(OutboxRow.id, OutboxRow.ref, OutboxRow.payload, OutboxRow.idempotency_key,
                                    OutboxRow.attempts).where(OutboxRow.id.in_(ids)).order_by(OutboxRow.id)).all()
            s.commit()
        return [{"id": r.id, "ref": r.ref, "payload": json.loads(r.payload), "key": r.idempotency_key,
                 "attempts": r.attempts, "claimed_by": token} for r in rows]

    def _deliver_cases(self, rows: list[dict[str, Any]], token: str, result: FlushResult) -> bool:
        """One ``POST /cases/batch`` for the claimed rows; when verification refuses the batch (4xx), each case is
        sent alone so that one bad case does not hold the others. Returns True when verification is down."""
        try:
            self.send_cases([r["payload"] for r in rows], _batch_key(rows))
        except DomainError as exc:
            if not _refused(exc) or len(rows) == 1:
                self._failed(rows, token, exc, result)
                return not _refused(exc)
            for row in rows:
                if self._deliver_cases([row], token, result):
                    remaining = [r for r in rows if r["id"] > row["id"]]
                    self._failed(remaining, token, None, result, count=False)
                    return True
            return False
        self._delivered(rows, token, result)
        return False

    def _deliver_seats(self, rows: list[dict[str, Any]], token: str, result: FlushResult) -> bool:
        """One ``POST /purchased-seats/handover`` per row (a run's chunk), with the row's own key."""
        for i, row in enumerate(rows):
            try:
                self.send_seats(row["payload"], row["key"])
            except DomainError as exc:
                self._failed([row], token, exc, result)
                if not _refused(exc):
                    self._failed(rows[i + 1:], token, None, result, count=False)
                    return True
                continue
            self._delivered([row], token, result)
        return False

    def _delivered(self, rows: list[dict[str, Any]], token: str, result: FlushResult) -> None:
        with self.db.write_session() as s:
            s.execute(update(OutboxRow)
                      .where(OutboxRow.id.in_([r["id"] for r in rows]), OutboxRow.claimed_by == token)
                      .values(state="delivered", delivered_at=utcnow(), attempts=OutboxRow.attempts + 1,
                              claimed_by=None, claimed_until=None, last_error=None))
            s.commit()
        result.attempted += len(rows)
        result.delivered += len(rows)

    def _failed(self, rows: list[dict[str, Any]], token: str, exc: Exception | None, result: FlushResult, *,
                count: bool = True) -> None:
        """Release the claim; with ``exc``, record the failure and back off ``backoff_s × 2^attempts`` (capped)."""
        if not rows:
            return
        now = utcnow()
        with self.db.write_session() as s:
            for r in rows:
                values: dict[str, Any] = {"claimed_by": None, "claimed_until": None}
                if exc is not None:
                    delay = min(self.backoff_s * (2 ** min(r["attempts"], 30)), self.backoff_max_s)
                    values.update(state="failing", attempts=r["attempts"] + 1, last_error=_describe(exc)[:1000],
                                  next_attempt_at=now + timedelta(seconds=delay))
                s.execute(update(OutboxRow).where(OutboxRow.id == r["id"], OutboxRow.claimed_by == token)
                          .values(**values))
            s.commit()
        if count:
            result.attempted += len(rows)
            result.failed += len(rows)
            result.errors.append(_describe(exc) if exc else "")

    # --- the background thread ------------------------------------------------------------------------------

    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="enrollment-outbox", daemon=True)
        self._thread.start()

    def kick(self) -> None:
        """Wake the thread now (called after a commit that queued something)."""
        self._wake.set()

    def stop(self, timeout_s: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
            self._thread = None

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.flush()
            except Exception:  # noqa: BLE001 - the dispatcher must survive a bad pass (database restart...)
                log.exception("outbox pass failed")
            self._wake.wait(self.interval_s)
            self._wake.clear()


def _batch_key(rows: list[dict[str, Any]]) -> str:
    """The same rows → the same key, so a resent batch replays; another composition → another key."""
    digest = hashlib.sha256(",".join(r["ref"] for r in rows).encode()).hexdigest()[:40]
    return f"enrollment-cases-{digest}"


def _refused(exc: Exception) -> bool:
    """A 4xx answer: the upstream is up but refuses this request (retrying the same batch will not help)."""
    return isinstance(exc, UpstreamError) and 400 <= exc.status < 500


def _describe(exc: Exception) -> str:
    code = getattr(exc, "code", exc.__class__.__name__)
    status = getattr(exc, "status", "")
    return f"{status} {code}: {exc}".strip()
