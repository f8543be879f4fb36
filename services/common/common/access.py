"""Who read whose data (个人信息访问记录): one row per read of one application's personal data, written in the
read's own transaction (one INSERT), or for a hot read that writes nothing else, behind it in batches
(:class:`Recorder`); listed for auditors, kept for a configured period and purged only by an explicit command that
says how many it removed.

A row: ``at`` (UTC stored; Asia/Shanghai shown), ``reader`` (``role:subject``), ``application_no`` (null for a read
of the log that named none), ``season`` (of the application; drives retention), ``endpoint`` (``GET
/applications/{no}``...). The table lives in the reading service's database (:func:`access_table`, its own
migration).
"""

from __future__ import annotations

import logging
import threading
from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from sqlalchemy import Column, Index, Integer, MetaData, String, Table, and_, delete, func, insert, or_, select
from sqlalchemy.orm import Session

from common import paging
from common.db import Database, UTCDateTime, WriteSession, bind_processor, insert_rows, utcnow
from common.errors import AccessLogUnavailable
from common.history import actor
from common.identity import Caller, Identity
from common.paging import Cursor, Limit
from common.schemas import SHANGHAI, Page, day_in_shanghai, utc_text


def access_table(metadata: MetaData) -> Table:
    """Define the ``access_log`` table on a service's metadata."""
    return Table(
        "access_log", metadata,
        Column("id", Integer, primary_key=True),
        Column("at", UTCDateTime(), nullable=False),
        Column("reader", String(160), nullable=False),
        Column("application_no", String(40)),
        Column("season", Integer),
        Column("endpoint", String(120), nullable=False),
        Index(None, "application_no", "id"),
        Index(None, "reader", "id"),
    )


def create_table_in_migration(op: Any) -> None:
    """The migration that adds :func:`access_table` to a service (as first shipped; a later change of the table is
    a migration of its own)."""
    import sqlalchemy as sa

    op.create_table("access_log",
                    sa.Column("id", sa.Integer(), nullable=False),
                    sa.Column("at", UTCDateTime(timezone=True), nullable=False),
                    sa.Column("reader", sa.String(length=160), nullable=False),
                    sa.Column("application_no", sa.String(length=40), nullable=True),
                    sa.Column("season", sa.Integer(), nullable=True),
                    sa.Column("endpoint", sa.String(length=120), nullable=False),
                    sa.PrimaryKeyConstraint("id", name=op.f("pk_access_log")))
    with op.batch_alter_table("access_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_access_log_application_no"), ["application_no", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_access_log_reader"), ["reader", "id"], unique=False)


def drop_table_in_migration(op: Any) -> None:
    """The downgrade of :func:`create_table_in_migration`."""
    with op.batch_alter_table("access_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_access_log_reader"))
        batch_op.drop_index(batch_op.f("ix_access_log_application_no"))
    op.drop_table("access_log")


def record(session: Session, table: Table, who: Identity, *, application_no: str | None, season: int | None,
           endpoint: str) -> None:
    """One INSERT in ``session``'s transaction (the caller commits)."""
    session.execute(insert(table).values(at=utcnow(), reader=actor(who), application_no=application_no,
                                         season=season, endpoint=endpoint))


def record_many(session: Session, table: Table, who: Identity, reads: list[tuple[str, int | None]], *,
                endpoint: str) -> None:
    """One record per ``(application_no, season)`` shown by a list read that discloses personal data whole (a
    department's queue): one multi-row INSERT in ``session``'s transaction; an application listed twice in the
    page is recorded once (a page of 1,000 requests: some 500 rows, without SQLAlchemy's per-row parameter
    processing; issue 15)."""
    seen: dict[str, int | None] = dict(reads)
    if seen:  # one bulk write (common.db.insert_rows); the shared time converted once by its column's type
        at, reader = bind_processor(session, table.c.at)(utcnow()), actor(who)
        insert_rows(session, table, ("at", "reader", "application_no", "season", "endpoint"),
                    [(at, reader, no, season, endpoint) for no, season in seen.items()])


