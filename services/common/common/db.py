"""Engines, sessions, transactions and migrations for one service's own database.

SQLite (default): WAL mode, ``busy_timeout``, and write transactions opened with ``BEGIN IMMEDIATE`` so two
writers queue for the lock instead of failing with "database is locked"; within a process they queue on a lock of
their own first (first come, first served; see :func:`make_engine`). Reads use a deferred ``BEGIN``.
PostgreSQL: selected by the service's ``database_url``; READ COMMITTED, unique constraints for idempotency.

The request owns the transaction: a write endpoint takes :data:`WriteSession`, calls the service layer (which never
commits) and commits once.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import DateTime, Executable, MetaData, Table, create_engine, event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def make_base() -> type[DeclarativeBase]:
    """A fresh declarative base with the suite's naming convention (one per service)."""

    class ServiceBase(DeclarativeBase):
        metadata = MetaData(naming_convention=NAMING_CONVENTION)

    return ServiceBase


class UTCDateTime(TypeDecorator):
    """Timezone-aware datetime stored in UTC on both backends; naive values are refused."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime refused: give a timezone")
        value = value.astimezone(timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


SQLITE_WRITE_WAIT_S = 30  # as long as SQLite's busy_timeout
_HOLDS_WRITE_LOCK = "tc_holds_write_lock"


def make_engine(url: str, *, pool_size: int = 10) -> Engine:
    """Create the engine for ``url``. SQLite gets WAL, busy_timeout 30 s, and IMMEDIATE write transactions."""
    if url.startswith("sqlite"):
        if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                               pool_size=pool_size, max_overflow=20)

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _: Any) -> None:
            dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        # One writer at a time is all SQLite allows. Writers of this process queue on a lock, first come first
        # served, and start the moment the one before is done; left to SQLite's busy handler they poll with sleeps
        # of up to 100 ms, which made the tail of a write (p99) ten times its median under load. Writers in other
        # processes (the embedded default runs one per file; several processes of a service belong on PostgreSQL)
        # still meet at BEGIN IMMEDIATE.
        write_lock = threading.Lock()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: Any) -> None:
            options = conn.get_execution_options()
            if not options.get("tc_write", False):
                conn.exec_driver_sql("BEGIN")
                return
            if not write_lock.acquire(timeout=SQLITE_WRITE_WAIT_S):
                raise sqlite3.OperationalError(f"database is locked: waited {SQLITE_WRITE_WAIT_S} s for this "
                                               "process's other writers")
            conn.info[_HOLDS_WRITE_LOCK] = True
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            except BaseException:
                _release(conn)
                raise

        def _release(conn: Any, *_: Any) -> None:
            if conn.info.pop(_HOLDS_WRITE_LOCK, False):
                write_lock.release()

        def _release_on_checkin(_dbapi_conn: Any, record: Any) -> None:  # a connection given back mid-transaction
            if record.info.pop(_HOLDS_WRITE_LOCK, False):
                write_lock.release()

        event.listen(engine, "commit", _release)
        event.listen(engine, "rollback", _release)
        event.listen(engine.pool, "checkin", _release_on_checkin)
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return create_engine(url, pool_size=pool_size, max_overflow=20, pool_pre_ping=True)


def insert_rows(session: Session, table: Table, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert ``rows`` (plain tuples in ``columns`` order) in the session's transaction, as a bulk write: SQLite gets
    one DBAPI ``executemany``, PostgreSQL a ``COPY … FROM STDIN`` (psycopg's ``Cursor.copy``).

    For columns that need no type conversion (integers, text). It skips SQLAlchemy's per-row parameter processing,
    about 2 µs a row (a million settlement lines spent 2 s there), and on PostgreSQL the round trips of
    ``executemany`` (COPY is about 3× faster). Columns with a ``TypeDecorator`` (``UTCDateTime``) must go through a
    Core ``insert`` instead, or be bound first by :func:`bind_processor` (a value repeated on many rows: once).
    """
    if not rows:
        return
    conn = session.connection()
    names = ", ".join(columns)
    if conn.dialect.name == "postgresql":
        cursor = conn.connection.driver_connection.cursor()
        with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    conn.exec_driver_sql(f"INSERT INTO {table.name} ({names}) VALUES ({', '.join([mark] * len(columns))})", list(rows))


