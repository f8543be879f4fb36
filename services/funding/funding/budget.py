"""The year's appropriation for purchased seats (预算) against what was settled and paid (BRIEF §8). Functions take a
session and never commit."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from common.db import utcnow
from common.identity import Identity
from funding import errors
from funding.models import SETTLED, Budget, Semester, Settlement
from funding.settlements import money_of


def put_budget(session: Session, year: int, appropriation_fen: int, who: Identity) -> Budget:
    """Set the year's appropriation (预算, fen); 409 ``concurrent_update`` when a twin inserted it first."""
    row = session.scalars(select(Budget).where(Budget.year == year).with_for_update()).first()
    if row is None:
        row = Budget(year=year, appropriation_fen=appropriation_fen, version=1, updated_by=who.subject,
                     updated_at=utcnow())
        try:
            with session.begin_nested():
                session.add(row)
        except IntegrityError:
            raise errors.ConcurrentUpdate(f"the {year} budget was set by another request at the same moment") from None
    else:
        row.appropriation_fen, row.updated_by, row.updated_at = appropriation_fen, who.subject, utcnow()
        row.version += 1
    session.flush()
    return row


def budget_view(session: Session, year: int) -> dict[str, Any]:
    """Appropriation vs settled vs paid for the semesters that start in ``year`` (fen):
    settled = approved/paid settlement totals + their adjustments; paid = disbursements against them."""
    row = session.get(Budget, year)
    codes = list(session.scalars(select(Semester.code).where(Semester.starts_on >= date(year, 1, 1),
                                                             Semester.starts_on <= date(year, 12, 31))
                                 .order_by(Semester.starts_on)))
    settled_rows = session.execute(select(Settlement.id, Settlement.total_fen)
                                   .where(Settlement.semester_code.in_(codes), Settlement.state.in_(SETTLED))).all()
    money = money_of(session, [r.id for r in settled_rows])
    settled = sum(r.total_fen + money[r.id][0] for r in settled_rows)
    paid = sum(p for _, p in money.values())
    return {"year": year, "appropriation_fen": row.appropriation_fen if row else None, "settled_fen": settled,
            "paid_fen": paid, "semesters": codes, "version": row.version if row else None,
            "updated_by": row.updated_by if row else None, "updated_at": row.updated_at if row else None}


