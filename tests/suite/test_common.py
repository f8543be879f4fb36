"""The common kit (services/common/common): problem details, the request-context middleware, JSON logs with masking,
idempotent commits, and the strict field types and identifier checks — with data-driven valid/invalid tables.

A throwaway FastAPI app is built from the kit's pieces (the same ones ``common.app.build_app`` wires) over a
throwaway table created with ``metadata.create_all``; database-bound tests run on SQLite and PostgreSQL.
"""

from __future__ import annotations

import io
import json
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from types import SimpleNamespace
from typing import Annotated, Literal, Union

import pytest
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient
from pydantic import Field, TypeAdapter, ValidationError, model_validator
from sqlalchemy import Column, Integer, String, Table, func, insert, select
from stdnum.cn import uscc as stdnum_uscc

from common.db import Database, UTCDateTime, WriteSession, make_base, utcnow
from common.errors import Conflict, PreconditionFailed, _field_of, install_error_handlers
from common.idempotency import IdempotencyKey, commit_idempotent, idempotency_table
from common.identity import Caller
from common.ids import USCC, IdNumber, check_id_number
from common.logging import JsonFormatter, mask_id, mask_phone, mask_text
from common.middleware import RequestContextMiddleware, duplicate_key, is_json_media_type, json_depth
from common.schemas import (Count, Day, Money, PersonName, Phone, StrictModel, Timestamp, day_in_shanghai, fen_to_yuan,
                            yuan_to_fen)
from common.versioning import check_if_match
from shared_kit import TEST_SECRET

# --------------------------------------------------------------------------------------------------------------
# A throwaway service built from the kit's pieces


class ThingIn(StrictModel):
    name: PersonName
    amount: Money
    on: Day
    count: Count = 1


class ThingOut(StrictModel):
    id: int
    name: str
    amount: Money
    on: Day


def tiny_app(url: str, *, max_body: int = 2000, max_depth: int = 8) -> tuple[FastAPI, Database, Table]:
    base = make_base()
    keys = idempotency_table(base.metadata)
    things = Table("things", base.metadata, Column("id", Integer, primary_key=True),
                   Column("name", String(64), nullable=False), Column("created_at", UTCDateTime(), nullable=False))
    db = Database(url)
    base.metadata.create_all(db.engine)
    app = FastAPI()
    app.state.db = db
    app.state.settings = SimpleNamespace(internal_secret=TEST_SECRET)
    app.add_middleware(RequestContextMiddleware, max_body=max_body, max_depth=max_depth)
    install_error_handlers(app)
    log = logging.getLogger("tongcheng.tiny")

    @app.post("/things", status_code=201)
    def create_thing(body: ThingIn, request: Request, who: Caller("platform"), session: WriteSession,
                     key: IdempotencyKey = None):
        def effect() -> ThingOut:
            if body.name == "冲突":
                raise Conflict("a thing by that name exists", code="thing_exists")
            new_id = session.execute(insert(things).values(name=body.name, created_at=utcnow())).inserted_primary_key[0]
            return ThingOut(id=new_id, name=body.name, amount=body.amount, on=body.on)

        return commit_idempotent(session, keys, request, who, key, body, effect, status_code=201)

    @app.get("/log")
    def log_something(who: Caller("platform")) -> dict:
        log.warning("checked guardian 331003199001011234 (phone 13812345678) for %s", who.subject)
        return {"ok": True}

    @app.get("/boom")
    def boom() -> dict:
        raise RuntimeError("leaked detail: guardian 331003199001011234 in SELECT * FROM things")

    return app, db, things


@pytest.fixture
def tiny(new_database_url):
    app, db, things = tiny_app(new_database_url("tiny"))
    with TestClient(app, raise_server_exceptions=False) as client:
        client.things, client.db = things, db
        yield client
    db.dispose()


@pytest.fixture
def sqlite_tiny(tmp_path):
    """The throwaway app on SQLite only, for checks that do not depend on the database."""
    app, db, things = tiny_app(f"sqlite:///{tmp_path / 'tiny.db'}")
    with TestClient(app, raise_server_exceptions=False) as client:
        client.things, client.db = things, db
        yield client
    db.dispose()


