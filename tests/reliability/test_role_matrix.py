"""A generated role matrix: every endpoint of every service (walked from its OpenAPI) × every caller (platform, the
four departments, bureau, finance, auditor, each service), checked against the roles docs/api.md gives it.

- no identity (or a forged one) → 401 problem on every endpoint but /health;
- a caller the contract does not name → 403 ``forbidden``; a caller it names → neither 401 nor 403;
- an empty or garbage body never gets a 5xx, whoever sends it.
Endpoints a service serves that the contract does not list are reported by tests/contract and here only checked for
401 and "no 5xx". One service app per module on a throwaway SQLite file (the database plays no part in roles).
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from contract_kit import (CALLERS, SCHOOL_OF_CALLER, SERVICES, Operation, allows, build_app, load_contract,
                          operations)
from common.identity import IDENTITY_HEADER, Identity, mint
from shared_kit import TEST_SECRET

CONTRACT = load_contract()
GARBAGE = [b"", b"garbage\x00{", b"{", b"[]", b"null", b'"text"', b"12", b'{"a": [1, {"b": null}]}',
           b'{"items": "x"}', b"\xff\xfe\xfd", "{\"名\": \"\\ud800\"}".encode()]
UNPARSABLE = (b"", b"garbage\x00{", b"{", b"\xff\xfe\xfd")


@pytest.fixture(scope="module")
def clients(tmp_path_factory):
    started = {}
    for name in SERVICES:
        folder = tmp_path_factory.mktemp(f"matrix-{name}")
        client = TestClient(build_app(name, f"sqlite:///{folder / 'db.sqlite'}", folder, TEST_SECRET),
                            raise_server_exceptions=False)
        client.__enter__()
        started[name] = client
    yield started
    for client in started.values():
        client.__exit__(None, None, None)


def identity(role: str, department: str | None, subject: str) -> dict[str, str]:
    school = SCHOOL_OF_CALLER if role == "school" else None
    return {IDENTITY_HEADER: mint(TEST_SECRET, Identity(role=role, subject=subject, department=department,
                                                        school=school))}


def _send(client: TestClient, op, headers: dict[str, str], body: bytes | None = None):
    if body is not None:
        headers = {**headers, "content-type": "application/json"}
    return client.request(op.method, op.url(), headers=headers, content=body)


def _server_error(resp) -> bool:
    """A 5xx, except the designed 503 ``upstream_unavailable``: every upstream of the app under test is a closed
    port."""
    if resp.status_code == 503 and resp.headers.get("content-type", "").startswith("application/problem+json"):
        return resp.json().get("code") not in ("upstream_unavailable", "circuit_open")
    return resp.status_code >= 500


def _report(failures: list[str]) -> str:
    return f"{len(failures)} answer(s) off the contract:\n" + "\n".join(failures[:60])


@pytest.mark.parametrize("name", SERVICES)
def test_no_identity_is_401_on_every_endpoint(clients, name):
    client = clients[name]
    forged = mint("another-secret-" + "z" * 40, Identity(role="bureau", subject="bureau-1"))
    failures = []
    for op in operations(client.app, name):
        for label, headers, code in [("no identity", {}, "unauthenticated"),
                                     ("forged identity", {IDENTITY_HEADER: forged}, "invalid_identity"),
                                     ("garbage identity", {IDENTITY_HEADER: "not-a-token"}, "invalid_identity")]:
            resp = _send(client, op, headers)
            body = resp.json() if resp.headers.get("content-type", "").startswith("application/") else {}
            if resp.status_code != 401 or body.get("code") != code:
                failures.append(f"{op.method} {op.url()} with {label}: {resp.status_code} {resp.text[:160]}")
    assert not failures, _report(failures)


@pytest.mark.parametrize("name", SERVICES)
def test_roles_follow_the_contract(clients, name):
    client = clients[name]
    contract = CONTRACT.get(name, {})
    failures = []
    for op in operations(client.app, name):
        roles = contract.get(op.key)
        for label, role, department, subject in CALLERS:
            resp = _send(client, op, identity(role, department, subject))
            status = resp.status_code
            where = f"{op.method} {op.url()} as {label}"
            if _server_error(resp):
                failures.append(f"{where}: {status} {resp.text[:200]}")
            elif roles is None:
                if status == 401:
                    failures.append(f"{where}: 401 for a valid identity")
            elif allows(roles, role, department, subject):
                if status in (401, 403):
                    failures.append(f"{where}: {status} but the contract allows {sorted(roles)}: {resp.text[:160]}")
            elif status != 403 or resp.json().get("code") != "forbidden":
                failures.append(f"{where}: expected 403 forbidden (contract: {sorted(roles)}), got {status} "
                                f"{resp.text[:160]}")
    assert not failures, _report(failures)


@pytest.mark.parametrize("name", SERVICES)
def test_garbage_bodies_never_get_a_5xx(clients, name):
    client = clients[name]
    contract = CONTRACT.get(name, {})
    failures = []
    for op in operations(client.app, name):
        if op.method not in ("POST", "PUT", "PATCH"):
            continue
        roles = contract.get(op.key, frozenset({"bureau"}))
        allowed = [c for c in CALLERS if allows(roles, c[1], c[2], c[3])][:2] or [CALLERS[5]]
        for label, role, department, subject in allowed:
            headers = {**identity(role, department, subject), "Idempotency-Key": f"matrix-{op.key}-{label}"}
            for body in GARBAGE:
                resp = _send(client, op, headers, body)
                if _server_error(resp):
                    failures.append(f"{op.method} {op.url()} as {label} body {body[:40]!r}: {resp.status_code} "
                                    f"{resp.text[:200]}")
                elif op.has_body() and resp.status_code < 400 and body in UNPARSABLE:
                    failures.append(f"{op.method} {op.url()} as {label} body {body[:40]!r}: accepted with "
                                    f"{resp.status_code}")
    assert not failures, _report(failures)


KIND_DEPARTMENT = {"residence_permit": "police", "social_insurance": "hrss", "housing": "housing",
                   "business_license": "market"}


def test_departments_see_only_their_own_requests(clients):
    """docs/api.md: another department's object → 404, for reading a request and for posting its result."""
    client = clients["verification"]
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    first17 = "33100319880101203"
    id_number = first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]
    case = {"application_no": "HY2025-1-990001", "season": 2025, "grade": 1, "child_birth_date": "2019-03-01",
            "guardians": [{"guardian_no": 1, "name": "张三", "id_number": id_number}],
            "claims": {"housing": [{"guardian_no": 1, "tenure": "owned", "share_percent": "50.00",
                                    "certificate_no": "浙(2021)黄岩区不动产权第0001234号"}],
                       "business_license": [{"guardian_no": 1, "uscc": "92331003MA2ABCDE19"}]}}
    created = client.post("/cases", json=case, headers=identity("bureau", None, "bureau-1"))
    assert created.status_code in (200, 201), created.text
    requests = {r["kind"]: r["id"] for r in created.json()["requests"]}
    assert set(requests) == set(KIND_DEPARTMENT)
    failures = []
    for kind, request_id in requests.items():
        for department in ("police", "market", "housing", "hrss"):
            who = identity("department", department, f"dept-{department}")
            read = client.get(f"/requests/{request_id}", headers=who)
            post = client.post(f"/requests/{request_id}/results", json={"outcome": "not_found", "facts": None},
                               headers={**who, "Idempotency-Key": f"cross-{request_id}-{department}"})
            own = KIND_DEPARTMENT[kind] == department
            if own and (read.status_code != 200 or read.json().get("id") != request_id):
                failures.append(f"GET /requests/{request_id} ({kind}) as its own department {department}: "
                                f"{read.status_code} {read.text[:120]}")
            if not own and read.status_code != 404:
                failures.append(f"GET /requests/{request_id} ({kind}) as {department}: {read.status_code}, not 404")
            if own and post.status_code != 201:
                failures.append(f"POST /requests/{request_id}/results ({kind}) as {department}: {post.status_code} "
                                f"{post.text[:120]}")
            if not own and post.status_code != 404:
                failures.append(f"POST /requests/{request_id}/results ({kind}) as {department}: "
                                f"{post.status_code}, not 404")
    assert not failures, _report(failures)


