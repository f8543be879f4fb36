"""HTTP endpoints for placement runs (录取批次), placements and appeals (复核) (BRIEF §4 step 6–7, §6); the
reports are in :mod:`enrollment.router_reports`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response

from common.db import ReadSession, WriteSession, utcnow
from common.schemas import ApplicationNoParam, GradeParam, ROW_ID_MAX, IntParam
from common.identity import Caller
from common.idempotency import IdempotencyKey, commit_idempotent
from common.versioning import IfMatch, set_etag
from enrollment import appeals, appeals_flow, applications, evidence_store, runs
from enrollment.deps import Clients, Cursor, DispatcherDep, GradeQ, Limit, SeasonQ, SettingsDep, Today
from enrollment.models import idempotency_keys
from enrollment.schemas import (AppealIn, AppealOut, DecisionIn, Page, PlacementLookupOut, PublishIn, RunIn,
                                RunOut)

router = APIRouter()
Bureau = Caller("bureau")
Reader = Caller("bureau", "platform")
Platform = Caller("platform")
Evidence = Caller("bureau", "auditor")
RunId = Annotated[IntParam, Path(ge=1, le=ROW_ID_MAX)]


@router.post("/runs", status_code=201, response_model=RunOut, tags=["runs"])
def create_run(body: RunIn, who: Bureau, session: WriteSession, request: Request, clients: Clients,
               key: IdempotencyKey = None) -> Response:
    """Freeze a snapshot (active applications, their scores from points, seats and remaining plans), place
    (BRIEF §6) and store a draft run; earlier draft/published runs of the season and grade are superseded.
    503 ``upstream_unavailable`` when points does not answer. The platform feed's ``verified`` and ``scored``
    events are brought up to date first, so they come before the run's ``placed`` events."""
    feed = request.app.state.dispatcher.feed
    if feed is not None:
        feed.follow()  # an upstream that fails is only reported there: the run goes on
    scores = clients["points"].scores(body.season, body.grade)  # before the write lock is taken

    def effect():
        return runs.run_view(runs.create_run(session, body, scores, who=who.subject, now=utcnow()))
    return commit_idempotent(session, idempotency_keys, request, who, key, body, effect, status_code=201)


@router.get("/runs", response_model=Page, tags=["runs"])
def list_runs(who: Bureau, session: ReadSession, season: SeasonQ = None, grade: GradeQ = None,
              limit: Limit = 100, cursor: Cursor = None) -> dict[str, Any]:
    """Runs, newest first: ``{items: [Run], next_cursor}``."""
    rows, nxt = runs.list_runs(session, season=season, grade=grade, limit=limit, cursor=cursor)
    return {"items": [runs.run_view(r) for r in rows], "next_cursor": nxt}


@router.get("/runs/preview", tags=["runs", "appeals"], response_model=None)
def rerun_preview(who: Bureau, session: ReadSession, season: Annotated[IntParam, Query(ge=2000, le=2100)],
                  grade: Annotated[GradeParam, Query(description="grade 1 or 7")]) -> dict[str, Any]:
    """Which upheld appeals (复核) a re-run of the season and grade started now would include, before starting it
    (issue 13) → ``{season, grade, would_include: [Appeal], waiting_for_department: [Appeal], included:
    [Appeal]}``: ``would_include`` are rescored after their department's re-check (or dispute a placement rule);
    ``waiting_for_department`` are not yet answered (a re-run now would place them on their old facts);
    ``included`` are in a published re-run already. Writes nothing. 422 ``invalid`` for another grade."""
    return appeals_flow.preview(session, season=season, grade=grade)


@router.get("/runs/{run_id}", response_model=RunOut, tags=["runs"])
def get_run(run_id: RunId, who: Bureau, session: ReadSession, response: Response) -> dict[str, Any]:
    """Run with seed, mechanism, rulebook id, input digest, state, window (``window_ends_on`` and
    ``window_calendar``) and counts. ETag = version."""
    run = runs.get_run(session, run_id)
    set_etag(response, run.version)
    return runs.run_view(run)


@router.get("/runs/{run_id}/placements", response_model=Page, tags=["runs"])
def run_placements(run_id: RunId, who: Bureau, session: ReadSession, limit: Limit = 100,
                   cursor: Cursor = None) -> dict[str, Any]:
    """Placements (round, school, tier, choice rank) and waitlist (reason) in application_no order."""
    rows, nxt = runs.list_placements(session, run_id, limit=limit, cursor=cursor)
    return {"items": [runs.placement_view(p) for p in rows], "next_cursor": nxt}


@router.get("/runs/{run_id}/snapshot", tags=["runs"],
            responses={200: {"content": {"application/json": {}},
                             "description": "the run's snapshot file (docs/run-snapshot.md)"}})
