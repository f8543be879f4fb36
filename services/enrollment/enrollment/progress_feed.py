"""``verified`` and ``scored`` in the platform's feed (issue 13): enrollment follows verification's and points'
change feeds and records an event of its own for each application they moved.

- ``verification.facts``: ``GET /facts?changed_after=<seq>&answered=true`` (cases in ``seq`` order, seqs handed out
  in commit order; only cases with no request pending: the answer that completes a case gives it a new seq, so
  none is missed, and a case is not read at each of its departments' answers). A case whose every request is
  answered is ``verified``: one event ``{seq, digest, results: {guardian_no:
  {kind: outcome}}}``, again after a correction that changes the facts (its ``digest``), never twice for the same
  facts.
- ``points.scores``: ``GET /score-changes?after=<seq>`` (scores in ``seq`` order, the same commit-order rule). Each
  stored or replaced score is ``scored``: ``{seq, eligible, family_score, rulebook_id}``.

How far each feed was followed is a :class:`enrollment.models.FeedCursor` row. A pass claims the row with a lease
(:class:`common.leases.Leases`), asks the upstream for what follows it, and writes the events and the new position
in one transaction that holds only while the lease does: several enrollment processes follow each feed once, and
a process that dies mid-pass leaves the position where its last commit put it, so the next one misses nothing and
records nothing twice. Applications enrollment does not hold are skipped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from common.db import Database, insert_ignoring_conflicts, utcnow
from common.errors import DomainError
from common.leases import Leases
from enrollment import events
from enrollment.models import Application, Event, FeedCursor

log = logging.getLogger("enrollment.progress_feed")

FACTS, SCORES = "verification.facts", "points.scores"
PAGE = 500


@dataclass
class FeedResult:
    """One pass: events recorded per kind, and the errors of feeds whose upstream did not answer."""

    recorded: dict[str, int] = field(default_factory=lambda: {events.VERIFIED: 0, events.SCORED: 0})
    errors: list[str] = field(default_factory=list)


def verified_items(session: Session, cases: list[dict[str, Any]]) -> list[tuple[str, int, int, dict[str, Any]]]:
    """The ``verified`` events for a page of CaseFacts: fully answered cases of applications enrollment holds whose
    facts (``digest``) differ from their last ``verified`` event."""
    answered = [c for c in cases if c.get("guardians") and not any(g.get("pending") for g in c["guardians"])]
    if not answered:
        return []
    nos = [c["application_no"] for c in answered]
    held = set(session.scalars(select(Application.application_no).where(Application.application_no.in_(nos))))
    last: dict[str, Any] = {}
    for no, data in session.execute(select(Event.application_no, Event.data).where(
            Event.application_no.in_(nos), Event.kind == events.VERIFIED).order_by(Event.id)):
        last[no] = (data or {}).get("digest")
    out = []
    for c in answered:
        no = c["application_no"]
        if no not in held or last.get(no) == c.get("digest"):
            continue
        last[no] = c.get("digest")  # the same case twice in one page: once
        results = {str(g["guardian_no"]): {k: r.get("outcome") for k, r in (g.get("results") or {}).items() if r}
                   for g in c["guardians"]}
        out.append((no, c["season"], c["grade"], {"seq": c["seq"], "digest": c.get("digest"), "results": results}))
    return out


def scored_items(session: Session, scores: list[dict[str, Any]]) -> list[tuple[str, int, int, dict[str, Any]]]:
    """The ``scored`` events for a page of score changes (applications enrollment holds)."""
    nos = [s["application_no"] for s in scores]
    held = set(session.scalars(select(Application.application_no).where(Application.application_no.in_(nos))))
    return [(s["application_no"], s["season"], s["grade"],
             {"seq": s["seq"], "eligible": s["eligible"], "family_score": s["family_score"],
              "rulebook_id": s.get("rulebook_id")}) for s in scores if s["application_no"] in held]


class ProgressFeed:
    """Follows the two upstream feeds; ``follow()`` is one pass (the outbox dispatcher's loop runs it).
    ``verification`` / ``points``: the typed clients (``facts_changed``, ``score_changes``)."""

    def __init__(self, db: Database, *, verification: Any, points: Any, lease_s: float = 15.0, page: int = PAGE):
        self.db, self.page = db, page
        self.leases = Leases(db, FeedCursor.__table__, lease_s=lease_s, name="feed_cursors")
        self.feeds: dict[str, tuple[Callable[[int], list[dict[str, Any]]], str, Callable[..., Any]]] = {
            # only fully answered cases: the others give no event, and the answer completing one gives it a new seq
            FACTS: (lambda after: verification.facts_changed(after, limit=self.page, answered=True),
                    events.VERIFIED, verified_items),
            SCORES: (lambda after: points.score_changes(after, limit=self.page), events.SCORED, scored_items),
        }
        self._seeded = False

    def _seed(self) -> None:
        if self._seeded:
            return
        with self.db.write_session() as s:
            for name in self.feeds:
                insert_ignoring_conflicts(s, FeedCursor, ["name"], {"name": name, "value": 0})
            s.commit()
        self._seeded = True

    def follow(self) -> FeedResult:
        """Follow each feed to its end (pages of ``page``); a feed whose upstream fails is left for the next pass."""
        self._seed()
        result = FeedResult()
        for name, (fetch, kind, items_of) in self.feeds.items():
            try:
                while self._page(name, fetch, kind, items_of, result):
                    pass
            except DomainError as exc:
                result.errors.append(f"{name}: {exc}")
                log.warning("following %s failed: %s", name, exc)
        return result

    def _page(self, name: str, fetch: Callable[[int], list[dict[str, Any]]], kind: str,
              items_of: Callable[..., Any], result: FeedResult) -> bool:
        """One page of one feed → True when a full page was taken (more may follow)."""
        claim = self.leases.claim(FeedCursor.name == name)
        if claim is None:
            return False  # another process is following it now
        try:
            with self.db.read_session() as s:
                after = s.scalar(select(FeedCursor.value).where(FeedCursor.id == claim.ids[0])) or 0
            changes = fetch(after)
            if not changes:
                return False
            with self.db.write_session() as s:
                items = items_of(s, changes)
                events.record(s, kind, items, now=utcnow())
                moved = self.leases.release(claim.token, session=s, value=max(c["seq"] for c in changes))
                if moved != 1:  # the lease ran out meanwhile: another process follows from the old position
                    s.rollback()
                    return False
                s.commit()
            result.recorded[kind] += len(items)
            return len(changes) >= self.page
        finally:
            self.leases.release(claim.token)
