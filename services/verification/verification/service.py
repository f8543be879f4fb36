"""Use cases of the verification service. Each takes a session and never commits (the router commits once).

Registering cases (BRIEF §4 step 3) and answering requests (step 4); the reads are in :mod:`verification.reads`.
Writes that change a case's current results take fresh ``Case.seq`` values from the locked counter row at the end
of the transaction, so seqs are handed out in commit order and ``changed_after`` misses nothing.

The batch writes are set-based: a batch of 1,000 cases or results costs a few statements whatever its size (what
it needs fetched with ``WHERE … IN``, Core ``executemany`` inserts, one UPDATE for many rows), never an ORM object
and a flush per item. Lock order on every write path: registrations first take their ``application_no``
advisory locks (PostgreSQL, ascending key order), then the requests' rows (``FOR UPDATE``, in id order), then the
counter row.
"""

from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Text, bindparam, case as sql_case, cast, func, insert, select, text, update
from sqlalchemy.orm import Session

from common import json_codec
from common.db import bind_processor, insert_rows, utcnow
from common.errors import DomainError
from common.idempotency import Canonical
from common.identity import Identity
from common.json_codec import dumps_text
from verification.errors import CaseWithdrawn, RequestNotFound, RequestSuperseded
from verification.facts import parse_facts
from verification.models import Case, Result, SeqCounter, VerificationRequest
from verification.rules import PlannedRequest, canonical_json, check_answer, planned_requests
from verification.schemas import CaseIn, ResultIn

log = logging.getLogger("verification.service")
CASES, REQUESTS, RESULTS, SEQ_COUNTER = (Case.__table__, VerificationRequest.__table__, Result.__table__,
                                         SeqCounter.__table__)
_NEXT = RESULTS.alias("next_result")
NEXT_RESULT = select(_NEXT.c.id).where(_NEXT.c.request_id == REQUESTS.c.id,
                                       _NEXT.c.revision == REQUESTS.c.revision + 1).scalar_subquery()
"""In an UPDATE of ``requests``: the result answering the request at its next revision (SET reads the old row)."""


# ---- change feed ---------------------------------------------------------------------------------------------

_TAKE_SEQS = (update(SEQ_COUNTER).where(SEQ_COUNTER.c.id == 1).values(value=SEQ_COUNTER.c.value + bindparam("count"))
              .returning(SEQ_COUNTER.c.value))
"""Core, built once: the ORM's UPDATE of ``SeqCounter`` also evaluated its WHERE against the session's objects."""


def take_seqs(session: Session, count: int) -> int:
    """Reserve ``count`` consecutive seqs; returns the first. Locks the counter row until commit."""
    if count <= 0:
        return 0
    new = session.execute(_TAKE_SEQS, {"count": count}).scalar_one_or_none()
    if new is None:  # a database migrated without the seed row: the first writer creates it
        session.execute(insert(SEQ_COUNTER).values(id=1, value=count))
        new = count
    return new - count + 1


_RANKED = (select(CASES.c.id, (func.row_number().over(order_by=CASES.c.id) + bindparam("before")).label("seq"))
           .where(CASES.c.id.in_(bindparam("ids", expanding=True))).subquery("ranked"))
_BUMP = update(CASES).where(CASES.c.id == _RANKED.c.id).values(seq=_RANKED.c.seq, updated_at=bindparam("now"))
# Built once, the ids bound at execution: an IN of 1,000 literal values built per call cost a results batch some
# 10 % of its CPU in coercing each value (issue 15).


def _bump(session: Session, case_ids: Iterable[int], now: datetime) -> None:
    """Give every case in ``case_ids`` a new seq, in id order (its results or requests changed): one statement."""
    ids = sorted(set(case_ids))
    if not ids:
        return
    first = take_seqs(session, len(ids))
    session.execute(_BUMP, {"ids": ids, "before": first - 1, "now": now})


# ---- cases ---------------------------------------------------------------------------------------------------

