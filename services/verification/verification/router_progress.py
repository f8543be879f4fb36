"""HTTP endpoint of verification progress per department, for the bureau's season overview (issue 12): how many
requests each department has answered and still has pending, and its oldest pending request (BRIEF §4 step 4, the
departments' part of the season); the query is :func:`verification.reads.progress`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from common.db import ReadSession
from common.identity import Caller
from common.schemas import IntParam
from verification.reads import progress

router = APIRouter(tags=["verification"])


@router.get("/progress")
def get_progress(who: Caller("bureau", "auditor"), session: ReadSession,
                 season: Annotated[IntParam, Query(ge=2000, le=2100, description="the season (year)")]) -> dict[str, Any]:
    """Per department: requests ``answered`` and ``pending`` for ``season``, the oldest pending one's id and when
    it was created (ids grow in creation order). 422 ``validation_error`` without a season or outside 2000–2100."""
    return progress(session, season)
