"""HTTP endpoint of the bureau's planning what-if (issue 13)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from fastapi import APIRouter
from sqlalchemy import select

from common.db import ReadSession
from common.identity import Caller
from common.townships import check_township
from enrollment import planning
from enrollment.deps import Clients, SettingsDep
from common.clients import UpstreamError
from enrollment.errors import Invalid, UnknownSchool, UnknownSemester
from enrollment.models import School
from enrollment.planning_schemas import PlanningOut
from enrollment.schemas import PlanningIn

router = APIRouter()
Bureau = Caller("bureau")


@router.post("/planning/what-if", tags=["planning"], response_model=PlanningOut)
def what_if(body: PlanningIn, who: Bureau, session: ReadSession, settings: SettingsDep,
            clients: Clients) -> dict[str, Any]:
    """How many seats, where, at what cost (plan 二(一), 三(二), 三(四)): placement again over each grade's latest
    frozen snapshot with ``seats`` (school, grade, change) and ``township_seats`` (township, grade, extra public
    seats) applied; nothing stored → per grade the summary (public share vs the target), townships (学位缺口
    ``shortfall``), purchased seats and their semester cost at ``semester``'s tariffs (from funding), and per
    township short of the target the fewest extra public seats (新增公办学位) with which placement run again reaches
    it — where they go, the share reached and with one fewer, the grade's purchased seats and cost with them, or
    why no number does — and all of them together; totals. 404 ``no_snapshot``; 422 ``unknown_semester`` (a
    ``semester`` funding does not hold), ``unknown_school`` /
    ``invalid`` naming the item; 503 when funding does not answer (with a ``semester``)."""
    names = dict(session.execute(select(School.code, School.name)).all())
    changes: dict[int, dict[str, int]] = defaultdict(dict)
    for i, c in enumerate(body.seats):
        if c.school_code not in names:
            raise UnknownSchool(f"no school {c.school_code}", field=f"seats.{i}.school_code")
        changes[c.grade][c.school_code] = changes[c.grade].get(c.school_code, 0) + c.change
    towns: dict[int, dict[str, int]] = defaultdict(dict)
    for i, t in enumerate(body.township_seats):
        try:
            check_township(t.township_code)
        except ValueError as exc:
            raise Invalid(str(exc), code="township_unknown", field=f"township_seats.{i}.township_code") from None
        towns[t.grade][t.township_code] = towns[t.grade].get(t.township_code, 0) + t.seats
    grades = planning.latest_grades(session, body.season)
    tariffs = None
    if body.semester:
        try:
            clients["funding"].semester(body.semester)
        except UpstreamError as exc:
            if exc.code != "semester_not_found":
                raise
            raise UnknownSemester(f"funding holds no semester {body.semester}; configure it with POST /semesters",
                                  field="semester") from None
        tariffs = clients["funding"].tariffs(body.semester)
    answer = planning.what_if(grades, changes=changes, township_seats=towns, tariffs=tariffs,
                              target=settings.public_share_target, names=names)
    return {"season": body.season, "semester": body.semester, **answer}