def run_snapshot(run_id: RunId, who: Evidence, session: ReadSession) -> Response:
    """The privacy-safe snapshot file of a run (issue 13; format in ``docs/run-snapshot.md``): the run's seed,
    mechanism, rulebook id, code version and input digest; schools with seats and catchments; per application
    number its tie-break values (scores, residence date, lottery key), township, choices and placement or reason;
    the gate and the certificate. No names, ID numbers, phone numbers or addresses. ``tongcheng verify-run FILE``
    re-checks it without the services."""
    run = runs.get_run(session, run_id)
    return Response(evidence_store.snapshot_file(session, run), media_type="application/json",
                    headers={"Content-Disposition": f'attachment; filename="run-{run.id}-snapshot.json"'})


@router.get("/runs/{run_id}/diff", tags=["runs"], response_model=None)
def run_diff(run_id: RunId, who: Reader, session: ReadSession,
             against: Annotated[IntParam | None, Query(ge=1, le=ROW_ID_MAX)] = None) -> dict[str, Any]:
    """Who moved (issue 13): each child whose placement differs between run ``against`` (default: the run this one
    replaced) and this run — ``moved`` / ``newly_placed`` / ``lost_place``, from where to where — with the reasons
    (appeal_upheld, fact_corrected, withdrawal, new_application, changed_seats, knock_on) and counts. 404
    ``run_not_found``, ``no_previous_run``; 422 ``other_grade``."""
    return evidence_store.run_diff(session, run_id, against)


@router.post("/runs/{run_id}/publish", response_model=RunOut, tags=["runs"])
def publish(run_id: RunId, who: Bureau, session: WriteSession, request: Request, today: Today,
            settings: SettingsDep, if_match: IfMatch, body: PublishIn | None = None,
            key: IdempotencyKey = None) -> Response:
    """draft → published (公示); ``window_ends_on`` = ``window_days`` (default setting, 5) working days after today
    (Asia/Shanghai; the State Council's holidays and make-up working days from ``chinesecalendar``, Monday–Friday
    for a year it does not know: ``window_calendar`` says which, ``"official"`` or ``"weekdays"``). If-Match
    honoured (412); 409 ``invalid_state`` unless draft."""
    days = (body.window_days if body else None) or settings.publication_window_days

    def effect():
        run = runs.get_run(session, run_id)
        if_match.check(run.version)
        return runs.run_view(runs.publish_run(session, run, window_days=days, today=today, now=utcnow()))
    return commit_idempotent(session, idempotency_keys, request, who, key, body or {}, effect)


@router.post("/runs/{run_id}/finalise", tags=["runs"])
def finalise(run_id: RunId, who: Bureau, session: WriteSession, request: Request, settings: SettingsDep,
             dispatcher: DispatcherDep, if_match: IfMatch, key: IdempotencyKey = None) -> Response:
    """published → final; the purchased seats (rounds 2 and 3) are queued to funding through the outbox →
    Run + ``handover: {purchased_seats, chunks}``. Of two concurrent finalisations exactly one succeeds; the
    other gets 409 ``invalid_state``. 409 ``appeals_pending`` while an appeal is undecided; If-Match (412)."""
    def effect():
        run = runs.get_run(session, run_id)
        if_match.check(run.version)
        done = runs.finalise_run(session, run, who=who.subject, now=utcnow(), settings=settings)
        return {**runs.run_view(done["run"]),
                "handover": {"purchased_seats": done["purchased_seats"], "chunks": done["chunks"]}}
    resp = commit_idempotent(session, idempotency_keys, request, who, key, {"finalise": run_id}, effect)
    dispatcher.kick()
    return resp


# ---- placements and appeals ----------------------------------------------------------------------------------

@router.get("/placements/{application_no}", response_model=PlacementLookupOut, tags=["placements"])
def lookup(application_no: Annotated[ApplicationNoParam, Path()], who: Reader, session: ReadSession) -> dict[str, Any]:
    """Where the child goes in the latest published or final run (404 ``not_published`` before any)."""
    return runs.lookup_placement(session, application_no)