CASE_LOCKS = 0x5643  # "VC": the advisory-lock namespace (first key) of application_nos in this database
CASE_LOCK_SLOTS = 64  # numbers share this many locks: a batch of 1,000 takes at most 64 entries of the lock table
_LOCK_NUMBERS = text("SELECT pg_advisory_xact_lock(:space, slot) FROM (SELECT DISTINCT (hashtext(n) & :mask) AS slot "
                     "FROM unnest(CAST(:nos AS text[])) AS n ORDER BY slot) AS slots")


def lock_application_nos(session: Session, numbers: Iterable[str]) -> None:
    """Serialise registrations of the same ``application_no`` until the end of the transaction.

    PostgreSQL (READ COMMITTED): transaction-level advisory locks (``pg_advisory_xact_lock``) on the numbers'
    slots (``hashtext(application_no)`` modulo :data:`CASE_LOCK_SLOTS`: two numbers may share a slot and then
    merely queue; a big batch does not fill the server's shared lock table), taken in ascending slot order in
    one statement so that two batches never deadlock. A registration then reads the case only once the previous
    registration of that number committed, and the check-then-insert / check-then-amend cannot race (it gave
    unique violations and deadlocks: 500s). SQLite: nothing to do, the write transaction already holds the
    database (``BEGIN IMMEDIATE``)."""
    numbers = sorted(set(numbers))
    if numbers and session.get_bind().dialect.name == "postgresql":
        session.execute(_LOCK_NUMBERS, {"space": CASE_LOCKS, "mask": CASE_LOCK_SLOTS - 1, "nos": numbers})


@dataclass(frozen=True)
class Registered:
    """What registration did with one distinct ``application_no``."""

    application_no: str
    case_id: int
    status: str  # "created" | "existing" | "amended"


@dataclass(frozen=True)
class PreparedCase:
    """A case body with its fingerprint (SHA-256 of its canonical JSON) and the requests it needs."""

    body: CaseIn
    fingerprint: str
    plans: list[PlannedRequest]


def prepare_cases(cases: list[CaseIn]) -> dict[str, PreparedCase]:
    """Distinct ``application_no`` (first-seen order; of two items with one number the later wins) → the case
    fingerprinted and planned. Pure: the router runs it before the write transaction takes the lock."""
    return prepare_batch(cases)[0]


def prepare_batch(cases: list[CaseIn]) -> tuple[dict[str, PreparedCase], Canonical]:
    """:func:`prepare_cases`, and the canonical JSON of the body ``{"items": cases}``
    (:class:`common.idempotency.Canonical`, the text its Idempotency-Key fingerprint hashes) joined from each case's
    canonical JSON, which the case's own fingerprint hashes: one dump and one encoding of each case, not two
    (issue 15)."""
    out: dict[str, PreparedCase] = {}
    texts = []
    for body in cases:
        data = body.model_dump(mode="json")
        text = canonical_json(data)
        texts.append(text)
        out[body.application_no] = PreparedCase(body, hashlib.sha256(text.encode()).hexdigest(),
                                                planned_requests(data["guardians"], data["claims"]))
    return out, Canonical('{"items":[' + ",".join(texts) + "]}")


REQUEST_COLUMNS = ("case_id", "application_no", "season", "grade", "kind", "department", "guardian_no", "subject_name",
                   "subject_id_number", "claim", "state", "revision", "recheck_open", "created_at")
"""What a new request row sets (:func:`_request_row`; the other columns are null)."""


def _request_row(case_id: int, body: CaseIn, plan: PlannedRequest, created_at: Any) -> tuple[Any, ...]:
    """A new ``pending`` request in :data:`REQUEST_COLUMNS` order, as :func:`common.db.insert_rows` writes it: the
    claim as its JSON text, ``created_at`` already bound for the database."""
    return (case_id, body.application_no, body.season, body.grade, plan.kind, plan.department, plan.guardian_no,
            plan.subject_name, plan.subject_id_number, dumps_text(plan.claim), "pending", 0, False, created_at)


_KNOWN = (select(CASES.c.id, CASES.c.application_no, CASES.c.fingerprint, CASES.c.withdrawn_at.is_not(None))
          .where(CASES.c.application_no.in_(bindparam("nos", expanding=True))))


