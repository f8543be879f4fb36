"""Appeals that carry themselves (复核, issue 13; BRIEF §4 step 6): the one module that owns what follows an upheld
appeal, from the bureau's decision to the re-run that includes it.

An appeal names what it disputes (:mod:`enrollment.appeals` checks it when lodged): a fact of one guardian (its
kind: ``residence_permit``, ``social_insurance``, ``housing``, ``business_license``) or a placement rule. When the
bureau upholds it (:func:`on_upheld`, in the decision's transaction):

1. a fact: a re-check request is queued in the outbox (topic ``verification.rechecks``, delivered by the
   dispatcher with retries and backoff) for ``POST /rechecks`` at verification, marked as the appeal
   ``enrollment-appeal-<id>`` and carrying the family's ground. Verification puts the guardian's request of that
   kind back in its department's queue. The appeal is ``waiting_for_department``;
2. :class:`AppealFlow` (a pass of the outbox dispatcher, and of ``POST /outbox/flush``) follows each waiting appeal
   with ``GET /rechecks/{ref}``. Once the department has posted its corrected result, points scores the
   application again from verification's current facts (``POST /scores/{no}``: the verified → scoring path every
   score takes) and the appeal is ``rescored``, with the department's outcome and the new score. A placement-rule
   appeal has nothing to re-check: it is ``ready_for_rerun`` at once;
3. a run of the appeal's season and grade whose frozen snapshot holds the rescored score (the same facts digest,
   eligibility and family score as the rescoring gave: :func:`included_by`, at the run's creation, over the
   scores the run actually used — not by time, so a rescoring that lands between the run's score fetch and its
   creation is not counted), once published (:func:`on_publish`), marks it ``included_in_run`` with that run's
   id; a placement-rule appeal is included by the first run created after it was upheld. The run's diff against
   the run it replaces names the child with the reason ``appeal_upheld``. :func:`preview` tells the bureau beforehand which appeals a re-run started now would
   include, and which still wait for their department.

Several enrollment processes may follow appeals at once (issue 14): each appeal is claimed with a lease
(:class:`common.leases.Leases` on the ``appeals`` table), so one process asks verification and points about it at a
time, and an appeal whose process died is taken over after the lease. Every write of the flow is conditional on
the lease, so an appeal is rescored once; points is asked with a key per appeal and corrected result, so a repeat
after a crash replays instead of scoring again. Functions take a session and never commit, except
:class:`AppealFlow`, which runs outside requests.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from common.db import Database, utcnow
from common.errors import DomainError
from common.leases import Leases
from enrollment import outbox
from enrollment.errors import Invalid
from enrollment.models import Appeal, Run

log = logging.getLogger("enrollment.appeals_flow")

FACT, PLACEMENT_RULE = "fact", "placement_rule"
WAITING, RESCORED, READY, INCLUDED = "waiting_for_department", "rescored", "ready_for_rerun", "included_in_run"
PROGRESS = (WAITING, RESCORED, READY, INCLUDED)


def recheck_ref(appeal_id: int) -> str:
    """The name of an appeal's re-check at verification (its idempotency: one re-check per appeal)."""
    return f"enrollment-appeal-{appeal_id}"


def on_upheld(session: Session, appeal: Appeal, *, now: datetime) -> None:
    """Start the flow of an appeal the bureau has just upheld: a disputed fact → the re-check queued in the outbox,
    ``waiting_for_department``; anything else → ``ready_for_rerun``."""
    if appeal.disputes == FACT:
        outbox.enqueue(session, topic=outbox.TOPIC_RECHECKS, ref=f"appeal:{appeal.id}", now=now,
                       idempotency_key=f"{recheck_ref(appeal.id)}-recheck",
                       payload={"ref": recheck_ref(appeal.id), "application_no": appeal.application_no,
                                "guardian_no": appeal.guardian_no, "kind": appeal.fact_kind,
                                "ground": appeal.reason})
        values: dict[str, Any] = {"progress": WAITING, "next_check_at": now}
    else:
        values = {"progress": READY, "ready_at": now}
    session.execute(update(Appeal).where(Appeal.id == appeal.id).values(**values))


