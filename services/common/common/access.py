"""Who read whose data (个人信息访问记录): one row per read of one application's personal data, written in the
read's own transaction (one INSERT), listed for auditors, kept for a configured period and purged only by an
explicit command that says how many it removed.

A row: ``at`` (UTC stored; Asia/Shanghai shown), ``reader`` (``role:subject``), ``application_no`` (null for a read
of the log that named none), ``season`` (of the application; drives retention), ``endpoint`` (``GET
/applications/{no}``...). The table lives in the reading service's database (:func:`access_table`, its own
migration).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, Index, Integer, MetaData, String, Table, and_, delete, func, insert, or_, select
from sqlalchemy.orm import Session

from common.db import UTCDateTime, utcnow
from common.history import actor, parse_cursor
from common.identity import Identity
from common.schemas import SHANGHAI


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


def record(session: Session, table: Table, who: Identity, *, application_no: str | None, season: int | None,
           endpoint: str) -> None:
    """One INSERT in ``session``'s transaction (the caller commits)."""
    session.execute(insert(table).values(at=utcnow(), reader=actor(who), application_no=application_no,
                                         season=season, endpoint=endpoint))


def read(session: Session, table: Table, *, application_no: str | None, reader: str | None, limit: int,
         cursor: str | None) -> dict[str, Any]:
    """Records oldest first, filtered by application and/or reader: ``{items: [{id, at (Asia/Shanghai), at_utc,
    reader, application_no, season, endpoint}], next_cursor}``."""
    query = select(table).where(table.c.id > parse_cursor(cursor)).order_by(table.c.id).limit(limit + 1)
    if application_no is not None:
        query = query.where(table.c.application_no == application_no)
    if reader is not None:
        query = query.where(table.c.reader == reader)
    rows = session.execute(query).all()
    more = len(rows) > limit
    rows = rows[:limit]
    return {"items": [{"id": r.id, "at": r.at.astimezone(SHANGHAI).isoformat(), "at_utc": r.at.isoformat(),
                       "reader": r.reader, "application_no": r.application_no, "season": r.season,
                       "endpoint": r.endpoint} for r in rows],
            "next_cursor": str(rows[-1].id) if more else None}


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
