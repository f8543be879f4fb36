"""One write path (issue 18 item 2): error codes are classes in each service's ``errors.py`` (never a string at the
raise), every route declares what it returns, and an idempotent write's answer is checked against the route's
response model and carries its ETag the same way the first time and on every replay (``common.idempotency``)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from fastapi import FastAPI, Request
from fastapi.testclient import TestClient
from pydantic import BaseModel
from sqlalchemy import MetaData, create_engine
from sqlalchemy.orm import Session

from common.errors import install_error_handlers
from common.refusals import RULES
from common.identity import Identity
from common.idempotency import commit_idempotent, idempotency_table

REPO = Path(__file__).resolve().parents[2]
CODE = [p for p in sorted([*(REPO / "services").glob("*/*/*.py"), *(REPO / "gateway/gateway").glob("*.py")])
        if "migrations" not in p.parts]
ROUTERS = [p for p in CODE if p.name.startswith("router") or p.name in ("access.py", "health.py", "metrics.py")]


def _calls_with_a_code_string(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            for kw in node.exc.keywords:
                if kw.arg == "code" and isinstance(kw.value, ast.IfExp):
                    found.append(f"{path.relative_to(REPO)}:{node.lineno}")
                elif kw.arg == "code" and isinstance(kw.value, ast.Constant) and kw.value.value not in RULES:
                    found.append(f"{path.relative_to(REPO)}:{node.lineno} {kw.value.value}")
    return found


def test_error_codes_are_classes_never_strings_at_the_raise():
    """``raise NotFound("...", code="run_not_found")`` hides a code from ``errors.py``, where each service lists its
    codes as classes; a raise names the class (``raise RunNotFound("...")``). The one exception is a field rule of
    the suite's one table of rule codes (``common.refusals.RULES``: ``code="date_order"``, ``"grade_unknown"``...),
    listed with its Chinese message there and in docs/api.md. The gateway's own codes are classes too
    (``gateway/errors.py``)."""
    inline = [hit for path in CODE if path.name != "errors.py" for hit in _calls_with_a_code_string(path)]
    assert not inline, f"inline error codes (make a class in the service's errors.py): {inline}"


def test_every_route_declares_its_return_type():
    """Every endpoint function says what it returns (``-> SchoolOut``, ``-> Response``...): a reader sees the
    answer's shape in the signature, and a route without a response model says so (``response_model=None``)."""
    missing = []
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.returns is None and any(
                    isinstance(d, ast.Call) and isinstance(d.func, ast.Attribute)
                    and d.func.attr in ("get", "post", "put", "patch", "delete", "head")
                    for d in node.decorator_list):
                missing.append(f"{path.relative_to(REPO)}:{node.lineno} {node.name}")
    assert not missing, f"routes without a return type: {missing}"


def test_if_match_is_checked_in_routers_only():
    """If-Match is one way everywhere: the router declares ``if_match: IfMatch`` and checks it against the version
    of the row the use case read locked; no use case takes the header or a ``Precondition`` (``common.versioning``)."""
    names = {"IfMatch", "Precondition", "precondition", "check_if_match", "check_if_match_value"}
    outside = []
    for path in CODE:
        if path in ROUTERS:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "common.versioning" and (
                    {a.name for a in node.names} & names):
                outside.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert not outside, f"If-Match checked outside a router (move it to the router): {outside}"


# ---- the idempotent answer: checked against the route's model, ETag from its version, replay as first ----------

class Thing(BaseModel):
    name: str
    version: int


@pytest.fixture
def app(tmp_path):
    metadata = MetaData()
    table = idempotency_table(metadata)
    engine = create_engine(f"sqlite:///{tmp_path / 'keys.db'}")
    metadata.create_all(engine)
    app = FastAPI()
    install_error_handlers(app)
    who = Identity(role="bureau", subject="bureau-1")
    app.state.answers = {"good": {"name": "一", "version": 3}}

    @app.post("/things/{kind}", response_model=Thing, status_code=201)
    def make(kind: str, request: Request):
        with Session(engine) as session:
            return commit_idempotent(session, table, request, who, request.headers.get("Idempotency-Key"),
                                     {"kind": kind}, lambda: app.state.answers[kind], status_code=201)

    app.state.engine, app.state.table = engine, table
    return app


def test_an_answer_outside_the_model_is_refused_and_stores_nothing(app):
    client = TestClient(app, raise_server_exceptions=False)
    app.state.answers["bad"] = {"name": "一", "version": "three"}
    resp = client.post("/things/bad", headers={"Idempotency-Key": "k-bad"})
    assert resp.status_code == 500 and resp.json()["code"] == "internal_error"
    with app.state.engine.connect() as conn:
        assert conn.execute(app.state.table.select()).all() == []  # the key was not kept: a retry runs again


def test_a_replay_is_checked_and_tagged_as_the_first_answer(app):
    client = TestClient(app, raise_server_exceptions=False)
    first = client.post("/things/good", headers={"Idempotency-Key": "k-1"})
    again = client.post("/things/good", headers={"Idempotency-Key": "k-1"})
    assert first.status_code == again.status_code == 201 and first.content == again.content
    assert first.headers["etag"] == again.headers["etag"] == '"v3"'
    assert again.headers["idempotent-replayed"] == "true"
    with app.state.engine.begin() as conn:  # a stored answer that no longer fits the route's model
        conn.execute(app.state.table.update().values(response='{"name": 1}'))
    replay = client.post("/things/good", headers={"Idempotency-Key": "k-1"})
    assert replay.status_code == 500 and replay.json()["code"] == "internal_error"
    unkeyed = client.post("/things/good")
    assert unkeyed.status_code == 201 and unkeyed.headers["etag"] == '"v3"'
