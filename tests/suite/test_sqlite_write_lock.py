"""SQLite writers of one process queue on the engine's write lock (``common.db.make_engine``): one write
transaction at a time, the lock given back on commit, on rollback, on a session closed without either and on a
connection returned mid-transaction; reads never take it; and many concurrent writers all succeed."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import OperationalError

from common.db import Database


@pytest.fixture
def db(tmp_path):
    database = Database(f"sqlite:///{tmp_path / 'w.db'}", pool_size=4)
    with database.engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, who TEXT)"))
    yield database
    database.dispose()


def _second_writer_started(db: Database) -> tuple[threading.Event, threading.Thread]:
    """Start a writer in another thread; the event is set once its write transaction has begun."""
    began = threading.Event()

    def write() -> None:
        with db.write_session() as s:
            s.execute(text("INSERT INTO t (who) VALUES ('second')"))
            began.set()
            s.commit()

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return began, thread


@pytest.mark.parametrize("ending", ["commit", "rollback", "close", "connection_checkin"])
def test_a_second_writer_waits_for_the_first_to_end(db, ending):
    first = db.write_session()
    first.execute(text("INSERT INTO t (who) VALUES ('first')"))
    began, second = _second_writer_started(db)
    assert not began.wait(0.3), "a second writer began while the first held its transaction"
    with db.read_session() as r:  # readers are not held
        assert r.execute(text("SELECT count(*) FROM t")).scalar_one() == 0
    if ending == "commit":
        first.commit()
    elif ending == "rollback":
        first.rollback()
    elif ending == "close":
        first.close()
    else:  # the DBAPI connection handed back to the pool without a rollback through SQLAlchemy's Connection
        first.connection().connection.close()
    assert began.wait(5), f"the second writer never began after the first's {ending}"
    second.join(5)
    with db.read_session() as r:
        rows = sorted(r.execute(text("SELECT who FROM t")).scalars())
    assert rows == (["first", "second"] if ending == "commit" else ["second"])
    first.close()


def test_a_failed_begin_gives_the_lock_back(db, monkeypatch):
    session = db.write_session()
    session.execute(text("INSERT INTO t (who) VALUES ('held')"))
    # while it is held, a writer on another engine of the same file meets SQLite's own lock at BEGIN IMMEDIATE
    other = Database(db.url, pool_size=1)
    try:
        blocked = other.engine.execution_options(tc_write=True).connect()
        blocked.connection.driver_connection.execute("PRAGMA busy_timeout=50")  # no BEGIN yet
        with pytest.raises(OperationalError, match="locked"):
            blocked.execute(text("SELECT 1"))
        blocked.close()
        session.commit()
        with other.write_session() as s:  # the lock of ``other`` was given back after the failed BEGIN
            s.execute(text("INSERT INTO t (who) VALUES ('after')"))
            s.commit()
    finally:
        session.close()
        other.dispose()


def test_many_concurrent_writers_all_succeed_in_turn(db):
    active, most = 0, 0
    guard = threading.Lock()

    def write(i: int) -> None:
        nonlocal active, most
        with db.write_session() as s:
            s.execute(text("INSERT INTO t (who) VALUES (:w)"), {"w": f"w{i}"})
            with guard:
                active += 1
                most = max(most, active)
            s.execute(text("SELECT count(*) FROM t")).scalar_one()
            with guard:
                active -= 1
            s.commit()

    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(write, range(200)))
    with db.read_session() as r:
        assert r.execute(text("SELECT count(*) FROM t")).scalar_one() == 200
    assert most == 1


def test_writers_of_a_process_wait_on_the_lock_not_on_sqlites_busy_timeout(tmp_path):
    """With SQLite's own busy timeout cut to 50 ms, a writer that waits 300 ms for another still succeeds: it
    waited on the process's lock, which has no such limit short of 30 s."""
    database = Database(f"sqlite:///{tmp_path / 'b.db'}", pool_size=2)
    event.listen(database.engine, "connect", lambda dbapi_conn, _: dbapi_conn.execute("PRAGMA busy_timeout=50"))
    try:
        with database.engine.begin() as conn:
            conn.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, who TEXT)"))
        first = database.write_session()
        first.execute(text("INSERT INTO t (who) VALUES ('first')"))
        began, second = _second_writer_started(database)
        assert not began.wait(0.3)
        first.commit()
        first.close()
        second.join(5)
        with database.read_session() as r:
            assert sorted(r.execute(text("SELECT who FROM t")).scalars()) == ["first", "second"]
    finally:
        database.dispose()
