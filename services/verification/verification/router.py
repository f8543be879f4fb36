"""HTTP endpoints of the verification service: parse, call the service layer, commit once, return a schema.

Roles (docs/api.md, verification): enrollment (``service:enrollment``) and the bureau register cases; each
department lists and answers only its own requests (another department's are 404, never 403); points and the
bureau read CaseFacts. Every department POST needs an ``Idempotency-Key``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError
from pydantic_core import to_json
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from common import access
from common.db import ReadSession, WriteSession, utcnow
from common.errors import DomainError, errors_of, pydantic_errors
from common.idempotency import IdempotencyKey, commit_idempotent
from common.identity import Caller
from common.paging import Cursor, Limit
from common.schemas import ApplicationNoParam, GradeParam, IntParam
from verification import rechecks, reads, service, withdrawals
from verification.errors import DuplicateItem, Invalid
from verification.models import access_log, idempotency_keys
from verification.rules import KINDS
from verification.schemas import (MAX_ID, CaseBatchIn, CaseBatchOut, CaseFacts, CaseFactsPage, CaseIn, CaseOut,
                                  CaseWithdrawalOut,
                                  RecheckIn, RecheckOut, RequestDetail, RequestPage, ResultBatchIn, ResultBatchOut, ResultIn, ResultItemIn,
                                  ResultOut)

router = APIRouter(tags=["verification"])
router.include_router(access.router(access_log, prefix="VERIFICATION_"))  # GET /access-log, POST /access-log/purge

Registrar = Caller("service:enrollment", "bureau")
Department = Caller("department")
FactsReader = Caller("service:points", "bureau")
FeedReader = Caller("service:points", "service:enrollment", "bureau")  # enrollment follows it for verified events
Season = Annotated[IntParam | None, Query(ge=2000, le=2100)]
RequestId = Annotated[IntParam, Path(ge=1, le=MAX_ID)]
Kind = Annotated[Literal[KINDS] | None, Query(description="fact kind (核验事项): residence_permit, social_insurance, "
                                                          "housing or business_license")]


RETRYABLE = {"40001", "40P01"}  # serialization_failure, deadlock_detected


def _json(body: dict[str, Any]) -> Response:
    """A big read's page (plain values, dates, aware datetimes) as the JSON FastAPI gives for its response model,
    encoded once by pydantic's own serializer (``pydantic_core.to_json``: the same bytes as the model's dump, a UTC
    datetime as ``…Z``): FastAPI's validation of a page of 1,000 cases against the model, then pydantic's dump,
    cost the page more than its reads, and ``json.dumps`` five times ``to_json`` (issue 15)."""
    return Response(to_json(body), media_type="application/json")


def _once_more_on_race(session: Session, run: Callable[[], JSONResponse]) -> JSONResponse:
    """A safety net behind the advisory locks of ``service.register_cases`` (which serialise registrations of one
    ``application_no``): a unique violation, deadlock or serialization failure — PostgreSQL's signs of a race, for
    instance with a writer that does not take the locks — rolls back and runs the call once more, when the case
    exists and the call is an ordinary replay or amendment."""
    try:
        return run()
    except (IntegrityError, OperationalError) as exc:
        if isinstance(exc, OperationalError) and getattr(exc.orig, "sqlstate", None) not in RETRYABLE:
            raise
        session.rollback()
        return run()


@router.post("/cases", status_code=201, response_model=CaseOut)
def register_case(body: CaseIn, request: Request, who: Registrar, session: WriteSession,
                  key: IdempotencyKey = None) -> JSONResponse:
    """Register one application and create its requests (BRIEF §4 step 3) → 201 ``{application_no, requests}``.

    Idempotent by ``application_no``: the same body again creates nothing and answers the same requests; a changed
    body amends the case (changed requests superseded, new ones pending). 422 for an ID number failing GB 11643.
    """

    def effect() -> CaseOut:
        reg = service.register_cases(session, [body])[0]
        reqs = service.live_requests(session, reg.case_id)
        return CaseOut(application_no=reg.application_no,
                       requests=[{"id": r.id, "kind": r.kind, "department": r.department,
                                  "guardian_no": r.guardian_no, "state": r.state} for r in reqs])

    return _once_more_on_race(session, lambda: commit_idempotent(
        session, idempotency_keys, request, who, key, body, effect, status_code=201))


@router.post("/cases/batch", response_model=CaseBatchOut)
def register_cases(body: CaseBatchIn, request: Request, who: Registrar, session: WriteSession,
                   key: IdempotencyKey = None) -> JSONResponse:
    """Register up to 1,000 applications at once → ``{created, existing, amended, application_nos}`` (distinct
    numbers in first-seen order). Each case idempotent by ``application_no``; one invalid case refuses the call
    (422 naming ``items.<i>.<field>``)."""

    # pure work, before the write transaction takes the lock; the body's canonical JSON for its key's fingerprint
    prepared, canonical = service.prepare_batch(body.items)

    def effect() -> CaseBatchOut:
        regs = service.register_cases(session, prepared)
        count = {s: sum(r.status == s for r in regs) for s in ("created", "existing", "amended")}
        return CaseBatchOut(created=count["created"], existing=count["existing"] + count["amended"],
                            amended=count["amended"], application_nos=[r.application_no for r in regs])

    return _once_more_on_race(session, lambda: commit_idempotent(
        session, idempotency_keys, request, who, key, canonical, effect))


@router.post("/cases/{application_no}/withdrawal", response_model=CaseWithdrawalOut)
def withdraw_case(application_no: Annotated[ApplicationNoParam, Path()], request: Request, who: Registrar,
                  session: WriteSession, key: IdempotencyKey = None) -> JSONResponse:
    """The family withdrew the application (enrollment's hand-over through its outbox, issue 17) → ``{application_no,
    withdrawn_at, requests}``: every live request of the case becomes ``withdrawn``, leaves its department's queue
    (an open re-check is closed too), keeps its results, and takes no more answers (409 ``case_withdrawn``).
    Idempotent: again, the same ``withdrawn_at``. 404 ``case_not_found``."""
    return commit_idempotent(session, idempotency_keys, request, who, key, {"application_no": application_no},
                             lambda: withdrawals.withdraw_case(session, application_no, now=utcnow()))


@router.get("/queue", response_model=RequestPage)
def list_queue(who: Department, session: WriteSession, season: Season = None, kind: Kind = None,
               limit: Limit = 100, cursor: Cursor = None) -> Response:
    """The caller's department's own ``pending`` requests, oldest first, with ID numbers whole (they need them to
    look the subject up); ``kind`` keeps one fact kind across every page (a kind another department answers gives
    an empty page). Page: ``{items: [Request], next_cursor}``; 422 ``validation_error`` for an unknown kind.
    Names and ID numbers shown whole: each application on the page is recorded in the access log (one row per
    application, endpoint ``GET /queue``, one INSERT in this transaction)."""
    # the page built in RequestPage's shape and encoded once (_json), not validated again by FastAPI
    rows, nxt = reads.queue(session, who.department, season=season, kind=kind, limit=limit, cursor=cursor)
    access.record_many(session, access_log, who, [(r.application_no, r.season) for r in rows], endpoint="GET /queue")
    session.commit()
    return _json({"items": [reads.queue_view(r) for r in rows], "next_cursor": nxt})


@router.get("/requests/{request_id}", response_model=RequestDetail)
def read_request(request_id: RequestId, who: Caller("department", "bureau", "service"),
                 session: WriteSession) -> dict[str, Any]:
    """Request + ``history`` (every result, oldest first; a correction names the result it ``supersedes``).
    A department sees only its own (else 404) with the ID number whole; bureau and services see it masked. The
    read is recorded in the access log (one INSERT in this transaction; a 404 records nothing)."""
    req, history = reads.get_request(session, who, request_id)
    access.record(session, access_log, who, application_no=req.application_no, season=req.season,
                  endpoint="GET /requests/{request_id}")
    session.commit()
    return {**reads.request_view(req, who), "history": [reads.result_view(r) for r in history]}


@router.post("/requests/{request_id}/results", status_code=201, response_model=ResultOut)
def post_result(request_id: RequestId, body: ResultIn, request: Request, who: Department, session: WriteSession,
                key: IdempotencyKey = None) -> JSONResponse:
    """Answer one of the department's requests (BRIEF §4 step 4) → 201 Result. On an answered request the new
    result is a correction that supersedes the current one (both kept). ``Idempotency-Key`` required (400
    ``idempotency_key_required``); 404 ``request_not_found`` for another department's request; 422
    ``invalid_facts`` / ``contradicts_claim``; 409 ``request_superseded``, ``case_withdrawn`` (the family withdrew
    the application: the request left the queue)."""

    def effect() -> dict[str, Any]:
        outcome = service.answer_requests(session, who, [(request_id, body)])[0]
        if isinstance(outcome, DomainError):
            raise outcome
        return {name: outcome[name] for name in reads.RESULT_FIELDS}

    return commit_idempotent(session, idempotency_keys, request, who, key, body, effect, status_code=201,
                             required=True)


def _echoable_id(value: Any) -> int | None:
    """What a rejected batch item's answer echoes as its ``request_id``: the value when it is a plain JSON integer
    (booleans excluded), else ``None``. Never the raw text: a string holding a lone surrogate or NUL could neither
    be stored as the idempotent answer nor written as JSON (it was a 500)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _batch_item(request_id: int | None, *, result_id: int | None = None, code: str | None = None,
                detail: str | None = None, errors: list[dict[str, str]] | None = None) -> dict[str, Any]:
    """One item of a results batch's answer, every ``BatchItemOut`` field in its order (``stored`` with a
    ``result_id``, else ``rejected``): the JSON its model gives, without building 1,000 models and dumping them."""
    return {"request_id": request_id, "status": "rejected" if result_id is None else "stored", "result_id": result_id,
            "code": code, "detail": detail, "errors": errors}


