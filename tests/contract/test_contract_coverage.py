"""docs/api.md and the services agree on what exists: every documented endpoint is served with that method, and every
served endpoint is documented ("change this file in the same commit as the code"). The roles the contract names are
read by the same parser the role matrix (tests/reliability/test_role_matrix.py) uses."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reliability"))
from contract_kit import SERVICES, build_app, load_contract, operations  # noqa: E402
from shared_kit import TEST_SECRET  # noqa: E402

CONTRACT = load_contract()


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> dict[str, set[tuple[str, str]]]:
    out = {}
    for name in SERVICES:
        folder = tmp_path_factory.mktemp(f"contract-{name}")
        app = build_app(name, f"sqlite:///{folder / 'db.sqlite'}", folder, TEST_SECRET)  # OpenAPI only, no start
        out[name] = {op.key for op in operations(app, name)}
    return out


def test_the_contract_parses_with_roles_for_every_endpoint():
    assert set(CONTRACT) == set(SERVICES)
    for name, endpoints in CONTRACT.items():
        assert len(endpoints) >= 8, (name, endpoints)
        assert all(endpoints.values()), [key for key, roles in endpoints.items() if not roles]
    assert CONTRACT["verification"][("GET", "/queue")] == {"department"}
    assert CONTRACT["points"][("GET", "/rulebooks/{}")] == {"bureau", "platform", "auditor", "service"}  # "same"
    assert CONTRACT["funding"][("POST", "/semesters")] == {"bureau"}
    assert CONTRACT["funding"][("GET", "/semesters")] == {"bureau", "finance", "auditor"}
    assert CONTRACT["funding"][("GET", "/budget/{}")] == {"finance", "auditor", "bureau"}
    assert ("GET", "/reports/runs/{}") in CONTRACT["enrollment"]  # `?format=json\|csv` keeps the row whole


@pytest.mark.parametrize("name", SERVICES)
def test_every_documented_endpoint_is_served(served, name):
    missing = sorted(set(CONTRACT[name]) - served[name])
    assert not missing, f"{name} does not serve these endpoints of docs/api.md: {missing}"


@pytest.mark.parametrize("name", SERVICES)
def test_every_served_endpoint_is_documented(served, name):
    extra = sorted(served[name] - set(CONTRACT[name]))
    assert not extra, f"{name} serves endpoints docs/api.md does not list (document them or remove them): {extra}"