@pytest.fixture
def log_lines():
    """Capture the JSON log lines of the root logger for one test."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter("tiny"))
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]
    root.removeHandler(handler)
    root.setLevel(old_level)


GOOD = {"name": "张三", "amount": "3000.00", "on": "2025-04-30"}


# --------------------------------------------------------------------------------------------------------------
# Problem details


def test_validation_problem_names_every_field(sqlite_tiny, auth):
    resp = sqlite_tiny.post("/things", json={"name": "", "amount": 3000, "on": 20250430, "colour": "red"},
                            headers={**auth("platform"), "X-Request-ID": "rid-422"})
    assert resp.status_code == 422
    assert resp.headers["content-type"].startswith("application/problem+json")
    body = resp.json()
    assert body["code"] == "validation_error" and body["status"] == 422 and body["request_id"] == "rid-422"
    assert {"type", "title", "detail"} <= body.keys()
    fields = {e["field"] for e in body["errors"]}
    assert fields == {"name", "amount", "on", "colour"}, body["errors"]
    assert all(e["message"] and e["code"] for e in body["errors"])


LABEL = "function-after[_dated(), HousingFacts]"


@pytest.mark.parametrize(("loc", "given", "field"), [
    # no input known (query, path, header): only the labels recognisable by their shape go
    (("body", "guardians", 0, "facts", "housing", LABEL, "share_percent"), {},
     "guardians.0.facts.housing.share_percent"),
    (("body", "guardians", 0, "facts", "housing", f"list[{LABEL}]", 0, "share_percent"), {},
     "guardians.0.facts.housing.0.share_percent"),
    (("body", "housing", "function-plain[check()]"), {}, "housing"),
    (("query", "seed", "constrained-int"), {}, "seed"),
    (("query", "limit"), {}, "limit"), (("header", "idempotency-key"), {}, "idempotency-key"),
    (("body",), {"missing": True}, "body"), ((), {}, ""),
    (("body", "path", "query"), {}, "path.query"),  # field names that happen to be sources stay
    # the input known: a part that names nothing in it is a label (an untagged union member's class name) ...
    (("body", "license", "LicenseFacts", "status"), {"data": {"license": {"status": 1}}}, "license.status"),
    (("body", "license", "LicenseFacts"), {"data": {"license": "x"}}, "license"),
    (("body", "license", f"list[{LABEL}]", 0, LABEL), {"data": {"license": [{}]}}, "license.0"),
    (("body", "d", "x", "[key]"), {"data": {"d": {"x": "y"}}}, "d.x"),
    (("body", "items", 1, "x"), {"data": {"items": [{}, {"x": 1}]}}, "items.1.x"),
    (("body", "housing", "share"), {"data": {"housing": {}}, "missing": True}, "housing.share"),
    (("body", "owned"), {"data": {"owned": 1}}, "owned"),  # a real key stays
    # ... while a tagged union's tag (the discriminator's value) stays, unless tags=False
    (("body", "housing", "owned", "share"), {"data": {"housing": {"tenure": "owned", "share": "x"}}},
     "housing.owned.share"),
    (("body", "housing", "owned", "share"), {"data": {"housing": {"tenure": "owned", "share": "x"}}, "tags": False},
     "housing.share"),
    (("body", "housing", "owned"), {"data": {"housing": {"tenure": "owned", "share": 200}}, "tags": False},
     "housing"),
    (("body", "housing", "owned", "share"), {"data": {"housing": {"tenure": "owned"}}, "missing": True,
                                             "tags": False}, "housing.share"),
])
def test_field_of_drops_pydantic_labels(loc, given, field):
    assert _field_of(loc, **given) == field


class _Owned(StrictModel):
    tenure: Literal["owned"]
    share_percent: int = Field(ge=0, le=100)
    acquired_on: Day | None = None

    @model_validator(mode="after")
    def _dated(self) -> "_Owned":
        if self.acquired_on is None:
            raise ValueError("an owned home needs acquired_on")
        return self


class _Rented(StrictModel):
    tenure: Literal["rented"]
    registered_on: Day


class _Facts(StrictModel):
    housing: _Owned | list[_Owned] | None = None
    claim: Annotated[Union[_Owned, _Rented], Field(discriminator="tenure")] | None = None


class _Guardian(StrictModel):
    facts: _Facts


class _Household(StrictModel):
    guardians: list[_Guardian]


@pytest.mark.parametrize(("facts", "fields"), [
    ({"housing": {"tenure": "owned", "share_percent": 120, "acquired_on": "2020-01-01"}},
     {"guardians.0.facts.housing.share_percent", "guardians.0.facts.housing"}),
    ({"housing": [{"tenure": "owned", "share_percent": 50}]}, {"guardians.0.facts.housing.0",
                                                                 "guardians.0.facts.housing"}),
    ({"claim": {"tenure": "owned", "share_percent": 120, "acquired_on": "2020-01-01"}},
     {"guardians.0.facts.claim.owned.share_percent"}),
    ({"claim": {"tenure": "rented"}}, {"guardians.0.facts.claim.rented.registered_on"}),
    ({"claim": {"tenure": "owned", "share_percent": 10}}, {"guardians.0.facts.claim.owned"}),
    ({"claim": {"tenure": "owned", "share_percent": 10, "acquired_on": "2020-01-01"},
      "housing": {"tenure": "owned", "share_percent": "x", "acquired_on": "2020-01-01"}},
     {"guardians.0.facts.housing.share_percent", "guardians.0.facts.housing"}),
])
def test_validation_fields_name_the_input_not_pydantic_internals(facts, fields):
    """Through a FastAPI app: a union of models with validators (``X | list[X]``) names the field as the caller sent
    it (before: ``guardians.0.facts.housing.function-after[_dated(), _Owned].share_percent``); a tagged union keeps
    its tag (``claim.owned.share_percent``), as the services' tests pin it."""
    app = FastAPI()
    install_error_handlers(app)

    @app.post("/households")
    def create(body: _Household) -> dict:
        return {"ok": True}

    with TestClient(app) as client:
        resp = client.post("/households", json={"guardians": [{"facts": facts}]})
    assert resp.status_code == 422, resp.text
    got = {e["field"] for e in resp.json()["errors"]}
    assert got == fields, resp.json()["errors"]
    assert resp.json()["field"] in fields


