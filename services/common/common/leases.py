"""Leased background work: rows of a table that any process of a service may claim, hold for a while, and give back.

Several processes of one service share its database (issue 14), so background work (enrollment's outbox, points'
scoring jobs) is claimed row by row with a **lease**: ``claimed_by`` names the claim (a token that starts with the
claiming process's ``owner`` id) and ``claimed_until`` is when the lease runs out. A row is free when it has no
lease or its lease has run out; whoever claims it next takes it over. So:

- two live processes never hold the same row: a claim is one short write transaction, ``SELECT … FOR UPDATE SKIP
  LOCKED`` on PostgreSQL (claimers pass over rows another claimer has locked instead of waiting for them), and the
  very same statements under ``BEGIN IMMEDIATE`` on SQLite (one writer at a time; SQLAlchemy renders no ``FOR
  UPDATE`` there);
- a holder that crashes (SIGKILL, a lost machine) stops renewing; after ``lease_s`` another process takes its rows
  over. A live holder renews its leases every ``lease_s / 3`` (:meth:`Leases.start` runs that thread), so a long
  piece of work (a scoring job) is never taken from a process that is still at it, and a starting process never
  touches work another live process holds;
- every write a holder makes to a claimed row is conditional on its token (:meth:`Leases.held`): a holder whose
  lease was taken over (it stalled past ``lease_s``) finds its update refused and stops, so nothing is done twice;
- on shutdown (SIGTERM) :meth:`Leases.stop` hands the leases still held back (``claimed_by``/``claimed_until``
  cleared), and another process takes the rows at once instead of after the lease.

The table needs an integer primary key ``id`` and the two columns ``claimed_by`` (string, ≥ 40 characters) and
``claimed_until`` (:class:`common.db.UTCDateTime`). Domain rules (what is due, what "done" means) stay with the
caller, which passes them as ``where`` clauses and as the values of its own updates.
"""

from __future__ import annotations

import logging
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Table, or_, select, update
from sqlalchemy.orm import Session

from common.db import Database, utcnow

log = logging.getLogger("common.leases")


def process_owner() -> str:
    """An id for this process start, 16 characters: unique across machines and restarts (claims are prefixed
    with it, so the logs tell which process held a row)."""
    return uuid.uuid4().hex[:16]


@dataclass(frozen=True)
class Claim:
    """Rows claimed together: ``token`` (``"<owner>-<16 hex>"``, 33 characters) and their ``ids`` in order."""

    token: str
    ids: list[int]


