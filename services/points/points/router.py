"""HTTP endpoints of the points service (docs/api.md, points): parse, call the service layer, commit once, return.

Roles: rulebooks are read by bureau, platform, auditor and services, written by the bureau; scores are computed by
the bureau or a service (enrollment), read by platform, bureau, services and auditors; what-if is for the platform
and the bureau.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from common import access, json_codec
from common.db import ReadSession, WriteSession
from common.direct import direct_route
from common.identity import Caller, Identity, require
from common.paging import Cursor, Limit
from common.idempotency import IdempotencyKey, commit_idempotent
from common.schemas import ApplicationNoParam, GradeParam, IntParam
from common.versioning import IfMatch, set_etag
from points import jobs, service
from points.clients import VerificationClient
from points.models import access_log, idempotency_keys
from points.schemas import (JobIn, JobRead, RulebookCreate, RulebookPage, RulebookRead, RulebookUpdate, ScorePage,
                            ScoreRead, WhatIfIn)

router = APIRouter()
router.include_router(access.router(access_log, prefix="POINTS_"))  # GET /access-log, POST /access-log/purge

RULEBOOK_READERS = ("bureau", "platform", "auditor", "service")
RulebookIdPath = Annotated[str, Path(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
ApplicationNo = Annotated[ApplicationNoParam, Path()]
JobId = Annotated[IntParam, Path(ge=1, le=2**31 - 1)]
SeasonQuery = Annotated[IntParam, Query(ge=2000, le=2100)]


def _verification(request: Request) -> VerificationClient:
    return request.app.state.verification


Verification = Annotated[VerificationClient, Depends(_verification)]


def _rulebook_answer(row: Any, response: Response) -> dict[str, Any]:
    set_etag(response, row.version)
    return service.rulebook_read(row)


SCORE_READERS = require("platform", "bureau", "service", "auditor")
_APPLICATION_NO = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,39}")  # ApplicationNo's pattern and length


async def _read_directly(request: Request) -> Response | None:
    """``GET /scores/{application_no}`` answered directly (issue 15, :func:`common.direct.direct_route`): FastAPI's
    dependency solving and its worker-thread hop cost the platform's most frequent request more than the read
    itself.

    The route is declared as usual (so OpenAPI documents it as before, from :func:`get_score`'s signature). A path
    that passes ``ApplicationNo``'s checks is answered by :func:`read_score` with the caller checked by the same
    ``require`` check ``Caller`` uses (401/403 problems raised as there), on the event loop: on SQLite the keyed
    read takes some 20 µs and a thread hop costs more; on PostgreSQL it goes to a worker thread as every sync
    endpoint does. Any other path, and any request with a query string (the read takes none), goes to FastAPI's
    own handler with the app's dependencies (``None``): its answers (422) stay as they were."""
    application_no = request.path_params.get("application_no", "")
    if request.scope["query_string"] or _APPLICATION_NO.fullmatch(application_no) is None:
        return None  # the app's own checks of a query, FastAPI's 422
    who = await SCORE_READERS(request)
    if request.app.state.db.backend == "sqlite":
        return read_score(request, application_no, who)
    return await run_in_threadpool(read_score, request, application_no, who)


def read_score(request: Request, application_no: str, who: Identity) -> Response:
    """The stored Score with its breakdown (``service.score_answer``: the kept JSON bytes of ``service.get_score``);
    the read taken by the access log's writer (``common.access.Recorder``, written within 50 ms)."""
    body, season = service.score_answer(request.app.state.db, application_no)
    request.app.state.access_recorder.add(who, application_no=application_no, season=season,
                                          endpoint="GET /scores/{application_no}")
    return Response(body, media_type="application/json")


def get_score(application_no: ApplicationNo, who: Annotated[Identity, Depends(SCORE_READERS)],
              request: Request) -> Response:
    """The stored Score with its breakdown; 404 ``not_scored``. (Declared first: routes are matched in order.)

    The platform's most frequent request (issue 15), answered by ``_read_directly`` without FastAPI's dependency
    solving: one keyed row (``Database.one_row``) and the bytes ``service.score_answer`` keeps for the stored
    score. The breakdown and its explanation are the family's personal data: the read is recorded in the access
    log (``GET /access-log``), written behind the answer in batches (``common.access.Recorder``)."""
    return read_score(request, application_no, who)


router.add_api_route("/scores/{application_no}", get_score, methods=["GET"], tags=["scores"], response_model=ScoreRead,
                     route_class_override=direct_route(_read_directly))


@router.get("/rulebooks", tags=["rulebooks"], response_model=RulebookPage)
def list_rulebooks(who: Caller(*RULEBOOK_READERS), session: ReadSession, season: SeasonQuery | None = None,
                   state: Literal["draft", "published"] | None = None, limit: Limit = 100,
                   cursor: Cursor = None) -> dict[str, Any]:
    """The rulebooks (积分细则), by season then creation → ``{items: [Rulebook], next_cursor}``; filter with
    ``?season=`` and ``?state=``. 422 ``invalid_cursor`` for a cursor this list did not give."""
    rows, nxt = service.list_rulebooks(session, season=season, state=state, limit=limit, cursor=cursor)
    return {"items": [service.rulebook_read(row) for row in rows], "next_cursor": nxt}


@router.get("/rulebooks/{rulebook_id}", tags=["rulebooks"], response_model=RulebookRead)
def get_rulebook(rulebook_id: RulebookIdPath, who: Caller(*RULEBOOK_READERS), session: ReadSession,
                 response: Response) -> dict[str, Any]:
    """One rulebook with ``ETag: "v<version>"``; 404 ``rulebook_not_found``."""
    return _rulebook_answer(service.get_rulebook(session, rulebook_id), response)


@router.get("/rulebooks/{rulebook_id}/history", tags=["rulebooks"])
def rulebook_history(rulebook_id: RulebookIdPath, who: Caller("bureau", "auditor"), session: ReadSession,
                     limit: Limit = 100, cursor: Cursor = None) -> dict[str, Any]:
    """Who created, changed and published a rulebook, oldest first: ``{items: [{id, resource: "rulebook", key,
    action: create | update | publish, actor (role:subject), at (Asia/Shanghai), at_utc, before, after (rules,
    season, state, version)}], next_cursor}``; 404 ``rulebook_not_found``."""
    return service.rulebook_history(session, rulebook_id, limit=limit, cursor=cursor)


@router.post("/rulebooks", tags=["rulebooks"], status_code=201, response_model=RulebookRead)
def create_rulebook(body: RulebookCreate, request: Request, who: Caller("bureau"), session: WriteSession,
                    key: IdempotencyKey = None) -> Response:
    """A new draft (BRIEF §5 as data) → 201. 409 ``rulebook_exists``; 422 naming the field for an unknown item kind,
    a negative cap, a unit that does not fit the kind, a condition naming an unknown rule or item."""
    def effect() -> dict[str, Any]:
        return RulebookRead.model_validate(service.rulebook_read(service.create_rulebook(session, body, who))
                                           ).model_dump(mode="json")

    return commit_idempotent(session, idempotency_keys, request, who, key, body, effect, status_code=201)


@router.put("/rulebooks/{rulebook_id}", tags=["rulebooks"], response_model=RulebookRead)
def update_rulebook(rulebook_id: RulebookIdPath, body: RulebookUpdate, if_match: IfMatch, who: Caller("bureau"),
                    session: WriteSession, response: Response) -> dict[str, Any]:
    """Replace a draft; send ``If-Match: "v<version>"`` (stale → 412 ``precondition_failed``). A published rulebook
    never changes: 409 ``rulebook_published`` (before If-Match is looked at). The row is locked before If-Match is
    checked: of writers racing with one ETag exactly one wins and the others get 412."""
    row = service.draft_to_change(session, rulebook_id)
    if_match.check(row.version)
    row = service.update_rulebook(session, row, body, who)
    answer = _rulebook_answer(row, response)
    session.commit()
    return answer


@router.post("/rulebooks/{rulebook_id}/publish", tags=["rulebooks"], response_model=RulebookRead)
def publish_rulebook(rulebook_id: RulebookIdPath, if_match: IfMatch, who: Caller("bureau"), session: WriteSession,
                     response: Response) -> dict[str, Any]:
    """Draft → published, immutable from then on; the season's latest published rulebook is the one scoring uses.
    Publishing again answers the rulebook unchanged, whatever If-Match says; a draft's If-Match is checked on the
    locked row (stale → 412)."""
    row = service.get_rulebook(session, rulebook_id, for_update=True)
    if row.state == "draft":
        if_match.check(row.version)
    row = service.publish_rulebook(session, row, who)
    answer = _rulebook_answer(row, response)
    session.commit()
    return answer


@router.post("/scores/{application_no}", tags=["scores"], response_model=ScoreRead)
def score_now(application_no: ApplicationNo, request: Request, who: Caller("bureau", "service"), session: WriteSession,
              verification: Verification, key: IdempotencyKey = None) -> Response:
    """Fetch the case's facts from verification, score them with the season's published rulebook, store the score
    (replacing the previous one) → Score. 404 ``case_not_found``; 409 ``no_published_rulebook``; 503 when
    verification is down. The answer is the family's breakdown: recorded in the access log in the same
    transaction (an idempotent replay answers the stored body and records nothing more)."""
    case = verification.case_facts(application_no)

    def effect() -> dict[str, Any]:
        answer = service.score_case(session, case)
        access.record(session, access_log, who, application_no=application_no, season=case["season"],
                      endpoint="POST /scores/{application_no}")
        return answer

    return commit_idempotent(session, idempotency_keys, request, who, key, {"application_no": application_no},
                             effect)


@router.get("/scores", tags=["scores"], response_model=ScorePage)
def list_scores(who: Caller("bureau", "service"), session: ReadSession, season: SeasonQuery,
                grade: Annotated[GradeParam | None, Query(description="grade 1 or 7")] = None, limit: Limit = 100,
                cursor: Cursor = None) -> JSONResponse:
    """A page of ScoreSummary (no breakdown) ordered by application_no — what enrollment's placement snapshot reads,
    1,000 a page."""
    return JSONResponse(service.list_scores(session, season=season, grade=grade, limit=limit, cursor=cursor))


@router.get("/score-changes", tags=["scores"])
def score_changes(who: Caller("bureau", "service"), session: ReadSession,
                  after: Annotated[IntParam, Query(ge=0, le=2**62)] = 0, limit: Limit = 100, cursor: Cursor = None
                  ) -> JSONResponse:
    """The scores stored or replaced after change-feed position ``after`` (0: from the start), in order → ``{items:
    [{seq, application_no, season, grade, rulebook_id, eligible, family_score, scored_at}], next_cursor, last_seq}``;
    resume with ``after=last_seq`` (or ``cursor=next_cursor``, :mod:`common.paging`). Seqs are taken in commit
    order, so nothing committed is skipped. What enrollment follows to put ``scored`` in the platform's feed
    (issue 13)."""
    return Response(json_codec.dumps(service.score_changes(session, after=after, limit=limit, cursor=cursor)),
                    media_type="application/json")  # the bytes JSONResponse renders, by orjson


@router.post("/scoring-jobs", tags=["scoring jobs"], status_code=202, response_model=JobRead)
def start_job(body: JobIn, request: Request, who: Caller("bureau", "service"), session: WriteSession,
              key: IdempotencyKey = None) -> Response:
    """``{season, grade}`` → 202 Job, scored in the background (see ``points.jobs``); only cases changed since the
    last finished job are fetched, and only those whose facts changed are rescored. A job already running for the
    season and grade is answered instead of starting a second."""
    created: list[int] = []

    def effect() -> dict[str, Any]:
        job, new = jobs.create_job(session, season=body.season, grade=body.grade, rulebook_id=body.rulebook_id,
                                   full=body.full, who=who)
        if new:
            created.append(job.id)
        return JobRead.model_validate(jobs.job_read(job)).model_dump(mode="json")

    answer = commit_idempotent(session, idempotency_keys, request, who, key, body, effect, status_code=202)
    for job_id in created:
        request.app.state.jobs.start(job_id)
    return answer


@router.get("/scoring-jobs/{job_id}", tags=["scoring jobs"], response_model=JobRead)
def get_job(job_id: JobId, who: Caller("bureau", "service"), session: ReadSession) -> dict[str, Any]:
    """Job progress: ``{state: running | done | failed, total, done, rescored, unchanged, error}``."""
    return jobs.job_read(jobs.get_job(session, job_id))


@router.post("/what-if", tags=["scores"], response_model=ScoreRead)
def what_if(body: WhatIfIn, who: Caller("platform", "bureau"), session: ReadSession) -> JSONResponse:
    """Score hypothetical facts (taken as confirmed) against a rulebook, draft or published; nothing is stored."""
    return JSONResponse(service.what_if(session, body))