def test_domain_error_and_unknown_path_and_method_are_problems(sqlite_tiny, auth):
    conflict = sqlite_tiny.post("/things", json={**GOOD, "name": "冲突"}, headers=auth("platform"))
    assert conflict.status_code == 409 and conflict.json()["code"] == "thing_exists"
    missing = sqlite_tiny.get("/nowhere", headers={"X-Request-ID": "rid-404"})
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    assert missing.json()["request_id"] == "rid-404" and missing.headers["x-request-id"] == "rid-404"
    wrong_method = sqlite_tiny.delete("/things", headers=auth("platform"))
    assert wrong_method.status_code == 405 and wrong_method.json()["code"] == "method_not_allowed"


def test_unexpected_exception_is_a_logged_500_problem_without_stack(sqlite_tiny, log_lines):
    resp = sqlite_tiny.get("/boom", headers={"X-Request-ID": "rid-boom-1"})
    assert resp.status_code == 500
    assert resp.headers["content-type"].startswith("application/problem+json")
    assert resp.headers.get("x-request-id") == "rid-boom-1"
    body = resp.json()
    assert body["code"] == "internal_error" and body["request_id"] == "rid-boom-1"
    assert "Traceback" not in resp.text and "leaked detail" not in resp.text and "SELECT" not in resp.text
    errors = [line for line in log_lines() if line["level"] == "ERROR"]
    assert errors, "the unexpected error was not logged"
    assert errors[0]["request_id"] == "rid-boom-1"
    assert "RuntimeError" in errors[0]["exc"] and "331003199001011234" not in errors[0]["exc"]
    access = [line for line in log_lines() if line["logger"] == "tongcheng.access"]
    assert access and access[-1]["msg"].startswith("GET /boom 500"), access


def test_request_id_is_accepted_or_created(sqlite_tiny):
    given = sqlite_tiny.get("/nowhere", headers={"X-Request-ID": "abc.DEF:123-_"})
    assert given.headers["x-request-id"] == "abc.DEF:123-_"
    for unsafe in ("", "x" * 65, "has space", "new\nline"):
        made = sqlite_tiny.get("/nowhere", headers={"X-Request-ID": unsafe} if "\n" not in unsafe else {})
        rid = made.headers["x-request-id"]
        assert len(rid) == 32 and rid != unsafe and made.json()["request_id"] == rid


def test_json_logs_carry_request_id_and_mask_personal_data(sqlite_tiny, auth, log_lines):
    resp = sqlite_tiny.get("/log", headers={**auth("platform", subject="platform-taizhou"), "X-Request-ID": "rid-log"})
    assert resp.status_code == 200
    lines = [line for line in log_lines() if line["logger"] == "tongcheng.tiny"]
    assert len(lines) == 1
    line = lines[0]
    assert line["request_id"] == "rid-log" and line["service"] == "tiny" and line["level"] == "WARNING"
    assert "331003199001011234" not in line["msg"] and "3310**********1234" in line["msg"]
    assert "13812345678" not in line["msg"] and "138****5678" in line["msg"]
    assert datetime.fromisoformat(line["ts"]).tzinfo is not None
    access = [line for line in log_lines() if line["logger"] == "tongcheng.access" and line["request_id"] == "rid-log"]
    assert len(access) == 1 and access[0]["caller"] == "platform:platform-taizhou"  # who called, never a token
    anonymous = sqlite_tiny.get("/log", headers={"X-Request-ID": "rid-anon"})
    assert anonymous.status_code == 401
    access = [line for line in log_lines() if line["logger"] == "tongcheng.access" and line["request_id"] == "rid-anon"]
    assert len(access) == 1 and "caller" not in access[0]


@pytest.mark.parametrize(("text", "masked"), [
    ("id 331003199001011234 ok", "id 3310**********1234 ok"),
    ("id 11010519491231002x.", "id 1101**********002x."),
    ("tel:13812345678,", "tel:138****5678,"),
    ("two 331003199001011234/13912345678", "two 3310**********1234/139****5678"),
    ("account 6222021234567890123 is 19 digits", "account 6222021234567890123 is 19 digits"),
    ("order 12812345678 is not a mobile", "order 12812345678 is not a mobile"),
    ("ABC331003199001011234 glued to letters", "ABC331003199001011234 glued to letters"),
])
def test_mask_text(text, masked):
    assert mask_text(text) == masked


def test_mask_single_values():
    assert mask_id("331003199001011234") == "3310**********1234"
    assert mask_id("1234") == "****" and mask_id(None) is None
    assert mask_phone("13812345678") == "138****5678"


