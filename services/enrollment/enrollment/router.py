"""HTTP endpoints for schools, seats, plans, applications and the outbox: parse, call the service layer, commit
once, return a schema. Runs, appeals and placements are in :mod:`enrollment.router_runs`,
reports in :mod:`enrollment.router_reports`."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from common.db import ReadSession, WriteSession, utcnow
from common.direct import direct_route, idempotency_key, json_payload, validated
from common.identity import Caller, Identity, require
from common.idempotency import IdempotencyKey, commit_idempotent
from common.schemas import ApplicationNoParam, IntParam
from common.versioning import IfMatch, set_etag
from enrollment import age_exceptions, applications, outbox, schools, search
from enrollment.config import Settings
from enrollment.deps import Cursor, DispatcherDep, GradeQ, Limit, SeasonQ, SettingsDep, Today
from enrollment.models import idempotency_keys
from enrollment.schemas import (SCHOOL_CODE, AgeExceptionIn, AgeExceptionOut, ApplicationBatchIn, ApplicationIn, ApplicationOut,
                                BatchOut, IntakeOut, Level, OutboxStatus, Page, PlanIn, SchoolCreate, SchoolOut,
                                SchoolUpdate, SeatsIn)

router = APIRouter()
Bureau = Caller("bureau")
Reader = Caller("bureau", "platform")
Platform = Caller("platform")
Code = Annotated[str, Path(max_length=32)]
SeasonPath = Annotated[IntParam, Path(ge=2000, le=2100)]
GradePath = Annotated[IntParam, Path(ge=1, le=9)]


# ---- schools (BRIEF §6, §7; plan 三(二), 三(五)) -------------------------------------------------------------

@router.post("/schools", status_code=201, response_model=SchoolOut, tags=["schools"])
def create_school(body: SchoolCreate, who: Bureau, session: WriteSession, request: Request, settings: SettingsDep,
                  key: IdempotencyKey = None) -> Response:
    """Register a public or private migrant school → 201 School (409 ``school_exists``)."""
    def effect():
        school = schools.create_school(session, body, now=utcnow(), who=who)
        return schools.school_view(session, school, settings)
    return commit_idempotent(session, idempotency_keys, request, who, key, body, effect, status_code=201)


@router.put("/schools/{code}", response_model=SchoolOut, tags=["schools"])
def replace_school(code: Code, body: SchoolUpdate, who: Bureau, session: WriteSession, if_match: IfMatch,
                   response: Response, settings: SettingsDep) -> dict[str, Any]:
    """Replace a school's fields; honours ``If-Match`` (412 when stale). ``kind`` and ``level`` stay. The row is
    read locked, so of writers racing with one ETag exactly one wins and the others get 412 (no lost update)."""
    school = schools.get_school(session, code, for_update=True)
    if_match.check(school.version)
    schools.replace_school(session, school, body, now=utcnow(), who=who)
    view = schools.school_view(session, school, settings)
    session.commit()
    set_etag(response, school.version)
    return view


@router.get("/schools", response_model=Page, tags=["schools"])
def list_schools(who: Reader, session: ReadSession, settings: SettingsDep,
                 kind: Literal["public", "private"] | None = None, level: Level | None = None,
                 limit: Limit = 100, cursor: Cursor = None) -> dict[str, Any]:
    """Schools in code order: ``{items: [School], next_cursor}``."""
    rows, nxt = schools.list_schools(session, kind=kind, level=level, limit=limit, cursor=cursor)
    return {"items": [schools.school_view(session, s, settings) for s in rows], "next_cursor": nxt}


@router.get("/schools/{code}", response_model=SchoolOut, tags=["schools"])
def get_school(code: Code, who: Reader, session: ReadSession, response: Response,
               settings: SettingsDep) -> dict[str, Any]:
    """School with ``approved_capacity`` (核定规模: min of floor, land and classroom limits, with the inputs) for a
    private school, and its seats / plans per season and grade (``intakes``). ETag = version."""
    school = schools.get_school(session, code)
    set_etag(response, school.version)
    return schools.school_view(session, school, settings)


@router.put("/schools/{code}/seats/{season}/{grade}", response_model=IntakeOut, tags=["schools"])
def put_seats(code: Code, season: SeasonPath, grade: GradePath, body: SeatsIn, who: Bureau,
              session: WriteSession) -> dict[str, Any]:
    """Migrant seats (随迁子女学位) of a public school for a season and its intake grade (422 ``wrong_school_kind``,
    ``wrong_level``; ``below_placed`` under what final runs already placed)."""
    out = schools.set_seats(session, code, season, grade, body.migrant_seats, who=who, now=utcnow())
    session.commit()
    return out


@router.put("/schools/{code}/plans/{season}/{grade}", response_model=IntakeOut, tags=["schools"])
def put_plan(code: Code, season: SeasonPath, grade: GradePath, body: PlanIn, who: Bureau, session: WriteSession,
             settings: SettingsDep) -> dict[str, Any]:
    """Enrollment plan (招生计划) of a private school: 422 ``plan_over_capacity`` with ``approved_capacity``,
    ``school_total``, ``grade_total``, ``grade_limit``; 422 ``school_phasing_out`` for a plan > 0 (BRIEF §7)."""
    out = schools.set_plan(session, code, season, grade, body.planned, who=who, now=utcnow(),
                           settings=settings)
    session.commit()
    return out


# ---- applications (BRIEF §4 steps 2–3) -----------------------------------------------------------------------

def submit_application(body: ApplicationIn, who: Platform, request: Request,
                       key: IdempotencyKey = None) -> Response:
    """Store an application and queue its verification case (outbox, same transaction) → 201 Application.
    422 with ``field`` and ``code``; 409 ``duplicate_application`` with ``existing_application_no``; 409
    ``season_closed`` (``field: "season"``, ``final_run_id``) once a run of the season and grade is final. A keyed
    request stored before that still replays its 201."""
    return _submit(request, body, who, key)


def _submit(request: Request, body: ApplicationIn, who: Identity, key: str | None) -> Response:
    """The submit of :func:`submit_application`, whichever handler parsed the request (the platform's most frequent
    write, issue 15: a well-formed request comes from :func:`_submit_directly`). The session is opened here, not by
    the ``WriteSession`` dependency, whose set-up and tear-down take a thread-pool hop each."""
    settings: Settings = request.app.state.settings
    with request.app.state.db.write_session() as session:  # closing it rolls back what was not committed
        def effect():
            return applications.application_view(
                applications.submit_application(session, body, who=who.subject, now=utcnow(),
                                                guardian_min_age=settings.guardian_min_age,
                                                ages=settings.age_range))
        resp = commit_idempotent(session, idempotency_keys, request, who, key, body, effect, status_code=201)
    request.app.state.dispatcher.kick()
    return resp


SUBMITTERS = require("platform")


async def _submit_directly(request: Request) -> Response | None:
    """``POST /applications`` as :func:`submit_application` answers it, without FastAPI's request handling (some
    20 % of a submit's CPU, issue 15): a request with no query string, at most one well-formed
    ``Idempotency-Key`` and a JSON body that validates as ``ApplicationIn``; the caller checked by the same
    ``require``. Anything else (``None``) goes to FastAPI's handler, whose answers stay as they were."""
    ok, key = idempotency_key(request)
    if request.scope["query_string"] or not ok:
        return None
    data = json_payload(await request.body(), request.headers)
    if data is None:
        return None
    who = await SUBMITTERS(request)  # 401/403 as the declared endpoint, after a body that parses
    body = validated(ApplicationIn, data)
    if body is None:
        return None
    return await run_in_threadpool(_submit, request, body, who, key)