@router.get("/placements/{application_no}/why", tags=["placements"], response_model=None)
def why_not(application_no: Annotated[ApplicationNoParam, Path()], who: Reader, session: ReadSession,
            clients: Clients, request: Request, run_id: Annotated[IntParam | None, Query(ge=1, le=ROW_ID_MAX)] = None
            ) -> dict[str, Any]:
    """Why not this school (issue 13; BRIEF §5, §6): for each choice ranked above the child's place (all, when
    unplaced), the school's cut-off (its last admitted: tier, family score, other guardian's score, residence
    date, lottery position), the child's own values and the step of the tie-break chain that decided, in Chinese
    and English; for an ineligible child the rules not met (from points). Run: ``run_id``, else the latest
    published or final run that includes the application. 404 ``not_published``, ``run_not_found``,
    ``not_in_run``; 503 when points does not answer (ineligible children only). The explanation is the child's
    personal data: the read is recorded in the access log (a short write after the answer is built, so no
    write lock is held while points is asked)."""
    answer = evidence_store.why_not(session, application_no, run_id, clients["points"])
    with request.app.state.db.write_session() as write:
        applications.record_read(write, who, application_no, "GET /placements/{application_no}/why")
        write.commit()
    return answer


@router.post("/appeals", status_code=201, response_model=AppealOut, tags=["appeals"])
def lodge(body: AppealIn, who: Platform, session: WriteSession, request: Request, today: Today,
          key: IdempotencyKey = None) -> Response:
    """A family's appeal (复核) while the run is published and its window open (409 ``appeal_window_closed``),
    naming what it disputes: ``disputes: {type: "fact", guardian_no, kind}`` (a fact of one guardian, which its
    department checks again once the appeal is upheld) or ``{type: "placement_rule", rule}``. 422
    ``unknown_guardian`` (a guardian the application does not list), ``no_such_fact``, ``not_in_run``; 409
    ``duplicate_appeal``."""
    def effect():
        appeal = appeals.lodge_appeal(session, run_id=body.run_id, application_no=body.application_no,
                                      reason=body.reason, who=who.subject, today=today, now=utcnow(),
                                      disputes=body.disputes.model_dump() if body.disputes else None)
        return appeals_flow.view(appeal)
    return commit_idempotent(session, idempotency_keys, request, who, key, body, effect, status_code=201)


@router.post("/appeals/{appeal_id}/decision", response_model=AppealOut, tags=["appeals"])
def decide(appeal_id: Annotated[IntParam, Path(ge=1, le=ROW_ID_MAX)], body: DecisionIn, who: Bureau, session: WriteSession,
           request: Request, dispatcher: DispatcherDep, key: IdempotencyKey = None) -> Response:
    """upheld | rejected, once (409 ``invalid_state`` after). Upholding an appeal that disputes a fact sends the
    re-check to that department's queue (through the outbox) and the appeal follows it: ``progress``
    ``waiting_for_department`` → ``rescored`` → ``included_in_run`` (:mod:`enrollment.appeals_flow`). Upholding,
    the bureau may name what is disputed (``disputes``, as at lodging; it replaces the family's): 422
    ``unknown_guardian``, ``no_such_fact``, ``disputes_when_upheld``."""
    def effect():
        appeal = appeals.decide_appeal(session, appeal_id, decision=body.decision, note=body.note,
                                       who=who.subject, now=utcnow(),
                                       disputes=body.disputes.model_dump() if body.disputes else None)
        return appeals_flow.view(appeal)
    resp = commit_idempotent(session, idempotency_keys, request, who, key, body, effect)
    dispatcher.kick()  # an upheld fact's re-check is in the outbox: hand it over now, not at the next pass
    return resp


@router.get("/appeals", response_model=Page, tags=["appeals"])
def appeal_list(who: Bureau, session: ReadSession,
                run_id: Annotated[IntParam | None, Query(ge=1, le=ROW_ID_MAX)] = None, limit: Limit = 100,
                cursor: Cursor = None) -> dict[str, Any]:
    """Appeals, oldest first, each with where it stands (``progress``): ``{items: [Appeal], next_cursor}``."""
    rows, nxt = appeals.page_appeals(session, run_id, limit=limit, cursor=cursor)
    return {"items": [appeals_flow.view(a) for a in rows], "next_cursor": nxt}


@router.get("/appeals/{appeal_id}", response_model=AppealOut, tags=["appeals"])
def appeal_read(appeal_id: Annotated[IntParam, Path(ge=1, le=ROW_ID_MAX)], who: Reader,
                session: WriteSession) -> dict[str, Any]:
    """One appeal and where it stands: ``progress`` ``waiting_for_department`` (with ``department``), ``rescored``
    (the department's ``recheck`` outcome and the new ``score``), ``ready_for_rerun``, ``included_in_run``
    (``included_run_id``). 404 ``appeal_not_found``. The family's reason and new score are its personal data:
    the read is recorded in the access log (one INSERT in this transaction)."""
    appeal = appeals.get_appeal(session, appeal_id)
    applications.record_read(session, who, appeal.application_no, "GET /appeals/{appeal_id}")
    session.commit()
    return appeals_flow.view(appeal)
