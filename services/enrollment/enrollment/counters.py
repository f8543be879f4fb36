"""Named sequences in the service's own database (application numbers, run numbers)."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from enrollment.models import Counter


def next_numbers(session: Session, name: str, n: int = 1) -> range:
    """Reserve ``n`` numbers of the named sequence (1-based). The counter row is locked until commit, which also
    serialises the callers of one sequence (used to order run creation)."""
    dialect = session.get_bind().dialect.name
    upsert = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(upsert(Counter).values(name=name, value=0).on_conflict_do_nothing(index_elements=["name"]))
    last = session.execute(update(Counter).where(Counter.name == name).values(value=Counter.value + n)
                           .returning(Counter.value)).scalar_one()
    return range(last - n + 1, last + 1)
