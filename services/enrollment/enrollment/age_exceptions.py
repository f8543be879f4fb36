"""The bureau's exceptions to a grade's age range (BRIEF §5 E3, issue 17).

A child older than the grade's range on 31 August of the season year (``Settings.child_max_age``) is refused at
submission with ``age_out_of_range`` (:func:`enrollment.rules.check_age`) unless the bureau has recorded an
exception for that child, season and grade here first — who and when are recorded with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from common import paging
from common.logging import mask_id
from enrollment.errors import AgeExceptionExists
from enrollment.models import AgeException


def view(row: AgeException) -> dict[str, Any]:
    """AgeException as answered: the child's ID number masked (the bureau typed it; nobody needs it back)."""
    return {"id": row.id, "season": row.season, "grade": row.grade, "child_id_number": mask_id(row.child_id_number),
            "reason": row.reason, "recorded_by": row.recorded_by, "recorded_at": row.recorded_at}


def record(session: Session, *, season: int, grade: int, child_id_number: str, reason: str, who: str,
           now: datetime) -> AgeException:
    """Record the exception (one per child, season and grade: 409 ``age_exception_exists`` for a second)."""
    row = AgeException(season=season, grade=grade, child_id_number=child_id_number, reason=reason,
                       recorded_by=who, recorded_at=now)
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        raise AgeExceptionExists(f"the child already has an age exception for {season} grade {grade}",
                                 field="child_id_number") from None
    return row


def listing(session: Session, *, season: int | None, limit: int, cursor: str | None) -> dict[str, Any]:
    """A page of exceptions in the order they were recorded (``{items, next_cursor}``, :mod:`common.paging`)."""
    query = (select(AgeException).where(AgeException.id > paging.after_id("age_exceptions", cursor))
             .order_by(AgeException.id).limit(limit + 1))
    if season is not None:
        query = query.where(AgeException.season == season)
    return paging.page(session.scalars(query).all(), limit, "age_exceptions", key=lambda r: r.id, view=view)


def excepted(session: Session, season: int, grade: int, id_numbers: Iterable[str]) -> set[str]:
    """The children among ``id_numbers`` with an exception for the season and grade."""
    ids = sorted(set(id_numbers))
    if not ids:
        return set()
    return set(session.scalars(select(AgeException.child_id_number).where(
        AgeException.season == season, AgeException.grade == grade, AgeException.child_id_number.in_(ids))))