class Recorder:
    """The access records of a hot read (points' ``GET /scores/{no}``, issue 15), written behind the read by one
    writer thread: the reads of each moment (``linger_s``) go in as one multi-row INSERT in one short write
    transaction, where a transaction of its own per read (the write lock, a connection, a commit) cost the read
    about half its CPU.

    - A record carries the read's own time (``at``), reader, application, season and endpoint; ids follow the order
      the reads were taken in.
    - Nothing is lost when the process stops normally: :meth:`close` (the service's lifespan, after the server has
      answered its last request) writes what is pending. ``GET /access-log`` and its purge write what is pending
      first (:meth:`flush`), so an auditor of this process sees every read answered before the question.
    - On a crash (the process killed, the machine down) the reads of the last ``linger_s`` (50 ms) whose records
      were not yet written are answered but unrecorded; a failed write is logged and retried every second with the
      records kept in order. Past ``max_pending`` unwritten records (the database refusing writes for long) a read
      is refused (503 ``access_log_unavailable``) rather than answered without its record.
    - With several processes of a service, an auditor asking another process sees a read up to ``linger_s`` late.
    """

    def __init__(self, db: Database, table: Table, *, linger_s: float = 0.05, max_pending: int = 20_000):
        self._engine, self._insert = db.write_engine, insert(table)
        self._linger, self._max_pending = linger_s, max_pending
        self._pending: list[dict[str, Any]] = []
        self._lock = threading.Lock()  # guards _pending
        self._writing = threading.Lock()  # one batch at a time: a flush also waits for the batch in flight
        self._wake = threading.Event()  # a record waits
        self._closing = threading.Event()
        self._thread = threading.Thread(target=self._run, name="access-records", daemon=True)
        self._thread.start()

    def add(self, who: Identity, *, application_no: str, season: int | None, endpoint: str) -> None:
        """Take one read's record (written within ``linger_s``); 503 when too many wait to be written."""
        row = {"at": utcnow(), "reader": actor(who), "application_no": application_no, "season": season,
               "endpoint": endpoint}
        with self._lock:
            if len(self._pending) >= self._max_pending:
                raise AccessLogUnavailable("the access log cannot be written now; the read is refused unrecorded")
            self._pending.append(row)
        if not self._wake.is_set():
            self._wake.set()

    def flush(self) -> None:
        """Write every record taken so far (and wait for the batch in flight); raises when the database does."""
        with self._writing:
            with self._lock:
                rows, self._pending = self._pending, []
            if not rows:
                return
            try:
                with self._engine.begin() as conn:
                    conn.execute(self._insert, rows)
            except BaseException:
                with self._lock:
                    self._pending[:0] = rows  # kept, in order, for the next try
                raise

    def close(self) -> None:
        """Stop the writer and write what is pending (the lifespan's end)."""
        self._closing.set()
        self._wake.set()
        self._thread.join()
        try:
            self.flush()
        except Exception:
            _log.exception("access records lost at shutdown: %d", len(self._pending))

    def _run(self) -> None:
        while not self._closing.is_set():
            self._wake.wait()
            self._closing.wait(self._linger)  # gather the reads of the next moments into this batch
            self._wake.clear()
            if self._closing.is_set():
                return  # close() writes the rest
            try:
                self.flush()
            except Exception:
                _log.exception("access records not written (%d waiting); retrying in 1 s", len(self._pending))
                self._wake.set()
                self._closing.wait(1.0)


def flush_pending(request: Request) -> None:
    """Write the service's pending :class:`Recorder` records, if it has one (``app.state.access_recorder``)."""
    recorder = getattr(request.app.state, "access_recorder", None)
    if recorder is not None:
        recorder.flush()


_log = logging.getLogger("tongcheng.access")


def read(session: Session, table: Table, *, application_no: str | None, reader: str | None, limit: int,
         cursor: str | None, listing: str = "access-log") -> dict[str, Any]:
    """Records oldest first, filtered by application and/or reader: ``{items: [{id, at (Asia/Shanghai), at_utc,
    reader, application_no, season, endpoint}], next_cursor}``. ``listing``: the cursor's listing name
    (:mod:`common.paging`), one per service's log so one service's cursor is refused by another's."""
    query = select(table).where(table.c.id > paging.after_id(listing, cursor)).order_by(table.c.id).limit(limit + 1)
    if application_no is not None:
        query = query.where(table.c.application_no == application_no)
    if reader is not None:
        query = query.where(table.c.reader == reader)
    return paging.page(session.execute(query).all(), limit, listing, key=lambda r: r.id, view=lambda r: {
        "id": r.id, "at": r.at.astimezone(SHANGHAI).isoformat(), "at_utc": utc_text(r.at), "reader": r.reader,
        "application_no": r.application_no, "season": r.season, "endpoint": r.endpoint})


