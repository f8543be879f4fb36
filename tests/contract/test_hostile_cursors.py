"""Hostile query strings and batches against every endpoint found in the services' OpenAPI (issue 18 item 3, issue 17):
every list refuses every cursor it did not give, every GET refuses a parameter it does not take, every batch refuses
to run without an ``Idempotency-Key``.

The lists are found, not listed: every operation of every service's OpenAPI with a ``cursor`` parameter (a GET's
query, or a property of a POST's body, as ``POST /applications/search``). A GET that answers a page
(``next_cursor`` in its answer's schema) or takes a ``limit`` without also taking ``cursor`` fails the test, so a new
list is covered as soon as it exists. Path parameters are filled from a small seeded world (schools, applications, a
run, a semester, a tariff, a rulebook), so each request reaches its listing rather than a 404.

Each list gets every cursor of :data:`HOSTILE` and the cursor of another list: 422 ``invalid_cursor`` naming
``cursor``, and not a row written in any table of its service (a NUL is refused before routing, 400
``invalid_characters``, by the common middleware). Each ``limit`` of :data:`BAD_LIMITS`: 422 ``validation_error``
naming ``limit``. A list's own cursor is accepted (the refusals are not the answer to everything).
"""

from __future__ import annotations

import base64
import re
import shutil
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reliability"))
from contract_kit import CALLERS, allows, load_contract, normalise  # noqa: E402
from reliability_kit import (SEASON, Api, Stack, as_role, assert_problem, gateway_over,  # noqa: E402
                             private_school, public_school, rulebook, small_cohort, start_stack)
from shared_kit import pg_unavailable_reason  # noqa: E402

CONTRACT = load_contract()
SERVICES = ("points", "verification", "enrollment", "funding")


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


HOSTILE = {  # label → cursor text (sent URL-encoded in a query, or as a JSON string in a body)
    "superscript digit": "²",
    "full-width digit": "１",
    "twenty digits": "9" * 20,
    "plain id": "1",
    "negative": "-1",
    "hexadecimal": "0x10",
    "float": "1.5",
    "garbage base64": "!!notbase64??",
    "base64 of bytes": _b64(b"\xff\xfe\x00\x01"),
    "base64 of text": _b64(b"hello"),
    "base64 of garbage JSON": _b64(b'{"v":1,"l":'),
    "base64 of other JSON": _b64(b'{"a":1}'),
    "base64 of a list": _b64(b"[1,2,3]"),
    "base64 of a cursor of another version": _b64(b'{"v":2,"l":"applications","k":1}'),
    "base64 of a cursor with a float key": _b64(b'{"v":1,"l":"applications","k":1.0}'),
    "huge (10 kB)": "A" * 10_240,
    "whitespace": " ",
    "tab": "\t",
    "empty": "",
    "emoji": "😀",
}
NUL = "\x00"
BAD_LIMITS = ["0", "1001", "-1", str(10**20), "1.5", "１", "1.0", " 1", "abc"]
ROLE_ORDER = ("bureau", "auditor", "finance", "platform", "department:police", "service:enrollment",
              "service:points")


@dataclass(frozen=True)
class ListEndpoint:
    service: str
    method: str
    path: str  # the OpenAPI template, e.g. /schools/{code}/history
    spec: dict

    @property
    def label(self) -> str:
        return f"{self.service} {self.method} {self.path}"


