"""Transactional outbox: hand-overs to verification (cases) and funding (purchased seats), never lost, never doubled.

A write that must reach another service stores an :class:`OutboxRow` in the same transaction as its own effect
(:func:`enqueue`). A :class:`Dispatcher` (a background thread, plus ``POST /outbox/flush``) claims due rows,
sends them and marks them delivered; a failed attempt is retried with exponential backoff until the upstream
takes it. Both upstreams are idempotent (verification by ``application_no``, funding per seat and per
``Idempotency-Key``), so a resend after a crash or an expired claim creates nothing twice.

Claims are safe with any number of processes (issue 14): rows are claimed with :class:`common.leases.Leases` (``SELECT
… FOR UPDATE SKIP LOCKED`` on PostgreSQL, the same statements under ``BEGIN IMMEDIATE`` on SQLite), each claim a
lease of ``outbox_lease_s`` that the holding process renews while it lives; only the claimant may mark a row. A
process killed mid-delivery stops renewing, and after the lease another process (or its own restart) takes the
rows over and sends them again, which the idempotent upstreams absorb; the late claimant's mark is refused (its
token no longer holds the row). A starting process never touches rows a live process holds. On shutdown the
dispatcher hands its leases back, so the rows are sent at once by whoever is still running.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from common.clients import UpstreamError
from common.db import Database, utcnow
from common.errors import DomainError
from common.leases import Leases
from enrollment.models import OutboxRow

log = logging.getLogger("enrollment.outbox")

TOPIC_CASES = "verification.cases"  # one row per application: a verification case
TOPIC_SEATS = "funding.seats"  # one row per finalised run and chunk: {run_id, seats: [≤ 1000]}
TOPIC_RECHECKS = "verification.rechecks"  # one row per upheld appeal of a fact: {ref, application_no, guardian_no,
# kind, ground} (enrollment.appeals_flow)
TOPIC_WITHDRAWALS = "verification.withdrawals"  # one row per withdrawn application: {application_no}; its case
# leaves the departments' queues (verification.withdrawals)
TOPICS = (TOPIC_CASES, TOPIC_WITHDRAWALS, TOPIC_SEATS, TOPIC_RECHECKS)
"""In the order of a pass: a withdrawal after the cases, so a case and its withdrawal queued together arrive in
that order (a withdrawal that still arrives first is refused, 404 ``case_not_found``, and retried)."""
UNDELIVERED = ("pending", "failing")
"""The states of a row not yet delivered (the third is ``delivered``), named rather than ``!= 'delivered'``: a claim
then reads the rows to send through the index on (state, topic, id), where ``!=`` read every row of the topic
(the delivered too) on every pass, a pass slower with every case ever handed over (issue 15)."""


ROW_COLUMNS = ("topic", "ref", "payload", "idempotency_key", "state", "attempts", "next_attempt_at", "created_at")


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


GATHER_S = 0.05
"""How long a kicked pass waits for more hand-overs before it claims (at most ``interval_s``): a batch's claim, call
and marking cost about the same for one case as for fifty, and under a stream of submissions (a kick each) the
passes sent a few cases each (issue 15). 50 ms keeps an upheld appeal's re-check handed over at once."""


@dataclass
class FlushResult:
    attempted: int = 0
    delivered: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    appeals: Any = None  # the appeals pass (enrollment.appeals_flow.FollowResult) when the dispatcher follows them
    feed: Any = None  # the verified/scored pass (enrollment.progress_feed.FeedResult)
    webhooks: Any = None  # the webhook deliveries (enrollment.webhooks.DeliveryResult)


