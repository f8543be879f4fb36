"""Schemathesis against each service's own OpenAPI, in process (ASGI): generated requests — valid and invalid — sent
with an identity the contract allows for the operation (and an ``Idempotency-Key`` on writes), asserting no 5xx and
answers that conform to the declared response schemas.

``make test`` runs a few examples per operation (derandomized, so a run is repeatable); ``make fuzz`` (``-m slow``)
runs many more. A failure names the operation, the generated request (with a curl line to replay it) and the answer.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from contract_kit import CALLERS, SERVICES, allows, build_app, load_contract, normalise
from common.identity import IDENTITY_HEADER, Identity, mint
from shared_kit import TEST_SECRET

CONTRACT = load_contract()
FAST, LONG = 4, 150
FAST_CONFIG = {"phases": {"coverage": {"enabled": False}, "examples": {"enabled": False}}}  # fuzzing phase only
LONG_CONFIG: dict = {}  # every phase: examples, boundary "coverage" cases, fuzzing


def no_server_error(ctx, response, case):
    """Like schemathesis' ``not_a_server_error``, but a 503 ``upstream_unavailable`` is the designed answer here:
    every upstream of the service under test points at a closed port."""
    if response.status_code == 503:
        try:
            if response.json().get("code") in ("upstream_unavailable", "circuit_open"):
                return True
        except ValueError:
            pass
    return not_a_server_error(ctx, response, case)


CHECKS = [no_server_error, response_schema_conformance]
SETTINGS = dict(deadline=None, suppress_health_check=list(HealthCheck), derandomize=True, database=None)


def headers_for(name: str, method: str, path: str) -> dict[str, str]:
    """An identity the contract allows for this operation (the first such caller; bureau when undocumented)."""
    roles = CONTRACT.get(name, {}).get((method.upper(), normalise(path)), frozenset({"bureau"}))
    label, role, department, subject = next((c for c in CALLERS if allows(roles, c[1], c[2], c[3])), CALLERS[5])
    headers = {IDENTITY_HEADER: mint(TEST_SECRET, Identity(role=role, subject=subject, department=department), 3600)}
    if method.upper() in ("POST", "PUT", "PATCH"):
        headers["Idempotency-Key"] = f"fuzz-{uuid.uuid4().hex}"
    return headers


_WORKDIR = Path(tempfile.mkdtemp(prefix="tc-fuzz-"))
atexit.register(shutil.rmtree, _WORKDIR, ignore_errors=True)


def _app(name: str):
    """The service's schema, loaded from its app on a throwaway SQLite file. Schemathesis runs the app's lifespan
    (migrations) on the first call. Built at collection: schemathesis' fixture-based lazy loading does not work with
    this pytest (it reads ``request.node._nodeid``)."""
    folder = _WORKDIR / name
    folder.mkdir()
    return build_app(name, f"sqlite:///{folder / 'db.sqlite'}", folder, TEST_SECRET)


def _schema(app, config: dict):
    return schemathesis.openapi.from_asgi("/openapi.json", app, config=schemathesis.Config.from_dict(config))


def _fuzz_test(name: str, schema, examples: int):
    @schema.parametrize()
    @settings(max_examples=examples, **SETTINGS)
    def test(case):
        case.call_and_validate(headers=headers_for(name, case.method, case.path), checks=CHECKS)

    return test


APPS = {name: _app(name) for name in SERVICES}
FAST_SCHEMAS = {name: _schema(app, FAST_CONFIG) for name, app in APPS.items()}
LONG_SCHEMAS = {name: _schema(app, LONG_CONFIG) for name, app in APPS.items()}

test_fuzz_points = _fuzz_test("points", FAST_SCHEMAS["points"], FAST)
test_fuzz_verification = _fuzz_test("verification", FAST_SCHEMAS["verification"], FAST)
test_fuzz_enrollment = _fuzz_test("enrollment", FAST_SCHEMAS["enrollment"], FAST)
test_fuzz_funding = _fuzz_test("funding", FAST_SCHEMAS["funding"], FAST)

test_fuzz_points_long = pytest.mark.slow(_fuzz_test("points", LONG_SCHEMAS["points"], LONG))
test_fuzz_verification_long = pytest.mark.slow(_fuzz_test("verification", LONG_SCHEMAS["verification"], LONG))
test_fuzz_enrollment_long = pytest.mark.slow(_fuzz_test("enrollment", LONG_SCHEMAS["enrollment"], LONG))
test_fuzz_funding_long = pytest.mark.slow(_fuzz_test("funding", LONG_SCHEMAS["funding"], LONG))