class Leases:
    """Claims on the rows of ``table`` for one process (``owner``), each lease ``lease_s`` seconds long.

    ``Leases(db, OutboxRow.__table__, lease_s=30)``; ``claim(where…, limit=)`` → :class:`Claim` or ``None``;
    ``held(token)`` is the condition every later write to the claimed rows adds; ``release(token, **values)`` ends
    the claim (optionally writing the outcome in the same statement). ``start()`` / ``stop()`` run the renewal
    thread; ``stop()`` also hands back whatever is still held.
    """

    def __init__(self, db: Database, table: Table, *, lease_s: float, owner: str | None = None,
                 name: str | None = None):
        if lease_s <= 0:
            raise ValueError("lease_s must be positive")
        self.db, self.table, self.lease_s = db, table, lease_s
        self.owner = owner or process_owner()
        self.name = name or table.name
        self.c_id, self.c_by, self.c_until = table.c.id, table.c.claimed_by, table.c.claimed_until
        self._held: set[str] = set()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # --- claiming ---------------------------------------------------------------------------------------------

    def new_token(self) -> str:
        return f"{self.owner}-{uuid.uuid4().hex[:16]}"

    def free(self, now: datetime) -> ColumnElement[bool]:
        """The rows nobody holds at ``now``: no lease, or one that ran out (its holder stopped renewing)."""
        return or_(self.c_until.is_(None), self.c_until < now)

    def until(self, now: datetime | None = None) -> datetime:
        return (now or utcnow()) + timedelta(seconds=self.lease_s)

    def stamp(self, token: str | None = None) -> dict[str, Any]:
        """Column values that create a row already claimed by this process (insert it with them, then
        :meth:`adopt` the token after the commit)."""
        return {"claimed_by": token or self.new_token(), "claimed_until": self.until()}

    def adopt(self, token: str) -> None:
        """Renew ``token``'s lease from now on (a row inserted with :meth:`stamp`)."""
        with self._lock:
            self._held.add(token)

    def claim(self, *where: ColumnElement[bool], limit: int = 1, order_by: Any = None,
              session: Session | None = None) -> Claim | None:
        """Claim up to ``limit`` free rows matching ``where`` (in ``order_by`` order, default ``id``) → their
        :class:`Claim`, or ``None`` when there is none. One write transaction of its own (committed here), or the
        caller's ``session`` (not committed: the caller commits, then :meth:`adopt` is already done)."""
        now = utcnow()
        query = (select(self.c_id).where(*where, self.free(now))
                 .order_by(order_by if order_by is not None else self.c_id).limit(limit)
                 .with_for_update(skip_locked=True))  # PostgreSQL: skip rows another claimer is locking; SQLite: none
        own = session is None
        s = self.db.write_session() if own else session
        try:
            ids = list(s.scalars(query))
            if not ids:
                if own:
                    s.rollback()
                return None
            token = self.new_token()
            s.execute(update(self.table).where(self.c_id.in_(ids)).values(claimed_by=token,
                                                                          claimed_until=self.until(now)))
            if own:
                s.commit()
        finally:
            if own:
                s.close()
        self.adopt(token)
        return Claim(token, ids)

    def held(self, token: str) -> ColumnElement[bool]:
        """The condition a holder's write adds: the row is still claimed by ``token``."""
        return self.c_by == token

    def release(self, token: str, *, ids: list[int] | None = None, session: Session | None = None,
                **values: Any) -> int:
        """End the claim on ``token``'s rows (or only ``ids`` of them), writing ``values`` with it → rows changed
        (0 when the lease was taken over meanwhile). Commits unless given the caller's ``session``."""
        stmt = update(self.table).where(self.held(token))
        if ids is not None:
            stmt = stmt.where(self.c_id.in_(ids))
        stmt = stmt.values(claimed_by=None, claimed_until=None, **values)
        if session is not None:
            n = session.execute(stmt).rowcount
        else:
            with self.db.write_session() as s:
                n = s.execute(stmt).rowcount
                s.commit()
        if ids is None:
            self.forget(token)
        return n

    def forget(self, token: str) -> None:
        """Stop renewing ``token`` (its rows were all released or finished by the caller's own writes)."""
        with self._lock:
            self._held.discard(token)

    def renew(self) -> int:
        """Extend every lease this process holds by ``lease_s`` from now → rows renewed. Tokens whose rows are all
        gone (taken over, released) are forgotten."""
        with self._lock:
            tokens = sorted(self._held)
        if not tokens:
            return 0
        with self.db.write_session() as s:
            alive = set(s.scalars(select(self.c_by).where(self.c_by.in_(tokens)).distinct()))
            n = s.execute(update(self.table).where(self.c_by.in_(tokens)).values(claimed_until=self.until())).rowcount
            s.commit()
        with self._lock:
            self._held -= set(tokens) - alive
        return n

    def held_tokens(self) -> set[str]:
        with self._lock:
            return set(self._held)

    # --- the renewal thread -----------------------------------------------------------------------------------

    def start(self) -> None:
        """Renew the held leases every ``lease_s / 3`` in a daemon thread."""
        if self._thread is not None:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name=f"leases-{self.name}", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        while not self._stop.wait(self.lease_s / 3):
            try:
                self.renew()
            except Exception:  # noqa: BLE001 - a failed renewal (database restarting) is retried next round
                log.exception("renewing %s leases failed", self.name)

    def stop(self, *, hand_back: bool = True) -> int:
        """Stop renewing; with ``hand_back`` clear the leases still held so another process takes the rows at once
        → rows handed back."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None
        if not hand_back:
            return 0
        with self._lock:
            tokens = sorted(self._held)
            self._held.clear()
        if not tokens:
            return 0
        try:
            with self.db.write_session() as s:
                n = s.execute(update(self.table).where(self.c_by.in_(tokens))
                              .values(claimed_by=None, claimed_until=None)).rowcount
                s.commit()
        except Exception:  # noqa: BLE001 - the database is gone: the leases run out on their own
            log.exception("handing %s leases back failed", self.name)
            return 0
        if n:
            log.info("handed back %d %s lease(s)", n, self.name)
        return n
