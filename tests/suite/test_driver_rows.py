"""common.db.driver_rows (issue 19: a settlement reads 20 000 seats a school without SQLAlchemy's per-row
processing): the rows SQLAlchemy would give, as the driver gives them — SQLAlchemy still binds the parameters; a
date is ISO text from sqlite3 and a date from psycopg, and funding's seat_spans turns either into dates — on SQLite
and PostgreSQL."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Column, Date, Integer, MetaData, Table, insert, select

from common.db import Database, driver_rows
from funding.schooling import seat_spans


def test_driver_rows_are_the_rows_sqlalchemy_reads(new_database_url, backend):
    db = Database(new_database_url("rows"))
    meta = MetaData()
    seats = Table("seats", meta, Column("id", Integer, primary_key=True), Column("start", Date),
                  Column("end", Date, nullable=True), Column("grade", Integer))
    meta.create_all(db.engine)
    rows = [(1, date(2025, 9, 1), None, 1), (2, date(2024, 2, 29), date(2025, 10, 31), 7),
            (3, date(2026, 2, 1), None, 9)]
    with db.engine.begin() as conn:
        conn.execute(insert(seats), [dict(zip(("id", "start", "end", "grade"), r)) for r in rows])
    stmt = select(seats.c.id, seats.c.start, seats.c.end).where(seats.c.start >= date(2024, 9, 1))
    with db.read_session() as session:
        raw = driver_rows(session, stmt.order_by(seats.c.id))
        through_sqlalchemy = [tuple(r) for r in session.execute(stmt.order_by(seats.c.id))]
        assert driver_rows(session, stmt.where(seats.c.id < 0)) == []
    assert through_sqlalchemy == [(1, date(2025, 9, 1), None), (3, date(2026, 2, 1), None)]
    assert [r[0] for r in raw] == [1, 3]  # the date parameter was bound as SQLAlchemy binds it
    assert isinstance(raw[0][1], str if backend == "sqlite" else date)
    assert seat_spans(raw) == through_sqlalchemy
    with db.read_session() as session:  # a seat that ended keeps its end date through the raw read
        assert seat_spans(driver_rows(session, select(seats.c.id, seats.c.start, seats.c.end)
                                      .where(seats.c.id == 2))) == [(2, date(2024, 2, 29), date(2025, 10, 31))]
    db.engine.dispose()