# --------------------------------------------------------------------------------------------------------------
# Body size and JSON depth


def test_body_limit_413_declared_and_streamed(sqlite_tiny, auth):
    big = json.dumps({**GOOD, "name": "张" * 2000}).encode()
    json_headers = {**auth("platform"), "content-type": "application/json"}
    declared = sqlite_tiny.post("/things", content=big, headers=json_headers)
    assert declared.status_code == 413 and declared.json()["code"] == "body_too_large"

    def chunks():  # no Content-Length: the middleware must count while reading
        for i in range(0, len(big), 500):
            yield big[i:i + 500]

    streamed = sqlite_tiny.post("/things", content=chunks(), headers={**auth("platform"),
                                                                     "content-type": "application/json"})
    assert streamed.status_code == 413 and streamed.json()["code"] == "body_too_large"
    bogus = sqlite_tiny.post("/things", content=b"{}", headers={**auth("platform"), "content-length": "-1",
                                                                "content-type": "application/json"})
    assert bogus.status_code in (400, 413)


def test_json_depth_limit(sqlite_tiny, auth):
    deep = b'{"name": ' + b"[" * 9 + b"]" * 9 + b"}"
    resp = sqlite_tiny.post("/things", content=deep, headers={**auth("platform"), "content-type": "application/json"})
    assert resp.status_code == 422 and resp.json()["code"] == "json_too_deep"
    in_string = json.dumps({**GOOD, "name": "[" * 20}).encode()  # brackets inside strings do not count:
    ok = sqlite_tiny.post("/things", content=in_string,  # the body is parsed and the name's rule refuses it
                          headers={**auth("platform"), "content-type": "application/json"})
    assert ok.status_code == 422 and ok.json()["errors"][0]["code"] == "name_characters", ok.text


def test_headers_over_the_limits_are_431_before_any_endpoint(sqlite_tiny, auth):
    """uvicorn's httptools parser passes a 2 MB header or 5,000 headers to the app (200 before); the middleware
    refuses more than 16 KiB of names and values, or more than 100 headers, with 431 problem details."""
    for headers in ({"X-Big": "a" * 2_000_000}, {f"X-H{i}": "v" for i in range(5000)},
                    {"X-Big": "a" * (16 * 1024)}, {f"X-H{i}": "v" for i in range(100)}):
        resp = sqlite_tiny.get("/log", headers={**auth("platform"), "X-Request-ID": "rid-431", **headers})
        assert resp.status_code == 431, resp.text
        assert resp.headers["content-type"].startswith("application/problem+json")
        body = resp.json()
        assert (body["code"], body["status"], body["request_id"]) == ("headers_too_large", 431, "rid-431")
        assert resp.headers["x-request-id"] == "rid-431"
    near = sqlite_tiny.get("/log", headers={**auth("platform"), "X-Big": "a" * 12_000,
                                            **{f"X-H{i}": "v" for i in range(80)}})
    assert near.status_code == 200, near.text


@pytest.mark.parametrize(("limits", "headers", "status"), [
    ({"max_header_bytes": 300}, {"X-A": "a" * 100}, 200), ({"max_header_bytes": 300}, {"X-A": "a" * 300}, 431),
    ({"max_headers": 8}, {"X-A": "1", "X-B": "2"}, 200), ({"max_headers": 8}, {f"X-{i}": "v" for i in range(4)}, 431),
    ({"max_header_bytes": 100_000, "max_headers": 10_000}, {f"X-{i}": "v" for i in range(5000)}, 200),
])
def test_header_limits_are_constructor_parameters(limits, headers, status):
    """TestClient sends host, accept, accept-encoding, connection and user-agent (91 bytes) itself."""
    app = FastAPI()
    app.add_middleware(RequestContextMiddleware, **limits)
    install_error_handlers(app)

    @app.get("/ok")
    def ok() -> dict:
        return {"ok": True}

    with TestClient(app) as client:
        resp = client.get("/ok", headers=headers)
    assert resp.status_code == status, resp.text
    if status == 431:
        assert resp.json()["code"] == "headers_too_large"


@pytest.mark.parametrize(("body", "depth"), [
    (b"", 0), (b"123", 0), (b"[]", 1), (b'{"a": [1, {"b": []}]}', 4), (b'["[[[", "]]"]', 1),
    (b'{"a": "\\"[[["}', 1), (b"[[[[]]]]", 4), (b'["\\\\", ["\\\\\\"]"]]', 2), (b'["a\\\n[", "\\u005b"]', 1),
    (b'["unterminated [[', 3), (b'{"\xe4\xb8\xad": ["\xe4\xb8\xad\\"["]}', 2),
])
def test_json_depth(body, depth):
    assert json_depth(body) == depth


# --------------------------------------------------------------------------------------------------------------
# Idempotency