def register_cases(session: Session, cases: list[CaseIn] | Mapping[str, PreparedCase]) -> list[Registered]:
    """Register applications and create their requests (``POST /cases``, ``POST /cases/batch``) → one
    :class:`Registered` per distinct ``application_no``, in first-seen order. ``cases``: bodies, or what
    :func:`prepare_cases` made of them.

    Idempotent by ``application_no``: a case registered with the same body is ``existing`` and nothing changes.
    A withdrawn case (:mod:`verification.withdrawals`) registered again is ``existing`` whatever its body.
    A case registered again with a *different* body is ``amended``: live requests whose subject or claim changed,
    or that are no longer claimed, become ``superseded`` (their results kept as history) and new ``pending``
    requests replace them. Two items with the same ``application_no`` in one call: the later one wins.
    New cases take seqs in input order, then amended ones in id order. Concurrent registrations of one number
    queue on its advisory lock (:func:`lock_application_nos`), so the last to commit is the case's body.
    Statements: on PostgreSQL the lock, then one read of the known cases,
    for amendments one locked read of their live requests and three updates, then the counter, one insert of the
    cases (ids returned), one insert of every new request.
    """
    now = utcnow()
    created_at = bind_processor(session, REQUESTS.c.created_at)(now)
    prepared = cases if isinstance(cases, Mapping) else prepare_cases(cases)
    lock_application_nos(session, prepared)
    known = {no: (cid, fp, withdrawn)
             for cid, no, fp, withdrawn in session.execute(_KNOWN, {"nos": list(prepared)})}
    fresh = [no for no in prepared if no not in known]
    amended = {known[no][0]: case for no, case in prepared.items()  # a withdrawn case is never amended back
               if no in known and known[no][1] != case.fingerprint and not known[no][2]}
    new_requests = _amend(session, amended, created_at) if amended else []
    first = take_seqs(session, len(fresh) + len(amended))
    ids: dict[str, int] = {}
    if fresh:
        ids = dict(session.execute(insert(CASES).returning(CASES.c.application_no, CASES.c.id), [
            {"application_no": no, "season": prepared[no].body.season, "grade": prepared[no].body.grade,
             "child_birth_date": prepared[no].body.child_birth_date, "fingerprint": prepared[no].fingerprint,
             "seq": first + i, "created_at": now, "updated_at": now} for i, no in enumerate(fresh)]).all())
        new_requests += [_request_row(ids[no], prepared[no].body, plan, created_at)
                         for no in fresh for plan in prepared[no].plans]
    if amended:
        session.execute(update(CASES).where(CASES.c.id == bindparam("b_id")).values(
            season=bindparam("b_season"), grade=bindparam("b_grade"), child_birth_date=bindparam("b_born"),
            fingerprint=bindparam("b_fp"), seq=bindparam("b_seq"), updated_at=now), [
            {"b_id": cid, "b_season": amended[cid].body.season, "b_grade": amended[cid].body.grade,
             "b_born": amended[cid].body.child_birth_date, "b_fp": amended[cid].fingerprint,
             "b_seq": first + len(fresh) + i} for i, cid in enumerate(sorted(amended))])
    insert_rows(session, REQUESTS, REQUEST_COLUMNS, new_requests)  # one bulk write, no per-row processing (issue 15)
    if fresh or amended:
        log.info("registered %d new case(s), amended %d; %d new request(s)", len(fresh), len(amended),
                 len(new_requests))
    out = []
    for no in prepared:
        if no in ids:
            out.append(Registered(no, ids[no], "created"))
        else:
            cid = known[no][0]
            out.append(Registered(no, cid, "amended" if cid in amended else "existing"))
    return out


