"""Reads of the verification service: department queues, requests with their history, CaseFacts for points and
progress per department (BRIEF §4 steps 4–5). Each takes a session; a page costs the same few queries whatever its size."""

from __future__ import annotations

import json
from collections import defaultdict
from operator import itemgetter
from typing import Any

from pydantic_core import from_json

from sqlalchemy import Text, bindparam, cast, func, or_, select, union
from sqlalchemy.orm import Session

from common import paging
from common.identity import DEPARTMENTS, Identity
from common.schemas import utc_text
from verification.errors import CaseNotFound, RequestNotFound
from verification.models import Case, Result, VerificationRequest
from verification.rules import KINDS, canonical_digest, mask_id_number, mask_name

RESULT_FIELDS = ("id", "request_id", "outcome", "facts", "note", "department", "answered_at", "supersedes")
"""The fields of a Result as the API gives it (``ResultOut``)."""


_REQUESTS, _RESULTS, _CASES = VerificationRequest.__table__.c, Result.__table__.c, Case.__table__.c
_SHOWN = ("id", "kind", "department", "season", "grade", "application_no", "guardian_no", "subject_name",
          "subject_id_number", "claim", "state", "created_at", "answered_at")
"""A request's columns as :func:`request_view` shows them to the owning department, in its order."""
_REQUEST_COLUMNS = tuple(_REQUESTS[name] for name in (
    *_SHOWN, "recheck_open", "recheck_ref", "recheck_ground", "recheck_requested_at"))
"""What :func:`request_view` shows of a request (table columns: an ORM entity's attributes would load the rows
through the ORM's machinery)."""


def queue(session: Session, department: str, *, season: int | None, limit: int, cursor: str | None,
          kind: str | None = None) -> tuple[list[Any], str | None]:
    """A department's own ``pending`` requests and open re-checks (:mod:`verification.rechecks`), oldest first (by
    id), ``limit`` per page after ``cursor`` (:mod:`common.paging`, listing ``queue``); of one fact ``kind`` when
    given (the cursor stays the last id seen, so the filter holds across pages). Core rows of
    :data:`_REQUEST_COLUMNS` (no ORM objects: a page of 1,000 is what a department pulls; issue 15)."""
    after = paging.after_id("queue", cursor)

    def first_ids(waiting: Any) -> Any:  # the first limit + 1 ids of one kind of waiting, walking its index
        q = select(_REQUESTS.id).where(_REQUESTS.department == department, waiting, _REQUESTS.id > after)
        if season is not None:
            q = q.where(_REQUESTS.season == season)
        if kind is not None:
            q = q.where(_REQUESTS.kind == kind)
        return select(q.order_by(_REQUESTS.id).limit(limit + 1).subquery().c.id)

    # pending ones (ix_requests_queue) and open re-checks (ix_requests_recheck_queue) each read in id order up to
    # the page, then merged: one WHERE with their OR read every waiting request of the department and sorted them
    # all for each page (SQLite's MULTI-INDEX OR; a backlog of 30,000 read for 1,000)
    ids = union(first_ids(_REQUESTS.state == "pending"), first_ids(_REQUESTS.recheck_open.is_(True))).subquery()
    q = select(*_REQUEST_COLUMNS).where(_REQUESTS.id.in_(select(ids.c.id))).order_by(_REQUESTS.id).limit(limit + 1)
    return paging.cut(session.execute(q).all(), limit, "queue", key=lambda r: r.id)


def queue_view(row: Any) -> dict[str, Any]:
    """A row of :func:`queue` as its department sees it: :func:`request_view` for the owner (the queue holds only
    the caller's department's requests), built from the row as a tuple (a page of 1,000: issue 15)."""
    view = dict(zip(_SHOWN, row))
    view["recheck"] = None if not row.recheck_open else {
        "appeal_ref": row.recheck_ref, "ground": row.recheck_ground, "requested_at": row.recheck_requested_at}
    return view


def get_request(session: Session, who: Identity, request_id: int) -> tuple[VerificationRequest, list[Result]]:
    """A request with its results, oldest first; another department's request is 404 (not 403)."""
    req = session.get(VerificationRequest, request_id)
    if req is None or (who.role == "department" and req.department != who.department):
        raise RequestNotFound(f"no request {request_id}")
    history = list(session.scalars(select(Result).where(Result.request_id == req.id).order_by(Result.id)))
    return req, history