@pytest.mark.parametrize(("body", "key"), [
    (b'{"a": 1, "a": 1}', "a"), (b'{"items": [{"x": 1}, {"x": 2, "y": 3, "x": 2}]}', "items.1.x"),
    (b'{"a": {"b": [0, {"c": 1, "c": 1}]}, "a": 2}', "a.b.1.c"),
    (rb'{"\u540d": 1, "\u540d": 2}', "名"), (b'{"a": {"a": 1}}', None), (b'{"a": 1, "b": 1}', None),
    (b'{"a": 1, "a"', None), (b"not json", None), (b"", None),
])
def test_duplicate_key(body, key):
    assert duplicate_key(body) == key


@pytest.mark.parametrize(("content_type", "json_"), [
    (b"application/json", True), (b"Application/JSON; charset=utf-8", True), (b"application/merge-patch+json", True),
    (b"text/plain", False), (b"application/x-www-form-urlencoded", False), (b"", False), (b"application/jsonx", False),
    (b"application/json; charset=latin-1", False), (b'application/json; charset="UTF-8"', True),
    (b"application/json;charset=utf8; q=1", True),
])
def test_json_media_types(content_type, json_):
    assert is_json_media_type(content_type) is json_


def test_write_bodies_are_json_once_per_key(sqlite_tiny, auth):
    """415 for a body that is not JSON (an empty body is not judged), 422 ``duplicate_key`` naming the key; nothing
    is written by either."""
    before = _count(sqlite_tiny)
    text = sqlite_tiny.post("/things", content=json.dumps(GOOD).encode(),
                            headers={**auth("platform"), "content-type": "text/plain"})
    assert text.status_code == 415 and text.json()["code"] == "unsupported_media_type"
    assert text.headers["content-type"].startswith("application/problem+json")
    twice = json.dumps(GOOD)[:-1] + ', "name": "second"}'
    dup = sqlite_tiny.post("/things", content=twice.encode(),
                           headers={**auth("platform"), "content-type": "application/json"})
    assert dup.status_code == 422 and (dup.json()["code"], dup.json()["field"]) == ("duplicate_key", "name")
    two_types = sqlite_tiny.post("/things", content=json.dumps(GOOD).encode(), headers=[
        *auth("platform").items(), ("content-type", "text/plain"), ("content-type", "application/json")])
    assert two_types.status_code == 415 and two_types.json()["code"] == "unsupported_media_type"
    broken = sqlite_tiny.post("/things", content=b'{"name": "x",}',
                              headers={**auth("platform"), "content-type": "application/json"})
    assert broken.status_code == 422 and "field" not in broken.json(), broken.json()
    assert broken.json()["errors"][0]["code"] == "json_invalid" and "at character" in broken.json()["detail"]
    assert _count(sqlite_tiny) == before
    ok = sqlite_tiny.post("/things", json=GOOD, headers=auth("platform"))
    assert ok.status_code == 201 and _count(sqlite_tiny) == before + 1


def _count(client) -> int:
    with client.db.read_session() as session:
        return session.execute(select(func.count()).select_from(client.things)).scalar_one()


def test_idempotent_replay_and_key_reuse(tiny, auth):
    headers = {**auth("platform"), "Idempotency-Key": "k-1"}
    first = tiny.post("/things", json=GOOD, headers=headers)
    assert first.status_code == 201, first.text
    assert first.json()["amount"] == "3000.00" and first.json()["on"] == "2025-04-30"  # strings, never floats
    again = tiny.post("/things", json=GOOD, headers=headers)
    assert again.status_code == 201 and again.json() == first.json()
    assert again.headers["idempotent-replayed"] == "true" and "idempotent-replayed" not in first.headers
    assert _count(tiny) == 1
    reused = tiny.post("/things", json={**GOOD, "name": "李四"}, headers=headers)
    assert reused.status_code == 422 and reused.json()["code"] == "idempotency_key_reused"
    # keys belong to a caller: another caller's same key is a new request
    other = tiny.post("/things", json=GOOD,
                      headers={**auth("platform", subject="platform-other"), "Idempotency-Key": "k-1"})
    assert other.status_code == 201 and other.json()["id"] != first.json()["id"]
    # without a key every call is a new effect
    assert tiny.post("/things", json=GOOD, headers=auth("platform")).status_code == 201
    assert _count(tiny) == 3


def test_failed_effect_stores_no_key(tiny, auth):
    headers = {**auth("platform"), "Idempotency-Key": "k-fail"}
    failed = tiny.post("/things", json={**GOOD, "name": "冲突"}, headers=headers)
    assert failed.status_code == 409
    # the key was not burnt: the same key with a good body now works
    assert tiny.post("/things", json=GOOD, headers=headers).status_code == 201
    assert _count(tiny) == 1


@pytest.mark.parametrize("twins", [20])
def test_concurrent_twins_have_one_effect(tiny, auth, twins):
    headers = {**auth("platform"), "Idempotency-Key": "k-twins"}
    barrier = threading.Barrier(twins)

    def one(_: int):
        barrier.wait()
        return tiny.post("/things", json=GOOD, headers=headers)

    with ThreadPoolExecutor(twins) as pool:
        answers = list(pool.map(one, range(twins)))
    assert {a.status_code for a in answers} == {201}, [a.text for a in answers if a.status_code != 201]
    assert len({a.text for a in answers}) == 1
    assert sum(a.headers.get("idempotent-replayed") == "true" for a in answers) == twins - 1
    assert _count(tiny) == 1


