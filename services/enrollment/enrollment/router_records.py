"""The bureau's records in enrollment: who changed a school, its seats or its plans (change history,
``common.history``). Read-only endpoints: parse, read, return."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from common import history
from common.db import ReadSession
from common.identity import Caller
from common.schemas import Page
from enrollment import schools
from enrollment.deps import Cursor, Limit
from enrollment.models import change_history

router = APIRouter()
Keeper = Caller("bureau", "auditor")
Code = Annotated[str, Path(max_length=32)]
SeasonPath = Annotated[int, Path(ge=2000, le=2100)]
GradePath = Annotated[int, Path(ge=1, le=9)]


@router.get("/schools/{code}/history", response_model=Page, tags=["history"])
def school_history(code: Code, who: Keeper, session: ReadSession, limit: Limit = 100, cursor: Cursor = None):
    """Changes of a school, oldest first: ``{items: [{id, resource: "school", key, action: create | update, actor
    (role:subject), at (Asia/Shanghai), at_utc, before, after}], next_cursor}``. 404 ``school_not_found``."""
    schools.get_school(session, code)
    return history.read(session, change_history, resource="school", key=code, limit=limit, cursor=cursor)


@router.get("/schools/{code}/seats/{season}/{grade}/history", response_model=Page, tags=["history"])
def seats_history(code: Code, season: SeasonPath, grade: GradePath, who: Keeper, session: ReadSession,
                  limit: Limit = 100, cursor: Cursor = None):
    """Changes of a public school's migrant seats for a season and grade (``before`` / ``after``:
    ``{migrant_seats}``), oldest first, paged. 404 ``school_not_found``."""
    schools.get_school(session, code)
    return history.read(session, change_history, resource="seats", key=f"{code}/{season}/{grade}", limit=limit,
                        cursor=cursor)


@router.get("/schools/{code}/plans/{season}/{grade}/history", response_model=Page, tags=["history"])
def plan_history(code: Code, season: SeasonPath, grade: GradePath, who: Keeper, session: ReadSession,
                 limit: Limit = 100, cursor: Cursor = None):
    """Changes of a private school's enrollment plan for a season and grade (``{planned}``), oldest first, paged.
    404 ``school_not_found``."""
    schools.get_school(session, code)
    return history.read(session, change_history, resource="plan", key=f"{code}/{season}/{grade}", limit=limit,
                        cursor=cursor)
