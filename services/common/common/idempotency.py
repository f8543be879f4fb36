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
from fastapi.exceptions import ResponseValidationError
from fastapi.responses import Response
from pydantic import BaseModel, TypeAdapter, ValidationError
from sqlalchemy import (Column, Integer, MetaData, String, Table, Text, UniqueConstraint, bindparam, insert, select,
                        update)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from common.db import DriverStatement, UTCDateTime, utcnow
from common.errors import IdempotencyKeyRequired, Invalid
from common.identity import Identity
from common.schemas import json_ready
from common.versioning import etag

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


KeyRequired = IdempotencyKeyRequired


class Canonical(str):
    """A parsed body's canonical JSON as :func:`fingerprint` writes it (sorted keys, no spaces, characters as
    themselves), already written by the caller (a batch joins the texts it made of its items anyway; issue 15):
    :func:`fingerprint` hashes it as it is."""


def fingerprint(request: Request, payload: Any) -> str:
    """SHA-256 over method, path, query and the canonical JSON of the parsed body (or ``payload`` itself when it is
    :class:`Canonical`)."""
    if isinstance(payload, Canonical):
        canon = str(payload)
    else:  # a parsed body: pydantic's own JSON dump (what jsonable_encoder makes of a model, at a tenth of the cost)
        data = (payload.model_dump(mode="json", by_alias=True) if isinstance(payload, BaseModel)
                else jsonable_encoder(payload))
        canon = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    raw = f"{request.method} {request.url.path}?{request.url.query}\n{canon}"
    # surrogatepass: a lone surrogate inside a loose body (a batch item) is refused by the effect, not a 500 here
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


Reveal = Callable[[Session, Any], Any]


class KeyReused(Invalid):
    code = "idempotency_key_reused"


_ADAPTER = "tongcheng_answer_adapter"  # on the route: a TypeAdapter of its response model (None: it has none)


def _adapter(request: Request) -> TypeAdapter | None:
    """The route's response model as a TypeAdapter, built once per route; None for a route without one."""
    route = request.scope.get("route")
    adapter = getattr(route, _ADAPTER, False)
    if adapter is False:
        model = getattr(route, "response_model", None)
        adapter = TypeAdapter(model) if model is not None else None
        if route is not None:
            setattr(route, _ADAPTER, adapter)
    return adapter


def answer(request: Request, text: str, status_code: int, *, body: Any = None, replayed: bool = False) -> Response:
    """The one way a write's answer leaves :func:`commit_idempotent`, first time or replayed: ``text`` (the JSON as
    stored) checked against the route's response model as FastAPI checks a plain return (a misfit is a 500
    ``internal_error``, never an answer outside the contract, and on the first time nothing commits), and an
    ``ETag: "v<version>"`` when the answer carries an integer ``version`` (:func:`common.versioning.etag`)."""
    adapter = _adapter(request)
    if adapter is not None:
        try:
            checked = adapter.validate_json(text)
        except ValidationError as exc:
            raise ResponseValidationError(exc.errors(include_url=False)) from None
        if body is None:  # a replay: the version from the checked answer, not from parsing the text again
            body = checked
    elif body is None and text.startswith("{") and '"version":' in text:  # a replay of a route without a model
        body = json.loads(text)
    headers = {"Idempotent-Replayed": "true"} if replayed else {}
    version = body.get("version") if isinstance(body, dict) else getattr(body, "version", None)
    if isinstance(version, int) and not isinstance(version, bool):
        headers["ETag"] = etag(version)
    return Response(text.encode("utf-8"), status_code=status_code, media_type="application/json", headers=headers)


def _replay(request: Request, session: Session, row: Any, fp: str, reveal: Reveal | None) -> Response:
    if row.fingerprint != fp:
        raise KeyReused("this Idempotency-Key was used with a different request", field="Idempotency-Key")
    if reveal is None:
        return answer(request, row.response, row.status_code, replayed=True)
    body, text = _render(reveal(session, json.loads(row.response)))
    return answer(request, text, row.status_code, body=body, replayed=True)


def _render(result: Any) -> tuple[Any, str]:
    """The effect's result as JSON-able data (:func:`common.schemas.json_ready`) and as JSON text, exactly as
    ``JSONResponse`` renders it."""
    body = json_ready(result)
    return body, json.dumps(body, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def commit_idempotent(session: Session, table: Table, request: Request, who: Identity, key: str | None,
                      payload: Any, effect: Callable[[], Any], *, status_code: int = 200,
                      required: bool = False, reveal: Reveal | None = None) -> Response:
    """Run ``effect()`` once per (caller, key), commit, and answer with its JSON-able result (:func:`answer`: checked
    against the route's response model, with an ETag when it carries a ``version``, on the first answer and on
    every replay alike).

    ``effect`` uses ``session`` and must not commit. Without a key the effect simply runs and commits
    (``required=True`` makes a missing key a 400 ``idempotency_key_required``). ``reveal(session, answer)``: the
    answer sent, from the stored one (never stored itself; also run on a replay).
    """
    if key is None:
        if required:
            raise KeyRequired("this endpoint needs an Idempotency-Key header")
        body, text = _render(reveal(session, json_ready(effect())) if reveal else effect())
        out = answer(request, text, status_code, body=body)
        session.commit()
        return out
    caller = f"{who.role}:{who.department or ''}:{who.subject}"
    fp = fingerprint(request, payload)
    find, claim, store = _statements(table)
    names = {"k_caller": caller, "k_key": key}
    conn = session.connection()  # the effect never ends the transaction: the answer is stored on the same one
    try:  # the key first: a stored one (or a twin in flight) fails on the unique index, then is replayed
        claim.execute(conn, {"caller": caller, "key": key, "fingerprint": fp, "status_code": 0,
                             "response": "null", "created_at": utcnow()})
    except IntegrityError:
        session.rollback()  # a twin committed first: answer as it did
        return _replay(request, session, session.execute(find, names).one(), fp, reveal)
    body, text = _render(effect())
    store.execute(conn, {**names, "k_status_code": status_code, "k_response": text})
    if reveal:  # the answer sent, from the one stored (which never holds what reveal adds)
        body, text = _render(reveal(session, body))
    out = answer(request, text, status_code, body=body)
    session.commit()
    return out


_STATEMENTS: dict[Table, tuple[Any, DriverStatement, DriverStatement]] = {}


def _statements(table: Table) -> tuple[Any, DriverStatement, DriverStatement]:
    """Find, claim and answer a key of ``table``, built once per table (a statement built per call costs about
    100 µs to key in SQLAlchemy's compiled cache); the claim and the answer, in every keyed write, run on the
    driver's cursor (issue 15)."""
    if table not in _STATEMENTS:
        where = (table.c.caller == bindparam("k_caller")) & (table.c.key == bindparam("k_key"))
        _STATEMENTS[table] = (
            select(table).where(where),
            DriverStatement(insert(table), ("caller", "key", "fingerprint", "status_code", "response", "created_at")),
            DriverStatement(update(table).where(where).values(status_code=bindparam("k_status_code"),
                                                              response=bindparam("k_response"))))
    return _STATEMENTS[table]