class Dispatcher:
    """Delivers due outbox rows. ``send_cases(cases, key)``, ``send_seats(body, key)``, ``send_recheck(body,
    key)`` and ``send_withdrawal(body, key)`` do the HTTP calls and raise ``DomainError`` (``Unavailable`` / ``UpstreamError``) when the upstream does
    not take them. ``appeals`` (an :class:`enrollment.appeals_flow.AppealFlow`), ``feed`` (an
    :class:`enrollment.progress_feed.ProgressFeed`) and ``webhooks`` (an :class:`enrollment.webhooks.Deliverer`)
    are followed on every pass too."""

    def __init__(self, db: Database, *, send_cases: Callable[[list[dict[str, Any]], str], Any],
                 send_seats: Callable[[dict[str, Any], str], Any],
                 send_recheck: Callable[[dict[str, Any], str], Any] | None = None,
                 send_withdrawal: Callable[[dict[str, Any], str], Any] | None = None, appeals: Any = None,
                 feed: Any = None, webhooks: Any = None,
                 batch_size: int = 1000, backoff_s: float = 2.0, backoff_max_s: float = 300.0, lease_s: float = 15.0,
                 interval_s: float = 1.0, gather_s: float = GATHER_S):
        self.db = db
        self.send_cases, self.send_seats = send_cases, send_seats
        self.one_by_one = {TOPIC_SEATS: send_seats}
        if send_recheck is not None:
            self.one_by_one[TOPIC_RECHECKS] = send_recheck
        if send_withdrawal is not None:
            self.one_by_one[TOPIC_WITHDRAWALS] = send_withdrawal
        self.appeals, self.feed, self.webhooks = appeals, feed, webhooks
        self.batch_size, self.backoff_s, self.backoff_max_s = batch_size, backoff_s, backoff_max_s
        self.lease_s, self.interval_s, self.gather_s = lease_s, interval_s, gather_s
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self.leases = Leases(db, OutboxRow.__table__, lease_s=lease_s, name="outbox")
        self.owner = self.leases.owner  # this process start's dispatcher; claim tokens are f"{owner}-{...}"

    # --- one pass -------------------------------------------------------------------------------------------

    def flush(self, *, now_too: bool = False, follow: bool = True) -> FlushResult:
        """Deliver every due row once. ``now_too`` makes rows waiting out a backoff due now (``POST /outbox/flush``).
        A topic whose upstream is unreachable is left for the next pass after its first failed batch. Then the
        appeals waiting for their department are followed (``now_too``: all of them, not only those due), and with
        ``follow`` the progress feed and the webhooks."""
        result = FlushResult()
        if now_too:
            with self.db.write_session() as s:
                s.execute(update(OutboxRow).where(OutboxRow.state.in_(UNDELIVERED)).values(next_attempt_at=utcnow()))
                s.commit()
        due = self._due_topics()
        for topic in TOPICS:
            if topic not in due or (topic != TOPIC_CASES and topic not in self.one_by_one):
                continue
            limit = self.batch_size if topic == TOPIC_CASES else 10
            while True:
                rows = self._claim(topic, limit)
                if not rows:
                    break
                token = rows[0]["claimed_by"]
                try:
                    if topic == TOPIC_CASES:
                        down = self._deliver_cases(rows, token, result)
                    else:
                        down = self._deliver_each(rows, token, result, self.one_by_one[topic])
                finally:
                    self.leases.forget(token)  # every row of the claim is marked or released by now
                if down or len(rows) < limit:  # a part batch took every row due (those queued since: next pass)
                    break
        if self.appeals is not None:  # every pass: an upheld appeal wakes the dispatcher for its re-check
            result.appeals = self.appeals.follow(now_too=now_too)
        if not follow:
            return result
        if self.feed is not None:
            result.feed = self.feed.follow()
        if self.webhooks is not None:
            result.webhooks = self.webhooks.deliver(now_too=now_too)
        return result

    def _due_topics(self) -> set[str]:
        """The topics with a row due now, read without the write lock (a claim is a write transaction: four of
        them a pass, most finding nothing, took SQLite's write lock from the submissions; issue 15). A row another
        process holds still counts: its claim then finds nothing, as before."""
        with self.db.read_session() as s:
            return set(s.connection().execute(_DUE_TOPICS, {"now": utcnow()}).scalars())

    def _claim(self, topic: str, limit: int) -> list[dict[str, Any]]:
        """Claim up to ``limit`` due rows of ``topic`` (leased: see the module) → their values and claim token."""
        with self.db.write_session() as s:  # the claim and its rows' values in one transaction
            claim = self.leases.claim(OutboxRow.topic == topic, OutboxRow.state.in_(UNDELIVERED),
                                      OutboxRow.next_attempt_at <= utcnow(), limit=limit, session=s)
            if claim is None:
                return []
            rows = s.execute(select(OutboxRow.id, OutboxRow.ref, OutboxRow.payload, OutboxRow.idempotency_key,
                                    OutboxRow.attempts).where(OutboxRow.id.in_(claim.ids)).order_by(OutboxRow.id)).all()
            s.commit()
        return [{"id": r.id, "ref": r.ref, "payload": json.loads(r.payload), "key": r.idempotency_key,
                 "attempts": r.attempts, "claimed_by": claim.token} for r in rows]

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

    def _deliver_each(self, rows: list[dict[str, Any]], token: str, result: FlushResult,
                      send: Callable[[dict[str, Any], str], Any]) -> bool:
        """One call per row with the row's own key (``POST /purchased-seats/handover`` per run chunk, ``POST
        /rechecks`` per appeal). Returns True when the upstream is down."""
        for i, row in enumerate(rows):
            try:
                send(row["payload"], row["key"])
            except DomainError as exc:
                if _settled(exc):
                    self._delivered([row], token, result, note=_describe(exc)[:1000])
                    continue
                self._failed([row], token, exc, result)
                if not _refused(exc):
                    self._failed(rows[i + 1:], token, None, result, count=False)
                    return True
                continue
            self._delivered([row], token, result)
        return False

    def _delivered(self, rows: list[dict[str, Any]], token: str, result: FlushResult, *,
                   note: str | None = None) -> None:
        """Mark ``rows`` delivered; ``note``: the upstream's final answer when it settled them by a refusal."""
        self.leases.release(token, ids=[r["id"] for r in rows], state="delivered", delivered_at=utcnow(),
                            attempts=OutboxRow.attempts + 1, last_error=note)
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
                values: dict[str, Any] = {}
                if exc is not None:
                    delay = min(self.backoff_s * (2 ** min(r["attempts"], 30)), self.backoff_max_s)
                    values.update(state="failing", attempts=r["attempts"] + 1, last_error=_describe(exc)[:1000],
                                  next_attempt_at=now + timedelta(seconds=delay))
                self.leases.release(token, ids=[r["id"]], session=s, **values)
            s.commit()
        if count:
            result.attempted += len(rows)
            result.failed += len(rows)
            result.errors.append(_describe(exc) if exc else "")

    # --- the background thread ------------------------------------------------------------------------------

    def start(self) -> None:
        """Start the background thread and the renewal of this process's leases."""
        self.leases.start()
        for follower in (self.appeals, self.feed, self.webhooks):
            if follower is not None:
                follower.leases.start()
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="enrollment-outbox", daemon=True)
        self._thread.start()

    def kick(self) -> None:
        """Wake the thread now (called after a commit that queued something)."""
        self._wake.set()

    def stop(self, timeout_s: float = 10.0) -> None:
        """Stop the thread (after the delivery in flight) and hand back the leases still held (SIGTERM)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
            self._thread = None
        self.leases.stop()
        for follower in (self.appeals, self.feed, self.webhooks):
            if follower is not None:
                follower.leases.stop()

    def _loop(self) -> None:
        """A pass every ``interval_s`` (sooner when an appeal's next look comes first), and one ``gather_s`` after a
        kick (a commit queued a hand-over). The progress feed and the webhooks are followed every ``interval_s``
        only, not on each kicked pass: under a stream of submissions a kick came with every one, and following them
        (two calls upstream, three claims) cost more than the hand-over itself (issue 15)."""
        followed = float("-inf")
        while not self._stop.is_set():
            follow = time.monotonic() - followed >= self.interval_s
            if follow:
                followed = time.monotonic()
            wait_s = self.interval_s if follow else max(0.0, followed + self.interval_s - time.monotonic())
            try:
                result = self.flush(follow=follow)
                due = result.appeals.next_check_at if result.appeals is not None else None
                if due is not None:  # an appeal's next look comes before the next pass: wake for it
                    wait_s = max(0.0, min(wait_s, (due - utcnow()).total_seconds()))
            except Exception:  # noqa: BLE001 - the dispatcher must survive a bad pass (database restart...)
                log.exception("outbox pass failed")
            if self._wake.wait(wait_s):  # kicked: let the hand-overs of a stream of commits gather (one batch)
                self._stop.wait(min(self.gather_s, self.interval_s))
            self._wake.clear()


_DUE_TOPICS = (select(OutboxRow.topic).where(OutboxRow.state.in_(UNDELIVERED),
                                           OutboxRow.next_attempt_at <= bindparam("now")).distinct())


def _batch_key(rows: list[dict[str, Any]]) -> str:
    """The same rows → the same key, so a resent batch replays; another composition → another key."""
    digest = hashlib.sha256(",".join(r["ref"] for r in rows).encode()).hexdigest()[:40]
    return f"enrollment-cases-{digest}"


SETTLED_BY = frozenset({"case_withdrawn"})
"""Upstream refusals that settle a hand-over for good: a re-check (or a withdrawal) of a case whose application was
withdrawn meanwhile has nothing left to do. The row is marked delivered with the answer kept in ``last_error``,
instead of being retried with backoff for ever."""


def _settled(exc: Exception) -> bool:
    """``exc`` is verification's final answer for the row (a code of :data:`SETTLED_BY`)."""
    return isinstance(exc, UpstreamError) and exc.code in SETTLED_BY


def _refused(exc: Exception) -> bool:
    """A 4xx answer: the upstream is up but refuses this request (retrying the same batch will not help)."""
    return isinstance(exc, UpstreamError) and 400 <= exc.status < 500


def _describe(exc: Exception) -> str:
    code = getattr(exc, "code", exc.__class__.__name__)
    status = getattr(exc, "status", "")
    return f"{status} {code}: {exc}".strip()
