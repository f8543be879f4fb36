"""The gateway's ``/openapi.json`` is the whole suite's description, built from the services' own documents (never
by hand): every operation the gateway forwards is in it under ``/api/<service>/...`` and nothing else, each with
the roles that may call it (the same as the contract's role column, docs/api.md); ``/docs`` serves Swagger UI from
the gateway itself, no CDN."""

from __future__ import annotations

import json
import re

import pytest

from contract_kit import load_contract, normalise
from gateway.openapi import NOT_API
from reliability_kit import gateway_over

METHODS = ("get", "post", "put", "patch", "delete")


@pytest.fixture(scope="module")
def module_backend() -> str:
    return "sqlite"


@pytest.fixture(scope="module")
def gateway(stack, tmp_path_factory):
    """The gateway in front of the stack's four services (in process, through MockTransports)."""
    with gateway_over(stack, tmp_path_factory.mktemp("gw")) as client:
        yield client


def operations(doc: dict) -> set[tuple[str, str]]:
    return {(m.upper(), p) for p, item in doc["paths"].items() for m in item if m in METHODS}


def test_every_forwarded_operation_and_nothing_else(stack, gateway):
    resp = gateway.get("/openapi.json")
    assert resp.status_code == 200 and "X-Incomplete" not in resp.headers
    doc = resp.json()
    forwarded = {(m.upper(), f"/api/{name}{p}") for name, client in stack.clients.items()
                 for p, item in client.app.openapi()["paths"].items() if not NOT_API.match(p)
                 for m in item if m in METHODS}
    assert operations(doc) - {("GET", "/health")} == forwarded
    assert len(forwarded) > 60
    not_api = [p for p in doc["paths"] if p.startswith("/console") or p.endswith(("/metrics", "/health/live",
                                                                                   "/health/ready"))]
    assert not_api == [], not_api  # the console, scrapes and probes are served but are not API operations
    assert doc["components"]["securitySchemes"]["bearer"] == {**doc["components"]["securitySchemes"]["bearer"],
                                                            "type": "http", "scheme": "bearer"}
    refs = set(re.findall(r'"#/components/schemas/([^"]+)"', json.dumps(doc)))
    assert refs <= set(doc["components"]["schemas"]), refs - set(doc["components"]["schemas"])
    assert len({op["operationId"] for item in doc["paths"].values() for m, op in item.items() if m in METHODS}) \
        == len(operations(doc))
    assert gateway.get("/openapi.json").json() == doc  # kept, not rebuilt


def test_each_operation_names_the_roles_of_the_contract(gateway):
    doc = gateway.get("/openapi.json").json()
    contract = load_contract()
    checked = 0
    for path, item in doc["paths"].items():
        if not path.startswith("/api/"):
            continue
        service, _, rest = path[5:].partition("/")
        for method, op in item.items():
            if method not in METHODS or rest == "health":
                continue
            assert op.get("security") == [{"bearer": []}] and op.get("x-roles"), (method, path)
            assert "Roles: " in op["description"], (method, path)
            documented = contract[service].get((method.upper(), normalise("/" + rest)))
            if documented is not None:
                assert set(op["x-roles"]) == set(documented), (method, path, op["x-roles"], documented)
                checked += 1
    assert checked > 50


def test_docs_are_served_by_the_gateway_without_a_cdn(gateway):
    page = gateway.get("/docs")
    assert page.status_code == 200 and "/openapi.json" in gateway.get("/docs/init.js").text
    assert "http" not in page.text.replace('lang="zh-CN"', "")  # every asset is the gateway's own
    for asset in re.findall(r'(?:src|href)="([^"]+)"', page.text):
        assert gateway.get(asset).status_code == 200, asset