def request_view(req: Any, who: Identity) -> dict[str, Any]:
    """Request (a :class:`VerificationRequest` or a row of :data:`_REQUEST_COLUMNS`) as JSON-ready dict; ID number
    and name whole only for the owning department."""
    owner = who.role == "department" and who.department == req.department
    return {"id": req.id, "kind": req.kind, "department": req.department, "season": req.season,
            "grade": req.grade, "application_no": req.application_no, "guardian_no": req.guardian_no,
            "subject_name": req.subject_name if owner else mask_name(req.subject_name),
            "subject_id_number": req.subject_id_number if owner else mask_id_number(req.subject_id_number),
            "claim": req.claim, "state": req.state, "created_at": req.created_at, "answered_at": req.answered_at,
            "recheck": None if not req.recheck_open else {
                "appeal_ref": req.recheck_ref, "ground": req.recheck_ground, "requested_at": req.recheck_requested_at}}


def result_view(res: Result) -> dict[str, Any]:
    """Result as a JSON-ready dict (the ``ResultOut`` fields)."""
    return {name: getattr(res, name) for name in RESULT_FIELDS}


_CASE_COLUMNS = (_CASES.id, _CASES.application_no, _CASES.season, _CASES.grade, _CASES.child_birth_date, _CASES.seq)
_LIVE_WITH_RESULTS = (
    select(_REQUESTS.case_id, _REQUESTS.guardian_no, _REQUESTS.kind, _REQUESTS.state, _RESULTS.id.label("result_id"),
           *(cast(_RESULTS.facts, Text).label("facts") if name == "facts" else _RESULTS[name]
             for name in RESULT_FIELDS if name != "id"))
    .select_from(VerificationRequest.__table__.outerjoin(Result.__table__,
                                                         _RESULTS.id == _REQUESTS.current_result_id))
    .where(_REQUESTS.case_id.in_(bindparam("case_ids", expanding=True)), _REQUESTS.state != "superseded"))
"""The facts come as their JSON text (:func:`facts_of_record` parses them): SQLAlchemy's ``json.loads`` of 5,000
results was a third of a page's cost (issue 15)."""
_OPEN = (select(_REQUESTS.id)
         .where(_REQUESTS.case_id == _CASES.id, _REQUESTS.state != "superseded",
                or_(_REQUESTS.state == "pending", _REQUESTS.current_result_id.is_(None))))
"""In a read of cases: the case's live requests still waiting for their first answer (what CaseFacts lists as
``pending``)."""


def _facts_of(session: Session, cases: list[Any]) -> list[dict[str, Any]]:
    """CaseFacts for ``cases`` (rows of :data:`_CASE_COLUMNS`) with one more query: their live requests joined to
    their current results. Core rows, no ORM objects: a page of 1,000 cases and some 5,000 results is this
    read's whole cost (issue 15). Each guardian's canonical facts (:func:`verification.rules.facts_digest`'s
    input) are gathered in the same walk over the rows."""
    by_case: dict[int, dict[int, dict[str, Any]]] = defaultdict(dict)
    canonical: dict[tuple[int, int], dict[str, Any]] = {}  # (case id, guardian_no) → {kind: {outcome, facts, department}}
    if cases:
        for (case_id, guardian_no, kind, state, result_id, request_id, outcome, facts, note, department, answered_at,
             supersedes) in session.execute(_LIVE_WITH_RESULTS, {"case_ids": [c.id for c in cases]}):
            g = by_case[case_id].get(guardian_no)
            if g is None:
                g = by_case[case_id][guardian_no] = {"guardian_no": guardian_no, "results": dict.fromkeys(KINDS),
                                                     "pending": []}
                canonical[case_id, guardian_no] = dict.fromkeys(KINDS)
            facts = facts_of_record(facts)
            if state == "pending" or result_id is None:
                g["pending"].append(kind)
            else:
                g["results"][kind] = {"id": result_id, "request_id": request_id, "outcome": outcome, "facts": facts,
                                      "note": note, "department": department, "answered_at": answered_at,
                                      "supersedes": supersedes}
                canonical[case_id, guardian_no][kind] = {"outcome": outcome, "facts": facts, "department": department}
    out = []
    for case in cases:
        guardians = sorted(by_case[case.id].values(), key=_GUARDIAN_NO)
        for g in guardians:
            if len(g["pending"]) > 1:
                g["pending"].sort(key=KINDS.index)
        out.append({"application_no": case.application_no, "season": case.season, "grade": case.grade,
                    "child_birth_date": case.child_birth_date, "seq": case.seq,
                    "digest": canonical_digest(case.season, case.grade, case.child_birth_date, [
                        (g["guardian_no"], canonical[case.id, g["guardian_no"]], g["pending"]) for g in guardians]),
                    "guardians": guardians})
    return out


