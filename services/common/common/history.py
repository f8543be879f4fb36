"""Who changed what (变更记录): one row per change of a bureau record, written in the change's own transaction.

Each service that keeps bureau records (enrollment: schools, seats, plans; funding: tariffs, semesters; points:
rulebooks) defines a ``change_history`` table on its own metadata (:func:`history_table`, its own migration) and
calls :func:`record` beside the change, before its single commit: a refused change raises before it records, and
a rolled-back transaction takes its row with it, so no history row exists without its change.

A row: ``resource`` (``school`` | ``seats`` | ``plan`` | ``tariff`` | ``semester`` | ``rulebook``), ``resource_key``
(e.g. ``HYGP10701``, ``HYGP10701/2025/1``), ``action`` (``create`` | ``update`` | ``publish``), ``actor``
(``role:subject`` of the authenticated caller, never a credential), ``at`` (UTC in storage), ``before`` and
``after`` (the record's JSON value; ``before`` is null on creation). Read back oldest first, paged by the row id
(:func:`read`), and shown with ``at`` in Asia/Shanghai (:func:`view`).
"""

from __future__ import annotations

import json
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, Column, Index, Integer, MetaData, String, Table, insert, select
from sqlalchemy.orm import Session

from common.db import UTCDateTime, utcnow
from common import paging
from common.identity import Identity
from common.schemas import SHANGHAI, utc_text

RESOURCES = ("school", "seats", "plan", "tariff", "semester", "rulebook")


def history_table(metadata: MetaData) -> Table:
    """Define the ``change_history`` table on a service's metadata."""
    return Table(
        "change_history", metadata,
        Column("id", Integer, primary_key=True),
        Column("resource", String(16), nullable=False),
        Column("resource_key", String(120), nullable=False),
        Column("action", String(16), nullable=False),
        Column("actor", String(160), nullable=False),
        Column("at", UTCDateTime(), nullable=False),
        Column("before", JSON),
        Column("after", JSON),
        Index(None, "resource", "resource_key", "id"),
    )


def actor(who: Identity) -> str:
    """``role:subject`` of a caller (``bureau:bureau-1``), as history and access records name people."""
    return f"{who.role}:{who.subject}"


def _plain(value: Any) -> Any:
    """JSON-able copy: Decimal → text (money and points keep their digits, never float), dates ISO."""
    def default(v: Any) -> Any:
        if isinstance(v, Decimal):
            return str(v)
        if isinstance(v, datetime | date):
            return v.isoformat()
        raise TypeError(f"{type(v).__name__} is not JSON-able")
    return None if value is None else json.loads(json.dumps(value, default=default, ensure_ascii=False))


def record(session: Session, table: Table, *, resource: str, key: str, who: Identity | str, before: Any,
           after: Any, action: str | None = None, at: datetime | None = None) -> bool:
    """Add one change row in ``session``'s transaction (the caller commits). ``before`` / ``after``: the record's
    value (dicts of JSON-able data, Decimal and dates allowed); ``action`` defaults to ``create`` when ``before`` is
    None, else ``update``. A change that changes nothing (same value) records nothing and returns False."""
    before, after = _plain(before), _plain(after)
    if before == after:
        return False
    row = {"resource": resource, "resource_key": key, "action": action or ("create" if before is None else "update"),
           "actor": actor(who) if isinstance(who, Identity) else who, "at": at or utcnow(), "before": before,
           "after": after}
    deferred = session.info.get(DEFERRED)
    if deferred is not None:
        deferred.append((table, row))
    else:
        session.execute(insert(table).values(**row))
    return True


DEFERRED = "history_deferred"


def defer(session: Session) -> None:
    """Bulk writes (imports): hold this session's change rows until :func:`write_deferred`, one multi-row INSERT
    instead of one per change. The caller must write them before its commit."""
    session.info[DEFERRED] = []


def write_deferred(session: Session) -> None:
    """INSERT the held change rows (same transaction) and stop holding."""
    rows = session.info.pop(DEFERRED, None) or []
    by_table: dict[Table, list[dict[str, Any]]] = {}
    for table, row in rows:
        by_table.setdefault(table, []).append(row)
    for table, values in by_table.items():
        session.execute(insert(table), values)


def view(row: Any) -> dict[str, Any]:
    """One change as the API shows it: ``{id, resource, key, action, actor, at (Asia/Shanghai, ISO with +08:00),
    at_utc, before, after}``."""
    return {"id": row.id, "resource": row.resource, "key": row.resource_key, "action": row.action,
            "actor": row.actor, "at": row.at.astimezone(SHANGHAI).isoformat(), "at_utc": utc_text(row.at),
            "before": row.before, "after": row.after}


def read(session: Session, table: Table, *, resource: str, key: str, limit: int = 100,
         cursor: str | None = None) -> dict[str, Any]:
    """The changes of one record, oldest first: a page ``{items: [change], next_cursor}`` (``next_cursor`` null on
    the last page; cursors: :mod:`common.paging`, listing ``history/<resource>``). An unknown record simply has
    no changes (the endpoint checks it exists)."""
    listing = f"history/{resource}"
    rows = session.execute(select(table).where(table.c.resource == resource, table.c.resource_key == key,
                                               table.c.id > paging.after_id(listing, cursor))
                           .order_by(table.c.id).limit(limit + 1)).all()
    return paging.page(rows, limit, listing, key=lambda r: r.id, view=view)
