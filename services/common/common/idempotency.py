"""Idempotent writes: the same ``Idempotency-Key`` replays the first answer, atomically.

Each service's metadata holds an ``idempotency_keys`` table (:func:`idempotency_table`). A write endpoint hands its
effect to :func:`commit_idempotent`, which is the endpoint's single commit:

1. a stored key with the same request fingerprint → the stored answer again (header ``Idempotent-Replayed: true``);
   a different fingerprint → 422 ``idempotency_key_reused``;
2. otherwise the key is inserted *before* the effect runs, in the same transaction. A concurrent twin blocks on
   the unique index (PostgreSQL) or on the write lock (SQLite), then finds the committed row and replays it;
3. the effect's answer is stored with the key and everything commits once. A failed effect stores nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Header, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from sqlalchemy import Column, Integer, MetaData, String, Table, Text, UniqueConstraint, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from common.db import UTCDateTime, utcnow
from common.errors import DomainError, Invalid
from common.identity import Identity

KEY_HEADER = "Idempotency-Key"

IdempotencyKey = Annotated[str | None, Header(alias=KEY_HEADER, min_length=1, max_length=200,
                                              pattern=r"^[\x21-\x7e]+$",
                                              description="client-chosen key; the same key replays the first answer")]


def idempotency_table(metadata: MetaData) -> Table:
    """Define the ``idempotency_keys`` table on a service's metadata."""
    return Table(
        "idempotency_keys", metadata,
        Column("id", Integer, primary_key=True),
        Column("caller", String(120), nullable=False),
        Column("key", String(200), nullable=False),
        Column("fingerprint", String(64), nullable=False),
        Column("status_code", Integer, nullable=False),
        Column("response", Text, nullable=False),
        Column("created_at", UTCDateTime(), nullable=False),
        UniqueConstraint("caller", "key"),
    )


class KeyRequired(DomainError):
    status, code, title = 400, "idempotency_key_required", "Idempotency-Key required"


def fingerprint(request: Request, payload: Any) -> str:
    """SHA-256 over method, path, query and the canonical JSON of the parsed body."""
    canon = json.dumps(jsonable_encoder(payload), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    raw = f"{request.method} {request.url.path}?{request.url.query}\n{canon}"
    # surrogatepass: a lone surrogate inside a loose body (a batch item) is refused by the effect, not a 500 here
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def _replay(row: Any, fp: str) -> JSONResponse:
    if row.fingerprint != fp:
        raise Invalid("this Idempotency-Key was used with a different request", code="idempotency_key_reused",
                      field="Idempotency-Key")
    return JSONResponse(json.loads(row.response), status_code=row.status_code,
                        headers={"Idempotent-Replayed": "true"})


def commit_idempotent(session: Session, table: Table, request: Request, who: Identity, key: str | None,
                      payload: Any, effect: Callable[[], Any], *, status_code: int = 200,
                      required: bool = False) -> JSONResponse:
    """Run ``effect()`` once per (caller, key), commit, and answer with its JSON-able result.

    ``effect`` uses ``session`` and must not commit. Without a key the effect simply runs and commits
    (``required=True`` makes a missing key a 400 ``idempotency_key_required``).
    """
    if key is None:
        if required:
            raise KeyRequired("this endpoint needs an Idempotency-Key header")
        body = jsonable_encoder(effect())
        session.commit()
        return JSONResponse(body, status_code=status_code)
    caller = f"{who.role}:{who.department or ''}:{who.subject}"
    fp = fingerprint(request, payload)
    where = (table.c.caller == caller) & (table.c.key == key)
    existing = session.execute(select(table).where(where)).first()
    if existing is not None:
        return _replay(existing, fp)
    try:
        session.execute(insert(table).values(caller=caller, key=key, fingerprint=fp, status_code=0,
                                             response="null", created_at=utcnow()))
        session.flush()
    except IntegrityError:
        session.rollback()  # a twin committed first: answer as it did
        return _replay(session.execute(select(table).where(where)).one(), fp)
    body = jsonable_encoder(effect())
    session.execute(update(table).where(where).values(status_code=status_code,
                                                      response=json.dumps(body, ensure_ascii=False)))
    session.commit()
    return JSONResponse(body, status_code=status_code)
