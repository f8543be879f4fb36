"""Use cases for tariffs (购买学位标准): a school's standard per pupil and semester, every version kept — BRIEF §8,
plan 三(四).

Every function takes a session and never commits; the router commits once.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from common import history
from common.db import utcnow
from common.identity import Identity
from common.schemas import yuan_to_fen
from funding import errors
from funding.models import SETTLED, Settlement, Tariff, change_history
from funding.schemas import TariffPut, TariffRead
from funding.semesters import get_semester


def current_tariff(session: Session, school_code: str, semester_code: str, *, lock: bool = False) -> Tariff | None:
    """The latest version of a school's tariff for a semester, or ``None``."""
    stmt = (select(Tariff).where(Tariff.school_code == school_code, Tariff.semester_code == semester_code)
            .order_by(Tariff.version.desc()).limit(1))
    return session.scalars(stmt.with_for_update() if lock else stmt).first()


def settlement_for(session: Session, school_code: str, semester_code: str, *, lock: bool = False) -> Settlement | None:
    """The school's settlement for the semester, or ``None`` (at most one per school and semester); ``lock``
    takes its row lock."""
    stmt = select(Settlement).where(Settlement.school_code == school_code, Settlement.semester_code == semester_code)
    return session.scalars(stmt.with_for_update() if lock else stmt).first()


def open_decision(session: Session, school_code: str, semester_code: str) -> Tariff | None:
    """Lock a school's tariff for a semester for a new decision → its current version, ``None`` before the first.

    404 ``semester_not_found``; 409 ``semester_settled`` once the school's settlement for the semester is approved
    (the settlement row is locked, so an approval running at the same moment is ordered before or after). The
    router checks ``If-Match`` against the current version next (0 before the first; stale → 412)."""
    get_semester(session, semester_code)
    settlement = settlement_for(session, school_code, semester_code, lock=True)
    if settlement is not None and settlement.state in SETTLED:
        raise errors.SemesterSettled(f"the {semester_code} settlement of {school_code} is {settlement.state}; "
                                     "its tariff can no longer change (correct with an adjustment)")
    return current_tariff(session, school_code, semester_code, lock=True)


def put_tariff(session: Session, school_code: str, semester_code: str, body: TariffPut, who: Identity,
               current: Tariff | None) -> Tariff:
    """Decide (or replace) a school's standard for a semester, keeping every earlier version: ``current`` is what
    :func:`open_decision` answered (its ``If-Match`` checked by the router).

    suggestion = min(operating cost per pupil, original fee); standard = the given one, else the suggestion.
    409 ``concurrent_update`` when another replacement wins the same version.
    """
    cost, fee = yuan_to_fen(body.operating_cost_per_pupil), yuan_to_fen(body.original_fee)
    suggestion = min(cost, fee)
    version = (current.version if current else 0) + 1
    tariff = Tariff(school_code=school_code, semester_code=semester_code, version=version,
                    operating_cost_fen=cost, original_fee_fen=fee, suggestion_fen=suggestion,
                    standard_fen=suggestion if body.standard is None else yuan_to_fen(body.standard),
                    standard_given=body.standard is not None, note=body.note, decided_by=who.subject,
                    decided_at=utcnow())
    session.add(tariff)
    try:
        session.flush()
    except IntegrityError:
        raise errors.ConcurrentUpdate("another tariff decision for this school and semester was saved first") from None
    history.record(session, change_history, resource="tariff", key=f"{school_code}/{semester_code}", who=who,
                   before=tariff_value(current) if current else None, after=tariff_value(tariff),
                   at=tariff.decided_at)
    return tariff


def tariff_value(t: Tariff) -> dict[str, Any]:
    """A tariff version as the change history keeps it (yuan as text, ``version``, ``standard_source``, note)."""
    return TariffRead.of(t).model_dump(mode="json", exclude={"decided_by", "decided_at"})


def list_tariffs(session: Session, *, semester: str | None, school_code: str | None, after: int,
                 limit: int) -> list[Tariff]:
    """Current versions only, ordered by id."""
    latest = (select(Tariff.school_code, Tariff.semester_code, func.max(Tariff.version).label("v"))
              .group_by(Tariff.school_code, Tariff.semester_code).subquery())
    stmt = select(Tariff).join(latest, and_(Tariff.school_code == latest.c.school_code,
                                            Tariff.semester_code == latest.c.semester_code,
                                            Tariff.version == latest.c.v))
    if semester:
        stmt = stmt.where(Tariff.semester_code == semester)
    if school_code:
        stmt = stmt.where(Tariff.school_code == school_code)
    return list(session.scalars(stmt.where(Tariff.id > after).order_by(Tariff.id).limit(limit + 1)))


def tariff_history(session: Session, school_code: str, semester_code: str, *, limit: int,
                   cursor: str | None) -> dict[str, Any]:
    """Every change of a school's tariff for a semester, oldest first, as a page of ``common.history`` changes
    (``after`` = the version decided, ``before`` = the one it replaced); 404 ``tariff_not_found`` when none was
    decided."""
    if current_tariff(session, school_code, semester_code) is None:
        raise errors.TariffNotFound(f"no tariff for {school_code} in {semester_code}")
    return history.read(session, change_history, resource="tariff", key=f"{school_code}/{semester_code}",
                        limit=limit, cursor=cursor)