def test_missing_key_refused_where_required(tmp_path, auth):
    from common.idempotency import KeyRequired

    base = make_base()
    keys = idempotency_table(base.metadata)
    db = Database(f"sqlite:///{tmp_path / 'req.db'}")
    base.metadata.create_all(db.engine)
    with db.write_session() as session, pytest.raises(KeyRequired):
        commit_idempotent(session, keys, None, None, None, {}, lambda: {}, required=True)  # type: ignore[arg-type]
    db.dispose()


# --------------------------------------------------------------------------------------------------------------
# Strict field types: data-driven tables


def _ok(adapter_type, value):
    return TypeAdapter(adapter_type).validate_python(value)


def _refused(adapter_type, value, *, json_too: bool = True):
    with pytest.raises(ValidationError):
        TypeAdapter(adapter_type).validate_python(value)
    if json_too:
        with pytest.raises(ValidationError):
            TypeAdapter(adapter_type).validate_json(json.dumps(value))


@pytest.mark.parametrize(("value", "expected"), [
    ("3000.00", Decimal("3000.00")), ("3000", Decimal("3000.00")), ("0.5", Decimal("0.50")),
    ("-12.30", Decimal("-12.30")), ("0", Decimal("0.00")), ("9999999999999.99", Decimal("9999999999999.99")),
])
def test_money_valid(value, expected):
    parsed = _ok(Money, value)
    assert parsed == expected and parsed.as_tuple().exponent == -2
    assert TypeAdapter(Money).dump_python(parsed, mode="json") == f"{expected:.2f}"


@pytest.mark.parametrize("value", [
    3000, 3000.0, True, None, "", " 1.00", "1.00 ", "+1.00", "1e3", "1E3", "NaN", "Infinity", "-Infinity",
    "3000.001", "0.005", "1,000.00", "1_000.00", "３０００.００", "١٢٣", "10000000000000.00", ".5", "5.", "0x10",
])
def test_money_invalid(value):
    _refused(Money, value)


def test_python_native_values_pass_where_json_cannot_send_them():
    """Read models are built from rows: Decimal, date and aware datetime objects are taken as they are (JSON can
    never produce these types, so the refusal of JSON numbers and non-strings still holds)."""
    assert _ok(Money, Decimal("12.5")) == Decimal("12.50")
    _refused(Money, Decimal("0.001"), json_too=False)
    _refused(Money, Decimal("NaN"), json_too=False)
    assert _ok(Day, date(2025, 4, 30)) == date(2025, 4, 30)
    _refused(Day, datetime(2025, 4, 30, tzinfo=timezone.utc), json_too=False)
    aware = datetime(2025, 4, 30, 8, tzinfo=timezone.utc)
    assert _ok(Timestamp, aware) == aware
    _refused(Timestamp, datetime(2025, 4, 30, 8), json_too=False)
    out = ThingOut(id=1, name="张三", amount=Decimal("3000"), on=date(2025, 4, 30))
    assert json.loads(out.model_dump_json()) == {"id": 1, "name": "张三", "amount": "3000.00", "on": "2025-04-30"}


def test_money_fen_round_trip():
    for fen in (0, 1, 99, 100, 300000, 123456789, -5):
        assert yuan_to_fen(Decimal(fen_to_yuan(fen))) == fen
    assert fen_to_yuan(300000) == "3000.00" and fen_to_yuan(-5) == "-0.05"


@pytest.mark.parametrize("value", ["2025-04-30", "2024-02-29", "1900-01-01"])
def test_day_valid(value):
    assert _ok(Day, value) == date.fromisoformat(value)


@pytest.mark.parametrize("value", [
    20250430, 1745971200, "1745971200", "2025-02-29", "2025-02-30", "2025-13-01", "20250430", "2025-4-30",
    "2025/04/30", "2025-04-30T00:00:00", "2025-04-30T00:00:00Z", "", "２０２５-04-30", " 2025-04-30", None, True,
])
def test_day_invalid(value):
    _refused(Day, value)


def test_timestamp_aware_only():
    assert _ok(Timestamp, "2025-04-30T08:00:00+08:00").utcoffset() == timedelta(hours=8)
    _refused(Timestamp, "2025-04-30T08:00:00")
    _refused(Timestamp, 1745971200)


@pytest.mark.parametrize("value", [0, 1, 45, 1_000_000_000])
def test_count_valid(value):
    assert _ok(Count, value) == value


@pytest.mark.parametrize("value", [-1, 1_000_000_001, True, False, 1.0, 2.5, "5", None])
def test_count_invalid(value):
    _refused(Count, value)


