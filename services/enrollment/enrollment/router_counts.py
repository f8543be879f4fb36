"""Applications by state per grade, for the bureau's season overview (issue 12)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path
from sqlalchemy import func, select

from common.db import ReadSession
from common.identity import Caller
from common.schemas import IntParam
from enrollment.models import Application

router = APIRouter(tags=["reports"])
STATES = ("submitted", "withdrawn")


@router.get("/reports/applications/{season}")
def application_counts(season: Annotated[IntParam, Path(ge=2000, le=2100, description="the season (year)")],
                       who: Caller("bureau"), session: ReadSession) -> dict[str, Any]:
    """``{season, grades: [{grade, submitted, withdrawn}]}`` for grades 1 and 7 (zeros when none): the applications
    of the season by state (申请状态). One grouped query."""
    counts = {(grade, state): n for grade, state, n in session.execute(
        select(Application.grade, Application.state, func.count())
        .where(Application.season == season).group_by(Application.grade, Application.state))}
    return {"season": season,
            "grades": [{"grade": g, **{s: counts.get((g, s), 0) for s in STATES}} for g in (1, 7)]}