_GUARDIAN_NO = itemgetter("guardian_no")


def facts_of_record(text: str | None) -> Any:
    """A result's stored facts (JSON text, or ``None``) as :class:`sqlalchemy.JSON` reads them, parsed by pydantic's
    parser (``from_json``, several times ``json.loads``' speed); ``json.loads`` takes what it refuses (a lone
    surrogate escaped in a string). Not orjson (:mod:`common.json_codec`): it reads an integer beyond 64 bits as a
    float."""
    if text is None:
        return None
    try:
        return from_json(text)
    except ValueError:
        return json.loads(text)


def case_facts(session: Session, application_no: str) -> dict[str, Any]:
    """CaseFacts of one application (404 ``case_not_found``)."""
    case = session.execute(select(*_CASE_COLUMNS).where(_CASES.application_no == application_no)).first()
    if case is None:
        raise CaseNotFound(f"no case {application_no!r} registered")
    return _facts_of(session, [case])[0]


def facts_page(session: Session, *, season: int | None, grade: int | None, changed_after: int | None, limit: int,
               cursor: str | None, answered: bool = False) -> tuple[list[dict[str, Any]], str | None]:
    """A page of CaseFacts ordered by ``seq`` (two queries), only cases with ``seq > changed_after``, after
    ``cursor`` (:mod:`common.paging`, listing ``facts``: the last seq given). ``answered``: only cases none of whose
    live requests is pending (enrollment's feed of ``verified``: a case still pending gets a new seq with the
    answer that completes it, so a follower of ``changed_after`` misses none)."""
    after = max(paging.after_id("facts", cursor), changed_after or 0)
    q = select(*_CASE_COLUMNS).where(_CASES.seq > after)
    if season is not None:
        q = q.where(_CASES.season == season)
    if grade is not None:
        q = q.where(_CASES.grade == grade)
    if answered:
        q = q.where(~_OPEN.exists())
    cases, nxt = paging.cut(session.execute(q.order_by(_CASES.seq).limit(limit + 1)).all(), limit, "facts",
                            key=lambda c: c.seq)
    return _facts_of(session, cases), nxt


def progress(session: Session, season: int) -> dict[str, Any]:
    """``{season, departments: [{department, pending, answered, oldest_pending_id, oldest_pending_at}]}``, every
    department listed (zeros and nulls when it has none); superseded requests are left out. Two queries whatever
    the number of departments: the counts grouped from the covering index ``ix_requests_season_progress``, then
    the creation times of the oldest pending ones by primary key."""
    r = VerificationRequest
    rows = session.execute(
        select(r.department, r.state, func.count(), func.min(r.id))
        .where(r.season == season, r.state.in_(("pending", "answered")))
        .group_by(r.department, r.state)).all()
    oldest = [first_id for _, state, _, first_id in rows if state == "pending"]
    created = dict(session.execute(select(r.id, r.created_at).where(r.id.in_(oldest))).all()) if oldest else {}
    out = {d: {"department": d, "pending": 0, "answered": 0, "oldest_pending_id": None, "oldest_pending_at": None}
           for d in DEPARTMENTS}
    for department, state, count, first_id in rows:
        entry = out.setdefault(department, {"department": department, "pending": 0, "answered": 0,
                                            "oldest_pending_id": None, "oldest_pending_at": None})
        entry[state] = count
        if state == "pending":
            entry["oldest_pending_id"] = first_id
            at = created.get(first_id)
            entry["oldest_pending_at"] = utc_text(at) if at else None
    return {"season": season, "departments": list(out.values())}