def _amend(session: Session, amended: Mapping[int, PreparedCase], created_at: Any) -> list[tuple[Any, ...]]:
    """Supersede the live requests of the ``amended`` cases (case id → new body) that no longer match, move the
    kept ones to the new season and grade → the rows of the requests to create. The live requests are locked in
    id order first (the order :func:`answer_requests` locks in); the superseded leave the partial unique index
    before their successors are inserted."""
    live: dict[int, list[Any]] = defaultdict(list)
    for row in session.execute(
            select(REQUESTS.c.id, REQUESTS.c.case_id, REQUESTS.c.guardian_no, REQUESTS.c.kind,
                   REQUESTS.c.subject_name, REQUESTS.c.subject_id_number, REQUESTS.c.claim)
            .where(REQUESTS.c.case_id.in_(list(amended)), REQUESTS.c.state != "superseded")
            .order_by(REQUESTS.c.id).with_for_update()):
        live[row.case_id].append(row)
    retired: list[int] = []
    fresh: list[tuple[Any, ...]] = []
    for case_id, case in amended.items():
        plans = {p.key: p for p in case.plans}
        kept = set()
        for req in live[case_id]:
            plan = plans.get((req.guardian_no, req.kind))
            if plan and (req.subject_name, req.subject_id_number, req.claim) == \
                    (plan.subject_name, plan.subject_id_number, plan.claim):
                kept.add(plan.key)
            else:
                retired.append(req.id)
        fresh += [_request_row(case_id, case.body, plan, created_at)
                  for key, plan in plans.items() if key not in kept]
        log.info("case %s amended: %d request(s) superseded, %d new", case.body.application_no,
                 len(live[case_id]) - len(kept), len(plans) - len(kept))
    if retired:
        session.execute(update(REQUESTS).where(REQUESTS.c.id.in_(retired)).values(state="superseded"))
    session.execute(update(REQUESTS).where(REQUESTS.c.case_id == bindparam("b_case"),
                                           REQUESTS.c.state != "superseded")
                    .values(season=bindparam("b_season"), grade=bindparam("b_grade")),
                    [{"b_case": cid, "b_season": case.body.season, "b_grade": case.body.grade}
                     for cid, case in amended.items()])
    return fresh


def live_requests(session: Session, case_id: int) -> list[VerificationRequest]:
    return list(session.scalars(select(VerificationRequest)
                                .where(VerificationRequest.case_id == case_id,
                                       VerificationRequest.state != "superseded")
                                .order_by(VerificationRequest.guardian_no, VerificationRequest.id)))


# ---- answers -------------------------------------------------------------------------------------------------

_ANSWERING = (select(REQUESTS.c.id, REQUESTS.c.case_id, REQUESTS.c.kind, REQUESTS.c.department, REQUESTS.c.state,
                     cast(REQUESTS.c.claim, Text).label("claim_text"),  # as text, parsed by orjson (json_codec)
                     REQUESTS.c.revision, REQUESTS.c.current_result_id)
              .where(REQUESTS.c.id.in_(bindparam("ids", expanding=True))).order_by(REQUESTS.c.id).with_for_update())
_RESULT_COLUMNS = ("request_id", "revision", "outcome", "facts", "note", "department", "answered_by", "answered_at",
                   "supersedes")


def _insert_results(session: Session, rows: list[dict[str, Any]], now: datetime) -> None:
    """Insert result rows (:data:`_RESULT_COLUMNS`) as one bulk write (:func:`common.db.insert_rows`: SQLite's
    ``executemany``, PostgreSQL's ``COPY``). The two typed columns are converted here as the Core insert converts
    them: ``facts`` as JSON text (:func:`common.json_codec.dumps_text`, orjson; ``None`` is JSON ``null``, as the
    column stored it), the shared ``answered_at`` (``now``) once by its column type's bind processor.
    SQLAlchemy's per-row parameter processing and ``json.dumps`` cost a batch of 1,000 a quarter of its CPU
    (issue 15)."""
    at = bind_processor(session, RESULTS.c.answered_at)(now)
    insert_rows(session, RESULTS, _RESULT_COLUMNS, [
        (r["request_id"], r["revision"], r["outcome"], dumps_text(r["facts"]), r["note"], r["department"],
         r["answered_by"], at, r["supersedes"]) for r in rows])