# ---- the world -------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The four services with two of everything a list pages over: schools, applications (scored), a run with its
    placements, an appeal, a semester with a tariff and a settlement, purchased seats, a rulebook changed twice."""
    if request.param == "postgres" and (reason := pg_unavailable_reason()):
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp(f"cursors-{request.param}")
    stack, close = start_stack(request.param, folder)
    try:
        api = Api(stack)
        cohort = small_cohort(api, "1", 3, public_seats=1)
        for body in (public_school("P2"), private_school("R2")):
            stack.ok(stack.call("enrollment", "POST", "/schools", "bureau", json_body=body), 201)
        for seats in (1, 2):  # two changes of the public school's seats, two of the plan
            stack.ok(stack.call("enrollment", "PUT", f"/schools/{cohort.public}/seats/{SEASON}/1", "bureau",
                                json_body={"migrant_seats": seats}))
            stack.ok(stack.call("enrollment", "PUT", f"/schools/{cohort.private}/plans/{SEASON}/1", "bureau",
                                json_body={"planned": 40 + seats}))
        run = stack.ok(stack.call("enrollment", "POST", "/runs", "bureau", json_body={
            "season": SEASON, "grade": 1, "mechanism": "deferred_acceptance", "seed": "c1"}), 201)
        stack.ok(stack.call("enrollment", "POST", f"/runs/{run['id']}/publish", "bureau", json_body={"window_days": 5}))
        for no in cohort.numbers[:2]:
            stack.ok(stack.call("enrollment", "POST", "/appeals", "platform", json_body={
                "run_id": run["id"], "application_no": no, "reason": "复核申请"}), 201)
        for no in cohort.numbers[:2]:  # two reads of personal data: two access-log rows
            stack.ok(stack.call("enrollment", "GET", f"/applications/{no}", "platform"))
        stack.ok(stack.call("funding", "POST", "/semesters", "bureau", json_body={"code": "2025-autumn"}), 201)
        for cost in ("3000.00", "3100.00"):
            for school in (cohort.private, "R2"):
                stack.ok(stack.call("funding", "PUT", f"/tariffs/{school}/2025-autumn", "bureau",
                                    json_body={"operating_cost_per_pupil": cost, "original_fee": "2800.00"}))
        seats = [{"application_no": f"HY2025-1-70000{i}", "pupil_name": "王小明",
                  "pupil_id_number": cohort.bodies[i]["child"]["id_number"], "school_code": cohort.private,
                  "grade": 1, "start_date": "2025-09-01"} for i in range(2)]
        stack.ok(stack.call("funding", "POST", "/purchased-seats/handover", "service:enrollment", key="cursor-seats",
                            json_body={"run_id": str(run["id"]), "seats": seats}))
        stack.ok(stack.call("funding", "POST", "/settlements", "bureau",
                            json_body={"school_code": cohort.private, "semester": "2025-autumn"}), 201)
        draft = rulebook("RB-C")
        stack.ok(stack.call("points", "POST", "/rulebooks", "bureau", json_body=draft), 201)
        stack.ok(stack.call("points", "PUT", "/rulebooks/RB-C", "bureau", json_body={**draft, "name": "修订"},
                            headers={"If-Match": '"v1"'}))
        jobs = [stack.ok(stack.call("points", "POST", "/scoring-jobs", "bureau",
                                    json_body={"season": SEASON, "grade": grade}), 202) for grade in (1, 1)]
        deadline = time.monotonic() + 60  # finished before the tests look: a job still running writes meanwhile
        while any(stack.ok(stack.call("points", "GET", f"/scoring-jobs/{job['id']}", "bureau"))["state"] == "running"
                  for job in jobs):
            assert time.monotonic() < deadline, "the world's scoring jobs never finished"
            time.sleep(0.05)
        stack.data.update({"code": cohort.public, "school_code": cohort.private, "semester": "2025-autumn",
                           "funding:code": "2025-autumn", "run_id": run["id"], "rulebook_id": "RB-C",
                           "season": SEASON, "grade": 1})
        yield stack
    finally:
        close()
        shutil.rmtree(folder, ignore_errors=True)


# ---- finding the lists -----------------------------------------------------------------------------------------

def _answer_schema(spec: dict, components: dict) -> dict:
    schema = spec.get("responses", {}).get("200", {}).get("content", {}).get("application/json", {}).get("schema", {})
    while "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _body_schema(spec: dict, components: dict) -> dict:
    schema = spec.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
    while "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[1]]
    return schema


def list_endpoints(stack: Stack) -> list[ListEndpoint]:
    """Every operation taking a ``cursor`` (query parameter or body property), every service; asserts that no GET
    answering a page, or taking a ``limit``, goes without one."""
    found, uncovered = [], []
    for service in SERVICES:
        document = stack[service].app.openapi()
        components = document.get("components", {}).get("schemas", {})
        for path, item in document["paths"].items():
            for method, spec in item.items():
                if method not in ("get", "post"):
                    continue
                query = {p["name"] for p in spec.get("parameters", []) if p["in"] == "query"}
                in_body = "cursor" in _body_schema(spec, components).get("properties", {})
                if "cursor" in query or in_body:
                    found.append(ListEndpoint(service, method.upper(), path, spec))
                elif method == "get" and ("limit" in query
                                          or "next_cursor" in _answer_schema(spec, components).get("properties", {})):
                    uncovered.append(f"{service} GET {path}")
    assert not uncovered, f"lists without a cursor parameter (use common.paging's Limit and Cursor): {uncovered}"
    return found


def caller(endpoint: ListEndpoint) -> str:
    """A role the contract lets call the endpoint (the bureau where it may)."""
    roles = CONTRACT[endpoint.service][(endpoint.method, normalise(endpoint.path))]
    labels = [label for label, role, dept, subject in CALLERS if allows(roles, role, dept, subject)]
    for label in ROLE_ORDER:
        if label in labels:
            return label.split(":", 1)[1] if label.startswith("department:") else label
    raise AssertionError(f"no caller for {endpoint.label}: {roles}")


def world_value(stack: Stack, endpoint: ListEndpoint, name: str) -> Any:
    """The world's value for a parameter (``funding:code`` before ``code``: a semester's code there)."""
    return stack.data.get(f"{endpoint.service}:{name}", stack.data.get(name))


def send(stack: Stack, endpoint: ListEndpoint, *, cursor: str | None = None, limit: str | None = None,
         extra: dict[str, str] | None = None):
    """Call the list with its path filled from the world and its required query parameters given."""
    path = endpoint.path.format(**{p["name"]: world_value(stack, endpoint, p["name"])
                                   for p in endpoint.spec.get("parameters", []) if p["in"] == "path"})
    params = {p["name"]: str(world_value(stack, endpoint, p["name"])) for p in endpoint.spec.get("parameters", [])
              if p["in"] == "query" and p.get("required")}
    params.update(extra or {})
    if endpoint.method == "POST":
        body: dict[str, Any] = {}
        if cursor is not None:
            body["cursor"] = cursor
        if limit is not None:
            body["limit"] = int(limit)
        return stack.call(endpoint.service, "POST", path, caller(endpoint), json_body=body, params=params)
    if cursor is not None:
        params["cursor"] = cursor
    if limit is not None:
        params["limit"] = limit
    return stack[endpoint.service].get(path, params=params, headers=as_role(caller(endpoint)))


def first_cursor(stack: Stack, endpoint: ListEndpoint) -> str | None:
    resp = send(stack, endpoint, limit="1")
    assert resp.status_code == 200, f"{endpoint.label}: {resp.status_code} {resp.text[:300]}"
    return resp.json().get("next_cursor")


# ---- the tests -------------------------------------------------------------------------------------------------

def test_the_lists_are_found(world):
    """The discovery finds the lists the brief names, in every service (a broken discovery would pass the rest)."""
    found = {(e.service, e.method, e.path) for e in list_endpoints(world)}
    for expected in [("enrollment", "GET", "/applications"), ("enrollment", "GET", "/schools"),
                     ("enrollment", "POST", "/applications/search"), ("enrollment", "GET", "/events"),
                     ("enrollment", "GET", "/access-log"), ("enrollment", "GET", "/runs"),
                     ("enrollment", "GET", "/runs/{run_id}/placements"), ("enrollment", "GET", "/appeals"),
                     ("enrollment", "GET", "/schools/{code}/history"), ("points", "GET", "/scores"),
                     ("points", "GET", "/scoring-jobs"), ("points", "GET", "/rulebooks/{rulebook_id}/history"),
                     ("verification", "GET", "/queue"), ("verification", "GET", "/facts"),
                     ("funding", "GET", "/ledger"), ("funding", "GET", "/settlements"),
                     ("funding", "GET", "/purchased-seats"), ("funding", "GET", "/tariffs"),
                     ("funding", "GET", "/rolls/{school_code}/{semester}"), ("funding", "GET", "/adjustments"),
                     ("funding", "GET", "/semesters/{code}/history"), ("enrollment", "GET", "/webhooks"),
                     ("points", "GET", "/rulebooks"), ("funding", "GET", "/semesters")]:
        assert expected in found, expected
    assert len(found) >= 24, sorted(found)


def lists_of(endpoints: list[ListEndpoint], part: str) -> list[ListEndpoint]:
    """``"sample"``: the first list found of each service; ``"rest"``: every other list."""
    sample = list({e.service: e for e in reversed(endpoints)}.values())
    return sample if part == "sample" else [e for e in endpoints if e not in sample]


@pytest.mark.pg_sample(lambda params: params["part"] == "sample")  # make fuzz: every list on PostgreSQL too
@pytest.mark.parametrize("part", ["sample", "rest"])
def test_every_list_refuses_every_cursor_it_did_not_give(world, part):
    """The table of hostile cursors, and another list's genuine cursor, against every list: 422 ``invalid_cursor``
    naming ``cursor``, nothing written; its own cursor (where a page of one has a next) is taken. In two parts, one
    list of each service and the others: ``make test`` runs both on SQLite and the first on PostgreSQL."""
    endpoints = list_endpoints(world)
    genuine = {e.label: c for e in endpoints if (c := first_cursor(world, e))}
    assert len(genuine) >= 10, genuine  # enough lists hand out cursors to swap them between lists
    assert len(lists_of(endpoints, "sample")) == len(SERVICES)
    failures = []
    for endpoint in lists_of(endpoints, part):
        foreign = {f"cursor of {label}": c for label, c in genuine.items() if label != endpoint.label}
        before = {s: world.digest(s) for s in SERVICES}
        for label, cursor in {**HOSTILE, **foreign}.items():
            resp = send(world, endpoint, cursor=cursor)
            body = resp.json() if resp.headers.get("content-type", "").endswith("json") else {}
            if (resp.status_code, body.get("code"), body.get("field")) != (422, "invalid_cursor", "cursor"):
                failures.append(f"{endpoint.label} cursor {label!r}: {resp.status_code} {resp.text[:160]}")
        if endpoint.method == "GET":  # a NUL never reaches a route (a NUL in a JSON body is a cursor like others)
            assert_problem(send(world, endpoint, cursor=NUL), 400, "invalid_characters")
        else:
            resp = send(world, endpoint, cursor=NUL)
            assert_problem(resp, 422, "invalid_cursor", "cursor")
        assert not failures, "\n".join(failures)
        after = {s: world.digest(s) for s in SERVICES}
        assert after == before, f"{endpoint.label}: a refused cursor wrote something"
        if endpoint.label in genuine:
            resp = send(world, endpoint, cursor=genuine[endpoint.label], limit="1")
            assert resp.status_code == 200, f"{endpoint.label} refused its own cursor: {resp.text[:300]}"
    assert not failures, "\n".join(failures)


def test_every_list_refuses_a_bad_limit(world):
    """0, 1001, −1, 10^20, 1.5, a full-width digit...: 422 ``validation_error`` naming ``limit`` with the one rule
    code docs/api.md lists for it, ``page_limit`` (0 and 1001 answered pydantic's ``greater_than_equal`` /
    ``less_than_equal`` before), on every list."""
    for endpoint in list_endpoints(world):
        for limit in BAD_LIMITS:
            if endpoint.method == "POST":  # a JSON body's limit is a number: the same values as numbers or text
                continue
            body = assert_problem(send(world, endpoint, limit=limit), 422, "validation_error", "limit")
            codes = {e.get("code") for e in body.get("errors", []) if e.get("field") == "limit"}
            assert codes == {"page_limit"}, (endpoint.label, limit, body)
    search = next(e for e in list_endpoints(world) if e.method == "POST")
    for limit in (0, -1, 10**20, 1.5, "１", "10", True):
        resp = world.call(search.service, "POST", search.path, caller(search), json_body={"limit": limit})
        assert_problem(resp, 422, "validation_error", "limit")


# ---- unknown query parameters (issue 17) -----------------------------------------------------------------------

UNKNOWN = "child_id_number_x"


def _get_routes(app) -> list[str]:
    """Every GET path of an app: its OpenAPI's (the included routers) and the app's own hidden ones (probes,
    ``/metrics``, the gateway's ``/openapi.json`` and ``/docs``), path parameters filled with ``1``."""
    from fastapi.routing import APIRoute

    paths = [p for p, item in app.openapi()["paths"].items() if "get" in item] if app.openapi_url else []
    paths += [r.path for r in app.routes if isinstance(r, APIRoute) and "GET" in r.methods]
    return sorted({re.sub(r"\{[^}]*\}", "1", p) for p in paths})


def test_every_get_refuses_a_parameter_it_does_not_take(world, tmp_path):
    """Every GET of every service and of the gateway itself, with a query parameter it does not declare: 422
    ``unknown_parameter`` naming it, before identity or any other check, and nothing written; a platform's
    ``GET /applications?child_id_number=...`` is refused, not answered with unrelated applications."""
    failures = []
    before = {s: world.digest(s) for s in SERVICES}
    for service in SERVICES:
        paths = _get_routes(world[service].app)
        assert len(paths) >= 8, (service, paths)
        for path in paths:
            for headers in ({}, as_role("bureau")):
                resp = world[service].get(path, params={UNKNOWN: "1"}, headers=headers)
                body = resp.json() if "json" in resp.headers.get("content-type", "") else {}
                if (resp.status_code, body.get("code"), body.get("field")) != (422, "unknown_parameter", UNKNOWN):
                    failures.append(f"{service} GET {path}: {resp.status_code} {resp.text[:160]}")
    assert {s: world.digest(s) for s in SERVICES} == before, "a refused query wrote something"
    resp = world["enrollment"].get("/applications", params={"child_id_number": "110101201503070016",
                                                              "season": SEASON}, headers=as_role("bureau"))
    assert_problem(resp, 422, "unknown_parameter", "child_id_number")
    with gateway_over(world, tmp_path) as gateway:
        paths = _get_routes(gateway.app)
        assert {"/health", "/health/live", "/health/ready", "/openapi.json", "/docs"} <= set(paths), paths
        for path in paths:
            resp = gateway.get(path, params={UNKNOWN: "1"})
            body = resp.json() if "json" in resp.headers.get("content-type", "") else {}
            if (resp.status_code, body.get("code"), body.get("field")) != (422, "unknown_parameter", UNKNOWN):
                failures.append(f"gateway GET {path}: {resp.status_code} {resp.text[:160]}")
        through = gateway.get("/api/enrollment/applications", params={"child_id_number": "1"},
                              headers={"Authorization": "Bearer tok-bureau"})
        assert_problem(through, 422, "unknown_parameter", "child_id_number")  # the service's answer, passed on
        assert gateway.get("/api/enrollment/applications", params={"limit": "1"},
                           headers={"Authorization": "Bearer tok-bureau"}).status_code == 200
    assert not failures, "\n".join(failures)


# ---- a batch without an Idempotency-Key (issue 17) ---------------------------------------------------------------

BATCH_BODIES = {  # label → (content-type, body bytes)
    "valid empty": ("application/json", b'{"items": []}'),
    "schema-invalid": ("application/json", b'{"items": "no"}'),
    "not JSON": ("application/json", b"{"),
    "duplicate key": ("application/json", b'{"items": [], "items": []}'),
    "too deep": ("application/json", b"[" * 100 + b"]" * 100),
    "text": ("text/plain", b"hello"),
    "no body": ("application/json", b""),
}


def test_every_batch_without_an_idempotency_key_is_refused_first(world):
    """Every batch (a POST whose path ends in ``/batch``), of every service, sent by a caller its contract allows
    without ``Idempotency-Key`` (or with an empty one) and whatever its body — valid, schema-invalid, not JSON, a
    duplicate key, too deep, text, none: 400 ``idempotency_key_required`` naming the header, and nothing written.
    Identity still comes first: no identity is 401, a role the contract does not allow 403."""
    batches = [(service, path) for service in SERVICES for path, item in world[service].app.openapi()["paths"].items()
               if path.endswith("/batch") and "post" in item]
    assert {("enrollment", "/applications/batch"), ("verification", "/cases/batch"),
            ("verification", "/results/batch")} <= set(batches), batches
    failures = []
    before = {s: world.digest(s) for s in SERVICES}
    for service, path in batches:
        allowed = caller(ListEndpoint(service, "POST", path, {}))
        for label, (media, content) in BATCH_BODIES.items():
            for key in ({}, {"Idempotency-Key": ""}):
                for who, expected in ((as_role(allowed), (400, "idempotency_key_required", "Idempotency-Key")),
                                      ({}, (401, "unauthenticated", None)),
                                      (as_role("auditor"), (403, "forbidden", None))):
                    resp = world[service].post(path, content=content, headers={**who, **key, "content-type": media})
                    body = resp.json() if "json" in resp.headers.get("content-type", "") else {}
                    if (resp.status_code, body.get("code"), body.get("field")) != expected:
                        failures.append(f"{service} POST {path} {label} {key} {who and allowed}: {resp.status_code} "
                                        f"{resp.text[:120]}")
    assert not failures, "\n".join(failures)
    assert {s: world.digest(s) for s in SERVICES} == before, "a batch without a key wrote something"
