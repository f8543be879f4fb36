"""Verification progress per department, for the bureau's season overview (issue 12): how many requests each
department has answered and still has pending, and its oldest pending request (BRIEF §4 step 4, the departments'
part of the season)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from common.db import ReadSession
from common.identity import DEPARTMENTS, Caller
from verification.models import VerificationRequest

router = APIRouter(tags=["verification"])


def progress(session: Session, season: int) -> dict[str, Any]:
    """``{season, departments: [{department, pending, answered, oldest_pending_id, oldest_pending_at}]}``, every
    department listed (zeros and nulls when it has none); superseded requests are left out. One grouped query."""
    r = VerificationRequest
    rows = session.execute(
        select(r.department, r.state, func.count(), func.min(r.id))
        .where(r.season == season, r.state.in_(("pending", "answered")))
        .group_by(r.department, r.state)).all()
    out = {d: {"department": d, "pending": 0, "answered": 0, "oldest_pending_id": None, "oldest_pending_at": None}
           for d in DEPARTMENTS}
    for department, state, count, first_id in rows:
        entry = out.setdefault(department, {"department": department, "pending": 0, "answered": 0,
                                            "oldest_pending_id": None, "oldest_pending_at": None})
        entry[state] = count
        if state == "pending":
            entry["oldest_pending_id"] = first_id
            created = session.scalar(select(r.created_at).where(r.id == first_id))
            entry["oldest_pending_at"] = created.isoformat() if created else None
    return {"season": season, "departments": list(out.values())}


@router.get("/progress")
def get_progress(who: Caller("bureau", "auditor"), session: ReadSession,
                 season: Annotated[int, Query(ge=2000, le=2100, description="the season (year)")]) -> dict[str, Any]:
    """Per department: requests ``answered`` and ``pending`` for ``season``, the oldest pending one's id and when
    it was created (ids grow in creation order). 422 ``validation_error`` without a season or outside 2000–2100."""
    return progress(session, season)
