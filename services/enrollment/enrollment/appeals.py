"""Use cases for appeals (复核): lodged by the platform during a run's publication window, decided once by the
bureau (BRIEF §4 step 6). Functions take a session and never commit."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from enrollment.errors import Conflict, Invalid, InvalidState, NotFound
from enrollment.models import Appeal, PlacementRow
from enrollment.runs import get_run


def lodge_appeal(session: Session, *, run_id: int, application_no: str, reason: str, who: str, today: date,
                 now: datetime) -> Appeal:
    """A family's appeal (复核), lodged by the platform while the run is published and its window open.
    Errors: 404 run; 409 ``appeal_window_closed``; 422 ``not_in_run``; 409 ``duplicate_appeal``."""
    run = get_run(session, run_id)
    if run.state != "published" or run.window_ends_on is None or today > run.window_ends_on:
        raise Conflict(f"run {run_id} is {run.state}"
                       + (f", window until {run.window_ends_on}" if run.window_ends_on else "")
                       + "; appeals are taken only while a run is published and its window open",
                       code="appeal_window_closed")
    if session.scalar(select(PlacementRow.id).where(PlacementRow.run_id == run_id,
                                                    PlacementRow.application_no == application_no)) is None:
        raise Invalid(f"application {application_no} is not in run {run_id}", code="not_in_run",
                      field="application_no")
    existing = session.scalar(select(Appeal.id).where(Appeal.run_id == run_id, Appeal.application_no == application_no))
    if existing is not None:
        raise Conflict(f"appeal {existing} already lodged for {application_no} on run {run_id}",
                       code="duplicate_appeal", existing_appeal_id=existing)
    appeal = Appeal(run_id=run_id, application_no=application_no, reason=reason, state="lodged", lodged_by=who,
                    lodged_at=now)
    try:
        with session.begin_nested():
            session.add(appeal)
    except IntegrityError:
        raise Conflict(f"an appeal is already lodged for {application_no} on run {run_id}",
                       code="duplicate_appeal") from None
    return appeal


def decide_appeal(session: Session, appeal_id: int, *, decision: str, note: str, who: str, now: datetime) -> Appeal:
    """upheld | rejected, once (409 ``invalid_state`` after). An upheld appeal is only recorded: the bureau
    re-runs once the corrected data has flowed through verification and points."""
    appeal = session.get(Appeal, appeal_id)
    if appeal is None:
        raise NotFound(f"no appeal {appeal_id}", code="appeal_not_found")
    done = session.execute(update(Appeal).where(Appeal.id == appeal_id, Appeal.state == "lodged")
                           .values(state=decision, note=note, decided_by=who, decided_at=now)).rowcount
    if done != 1:
        raise InvalidState(f"appeal {appeal_id} is already {appeal.state}")
    session.refresh(appeal)
    return appeal


def appeal_view(a: Appeal) -> dict[str, Any]:
    return {"id": a.id, "run_id": a.run_id, "application_no": a.application_no, "reason": a.reason,
            "state": a.state, "note": a.note, "lodged_at": a.lodged_at, "decided_at": a.decided_at,
            "decided_by": a.decided_by}


def list_appeals(session: Session, run_id: int | None) -> list[Appeal]:
    query = select(Appeal).order_by(Appeal.id)
    if run_id is not None:
        query = query.where(Appeal.run_id == run_id)
    return list(session.scalars(query))