_ANSWERED = (update(REQUESTS).where(REQUESTS.c.id.in_(bindparam("ids", expanding=True)))
             .values(revision=REQUESTS.c.revision + 1, current_result_id=NEXT_RESULT, state="answered",
                     answered_at=bindparam("now"),
                     recheck_open=False,  # an open re-check (verification.rechecks) is answered by this result
                     recheck_result_id=sql_case((REQUESTS.c.recheck_open.is_(True), NEXT_RESULT),
                                                else_=REQUESTS.c.recheck_result_id))
             .returning(REQUESTS.c.id, REQUESTS.c.current_result_id))
"""The statements of :func:`answer_requests`, built once (the ids bound at execution; see :data:`_BUMP`)."""


def answer_requests(session: Session, who: Identity, items: list[tuple[int, ResultIn]]
                    ) -> list[dict[str, Any] | DomainError]:
    """Store one result per item for the caller's department (``POST /requests/{id}/results``, ``/results/batch``).

    Per item, in order: the stored Result as a dict holding :data:`verification.reads.RESULT_FIELDS` (and the
    row's other columns; a correction when the request was answered, naming the result it supersedes) or the :class:`DomainError` that refused it (404
    ``request_not_found`` for a missing or another department's request, 409 ``request_superseded`` /
    ``case_withdrawn`` (:mod:`verification.withdrawals`), 422
    ``invalid_facts`` / ``contradicts_claim``). Refused items write nothing. The requests are locked (``FOR
    UPDATE``) in id order, so concurrent answers to the same request queue up and each correction names the
    right predecessor. Statements: the locked read, one bulk insert of the results, one update of the
    requests returning the new results' ids (both once more per repeat of a request within the call), the
    counter, one update of the cases.
    """
    now = utcnow()
    today = now.date()
    requests = {row.id: row for row in session.execute(_ANSWERING, {"ids": sorted({rid for rid, _ in items})})}
    outcomes: list[dict[str, Any] | DomainError] = []
    rounds: list[list[dict[str, Any]]] = []  # round k: the (k+1)-th answer to each request named in this call
    latest: dict[int, dict[str, Any]] = {}  # request id → its last new result row
    for rid, body in items:
        req = requests.get(rid)
        try:
            if req is None or req.department != who.department:
                raise RequestNotFound(f"no request {rid} in your department's queue")
            if req.state == "superseded":
                raise RequestSuperseded(f"request {rid} belongs to an amended case and takes no more answers")
            if req.state == "withdrawn":
                raise CaseWithdrawn(f"request {rid}'s application was withdrawn by the family: it left the queue and "
                                    "takes no more answers")
            claim = json_codec.loads(req.claim_text)
            if body.outcome == "not_found" and body.facts is not None:
                check_answer(req.kind, claim, body.outcome, body.facts, today=today)
            facts = parse_facts(req.kind, body.facts) if body.facts is not None else None
            check_answer(req.kind, claim, body.outcome, facts, today=today)
        except DomainError as exc:
            outcomes.append(exc)
            continue
        before = latest.get(rid)
        row = {"request_id": rid, "revision": (before["revision"] if before else req.revision) + 1,
               "outcome": body.outcome, "facts": facts, "note": body.note, "department": req.department,
               "answered_by": who.subject, "answered_at": now,
               "supersedes": None if before else req.current_result_id}
        round_no = row["revision"] - req.revision - 1
        if round_no == len(rounds):
            rounds.append([])
        rounds[round_no].append(row)
        latest[rid] = row
        outcomes.append(row)
    if not latest:
        return outcomes
    result_of: dict[int, int] = {}  # request id → id of its result inserted last
    for batch in rounds:
        for row in batch:
            row["supersedes"] = result_of.get(row["request_id"], row["supersedes"])
        _insert_results(session, batch, now)
        result_of.update(session.execute(_ANSWERED, {"ids": [row["request_id"] for row in batch], "now": now}).all())
        for row in batch:
            row["id"] = result_of[row["request_id"]]
    _bump(session, (requests[rid].case_id for rid in latest), now)
    stored = sum(isinstance(o, dict) for o in outcomes)
    log.info("%s stored %d result(s), refused %d", who.department, stored, len(items) - stored)
    return outcomes