@router.post("/results/batch", response_model=ResultBatchOut)
def post_results(body: ResultBatchIn, request: Request, who: Department, session: WriteSession,
                 key: IdempotencyKey = None) -> JSONResponse:
    """Answer up to 1,000 requests in one call → ``{stored, rejected, items: [{request_id, status, result_id?,
    code?, detail?}]}`` in input order. Good items are stored, bad ones reported with the code the single endpoint
    would give; a rejected item writes nothing. A request named twice in one batch: the second is
    ``duplicate_item``. ``Idempotency-Key`` required."""

    # items checked before the write transaction takes the lock
    report: list[dict[str, Any] | None] = [None] * len(body.items)
    valid: list[tuple[int, tuple[int, ResultIn]]] = []
    seen: set[int] = set()
    for i, raw in enumerate(body.items):
        try:
            item = ResultItemIn.model_validate(raw)
        except ValidationError as exc:
            errors = pydantic_errors(exc.errors(), raw)  # each with its rule code, as a single POST answers
            field, message = errors[0]["field"], errors[0]["message"]
            report[i] = _batch_item(_echoable_id(raw.get("request_id")), code="validation_error",
                                    detail=f"{field}: {message}" if field else message, errors=errors)
            continue
        if item.request_id in seen:
            dup = DuplicateItem(f"request {item.request_id} appears earlier in this batch")
            report[i] = _batch_item(item.request_id, code=dup.code, detail=dup.detail)
            continue
        seen.add(item.request_id)
        valid.append((i, (item.request_id, item)))

    def effect() -> dict[str, Any]:  # ResultBatchOut as plain data (commit_idempotent checks it against the model)
        outcomes = service.answer_requests(session, who, [pair for _, pair in valid])
        for (i, (rid, _)), outcome in zip(valid, outcomes):
            if isinstance(outcome, DomainError):
                report[i] = _batch_item(rid, code=outcome.code, detail=outcome.detail, errors=errors_of(outcome))
            else:
                report[i] = _batch_item(rid, result_id=outcome["id"])
        stored = sum(r["status"] == "stored" for r in report if r)
        return {"stored": stored, "rejected": len(report) - stored, "items": report}

    return commit_idempotent(session, idempotency_keys, request, who, key, body, effect, required=True)