@pytest.mark.parametrize("value", [
    "张三", "欧阳娜娜", "阿依古丽·买买提", "迪丽热巴・迪力木拉提", "\U00020000\U0002A6D6", "王\U0002B740",
    "\U00030000", "\U00031350明", "Mary-Jane O'Neil", "Nguyễn Văn A", "A", "张" * 64, "林\uf91d",
    "Nguye\u0302\u0303n",
])
def test_person_name_valid(value):
    """Stored exactly as sent: no normalisation (林 as the compatibility ideograph U+F91D stays U+F91D, a
    decomposed ễ stays decomposed); only the middle dot's look-alikes are folded (test_names.py)."""
    assert _ok(PersonName, value) == value.replace("\u30fb", "\u00b7")


@pytest.mark.parametrize("value", [
    "", " 张三", "张三 ", "张\x00三", "张\n三", "张\t三", "张\x7f三", "张\u200b三", "张\u202e三", "张\ufeff三",
    "张\u2028三", "张\u2029三", "\ud800", "张\udfff", "\U000F0000", "张" * 65, 123, None,
])
def test_person_name_invalid(value):
    has_surrogate = isinstance(value, str) and any(0xD800 <= ord(c) <= 0xDFFF for c in value)
    _refused(PersonName, value, json_too=not has_surrogate)  # json.dumps cannot even write a lone surrogate raw


def test_lone_surrogate_in_json_body_is_422_not_500(sqlite_tiny, auth):
    raw = b'{"name": "\\ud800", "amount": "1.00", "on": "2025-04-30"}'
    resp = sqlite_tiny.post("/things", content=raw, headers={**auth("platform"), "content-type": "application/json"})
    assert resp.status_code == 422 and resp.json()["errors"][0]["field"] == "name"


@pytest.mark.parametrize(("value", "stored"), [
    ("13812345678", "13812345678"), ("138-1234-5678", "13812345678"), ("19912345678", "19912345678"),
    ("0576-84123456", "0576-84123456"), ("057684123456", "057684123456"),
])
def test_phone_valid(value, stored):
    assert _ok(Phone, value) == stored


@pytest.mark.parametrize("value", [
    "12812345678", "1381234567", "138123456789", "+8613812345678", "１３８１２３４５６７８", "138 1234 5678",
    "abcdefghijk", 13812345678, "", None,
])
def test_phone_invalid(value):
    _refused(Phone, value)


# --------------------------------------------------------------------------------------------------------------
# Identifiers (BRIEF §9)


def with_check(first17: str) -> str:
    """Append the GB 11643 check character (ISO 7064 MOD 11-2) to 17 digits."""
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]


CHILD = with_check("33100320190301123")
X_ENDING = next(n for n in (with_check(f"331003198801012{i:02d}") for i in range(100)) if n.endswith("X"))
WRONG_CHECK = CHILD[:17] + str((int(CHILD[17]) + 1) % 10 if CHILD[17].isdigit() else 0)
FULL_WIDTH = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in CHILD)
TOMORROW = day_in_shanghai() + timedelta(days=1)  # the ID check's day is Asia/Shanghai's, not the host's


@pytest.mark.parametrize(("value", "stored"), [
    (CHILD, CHILD), ("11010519491231002X", "11010519491231002X"), ("11010519491231002x", "11010519491231002X"),
    (X_ENDING.lower(), X_ENDING), (with_check("33100320000229001"), with_check("33100320000229001")),
    (with_check("33100319000101001"), with_check("33100319000101001")),
    # 331003 (Huangyan District) exists since 1994, but the code is where the number was issued, not where or
    # when the holder was born (BRIEF §9): a guardian born in 1988 holding a 331003 number is valid.
    (with_check("33100319880101203"), with_check("33100319880101203")),
    (with_check("33262219750615002"), with_check("33262219750615002")),  # old Huangyan County code
])
def test_id_number_valid(value, stored):
    assert _ok(IdNumber, value) == stored


@pytest.mark.parametrize("value", [
    WRONG_CHECK,                                        # check character does not match
    with_check("33100320190230123"),                    # 30 February
    with_check("33100320191301123"),                    # month 13
    with_check("33100320190100123"),                    # day 0
    with_check("33100319000229001"),                    # 1900 was not a leap year
    with_check("331003" + TOMORROW.strftime("%Y%m%d") + "123"),  # born tomorrow
    with_check("33100318991231001"),                    # before 1900
    "331003900101123",                                  # 15-digit pre-1999 format
    FULL_WIDTH,                                         # full-width digits
    CHILD[:-1] + "Ｘ",                                  # full-width X
    "11010519491231002Х",                               # Cyrillic Ha looks like X
    CHILD[:5] + "O" + CHILD[6:],                        # letter O for zero
    CHILD[:5] + "l" + CHILD[6:],                        # letter l for one
    " " + CHILD, CHILD + " ", CHILD[:6] + " " + CHILD[6:],
    CHILD[:17], CHILD + "1", "", "X" * 18, CHILD[:10] + "X" + CHILD[11:],
    int(CHILD) if CHILD.isdigit() else 331003201903011230,
])
def test_id_number_invalid(value):
    _refused(IdNumber, value)