def bind_processor(session: Session, column: Any) -> Any:
    """``value → value as the driver takes it`` for ``column`` on the session's database: its type's bind processing
    (a ``TypeDecorator``'s ``process_bind_param``, then the dialect's; e.g. ``UTCDateTime`` on SQLite → the naive
    UTC text SQLAlchemy stores), for a value written by :func:`insert_rows`. ``None`` stays ``None``."""
    dialect = session.get_bind().dialect
    process = column.type.dialect_impl(dialect).bind_processor(dialect)  # the dialect's type: SQLite's DATETIME
    return process if process is not None else (lambda value: value)


def result_processor(session: Session, column: Any) -> Any:
    """``driver value → Python value`` for ``column`` on the session's database, as SQLAlchemy reads it (the
    dialect's processing, then a ``TypeDecorator``'s ``process_result_value``): for a column of
    :func:`driver_rows` whose driver value differs by backend (a boolean is 0 / 1 from sqlite3; a datetime is text).
    ``None`` stays ``None``."""
    dialect = session.get_bind().dialect
    process = column.type.dialect_impl(dialect).result_processor(dialect, None)
    return process if process is not None else (lambda value: value)


def driver_rows(session: Session, stmt: Executable) -> list[tuple[Any, ...]]:
    """Every row of a Core ``select`` run in the session's transaction, as the DBAPI driver returns them: plain
    tuples without SQLAlchemy's per-row result processing (a third of the time when a settlement reads a school's
    20 000 seats). SQLAlchemy still compiles the statement and binds its parameters; only the fetch is raw, so a
    value comes as the driver's own type: a date is a ``date`` from psycopg but ISO text from sqlite3, so the caller
    turns such columns back (``date.fromisoformat``). For bulk reads of plain columns (integers, text, dates)."""
    result = session.connection().execute(stmt)
    try:
        return result.cursor.fetchall() if result.returns_rows else []
    finally:
        result.close()


class DriverStatement:
    """A prebuilt Core statement run on the DBAPI cursor of a session's connection, inside its transaction.

    Issue 15: a write the platform makes most (a submission: a dozen statements) spent more of its CPU in
    SQLAlchemy's execution layer (execution context, event dispatch, result set-up: some 40 µs a statement) than in
    the database. This runs the statement as SQLAlchemy would send it — compiled once per dialect (``columns``: the
    keys of the rows an ``INSERT`` takes, all of them: a column left to a Python-side default is refused here),
    each value through its type's bind processor (JSON text, UTC datetimes exactly as SQLAlchemy stores them) —
    straight on the driver's cursor. A driver error is raised as SQLAlchemy's (``IntegrityError``...), so callers
    catch what they caught before. Rows come back as the driver returns them (plain tuples: a date from sqlite3 is
    ISO text), so select plain columns. No expanding ``IN`` (a list parameter); use ``=`` or a Core statement.
    Where anything listens to the engine's statements (tracing, a test counting them), the statement goes through
    SQLAlchemy instead, so every statement is still seen.
    """

    def __init__(self, stmt: Executable, columns: Sequence[str] | None = None):
        self.stmt, self.columns = stmt, list(columns) if columns is not None else None
        self._forms: dict[str, tuple[str, Sequence[str], Sequence[str] | None, dict[str, Any], dict[str, Any]]] = {}

    def _form(self, dialect: Any) -> tuple[str, Sequence[str], Sequence[str] | None, dict[str, Any], dict[str, Any]]:
        """(SQL, parameter names in order, their names in the SQL when named, fixed values, bind processors)."""
        form = self._forms.get(dialect.name)
        if form is None:
            compiled = self.stmt.compile(dialect=dialect, column_keys=self.columns, for_executemany=True)
            binds = compiled.bind_names  # BindParameter → its name in this compilation
            if compiled.insert_prefetch or compiled.update_prefetch or any(b.expanding for b in binds):
                raise ValueError("a DriverStatement takes every column's value and no expanding parameter")
            names = list(compiled.positiontup) if compiled.positional else sorted(set(binds.values()))
            keys = None if compiled.positional else [compiled.escaped_bind_names.get(n, n) for n in names]
            fixed = {name: b.effective_value for b, name in binds.items() if not b.required}
            processors = {name: proc for b, name in binds.items()
                          if (proc := b.type.dialect_impl(dialect).bind_processor(dialect)) is not None}
            form = self._forms[dialect.name] = (compiled.string, names, keys, fixed, processors)
        return form

    @staticmethod
    def _driver_params(form: tuple[str, Sequence[str], Sequence[str] | None, dict[str, Any], dict[str, Any]],
                       params: dict[str, Any]) -> Any:
        _, names, keys, fixed, processors = form
        values = {**fixed, **params} if fixed else params
        out = [values[name] if (proc := processors.get(name)) is None else proc(values[name]) for name in names]
        return out if keys is None else dict(zip(keys, out))

    def execute(self, on: Session | Connection, params: dict[str, Any] | Sequence[dict[str, Any]] = ()) -> Any:
        """Run with ``params`` (one dict, or a list of dicts: ``executemany``) in the transaction of ``on`` (a
        session, or its ``connection()`` when the caller runs several: each ``Session.connection()`` costs some
        25 µs) → the driver's cursor (``fetchone()``, ``fetchall()``, ``rowcount``), or SQLAlchemy's result where
        the engine's statements are listened to (both have those three)."""
        conn = on.connection() if isinstance(on, Session) else on
        if conn.dispatch.before_cursor_execute:  # tracing, a test counting statements
            return conn.execute(self.stmt, params if isinstance(params, dict) else list(params))
        form = self._form(conn.dialect)
        cursor = conn.connection.driver_connection.cursor()
        try:
            if isinstance(params, dict):
                cursor.execute(form[0], self._driver_params(form, params))
            else:
                cursor.executemany(form[0], [self._driver_params(form, p) for p in params])
        except conn.dialect.loaded_dbapi.Error as exc:
            raise DBAPIError.instance(form[0], params, exc, conn.dialect.loaded_dbapi.Error) from exc
        return cursor