@router.get("/facts/{application_no}", response_model=CaseFacts)
def read_case_facts(application_no: Annotated[ApplicationNoParam, Path()], who: FactsReader,
                    session: WriteSession) -> dict[str, Any]:
    """CaseFacts of one application: current results per guardian and kind, pending kinds, ``seq``, ``digest``.
    No names or ID numbers, but the family's facts (birth date, residence, insurance): the read is recorded in the
    access log (one INSERT in this transaction). 404 ``case_not_found`` (nothing recorded)."""
    facts = reads.case_facts(session, application_no)
    access.record(session, access_log, who, application_no=application_no, season=facts["season"],
                  endpoint="GET /facts/{application_no}")
    session.commit()
    return facts


@router.get("/facts", response_model=CaseFactsPage)
def list_case_facts(who: FeedReader, session: ReadSession, season: Season = None,
                    grade: Annotated[GradeParam | None, Query(description="1 or 7")] = None,
                    changed_after: Annotated[IntParam | None, Query(ge=0, le=MAX_ID)] = None,
                    answered: Annotated[bool, Query(description="only cases with no request pending")] = False,
                    limit: Limit = 100, cursor: Cursor = None) -> Response:
    """Page of CaseFacts ordered by ``seq``; ``changed_after=<seq>`` gives only cases whose results changed since
    (so points re-scores only those); ``answered=true`` only cases with no request pending (enrollment's feed of
    ``verified`` follows ``changed_after`` with it: the answer that completes a case gives it a new seq, so no
    case is missed, and the cases still waiting are not read again and again). Two queries per page whatever its
    size."""
    # the page is built as CaseFactsPage and encoded once (_json), not validated again by FastAPI: the model's
    # validation and dump of 1,000 cases cost more than reading them (issue 15)
    if grade not in (None, 1, 7):
        raise Invalid("grade is 1 or 7", code="grade_unknown", field="grade")
    items, nxt = reads.facts_page(session, season=season, grade=grade, changed_after=changed_after, limit=limit,
                                  cursor=cursor, answered=answered)
    return _json({"items": items, "next_cursor": nxt})


