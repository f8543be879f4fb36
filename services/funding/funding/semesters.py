"""Use cases for semesters (学期): each settles on its own dates — BRIEF §8, plan 三(四).

Every function takes a session and never commits; the router commits once.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from common import history, paging
from common.db import utcnow
from common.errors import Invalid
from common.identity import Identity
from funding import errors
from funding.config import Settings
from funding.models import Semester, change_history
from funding.schemas import CODE, SemesterCreate
from funding.settlement_rules import Period, default_period

SEMESTER_CODE = re.compile(CODE.removeprefix("^").removesuffix("$"))


def create_semester(session: Session, body: SemesterCreate, who: Identity, settings: Settings) -> Semester:
    """Configure a semester; missing dates come from the defaults for ``<year>-autumn`` / ``<year>-spring``.
    409 ``semester_exists``; 422 when no dates are given for another code shape."""
    if session.get(Semester, body.code) is not None:
        raise errors.SemesterExists(f"semester {body.code} is already configured")
    if body.starts_on and body.ends_on:
        period = Period(body.starts_on, body.ends_on)
    else:
        try:
            period = default_period(body.code, autumn=(settings.autumn_starts, settings.autumn_ends),
                                    spring=(settings.spring_starts, settings.spring_ends))
        except ValueError as exc:
            raise Invalid(str(exc), code="date_order", field="starts_on") from None
    semester = Semester(code=body.code, name=body.name or body.code, starts_on=period.starts_on,
                        ends_on=period.ends_on, created_by=who.subject, created_at=utcnow())
    session.add(semester)
    try:
        session.flush()
    except IntegrityError:
        raise errors.SemesterExists(f"semester {body.code} is already configured") from None
    history.record(session, change_history, resource="semester", key=semester.code, who=who, before=None,
                   after={"code": semester.code, "name": semester.name, "starts_on": semester.starts_on,
                          "ends_on": semester.ends_on}, at=semester.created_at)
    return semester


def get_semester(session: Session, code: str) -> Semester:
    """The semester with this code; 404 ``semester_not_found`` naming ``semester`` when it is not configured."""
    semester = session.get(Semester, code)
    if semester is None:
        raise errors.SemesterNotFound(f"no semester {code!r}; configure it with POST /semesters", field="semester")
    return semester


def period_of(semester: Semester) -> Period:
    """The semester's days as a :class:`Period` (first and last day, inclusive), for proration (BRIEF §8)."""
    return Period(semester.starts_on, semester.ends_on)


def list_semesters(session: Session, *, limit: int = 100, cursor: str | None = None
                   ) -> tuple[list[Semester], str | None]:
    """The configured semesters by first day, then code, after ``cursor`` (:mod:`common.paging`, listing
    ``semesters``, keyed by the code; 422 ``invalid_cursor`` for anything else) → (the page, its ``next_cursor``)."""
    order = (Semester.starts_on, Semester.code)
    query = select(Semester).order_by(*order).limit(limit + 1)
    if (after := paging.after_row(session, "semesters", cursor, order, pattern=SEMESTER_CODE)) is not None:
        query = query.where(after)
    return paging.cut(list(session.scalars(query)), limit, "semesters", key=lambda s: s.code)


def semester_history(session: Session, code: str, *, limit: int, cursor: str | None) -> dict[str, Any]:
    """The changes of a semester (its configuration), oldest first, paged; 404 ``semester_not_found``."""
    get_semester(session, code)
    return history.read(session, change_history, resource="semester", key=code, limit=limit, cursor=cursor)