class Database:
    """One service's engine with its read and write session factories."""

    def __init__(self, url: str, *, pool_size: int = 10):
        self.url = url
        self.engine = make_engine(url, pool_size=pool_size)
        self.backend = self.engine.dialect.name
        self._read = sessionmaker(bind=self.engine, expire_on_commit=False)
        self.write_engine = self.engine.execution_options(tc_write=True)  # its transactions take the write lock
        self._write = sessionmaker(bind=self.write_engine, expire_on_commit=False)
        self._compiled: dict[int, tuple[Executable, str, Sequence[str] | None]] = {}  # one_row's statements
        self.traced = False  # set where tracing instruments the engine (common.app): one_row then keeps its span

    def read_session(self) -> Session:
        return self._read()

    def one_row(self, stmt: Executable, **params: Any) -> tuple[Any, ...] | None:
        """The first row of a prebuilt Core ``select`` of a hot keyed read, as the DBAPI driver returns it (a plain
        tuple), or ``None``. ``params``: its named bind parameters.

        Issue 15: the platform's most frequent request is one keyed row, and SQLAlchemy's ``Connection`` around it
        (set-up, event dispatch, execution context, result processing, close) cost several times the read. Here the
        statement is compiled once per statement and engine, and run on a pooled DBAPI connection: no ``BEGIN`` on
        SQLite (a single statement reads one snapshot by itself; PostgreSQL opens its transaction implicitly and the
        pool rolls it back on return). As with :func:`driver_rows`, values come as the driver's own types, so select
        only plain columns (integers, text; cast JSON to text) and no ``TypeDecorator`` column. The read is not seen
        by SQLAlchemy's events, so where tracing is on (``traced``) it goes through a ``Connection`` instead and
        keeps its span."""
        if self.traced:
            with self.engine.connect() as conn:
                row = conn.execute(stmt, params).first()
                return None if row is None else tuple(row)
        compiled = self._compiled.get(id(stmt))
        if compiled is None:
            sql = stmt.compile(dialect=self.engine.dialect)
            compiled = self._compiled[id(stmt)] = (stmt, sql.string, sql.positiontup if sql.positional else None)
        _, sql_text, names = compiled
        conn = self.engine.raw_connection()
        try:
            cursor = conn.cursor()
            try:
                cursor.execute(sql_text, params if names is None else [params[name] for name in names])
                return cursor.fetchone()
            finally:
                cursor.close()
        finally:
            conn.close()

    def write_session(self) -> Session:
        """A session whose transaction takes the write lock at BEGIN on SQLite."""
        return self._write()

    def dispose(self) -> None:
        self.engine.dispose()