def holds(used: Any, rescored: dict[str, Any] | None) -> bool:
    """Whether ``used`` (the :class:`enrollment.clients.ScoreView` a run's snapshot took, or None) is the score an
    appeal's rescoring gave (``rescored``: the appeal's ``score``): the same eligibility and family score, and the
    same facts digest when both carry one (a rescoring recorded before digests were kept compares the first two)."""
    if used is None or not rescored:
        return False
    if used.eligible != rescored.get("eligible") or str(used.family_score) != rescored.get("family_score"):
        return False
    return not (rescored.get("facts_digest") and used.facts_digest) or used.facts_digest == rescored["facts_digest"]


def included_by(session: Session, season: int, grade: int, used: dict[str, Any]) -> list[int]:
    """The upheld appeals of a season and grade that a run being created now includes → their ids, ascending:
    each ``rescored`` appeal whose application's score in the run's snapshot (``used``: application_no →
    ScoreView or None, exactly the scores the run places with) :func:`holds` the rescored one, and each
    ``ready_for_rerun`` appeal (a placement rule: nothing to rescore). Stored with the run (``Run.appeal_ids``)."""
    rows = session.execute(select(Appeal.id, Appeal.application_no, Appeal.progress, Appeal.score)
                           .join(Run, Run.id == Appeal.run_id)
                           .where(Run.season == season, Run.grade == grade, Appeal.progress.in_((RESCORED, READY)))
                           .order_by(Appeal.id)).all()
    return [i for i, no, progress, score in rows if progress == READY or holds(used.get(no), score)]


def on_publish(session: Session, run: Run, *, now: datetime) -> int:
    """Mark ``included_in_run`` the appeals the run's snapshot includes (``run.appeal_ids``, :func:`included_by`)
    that no earlier publication included → how many. A run created before the ids were stored (None): the appeals
    ready when it was created, as before."""
    if run.appeal_ids is not None:
        if not run.appeal_ids:
            return 0
        which = Appeal.id.in_(run.appeal_ids)
    else:
        earlier = select(Run.id).where(Run.season == run.season, Run.grade == run.grade, Run.id < run.id)
        which = (Appeal.ready_at <= run.created_at) & Appeal.run_id.in_(earlier)
    return session.execute(update(Appeal).where(Appeal.progress.in_((RESCORED, READY)), which)
                           .values(progress=INCLUDED, included_run_id=run.id)).rowcount


def preview(session: Session, *, season: int, grade: int) -> dict[str, Any]:
    """Which upheld appeals of a season and grade a re-run started now would include → ``{season, grade,
    would_include: [Appeal], waiting_for_department: [Appeal], included: [Appeal]}`` (``included``: those a
    published run already includes). 422 ``invalid`` for a grade other than 1 or 7."""
    if grade not in (1, 7):
        raise Invalid("grade is 1 or 7", code="grade_unknown", field="grade")
    rows = session.scalars(select(Appeal).join(Run, Run.id == Appeal.run_id)
                           .where(Run.season == season, Run.grade == grade, Appeal.progress.is_not(None))
                           .order_by(Appeal.id))
    out: dict[str, list[dict[str, Any]]] = {"would_include": [], "waiting_for_department": [], "included": []}
    for a in rows:
        bucket = {RESCORED: "would_include", READY: "would_include", WAITING: "waiting_for_department",
                  INCLUDED: "included"}[a.progress]
        out[bucket].append(view(a))
    return {"season": season, "grade": grade, **out}


def view(a: Appeal) -> dict[str, Any]:
    """An appeal as the API answers it: ``{id, run_id, application_no, reason, state, note, lodged_at, decided_at,
    decided_by, disputes: {type: "fact", guardian_no, kind} | {type: "placement_rule", rule} | null, progress:
    waiting_for_department | rescored | ready_for_rerun | included_in_run | null, department, recheck: {result_id,
    outcome} | null, score: {eligible, family_score, facts_digest} | null, included_run_id, last_error}``."""
    disputes = None
    if a.disputes == FACT:
        disputes = {"type": FACT, "guardian_no": a.guardian_no, "kind": a.fact_kind}
    elif a.disputes == PLACEMENT_RULE:
        disputes = {"type": PLACEMENT_RULE, "rule": a.rule}
    return {"id": a.id, "run_id": a.run_id, "application_no": a.application_no, "reason": a.reason,
            "state": a.state, "note": a.note, "lodged_at": a.lodged_at, "decided_at": a.decided_at,
            "decided_by": a.decided_by, "disputes": disputes, "progress": a.progress, "department": a.department,
            "recheck": a.recheck, "score": a.score, "included_run_id": a.included_run_id,
            "last_error": a.last_error}


