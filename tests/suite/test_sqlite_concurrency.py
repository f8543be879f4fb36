"""SQLite under concurrent writers (common.db: WAL, busy_timeout, BEGIN IMMEDIATE for write sessions): every writer
succeeds, none sees "database is locked", no update is lost — from threads on ``Database`` directly and through a
real HTTP app served by uvicorn with its thread pool. And datetimes: aware UTC on both backends, naive refused."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import Column, Integer, String, Table, func, insert, select, text, update
from sqlalchemy.exc import StatementError

from common.db import Database, UTCDateTime, WriteSession, make_base, utcnow
from server_kit import serving


def _schema():
    base = make_base()
    counters = Table("counters", base.metadata, Column("id", Integer, primary_key=True),
                     Column("value", Integer, nullable=False))
    events = Table("events", base.metadata, Column("id", Integer, primary_key=True),
                   Column("writer", String(40), nullable=False), Column("at", UTCDateTime(), nullable=False))
    return base.metadata, counters, events


@pytest.fixture
def sqlite_db(tmp_path):
    metadata, counters, events = _schema()
    db = Database(f"sqlite:///{tmp_path / 'concurrency.db'}")
    metadata.create_all(db.engine)
    with db.write_session() as session:
        session.execute(insert(counters).values(id=1, value=0))
        session.commit()
    db.counters, db.events = counters, events
    yield db
    db.dispose()


def _bump(db: Database, writer: str) -> None:
    """Read-modify-write: the lost-update shape that needs the write lock taken at BEGIN."""
    with db.write_session() as session:
        value = session.execute(select(db.counters.c.value).where(db.counters.c.id == 1)).scalar_one()
        session.execute(insert(db.events).values(writer=writer, at=utcnow()))
        session.execute(update(db.counters).where(db.counters.c.id == 1).values(value=value + 1))
        session.commit()


def _totals(db: Database) -> tuple[int, int]:
    with db.read_session() as session:
        value = session.execute(select(db.counters.c.value)).scalar_one()
        count = session.execute(select(func.count()).select_from(db.events)).scalar_one()
    return value, count


def test_sqlite_is_in_wal_mode_with_a_busy_timeout(sqlite_db):
    with sqlite_db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


@pytest.mark.parametrize("writers", [2, 8])
def test_concurrent_writer_threads_all_succeed(sqlite_db, writers):
    rounds = 25
    barrier = threading.Barrier(writers)

    def work(n: int) -> None:
        barrier.wait()
        for _ in range(rounds):
            _bump(sqlite_db, f"w{n}")

    with ThreadPoolExecutor(writers) as pool:
        for future in [pool.submit(work, n) for n in range(writers)]:
            future.result()  # re-raises "database is locked" if any writer failed
    assert _totals(sqlite_db) == (writers * rounds, writers * rounds)


def test_a_writer_waits_for_a_long_transaction_instead_of_failing(sqlite_db):
    holding = threading.Event()

    def long_writer() -> None:
        with sqlite_db.write_session() as session:
            session.execute(insert(sqlite_db.events).values(writer="long", at=utcnow()))
            holding.set()
            time.sleep(0.8)  # the write lock is held all this time
            session.commit()

    thread = threading.Thread(target=long_writer)
    thread.start()
    holding.wait(5)
    started = time.monotonic()
    _bump(sqlite_db, "waiting")  # queues on the lock (busy_timeout), then succeeds
    waited = time.monotonic() - started
    thread.join()
    assert waited >= 0.3
    assert _totals(sqlite_db) == (1, 2)


def test_readers_are_not_blocked_by_a_writer(sqlite_db):
    with sqlite_db.write_session() as writer:
        writer.execute(update(sqlite_db.counters).values(value=99))
        writer.flush()  # the write lock is held, uncommitted
        started = time.monotonic()
        assert _totals(sqlite_db) == (0, 0)  # WAL: the reader sees the last commit at once
        assert time.monotonic() - started < 0.5
        writer.commit()
    assert _totals(sqlite_db) == (99, 0)


def _counter_app(db: Database) -> FastAPI:
    app = FastAPI()
    app.state.db = db

    @app.post("/bump/{writer}")
    def bump(writer: str, session: WriteSession) -> dict:  # sync: runs in uvicorn's thread pool
        value = session.execute(select(db.counters.c.value).where(db.counters.c.id == 1)).scalar_one()
        session.execute(insert(db.events).values(writer=writer, at=utcnow()))
        session.execute(update(db.counters).where(db.counters.c.id == 1).values(value=value + 1))
        session.commit()
        return {"value": value + 1}

    return app


@pytest.mark.parametrize("clients", [2, 6])
def test_concurrent_writers_through_a_real_app(sqlite_db, clients):
    rounds = 20
    barrier = threading.Barrier(clients)
    with serving(_counter_app(sqlite_db)) as server:
        def work(n: int) -> list[int]:
            with httpx.Client(base_url=server.url, timeout=30) as client:
                barrier.wait()
                return [client.post(f"/bump/c{n}").status_code for _ in range(rounds)]

        with ThreadPoolExecutor(clients) as pool:
            statuses = [s for result in pool.map(work, range(clients)) for s in result]
    assert statuses == [200] * (clients * rounds)
    assert _totals(sqlite_db) == (clients * rounds, clients * rounds)


# --------------------------------------------------------------------------------------------------------------
# Datetimes come back timezone-aware in UTC on both backends; naive ones are refused


def test_utc_datetime_round_trip(new_database_url, backend):
    base = make_base()
    stamps = Table("stamps", base.metadata, Column("id", Integer, primary_key=True), Column("at", UTCDateTime()))
    db = Database(new_database_url("stamps"))
    base.metadata.create_all(db.engine)
    shanghai = timezone(timedelta(hours=8))
    moment = datetime(2025, 4, 30, 23, 30, 15, 123456, tzinfo=shanghai)
    try:
        with db.write_session() as session:
            session.execute(insert(stamps).values(id=1, at=moment))
            session.execute(insert(stamps).values(id=2, at=None))
            session.commit()
        with db.read_session() as session:
            if backend == "postgres":  # a session time zone other than UTC must not leak into the values
                session.execute(text("SET TIME ZONE 'America/New_York'"))
            back = dict(session.execute(select(stamps.c.id, stamps.c.at)).all())
            later = session.execute(select(stamps.c.at).where(
                stamps.c.at > datetime(2025, 4, 30, 15, 30, tzinfo=timezone.utc))).scalars().all()
        assert back[2] is None
        assert back[1].tzinfo is not None and back[1].utcoffset() == timedelta(0)
        assert back[1] == moment and (back[1].hour, back[1].minute) == (15, 30)
        assert len(later) == 1  # comparisons happen on the UTC instant
        with db.write_session() as session, pytest.raises(StatementError, match="naive datetime refused"):
            session.execute(insert(stamps).values(id=3, at=datetime(2025, 4, 30, 12, 0)))
    finally:
        db.dispose()