def expired(table: Table, *, today: date, keep_years: int) -> Any:
    """The records past retention on ``today`` (Asia/Shanghai): a season's records are kept through its school
    year (to 31 August of season + 1) and ``keep_years`` more; a record without a season ``1 + keep_years``
    years from its day."""
    last_season = today.year - 2 - keep_years + (1 if (today.month, today.day) > (8, 31) else 0)
    cutoff = datetime(today.year - 1 - keep_years, today.month, min(today.day, 28), tzinfo=SHANGHAI)
    return or_(table.c.season <= last_season, and_(table.c.season.is_(None), table.c.at < cutoff))


def purge(session: Session, table: Table, *, today: date, keep_years: int, dry_run: bool) -> dict[str, Any]:
    """Count (and unless ``dry_run`` delete) the expired records → ``{expired, purged, kept, keep_years}``."""
    gone = expired(table, today=today, keep_years=keep_years)
    count = session.scalar(select(func.count()).select_from(table).where(gone)) or 0
    if not dry_run and count:
        session.execute(delete(table).where(gone))
    total = session.scalar(select(func.count()).select_from(table)) or 0
    return {"expired": count, "purged": 0 if dry_run else count, "kept": total - count if dry_run else total,
            "keep_years": keep_years, "dry_run": dry_run}


def router(table: Table, *, prefix: str) -> APIRouter:
    """``GET /access-log`` and ``POST /access-log/purge`` over a service's ``table`` (auditors only; both are
    themselves recorded). ``prefix``: the service's settings prefix, for the retention setting's name in the
    description (``ENROLLMENT_``); the retention is ``app.state.settings.access_log_keep_years``, today
    ``app.state.clock()`` where the service has one, else the Asia/Shanghai day."""
    api = APIRouter(tags=["access log"])
    listing = f"access-log/{prefix.rstrip('_').lower()}"  # enrollment's cursor is not points'

    @api.get("/access-log", response_model=Page)
    def access_records(who: Caller("auditor"), session: WriteSession, request: Request,
                       application_no: Annotated[str | None, Query(max_length=40)] = None,
                       reader: Annotated[str | None, Query(max_length=160, description="role:subject")] = None,
                       limit: Limit = 100, cursor: Cursor = None) -> dict[str, Any]:
        """Reads of one application's personal data in this service (个人信息访问记录), oldest first, by
        ``application_no`` and/or ``reader`` (``role:subject``): ``{items: [{id, at (Asia/Shanghai), at_utc, reader,
        application_no, season, endpoint}], next_cursor}``. This read is itself recorded (endpoint ``GET
        /access-log``, the application asked about). 422 ``invalid_cursor``."""
        flush_pending(request)
        page = read(session, table, application_no=application_no, reader=reader, limit=limit, cursor=cursor,
                    listing=listing)
        record(session, table, who, application_no=application_no, season=None, endpoint="GET /access-log")
        session.commit()
        return page

    @api.post("/access-log/purge", description=(
        f"Delete this service's access records past retention (`{prefix}ACCESS_LOG_KEEP_YEARS`, default 1: a "
        "season's records are kept through its school year, to 31 August of season + 1, and that many years "
        "more) → `{expired, purged, kept, keep_years, dry_run}`. Only this call purges (`tongcheng "
        "purge-access-log` calls it on every service); the purge is itself recorded."), response_model=None)
    def purge_access_records(who: Caller("auditor"), session: WriteSession, request: Request,
                             dry_run: Annotated[bool, Query()] = False) -> dict[str, Any]:
        flush_pending(request)
        clock = getattr(request.app.state, "clock", None)
        out = purge(session, table, today=clock() if clock else day_in_shanghai(),
                    keep_years=request.app.state.settings.access_log_keep_years, dry_run=dry_run)
        record(session, table, who, application_no=None, season=None,
               endpoint=f"POST /access-log/purge ({out['purged']} purged)")
        session.commit()
        return out

    return api