@dataclass
class FollowResult:
    """One pass of :class:`AppealFlow`: appeals looked at, rescored, still waiting, failed (with the errors)."""

    looked_at: int = 0
    rescored: int = 0
    waiting: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    next_check_at: datetime | None = None  # the soonest look this pass scheduled (the dispatcher wakes for it)


class AppealFlow:
    """Follows the appeals waiting for their department: ``follow()`` is one pass (the dispatcher's loop runs it).

    ``verification`` and ``points``: :class:`enrollment.clients.VerificationClient` / ``PointsClient``. An appeal is
    looked at again ``poll_s`` after a look that found the re-check still open, doubling up to ``poll_max_s``."""

    def __init__(self, db: Database, *, verification: Any, points: Any, lease_s: float = 15.0,
                 poll_s: float = 1.0, poll_max_s: float = 30.0, batch_size: int = 50):
        self.db, self.verification, self.points = db, verification, points
        self.poll_s, self.poll_max_s, self.batch_size = poll_s, poll_max_s, batch_size
        self.leases = Leases(db, Appeal.__table__, lease_s=lease_s, name="appeals")

    def follow(self, *, now_too: bool = False) -> FollowResult:
        """Look once at every waiting appeal that is due (``now_too``: every waiting appeal)."""
        result = FollowResult()
        seen: set[int] = set()  # looked at in this pass: not again (with now_too they would stay due)
        while True:
            due = [Appeal.progress == WAITING]
            if seen:
                due.append(Appeal.id.not_in(seen))
            if not now_too:
                due.append(Appeal.next_check_at <= utcnow())
            claim = self.leases.claim(*due, limit=self.batch_size)
            if claim is None:
                return result
            seen.update(claim.ids)
            try:
                with self.db.read_session() as s:
                    appeals = list(s.scalars(select(Appeal).where(Appeal.id.in_(claim.ids)).order_by(Appeal.id)))
                    s.expunge_all()
                for appeal in appeals:
                    self._look(appeal, claim.token, result)
            finally:
                self.leases.release(claim.token)  # rows not written above (none normally) are handed back

    def _look(self, appeal: Appeal, token: str, result: FollowResult) -> None:
        result.looked_at += 1
        try:
            recheck = self.verification.recheck(recheck_ref(appeal.id))
            answer = (recheck or {}).get("result")
            if recheck is None or recheck.get("open") or not answer:
                result.waiting += 1
                self._later(appeal, token, result, department=(recheck or {}).get("department"), error=None)
                return
            score = self.points.score_now(appeal.application_no,
                                          idempotency_key=f"{recheck_ref(appeal.id)}-rescore-{answer['id']}")
        except DomainError as exc:
            result.failed += 1
            result.errors.append(f"appeal {appeal.id}: {exc}")
            self._later(appeal, token, result, department=None, error=f"{getattr(exc, 'code', '')}: {exc}"[:1000])
            return
        now = utcnow()
        self.leases.release(token, ids=[appeal.id], progress=RESCORED, ready_at=now, next_check_at=None,
                            department=recheck.get("department"), last_error=None, checks=appeal.checks + 1,
                            recheck={"result_id": answer["id"], "outcome": answer.get("outcome")},
                            score={"eligible": score.eligible, "family_score": str(score.family_score),
                                   "facts_digest": score.facts_digest})
        result.rescored += 1
        log.info("appeal %s rescored after %s's answer (%s): eligible %s, %s points", appeal.id,
                 recheck.get("department"), answer.get("outcome"), score.eligible, score.family_score)

    def _later(self, appeal: Appeal, token: str, result: FollowResult, *, department: str | None,
               error: str | None) -> None:
        delay = min(self.poll_s * (2 ** min(appeal.checks, 20)), self.poll_max_s)
        at = utcnow() + timedelta(seconds=delay)
        values: dict[str, Any] = {"checks": appeal.checks + 1, "last_error": error, "next_check_at": at}
        if department:
            values["department"] = department
        self.leases.release(token, ids=[appeal.id], **values)
        result.next_check_at = at if result.next_check_at is None else min(result.next_check_at, at)