NOT_PLAIN_DIGITS = ["1.0", "1e0", "+1", " 1", "1_0", "１", "0x1"]


def _integer_params(op) -> list[tuple[str, str]]:
    """(in, name) of each integer path or query parameter of ``op`` (an optional one is ``anyOf`` with null)."""
    out = []
    for param in op.spec.get("parameters", []):
        schema = param.get("schema", {})
        types = {schema.get("type")} | {s.get("type") for s in schema.get("anyOf", [])}
        if "integer" in types and param.get("in") in ("path", "query"):
            out.append((param["in"], param["name"]))
    return out


@pytest.mark.parametrize("name", SERVICES)
@pytest.mark.parametrize("text", NOT_PLAIN_DIGITS)
def test_integer_parameters_take_only_ascii_digits(clients, name, text):
    """Every integer path and query parameter of every endpoint (walked from the OpenAPI), sent by a caller the
    endpoint admits: a text int() or pydantic's lax mode would take (``2027.0`` wrote budget 2027) is 422 naming the
    parameter with ``int_parsing`` (``page_limit`` for ``limit``), never served as the integer."""
    client = clients[name]
    failures, checked = [], 0
    for op in operations(client.app, name):
        params = _integer_params(op)
        if not params:
            continue
        roles = frozenset(op.spec.get("x-roles", ()))
        caller = next((c for c in CALLERS if allows(roles, *c[1:])), None)
        headers = identity(*caller[1:]) if caller else {}
        for where, param in params:
            bad = quote(text, safe="")
            url = op.url()
            if where == "path":
                url = op.path.replace("{" + param + "}", bad)
                url = Operation(op.service, op.method, url, op.spec).url()
            else:
                url += ("&" if "?" in url else "?") + f"{param}={bad}"
            resp = client.request(op.method, url, headers=headers)
            checked += 1
            body = resp.json() if resp.headers.get("content-type", "").startswith("application/") else {}
            named = {(e.get("field"), e.get("code")) for e in body.get("errors") or ()}
            if resp.status_code != 422 or not named & {(param, "int_parsing"), (param, "page_limit")}:
                failures.append(f"{op.method} {url} ({param}) → {resp.status_code} {resp.text[:160]}")
    assert checked, "no integer parameter found"
    assert not failures, _report(failures)