router.add_api_route("/applications", submit_application, methods=["POST"], status_code=201,
                     response_model=ApplicationOut, tags=["applications"],
                     route_class_override=direct_route(_submit_directly))


@router.post("/age-exceptions", status_code=201, response_model=AgeExceptionOut, tags=["applications"])
def record_age_exception(body: AgeExceptionIn, who: Bureau, session: WriteSession, request: Request,
                         key: IdempotencyKey = None) -> Response:
    """年龄例外: the bureau lets a child older than the grade's range apply (BRIEF §5 E3) → 201 AgeException
    (who and when recorded; ID number masked). Without it ``POST /applications`` answers 422
    ``age_out_of_range``. 409 ``age_exception_exists`` for a second one of the child, season and grade."""
    def effect():
        return age_exceptions.view(age_exceptions.record(
            session, season=body.season, grade=body.grade, child_id_number=body.child_id_number,
            reason=body.reason, who=f"{who.role}:{who.subject}", now=utcnow()))
    return commit_idempotent(session, idempotency_keys, request, who, key, body, effect, status_code=201)


@router.get("/age-exceptions", response_model=Page, tags=["applications"])
def list_age_exceptions(who: Caller("bureau", "auditor"), session: ReadSession, season: SeasonQ = None,
                        limit: Limit = 100, cursor: Cursor = None) -> dict[str, Any]:
    """The age exceptions (年龄例外) in the order recorded → page of AgeException (ID numbers masked)."""
    return age_exceptions.listing(session, season=season, limit=limit, cursor=cursor)