def insert_ignoring_conflicts(session: Session, table: Any, keys: Sequence[str], values: dict[str, Any]) -> None:
    """``INSERT … ON CONFLICT (keys) DO NOTHING`` on SQLite and PostgreSQL: a row a concurrent transaction (another
    process of the service) inserted first is left as it is, with no IntegrityError to recover from. On PostgreSQL
    the statement waits for that transaction to end, so a read after it sees the winner's row."""
    from sqlalchemy.dialects.postgresql import insert as pg_insert
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    session.execute(insert(table).values(**values).on_conflict_do_nothing(index_elements=list(keys)))


def _db(request: Request) -> Database:
    return request.app.state.db


def _read_session(request: Request) -> Iterator[Session]:
    with _db(request).read_session() as session:
        yield session


def _write_session(request: Request) -> Iterator[Session]:
    session = _db(request).write_session()
    try:
        yield session
    finally:
        session.close()  # rolls back anything the endpoint did not commit


ReadSession = Annotated[Session, Depends(_read_session)]
WriteSession = Annotated[Session, Depends(_write_session)]


def alembic_config(service_dir: Path, url: str):
    """Alembic ``Config`` for a service folder holding ``alembic.ini`` and ``migrations/``."""
    from alembic.config import Config

    cfg = Config(str(service_dir / "alembic.ini"))
    cfg.set_main_option("script_location", str(service_dir / "migrations"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    cfg.attributes["configure_logger"] = False
    return cfg


MIGRATION_LOCK = 7_461_730_001  # PostgreSQL advisory-lock key of the migration step (any constant the suite owns)


def upgrade_to_head(service_dir: Path, url: str) -> None:
    """Run ``alembic upgrade head`` for the service (called on start).

    Several processes of a service may start at once against one PostgreSQL database (issue 14): the step runs
    under a session advisory lock (``pg_advisory_lock``), so they migrate one after the other; the first applies
    what is missing and the others find the database at head and change nothing. SQLite needs no lock of ours: a
    migration is one transaction holding the file's write lock, and a process that starts meanwhile waits for it
    (busy timeout) and then finds the database at head (three processes at once: all exit 0, one revision).
    """
    from alembic import command

    cfg = alembic_config(service_dir, url)
    if not url.startswith("postgresql"):
        command.upgrade(cfg, "head")
        return
    from sqlalchemy import text

    engine = make_engine(url, pool_size=1)
    try:
        with engine.connect() as lock:
            lock.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})
            lock.commit()
            try:
                command.upgrade(cfg, "head")
            finally:
                lock.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
                lock.commit()
    finally:
        engine.dispose()


def migration_heads(service_dir: Path) -> set[str]:
    """The head revision(s) of the service's migration scripts (read from the files; no database)."""
    from alembic.script import ScriptDirectory

    return set(ScriptDirectory.from_config(alembic_config(service_dir, "sqlite://")).get_heads())


def migrations_at_head(engine: Engine, heads: set[str]) -> tuple[bool, str]:
    """Is the database at ``heads`` (:func:`migration_heads`)? → ``(at_head, detail)``; raises when the database
    cannot be reached."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
    if current == heads:
        return True, "at head " + ", ".join(sorted(heads))
    return False, f"at {', '.join(sorted(current)) or 'no revision'}, head is {', '.join(sorted(heads))}"


def run_migrations_env(target_metadata: MetaData) -> None:
    """Body of every service's ``migrations/env.py`` (online mode; batch mode on SQLite)."""
    from alembic import context

    config = context.config
    url = config.get_main_option("sqlalchemy.url")
    connectable = config.attributes.get("connection")
    if connectable is None:
        engine = make_engine(url, pool_size=1)
        with engine.connect() as connection:
            _configure_and_run(context, connection, target_metadata)
        engine.dispose()
    else:
        _configure_and_run(context, connectable, target_metadata)


def _configure_and_run(context: Any, connection: Any, target_metadata: MetaData) -> None:
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=connection.dialect.name == "sqlite", compare_type=True)
    with context.begin_transaction():
        context.run_migrations()
