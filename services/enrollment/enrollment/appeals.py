"""Use cases for appeals (复核): lodged by the platform during a run's publication window, naming what they dispute,
decided once by the bureau (BRIEF §4 step 6). What follows an upheld appeal (the department's re-check, the
rescoring, the re-run that includes it) is :mod:`enrollment.appeals_flow`. Functions take a session and never
commit."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from common import paging
from common.vocabulary import ALWAYS
from enrollment import appeals_flow
from enrollment.errors import (AppealNotFound, AppealWindowClosed, ApplicationWithdrawn, DisputesWhenUpheld, DuplicateAppeal, InvalidState,
                               NoSuchFact, NotInRun, UnknownGuardian)
from enrollment.models import Appeal, Application, PlacementRow
from enrollment.runs import get_run


def lodge_appeal(session: Session, *, run_id: int, application_no: str, reason: str, who: str, today: date,
                 now: datetime, disputes: dict[str, Any] | None = None) -> Appeal:
    """A family's appeal (复核), lodged by the platform while the run is published and its window open.
    ``disputes``: ``{type: "fact", guardian_no, kind}`` (a fact of one guardian) or ``{type: "placement_rule",
    rule}``, or None. Errors: 404 run; 409 ``appeal_window_closed``; 422 ``not_in_run``; 409
    ``duplicate_appeal``; 409 ``application_withdrawn`` (the family withdrew it); 422 ``unknown_guardian`` (the application lists no such guardian: field
    ``disputes.guardian_no``); 422 ``no_such_fact`` (it claimed no such home or business for that guardian)."""
    run = get_run(session, run_id)
    if run.state != "published" or run.window_ends_on is None or today > run.window_ends_on:
        raise AppealWindowClosed(f"run {run_id} is {run.state}"
                                 + (f", window until {run.window_ends_on}" if run.window_ends_on else "")
                                 + "; appeals are taken only while a run is published and its window open")
    if session.scalar(select(PlacementRow.id).where(PlacementRow.run_id == run_id,
                                                    PlacementRow.application_no == application_no)) is None:
        raise NotInRun(f"application {application_no} is not in run {run_id}",
                      field="application_no")
    _not_withdrawn(session, application_no)
    existing = session.scalar(select(Appeal.id).where(Appeal.run_id == run_id, Appeal.application_no == application_no))
    if existing is not None:
        raise DuplicateAppeal(f"appeal {existing} already lodged for {application_no} on run {run_id}",
                              existing_appeal_id=existing)
    disputed = _disputed(session, application_no, disputes)
    appeal = Appeal(run_id=run_id, application_no=application_no, reason=reason, state="lodged", lodged_by=who,
                    lodged_at=now, **disputed)
    try:
        with session.begin_nested():
            session.add(appeal)
    except IntegrityError:
        raise DuplicateAppeal(f"an appeal is already lodged for {application_no} on run {run_id}") from None
    return appeal


def _not_withdrawn(session: Session, application_no: str) -> None:
    """409 ``application_withdrawn`` when the family withdrew ``application_no`` (nothing of it is checked again)."""
    if session.scalar(select(Application.state).where(Application.application_no == application_no)) == "withdrawn":
        raise ApplicationWithdrawn(f"application {application_no} was withdrawn: its appeals are not taken or upheld",
                                   field="application_no")


def _disputed(session: Session, application_no: str, disputes: dict[str, Any] | None) -> dict[str, Any]:
    """The appeal's columns for what it disputes; a fact must be one the application's verification asks about."""
    if disputes is None:
        return {}
    if disputes["type"] == appeals_flow.PLACEMENT_RULE:
        return {"disputes": appeals_flow.PLACEMENT_RULE, "rule": disputes["rule"]}
    app = session.scalar(select(Application).where(Application.application_no == application_no))
    guardian_no, kind = disputes["guardian_no"], disputes["kind"]
    if app is not None and guardian_no > len(app.guardians):
        raise UnknownGuardian(f"application {application_no} lists {len(app.guardians)} guardian(s), not guardian "
                              f"{guardian_no}", field="disputes.guardian_no")
    asked = app is not None and (
        kind in ALWAYS
        or any(c.get("guardian_no") == guardian_no for c in (app.claims or {}).get(kind, [])))
    if not asked:
        raise NoSuchFact(f"application {application_no} has no {kind} of guardian {guardian_no} to check again",
                         field="disputes")
    return {"disputes": appeals_flow.FACT, "guardian_no": guardian_no, "fact_kind": kind}


def decide_appeal(session: Session, appeal_id: int, *, decision: str, note: str, who: str, now: datetime,
                  disputes: dict[str, Any] | None = None) -> Appeal:
    """upheld | rejected, once (409 ``invalid_state`` after). Upholding starts the appeal's flow
    (:func:`enrollment.appeals_flow.on_upheld`: the department's re-check of a disputed fact, or ready for the
    re-run). ``disputes`` (upholding only; 422 ``disputes_when_upheld`` otherwise): what the bureau names as
    disputed, replacing what the family named (``{type: "fact", guardian_no, kind}`` checked like at lodging, 422
    ``no_such_fact``; or ``{type: "placement_rule", rule}``). 409 ``application_withdrawn``: upholding an appeal of
    an application withdrawn since it was lodged (rejecting it stays possible)."""
    appeal = get_appeal(session, appeal_id)
    if decision == "upheld":
        _not_withdrawn(session, appeal.application_no)
    named: dict[str, Any] = {}
    if disputes is not None:
        if decision != "upheld":
            raise DisputesWhenUpheld("only an upheld appeal names what it disputes", field="disputes")
        named = {"disputes": None, "guardian_no": None, "fact_kind": None, "rule": None,
                 **_disputed(session, appeal.application_no, disputes)}
    done = session.execute(update(Appeal).where(Appeal.id == appeal_id, Appeal.state == "lodged")
                           .values(state=decision, note=note, decided_by=who, decided_at=now, **named)).rowcount
    if done != 1:
        raise InvalidState(f"appeal {appeal_id} is already {appeal.state}")
    if decision == "upheld":
        session.refresh(appeal)
        appeals_flow.on_upheld(session, appeal, now=now)
    session.refresh(appeal)
    return appeal


def get_appeal(session: Session, appeal_id: int) -> Appeal:
    """The appeal with this id; 404 ``appeal_not_found``."""
    appeal = session.get(Appeal, appeal_id)
    if appeal is None:
        raise AppealNotFound(f"no appeal {appeal_id}")
    return appeal


def _appeals(run_id: int | None) -> Any:
    query = select(Appeal).order_by(Appeal.id)
    return query if run_id is None else query.where(Appeal.run_id == run_id)


def list_appeals(session: Session, run_id: int | None) -> list[Appeal]:
    """Every appeal (of one run when given), oldest first (the downloads)."""
    return list(session.scalars(_appeals(run_id)))


def page_appeals(session: Session, run_id: int | None, *, limit: int, cursor: str | None
                 ) -> tuple[list[Appeal], str | None]:
    """Appeals (of one run when given), oldest first, ``limit`` a page after ``cursor`` (:mod:`common.paging`,
    listing ``appeals``)."""
    query = _appeals(run_id).where(Appeal.id > paging.after_id("appeals", cursor)).limit(limit + 1)
    return paging.cut(list(session.scalars(query)), limit, "appeals", key=lambda a: a.id)
