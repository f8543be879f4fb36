"""Named sequences in the service's own database (application numbers, run numbers)."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from enrollment.models import Counter


def applications_sequence(season: int, grade: int) -> str:
    """The sequence of a season and grade's application numbers; finalising a run of theirs locks it too, so a
    submission and a finalisation of one season and grade never overlap (see ``applications.closing_run``)."""
    return f"app:{season}:{grade}"


def _ensure(session: Session, name: str) -> None:
    dialect = session.get_bind().dialect.name
    upsert = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(upsert(Counter).values(name=name, value=0).on_conflict_do_nothing(index_elements=["name"]))


def lock_sequence(session: Session, name: str) -> None:
    """Lock the named sequence's row until commit without taking a number: the callers of
    :func:`next_numbers` for it wait meanwhile (PostgreSQL; SQLite write transactions are serial anyway)."""
    _ensure(session, name)
    session.execute(select(Counter.value).where(Counter.name == name).with_for_update())


def next_numbers(session: Session, name: str, n: int = 1) -> range:
    """Reserve ``n`` numbers of the named sequence (1-based). The counter row is locked until commit, which also
    serialises the callers of one sequence (used to order run creation)."""
    _ensure(session, name)
    last = session.execute(update(Counter).where(Counter.name == name).values(value=Counter.value + n)
                           .returning(Counter.value)).scalar_one()
    return range(last - n + 1, last + 1)
