"""HTTP endpoints of the platform's feed (issue 13): application events in order, and bulk status."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from common.db import ReadSession
from common.identity import Caller
from common.schemas import ROW_ID_MAX
from enrollment import events
from enrollment.deps import Limit
from enrollment.schemas import StatusQueryIn

router = APIRouter()
Reader = Caller("platform", "bureau")


@router.get("/events", tags=["events"])
def event_feed(who: Reader, session: ReadSession, after: Annotated[int, Query(ge=0, le=ROW_ID_MAX)] = 0,
               limit: Limit = 100):
    """Every change of an application's state, oldest first, after event id ``after`` (0: from the start) →
    ``{items: [{id, application_no, kind: "submitted" | "withdrawn" | "placed" | "moved" | "final", season, grade,
    run_id, at, data}], next_cursor, last_id}``; resume with ``after=last_id``. Ids are stable and increase in
    the order the changes were committed."""
    return events.page(session, after=after, limit=limit)


@router.post("/placements/status", tags=["events"])
def bulk_status(body: StatusQueryIn, who: Reader, session: ReadSession):
    """Where up to 1,000 applications stand → ``{items: [{application_no, found, state, season, grade, run_id,
    run_state, placed, school_code, round, tier, choice_rank, reason}]}`` (the latest published or final run that
    includes each; run fields null before one). Writes nothing."""
    return {"items": events.bulk_status(session, body.application_nos)}
