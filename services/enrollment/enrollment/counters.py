"""Named sequences in the service's own database (application numbers, run numbers)."""

from __future__ import annotations

from sqlalchemy import bindparam, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from common.db import DriverStatement, insert_ignoring_conflicts
from enrollment.models import Counter


def applications_sequence(season: int, grade: int) -> str:
    """The sequence of a season and grade's application numbers; finalising a run of theirs locks it too, so a
    submission and a finalisation of one season and grade never overlap (see ``applications.closing_run``)."""
    return f"app:{season}:{grade}"


def _ensure(session: Session, name: str) -> None:
    insert_ignoring_conflicts(session, Counter, ["name"], {"name": name, "value": 0})


def lock_sequence(session: Session, name: str) -> None:
    """Lock the named sequence's row until commit without taking a number: the callers of
    :func:`next_numbers` for it wait meanwhile (PostgreSQL; SQLite write transactions are serial anyway)."""
    _ensure(session, name)
    session.execute(select(Counter.value).where(Counter.name == name).with_for_update())


def next_numbers(session: Session | Connection, name: str, n: int = 1) -> range:
    """Reserve ``n`` numbers of the named sequence (1-based) in the transaction of ``session`` (or its connection).
    The counter row is locked until commit, which also serialises the callers of one sequence (used to order run
    creation). One statement: the row is created at ``n`` or moved on by ``n`` (``INSERT … ON CONFLICT DO UPDATE …
    RETURNING``, SQLite ≥ 3.35 and PostgreSQL)."""
    conn = session.connection() if isinstance(session, Session) else session
    dialect = conn.dialect.name
    statement = _BUMP.get(dialect)
    if statement is None:
        upsert = (pg_insert if dialect == "postgresql" else sqlite_insert)(Counter)
        statement = _BUMP[dialect] = DriverStatement(
            upsert.values(name=bindparam("name"), value=bindparam("n"))
            .on_conflict_do_update(index_elements=["name"], set_={"value": Counter.value + upsert.excluded.value})
            .returning(Counter.value))
    (last,) = statement.execute(conn, {"name": name, "n": n}).fetchone()
    return range(last - n + 1, last + 1)


_BUMP: dict[str, DriverStatement] = {}  # per dialect, built once, run on the driver's cursor (a submission takes
# two numbers: issue 15)