@pytest.mark.parametrize("name", SERVICES)
def test_a_grade_the_suite_does_not_run_is_grade_unknown_on_every_list(clients, name):
    """``?grade=3`` answered 200 with nothing on ``GET /runs`` but 422 ``grade_unknown`` on ``/runs/preview``: every
    ``grade`` query parameter (walked from the OpenAPI) now refuses a grade other than 1 or 7 with the rule code."""
    client = clients[name]
    failures, checked = [], 0
    for op in operations(client.app, name):
        if ("query", "grade") not in _integer_params(op):
            continue
        roles = frozenset(op.spec.get("x-roles", ()))
        caller = next((c for c in CALLERS if allows(roles, *c[1:])), None)
        season = "&season=2025" if ("query", "season") in _integer_params(op) else ""
        for grade in ("3", "2", "9", "0"):
            url = f"{op.url()}?grade={grade}{season}"
            resp = client.request(op.method, url, headers=identity(*caller[1:]) if caller else {})
            checked += 1
            codes = {(e.get("field"), e.get("code")) for e in (resp.json().get("errors") or ())} \
                if resp.headers.get("content-type", "").startswith("application/") and resp.status_code >= 400 else set()
            if resp.status_code != 422 or ("grade", "grade_unknown") not in codes:
                failures.append(f"{op.method} {url} → {resp.status_code} {resp.text[:160]}")
    if name != "funding":
        assert checked
    assert not failures, _report(failures)


NOT_APPLICATION_NUMBERS = ["HY２０２５-1-000001", "HY2025-1-00000\U0001F600", "HY2025\u202e-1-000001", "H" * 5000,
                           "HY2025 1", "-HY2025"]


@pytest.mark.parametrize("name", SERVICES)
def test_an_application_number_path_of_the_wrong_form_is_application_no_format(clients, name):
    """Every path parameter holding an application number (walked from the OpenAPI: ``application_no``, ``no``):
    a full-width, emoji, bidi-control or 5,000-character text is 422 ``application_no_format`` (was 404
    ``application_not_found`` or ``string_too_long``)."""
    client = clients[name]
    failures, checked = [], 0
    for op in operations(client.app, name):
        params = [p["name"] for p in op.spec.get("parameters", [])
                  if p.get("in") == "path" and p["name"] in ("application_no", "no")]
        if not params:
            continue
        roles = frozenset(op.spec.get("x-roles", ()))
        caller = next((c for c in CALLERS if allows(roles, *c[1:])), None)
        for text in NOT_APPLICATION_NUMBERS:
            url = Operation(op.service, op.method, op.path.replace("{" + params[0] + "}", quote(text, safe="")),
                            op.spec).url()
            resp = client.request(op.method, url, headers=identity(*caller[1:]) if caller else {})
            checked += 1
            ok = resp.status_code == 422 and resp.headers.get("content-type", "").startswith("application/problem")
            codes = {(e.get("field"), e.get("code")) for e in resp.json().get("errors") or ()} if ok else set()
            if (params[0], "application_no_format") not in codes:
                failures.append(f"{op.method} {url[:80]} → {resp.status_code} {resp.text[:160]}")
    assert checked
    assert not failures, _report(failures)
