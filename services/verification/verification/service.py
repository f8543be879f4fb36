"""Use cases of the verification service. Each takes a session and never commits (the router commits once).

Registering cases (BRIEF §4 step 3), answering requests (step 4) and reading the facts points scores from
(step 5). Writes that change a case's current results take fresh ``Case.seq`` values from the locked counter
row at the end of the transaction, so seqs are handed out in commit order and ``changed_after`` misses nothing.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from common.db import utcnow
from common.errors import DomainError
from common.identity import Identity
from verification.errors import CaseNotFound, InvalidCursor, RequestNotFound, RequestSuperseded
from verification.models import Case, Result, SeqCounter, VerificationRequest
from verification.rules import KINDS, PlannedRequest, check_answer, facts_digest, mask_id_number, mask_name, \
    planned_requests, sha256_of
from verification.facts import parse_facts
from verification.schemas import MAX_ID, CaseIn, ResultIn

log = logging.getLogger("verification.service")


# ---- change feed ---------------------------------------------------------------------------------------------

def take_seqs(session: Session, count: int) -> int:
    """Reserve ``count`` consecutive seqs; returns the first. Locks the counter row until commit."""
    if count <= 0:
        return 0
    new = session.execute(update(SeqCounter).where(SeqCounter.id == 1)
                          .values(value=SeqCounter.value + count).returning(SeqCounter.value)).scalar_one_or_none()
    if new is None:  # a database migrated without the seed row: the first writer creates it
        session.execute(insert(SeqCounter).values(id=1, value=count))
        new = count
    return new - count + 1


def _bump(session: Session, case_ids: set[int], now: datetime) -> None:
    """Give every case in ``case_ids`` a new seq (its results or requests changed)."""
    if not case_ids:
        return
    first = take_seqs(session, len(case_ids))
    session.execute(update(Case), [{"id": cid, "seq": first + i, "updated_at": now}
                                   for i, cid in enumerate(sorted(case_ids))])


# ---- cases ---------------------------------------------------------------------------------------------------

@dataclass
class Registered:
    case: Case
    status: str  # "created" | "existing" | "amended"
    requests: list[VerificationRequest]


def _plan(case: CaseIn) -> list[PlannedRequest]:
    data = case.model_dump(mode="json")
    return planned_requests(data["guardians"], data["claims"])


def _new_request(case: Case, plan: PlannedRequest, now: datetime) -> VerificationRequest:
    return VerificationRequest(case_id=case.id, application_no=case.application_no, season=case.season,
                               grade=case.grade, kind=plan.kind, department=plan.department,
                               guardian_no=plan.guardian_no, subject_name=plan.subject_name,
                               subject_id_number=plan.subject_id_number, claim=plan.claim, state="pending",
                               revision=0, created_at=now)


def register_cases(session: Session, cases: list[CaseIn]) -> list[Registered]:
    """Register applications and create their requests (``POST /cases``, ``POST /cases/batch``) → one
    :class:`Registered` per distinct ``application_no`` (``requests`` filled for created and amended cases).

    Idempotent by ``application_no``: a case registered with the same body is ``existing`` and nothing changes.
    A case registered again with a *different* body is ``amended``: live requests whose subject or claim changed,
    or that are no longer claimed, become ``superseded`` (their results kept as history) and new ``pending``
    requests replace them. Two items with the same ``application_no`` in one call: the later one wins.
    """
    now = utcnow()
    wanted: dict[str, CaseIn] = {c.application_no: c for c in cases}
    existing = {c.application_no: c for c in session.scalars(
        select(Case).where(Case.application_no.in_(list(wanted))))}
    out: dict[str, Registered] = {}
    new_cases: list[tuple[Case, CaseIn]] = []
    changed: set[int] = set()
    for no, body in wanted.items():
        fp = sha256_of(body.model_dump(mode="json"))
        if (case := existing.get(no)) is None:
            case = Case(application_no=no, season=body.season, grade=body.grade,
                        child_birth_date=body.child_birth_date, fingerprint=fp, seq=0, created_at=now,
                        updated_at=now)
            new_cases.append((case, body))
        elif case.fingerprint == fp:
            out[no] = Registered(case, "existing", [])
        else:
            out[no] = Registered(case, "amended", _amend(session, case, body, fp, now))
            changed.add(case.id)
    if new_cases:
        first = take_seqs(session, len(new_cases))
        for i, (case, _) in enumerate(new_cases):
            case.seq = first + i
        session.add_all([case for case, _ in new_cases])
        session.flush()
        requests = []
        for case, body in new_cases:
            reqs = [_new_request(case, plan, now) for plan in _plan(body)]
            requests.extend(reqs)
            out[case.application_no] = Registered(case, "created", reqs)
        session.add_all(requests)
        session.flush()
        log.info("registered %d new case(s)", len(new_cases))
    _bump(session, changed, now)
    return [out[no] for no in wanted]


def _amend(session: Session, case: Case, body: CaseIn, fp: str, now: datetime) -> list[VerificationRequest]:
    live = {(r.guardian_no, r.kind): r for r in live_requests(session, case.id)}
    plans = {p.key: p for p in _plan(body)}
    keep, fresh = [], []
    for key, req in live.items():
        plan = plans.get(key)
        if plan and (req.subject_name, req.subject_id_number, req.claim) == \
                (plan.subject_name, plan.subject_id_number, plan.claim):
            keep.append(req)
        else:
            req.state = "superseded"
    session.flush()  # superseded rows leave the partial unique index before their successors arrive
    case.season, case.grade, case.child_birth_date, case.fingerprint = \
        body.season, body.grade, body.child_birth_date, fp
    for key, plan in plans.items():
        if key not in {(r.guardian_no, r.kind) for r in keep}:
            fresh.append(_new_request(case, plan, now))
    for req in keep:
        req.season, req.grade = body.season, body.grade
    session.add_all(fresh)
    session.flush()
    log.info("case %s amended: %d request(s) superseded, %d new", case.application_no,
             len(live) - len(keep), len(fresh))
    return sorted(keep + fresh, key=lambda r: (r.guardian_no, KINDS.index(r.kind)))


def live_requests(session: Session, case_id: int) -> list[VerificationRequest]:
    return list(session.scalars(select(VerificationRequest)
                                .where(VerificationRequest.case_id == case_id,
                                       VerificationRequest.state != "superseded")
                                .order_by(VerificationRequest.guardian_no, VerificationRequest.id)))


# ---- answers -------------------------------------------------------------------------------------------------

def answer_requests(session: Session, who: Identity, items: list[tuple[int, ResultIn]]
                    ) -> list[Result | DomainError]:
    """Store one result per item for the caller's department (``POST /requests/{id}/results``, ``/results/batch``).

    Per item, in order: a :class:`Result` (stored; a correction when the request was answered, naming the result
    it supersedes) or the :class:`DomainError` that refused it (404 ``request_not_found`` for a missing or another
    department's request, 409 ``request_superseded``, 422 ``invalid_facts`` / ``contradicts_claim``). Refused items
    write nothing. The requests are locked (``FOR UPDATE``) in id order, so concurrent answers to the same request
    queue up and each correction names the right predecessor.
    """
    now = utcnow()
    ids = sorted({rid for rid, _ in items})
    requests = {r.id: r for r in session.scalars(
        select(VerificationRequest).where(VerificationRequest.id.in_(ids))
        .order_by(VerificationRequest.id).with_for_update())}
    outcomes: list[Result | DomainError] = []
    stored: list[tuple[VerificationRequest, Result]] = []
    for rid, body in items:
        req = requests.get(rid)
        try:
            if req is None or req.department != who.department:
                raise RequestNotFound(f"no request {rid} in your department's queue")
            if req.state == "superseded":
                raise RequestSuperseded(f"request {rid} belongs to an amended case and takes no more answers")
            if body.outcome == "not_found" and body.facts is not None:
                check_answer(req.kind, req.claim, body.outcome, body.facts, today=now.date())
            facts = parse_facts(req.kind, body.facts) if body.facts is not None else None
            check_answer(req.kind, req.claim, body.outcome, facts, today=now.date())
        except DomainError as exc:
            outcomes.append(exc)
            continue
        req.revision += 1
        result = Result(request_id=req.id, revision=req.revision, outcome=body.outcome, facts=facts, note=body.note,
                        department=req.department, answered_by=who.subject, answered_at=now,
                        supersedes=req.current_result_id)
        stored.append((req, result))
        outcomes.append(result)
    if stored:
        session.add_all([result for _, result in stored])
        session.flush()
        for req, result in stored:
            req.current_result_id, req.state, req.answered_at = result.id, "answered", now
        session.flush()
        _bump(session, {req.case_id for req, _ in stored}, now)
        log.info("%s stored %d result(s), refused %d", who.department, len(stored), len(items) - len(stored))
    return outcomes


# ---- reads ---------------------------------------------------------------------------------------------------

def _cursor(value: str | None) -> int:
    if value is None:
        return 0
    if not value.isascii() or not value.isdigit() or int(value) > MAX_ID:
        raise InvalidCursor("cursor is not one this listing handed out", field="cursor")
    return int(value)


def queue(session: Session, department: str, *, season: int | None, limit: int, cursor: str | None
          ) -> tuple[list[VerificationRequest], str | None]:
    """A department's own ``pending`` requests, oldest first (by id), ``limit`` per page."""
    q = select(VerificationRequest).where(VerificationRequest.department == department,
                                          VerificationRequest.state == "pending",
                                          VerificationRequest.id > _cursor(cursor))
    if season is not None:
        q = q.where(VerificationRequest.season == season)
    rows = list(session.scalars(q.order_by(VerificationRequest.id).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return rows, (str(rows[-1].id) if more else None)


def get_request(session: Session, who: Identity, request_id: int) -> tuple[VerificationRequest, list[Result]]:
    """A request with its results, oldest first; another department's request is 404 (not 403)."""
    req = session.get(VerificationRequest, request_id)
    if req is None or (who.role == "department" and req.department != who.department):
        raise RequestNotFound(f"no request {request_id}")
    history = list(session.scalars(select(Result).where(Result.request_id == req.id).order_by(Result.id)))
    return req, history


def request_view(req: VerificationRequest, who: Identity) -> dict[str, Any]:
    """Request as JSON-ready dict; ID number and name whole only for the owning department."""
    owner = who.role == "department" and who.department == req.department
    return {"id": req.id, "kind": req.kind, "department": req.department, "season": req.season,
            "grade": req.grade, "application_no": req.application_no, "guardian_no": req.guardian_no,
            "subject_name": req.subject_name if owner else mask_name(req.subject_name),
            "subject_id_number": req.subject_id_number if owner else mask_id_number(req.subject_id_number),
            "claim": req.claim, "state": req.state, "created_at": req.created_at, "answered_at": req.answered_at}


def result_view(res: Result) -> dict[str, Any]:
    return {"id": res.id, "request_id": res.request_id, "outcome": res.outcome, "facts": res.facts,
            "note": res.note, "department": res.department, "answered_at": res.answered_at,
            "supersedes": res.supersedes}


def _facts_of(session: Session, cases: list[Case]) -> list[dict[str, Any]]:
    """CaseFacts for ``cases`` with one more query: their live requests joined to their current results."""
    by_case: dict[int, dict[int, dict[str, Any]]] = defaultdict(dict)
    if cases:
        rows = session.execute(
            select(VerificationRequest.case_id, VerificationRequest.guardian_no, VerificationRequest.kind,
                   VerificationRequest.state, Result)
            .outerjoin(Result, Result.id == VerificationRequest.current_result_id)
            .where(VerificationRequest.case_id.in_([c.id for c in cases]),
                   VerificationRequest.state != "superseded"))
        for case_id, guardian_no, kind, state, result in rows:
            g = by_case[case_id].setdefault(guardian_no, {"guardian_no": guardian_no,
                                                          "results": dict.fromkeys(KINDS), "pending": []})
            if state == "pending" or result is None:
                g["pending"].append(kind)
            else:
                g["results"][kind] = result_view(result)
    out = []
    for case in cases:
        guardians = sorted(by_case[case.id].values(), key=lambda g: g["guardian_no"])
        for g in guardians:
            g["pending"].sort(key=KINDS.index)
        out.append({"application_no": case.application_no, "season": case.season, "grade": case.grade,
                    "child_birth_date": case.child_birth_date, "seq": case.seq,
                    "digest": facts_digest(case.season, case.grade, case.child_birth_date, guardians),
                    "guardians": guardians})
    return out


def case_facts(session: Session, application_no: str) -> dict[str, Any]:
    """CaseFacts of one application (404 ``case_not_found``)."""
    case = session.scalar(select(Case).where(Case.application_no == application_no))
    if case is None:
        raise CaseNotFound(f"no case {application_no!r} registered")
    return _facts_of(session, [case])[0]


def facts_page(session: Session, *, season: int | None, grade: int | None, changed_after: int | None, limit: int,
               cursor: str | None) -> tuple[list[dict[str, Any]], str | None]:
    """A page of CaseFacts ordered by ``seq`` (two queries), only cases with ``seq > changed_after``."""
    after = max(_cursor(cursor), changed_after or 0)
    q = select(Case).where(Case.seq > after)
    if season is not None:
        q = q.where(Case.season == season)
    if grade is not None:
        q = q.where(Case.grade == grade)
    cases = list(session.scalars(q.order_by(Case.seq).limit(limit + 1)))
    more = len(cases) > limit
    cases = cases[:limit]
    return _facts_of(session, cases), (str(cases[-1].seq) if more else None)
