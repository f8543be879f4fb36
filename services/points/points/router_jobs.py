"""The scoring jobs of a season, newest first, for the bureau's season overview (issue 12)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from sqlalchemy import select

from common.db import ReadSession
from common import paging
from common.identity import Caller
from common.paging import Cursor, Limit
from common.schemas import GradeParam, IntParam
from points.jobs import job_read
from points.models import ScoringJob
from points.schemas import JobList

router = APIRouter(tags=["scoring jobs"])
LATEST = 20


@router.get("/scoring-jobs", response_model=JobList)
def list_jobs(who: Caller("bureau", "service"), session: ReadSession,
              season: Annotated[IntParam, Query(ge=2000, le=2100, description="the season (year)")],
              grade: Annotated[GradeParam | None, Query(description="1 or 7")] = None,
              limit: Limit = LATEST, cursor: Cursor = None) -> dict[str, Any]:
    """The season's (and grade's) scoring jobs, newest first, 20 a page unless ``limit`` says otherwise →
    ``{items: [Job], next_cursor}`` (Job as ``GET /scoring-jobs/{id}``; cursor: :mod:`common.paging`, listing
    ``scoring-jobs``). 422 ``validation_error`` without a season."""
    q = select(ScoringJob).where(ScoringJob.season == season)
    if (before := paging.after("scoring-jobs", cursor)) is not None:
        q = q.where(ScoringJob.id < before)
    if grade is not None:
        q = q.where(ScoringJob.grade == grade)
    rows = list(session.scalars(q.order_by(ScoringJob.id.desc()).limit(limit + 1)))
    return paging.page(rows, limit, "scoring-jobs", key=lambda job: job.id, view=job_read)
