"""Idempotent writes: the same ``Idempotency-Key`` replays the first answer, atomically.

Each service's metadata holds an ``idempotency_keys`` table (:func:`idempotency_table`). A write endpoint hands its
effect to :func:`commit_idempotent`, which is the endpoint's single commit:

1. a stored key with the same request fingerprint → the stored answer again (header ``Idempotent-Replayed: true``);
   a different fingerprint → 422 ``idempotency_key_reused``;
2. the key is inserted *before* the effect runs, in the same transaction; a stored key fails on the unique index
   and is then read and replayed (1.). A concurrent twin blocks on the unique index (PostgreSQL) or on the write
   lock (SQLite), then finds the committed row and replays it;
3. the effect's answer is stored with the key and everything commits once. A failed effect stores nothing.

``reveal`` adds to the answer what must not be stored (a secret derived from stored values): the stored answer is
the effect's, and each answer, first or replayed, is ``reveal(session, stored answer)``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Header, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from sqlalchemy import (Column, Integer, MetaData, String, Table, Text, UniqueConstraint, bindparam, insert, select,
                        update)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from common.db import UTCDateTime, utcnow
from common.errors import DomainError, Invalid
from common.identity import Identity
from common.schemas import json_ready

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
    # a parsed body: pydantic's own JSON dump (what jsonable_encoder makes of a model, at a tenth of the cost)
    data = (payload.model_dump(mode="json", by_alias=True) if isinstance(payload, BaseModel)
            else jsonable_encoder(payload))
    canon = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    raw = f"{request.method} {request.url.path}?{request.url.query}\n{canon}"
    # surrogatepass: a lone surrogate inside a loose body (a batch item) is refused by the effect, not a 500 here
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


Reveal = Callable[[Session, Any], Any]


def _replay(session: Session, row: Any, fp: str, reveal: Reveal | None) -> JSONResponse:
    if row.fingerprint != fp:
        raise Invalid("this Idempotency-Key was used with a different request", code="idempotency_key_reused",
                      field="Idempotency-Key")
    body = json.loads(row.response)
    return JSONResponse(json_ready(reveal(session, body)) if reveal else body, status_code=row.status_code,
                        headers={"Idempotent-Replayed": "true"})


def commit_idempotent(session: Session, table: Table, request: Request, who: Identity, key: str | None,
                      payload: Any, effect: Callable[[], Any], *, status_code: int = 200,
                      required: bool = False, reveal: Reveal | None = None) -> Response:
    """Run ``effect()`` once per (caller, key), commit, and answer with its JSON-able result.

    ``effect`` uses ``session`` and must not commit. Without a key the effect simply runs and commits
    (``required=True`` makes a missing key a 400 ``idempotency_key_required``). ``reveal(session, answer)``: the
    answer sent, from the stored one (never stored itself; also run on a replay).
    """
    if key is None:
        if required:
            raise KeyRequired("this endpoint needs an Idempotency-Key header")
        body = json_ready(effect())
        if reveal:
            body = json_ready(reveal(session, body))
        session.commit()
        return JSONResponse(body, status_code=status_code)
    caller = f"{who.role}:{who.department or ''}:{who.subject}"
    fp = fingerprint(request, payload)
    find, claim, answer = _statements(table)
    names = {"k_caller": caller, "k_key": key}
    try:  # the key first: a stored one (or a twin in flight) fails on the unique index, then is replayed
        session.connection().execute(claim, {"caller": caller, "key": key, "fingerprint": fp, "status_code": 0,
                                             "response": "null", "created_at": utcnow()})
    except IntegrityError:
        session.rollback()  # a twin committed first: answer as it did
        return _replay(session, session.execute(find, names).one(), fp, reveal)
    body = json_ready(effect())
    text = json.dumps(body, ensure_ascii=False, allow_nan=False, separators=(",", ":"))  # as JSONResponse renders
    session.connection().execute(answer, {**names, "k_status_code": status_code, "k_response": text})
    if reveal:
        text = json.dumps(json_ready(reveal(session, body)), ensure_ascii=False, allow_nan=False,
                          separators=(",", ":"))
    session.commit()
    return Response(text.encode("utf-8"), status_code=status_code, media_type="application/json")


_STATEMENTS: dict[Table, tuple[Any, Any, Any]] = {}


def _statements(table: Table) -> tuple[Any, Any, Any]:
    """Find, claim and answer a key of ``table``, built once per table (a statement built per call costs about
    100 µs to key in SQLAlchemy's compiled cache: issue 15)."""
    if table not in _STATEMENTS:
        where = (table.c.caller == bindparam("k_caller")) & (table.c.key == bindparam("k_key"))
        _STATEMENTS[table] = (select(table).where(where), insert(table),
                              update(table).where(where).values(status_code=bindparam("k_status_code"),
                                                                response=bindparam("k_response")))
    return _STATEMENTS[table]