@router.post("/rechecks", response_model=RecheckOut)
def request_recheck(body: RecheckIn, request: Request, who: Registrar, session: WriteSession,
                    key: IdempotencyKey = None) -> JSONResponse:
    """Check one fact of one guardian again for an upheld appeal (复核, issue 13) → ``{ref, request_id,
    application_no, guardian_no, kind, department, ground, open, requested_at, result}``. The guardian's live
    request of that kind goes back to its department's queue marked ``recheck: {appeal_ref, ground,
    requested_at}``; its current result still counts until the department posts the next one, which closes the
    re-check (``result``). Idempotent by ``ref``. 404 ``case_not_found`` / ``request_not_found``; 409
    ``recheck_conflict`` when ``ref`` already names another request, ``case_withdrawn`` for a withdrawn
    application."""
    return commit_idempotent(session, idempotency_keys, request, who, key, body,
                             lambda: rechecks.request_recheck(session, application_no=body.application_no,
                                                              guardian_no=body.guardian_no, kind=body.kind,
                                                              ref=body.ref, ground=body.ground))


@router.get("/rechecks/{ref}", response_model=RecheckOut)
def read_recheck(ref: Annotated[str, Path(max_length=60)], who: Registrar, session: ReadSession) -> dict[str, Any]:
    """A re-check as it stands: ``open`` until the department answers, then its ``result``. 404
    ``request_not_found``."""
    return rechecks.get_recheck(session, ref)