def test_id_number_reasons_are_specific():
    with pytest.raises(ValueError, match="check character"):
        check_id_number(WRONG_CHECK)
    with pytest.raises(ValueError, match="15-digit"):
        check_id_number("331003900101123")
    with pytest.raises(ValueError, match="non-ASCII"):
        check_id_number(FULL_WIDTH)
    with pytest.raises(ValueError, match="future"):
        check_id_number(with_check("331003" + TOMORROW.strftime("%Y%m%d") + "123"))
    born_today = with_check("331003" + day_in_shanghai().strftime("%Y%m%d") + "123")
    assert check_id_number(born_today) == born_today


def _uscc(first17: str) -> str:
    return first17 + stdnum_uscc.calc_check_digit(first17)


GOOD_USCC = _uscc("92331003MA2ABCDE1")


@pytest.mark.parametrize(("value", "stored"), [(GOOD_USCC, GOOD_USCC), (GOOD_USCC.lower(), GOOD_USCC),
                                               (_uscc("91331003MA28XJ0T2"), _uscc("91331003MA28XJ0T2"))])
def test_uscc_valid(value, stored):
    assert _ok(USCC, value) == stored


@pytest.mark.parametrize("value", [
    GOOD_USCC[:17] + ("0" if GOOD_USCC[17] != "0" else "1"), GOOD_USCC[:17], GOOD_USCC + "1",
    GOOD_USCC[:8] + "I" + GOOD_USCC[9:], GOOD_USCC[:8] + "O" + GOOD_USCC[9:], GOOD_USCC[:8] + "Z" + GOOD_USCC[9:],
    "".join(chr(ord(c) + 0xFEE0) for c in GOOD_USCC), " " + GOOD_USCC[1:], 12345,
])
def test_uscc_invalid(value):
    _refused(USCC, value)


# --------------------------------------------------------------------------------------------------------------
# If-Match (RFC 9110 §13.1.1: strong comparison)


def _request_with(*if_match: str) -> Request:
    return Request({"type": "http", "method": "PUT", "path": "/", "query_string": b"",
                    "headers": [(b"if-match", value.encode("latin-1")) for value in if_match]})


@pytest.mark.parametrize("sent", [(), ('"v3"',), ("*",), (" * ",), ('"v1", "v3"',), ('"v1",,  "v3" ,',),
                                  ('W/"v3", "v3"',), ('"v1"', '"v3"')])
def test_if_match_that_names_the_current_version_passes(sent):
    check_if_match(_request_with(*sent), 3)


@pytest.mark.parametrize(("sent", "says"), [
    (('"v2"',), 'current version is "v3"'),
    (('W/"v3"',), "weak"),                       # honoured before: If-Match compares strongly
    (('W/"v3", W/"v2"',), "weak"),
    (("v3",), 'entity tags in double quotes, as the ETag is sent ("v3")'),  # before: 'is "v3", you sent v3'
    (("v3, \"v3\"",), "double quotes"), (('"v3',), "double quotes"), (("",), "double quotes"),
    (('"v3" "v3"',), "double quotes"), (("*, \"v1\"",), "double quotes"), (("w/\"v3\"",), "double quotes"),
])
def test_if_match_refused_with_412_saying_why(sent, says):
    with pytest.raises(PreconditionFailed) as refused:
        check_if_match(_request_with(*sent), 3)
    assert refused.value.status == 412 and refused.value.code == "precondition_failed"
    assert says in refused.value.detail, refused.value.detail


# --------------------------------------------------------------------------------------------------------------
# The app factory documents the problem shape it answers with


def test_build_app_documents_problem_details_in_openapi(tmp_path, auth):
    import jsonschema_rs
    from fastapi import APIRouter

    from common.app import build_app
    from common.config import ServiceSettings
    from common.errors import PROBLEM_SCHEMA

    router = APIRouter()

    @router.post("/things", status_code=201)
    def create(body: ThingIn, who: Caller("platform")) -> dict:
        return {"ok": True}

    settings = ServiceSettings(internal_secret=TEST_SECRET, database_url=f"sqlite:///{tmp_path / 'doc.db'}",
                               service_name="tiny", log_level="WARNING")
    app = build_app(settings, title="tiny", description="tiny", service_dir=tmp_path, routers=[router],
                    migrate=False)
    schema = app.openapi()
    responses = schema["paths"]["/things"]["post"]["responses"]
    assert set(responses["422"]["content"]) == {"application/problem+json"}
    assert responses["4XX"]["content"]["application/problem+json"]["schema"] == {"$ref": "#/components/schemas/Problem"}
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    validator = jsonschema_rs.validator_for(PROBLEM_SCHEMA)
    with TestClient(app, raise_server_exceptions=False) as client:
        for resp in (client.post("/things", json={"name": 1}, headers=auth("platform")),
                     client.post("/things", json=GOOD), client.get("/nowhere"),
                     client.post("/things", json=GOOD, headers=auth("bureau"))):
            assert resp.status_code in (401, 403, 404, 422)
            assert validator.is_valid(resp.json()), resp.json()