@router.post("/applications/batch", response_model=BatchOut, tags=["applications"])
def submit_batch(body: ApplicationBatchIn, who: Platform, session: WriteSession, request: Request,
                 dispatcher: DispatcherDep, settings: SettingsDep, key: IdempotencyKey = None) -> Response:
    """Up to 1,000 applications (``Idempotency-Key`` required): good items stored, the others reported with
    ``field`` and ``code`` (``season_closed`` for a season and grade with a final run) →
    ``{created, duplicates, rejected, items}``."""
    def effect():
        return applications.submit_batch(session, body.items, who=who.subject, now=utcnow(),
                                         guardian_min_age=settings.guardian_min_age, ages=settings.age_range)
    resp = commit_idempotent(session, idempotency_keys, request, who, key, body, effect, required=True)
    dispatcher.kick()
    return resp


@router.get("/applications", response_model=Page, tags=["applications"])
def list_applications(who: Reader, session: ReadSession, season: SeasonQ = None, grade: GradeQ = None,
                      state: Literal["submitted", "withdrawn"] | None = None,
                      school_code: Annotated[str | None, Query(pattern=SCHOOL_CODE, description=(
                          "a public or private choice (志愿学校)"))] = None,
                      limit: Limit = 100, cursor: Cursor = None) -> dict[str, Any]:
    """申请列表: applications in submission order (ID numbers and phones masked) → ``{items, next_cursor}``,
    filtered by season, grade, state and a chosen school. The bureau sees every application; the platform its
    own, those it submitted (BRIEF §4 step 2: the platform follows its applications)."""
    mine = who.subject if who.role == "platform" else None
    rows, nxt = search.search(session, season=season, grade=grade, state=state, school_code=school_code,
                              submitted_by=mine, limit=limit, cursor=cursor, listing="applications")
    return {"items": [applications.application_view(a, masked=True) for a in rows], "next_cursor": nxt}


@router.get("/applications/{no}", response_model=ApplicationOut, tags=["applications"])
def get_application(no: Annotated[ApplicationNoParam, Path()], who: Reader, session: WriteSession,
                    response: Response) -> dict[str, Any]:
    """One application, whole (personal data: the read is recorded in the access log, one INSERT in this
    transaction). ETag = version."""
    app = applications.get_application(session, no)
    applications.record_read(session, who, app.application_no, "GET /applications/{no}", app.season)
    session.commit()
    set_etag(response, app.version)
    return applications.application_view(app)


@router.post("/applications/{no}/withdraw", response_model=ApplicationOut, tags=["applications"])
def withdraw(no: Annotated[ApplicationNoParam, Path()], who: Reader, session: WriteSession, request: Request,
             today: Today, settings: SettingsDep, dispatcher: DispatcherDep, key: IdempotencyKey = None) -> Response:
    """Withdraw up to the season's cut-off (409 ``withdrawal_closed`` after); the record stays, state
    ``withdrawn``, and later runs leave it out; its verification case leaves the departments' queues (handed over
    through the outbox, topic ``verification.withdrawals``). The answer is the application whole: recorded in the
    access log in the same transaction (a replay records nothing more)."""
    def effect():
        app = applications.withdraw_application(session, no, today=today, now=utcnow(), settings=settings)
        applications.record_read(session, who, app.application_no, "POST /applications/{no}/withdraw", app.season)
        return applications.application_view(app)
    resp = commit_idempotent(session, idempotency_keys, request, who, key, {"withdraw": no}, effect)
    dispatcher.kick()
    return resp


# ---- outbox --------------------------------------------------------------------------------------------------

@router.get("/outbox", response_model=OutboxStatus, tags=["outbox"])
def outbox_status(who: Bureau, session: ReadSession) -> dict[str, Any]:
    """Hand-overs to verification (cases) and funding (purchased seats): ``pending`` (not yet delivered),
    ``delivered``, ``failing`` (pending whose last attempt failed), ``last_error``, per topic."""
    return outbox.status(session)


@router.post("/outbox/flush", tags=["outbox"], response_model=None)
def outbox_flush(who: Bureau, dispatcher: DispatcherDep, session: ReadSession) -> dict[str, Any]:
    """Deliver every waiting hand-over now (backoff skipped) and look at every appeal waiting for its department
    (:mod:`enrollment.appeals_flow`) → the status plus this pass's ``{attempted, delivered, failed}`` and
    ``appeals: {looked_at, rescored, waiting, failed}``, and ``feed: {recorded: {verified, scored}, errors}`` (the
    platform feed's events recorded from verification and points, :mod:`enrollment.progress_feed`)."""
    result = dispatcher.flush(now_too=True)
    followed, feed = result.appeals, result.feed
    return {**outbox.status(session), "flushed": {"attempted": result.attempted, "delivered": result.delivered,
                                                  "failed": result.failed},
            "appeals": None if followed is None else {"looked_at": followed.looked_at, "rescored": followed.rescored,
                                                      "waiting": followed.waiting, "failed": followed.failed},
            "feed": None if feed is None else {"recorded": feed.recorded, "errors": feed.errors},
            "webhooks": None if result.webhooks is None else {"delivered": result.webhooks.delivered,
                                                              "failed": result.webhooks.failed}}
