"""Fixtures shared by every test: identities, fresh databases on SQLite and PostgreSQL, in-process apps. Plain
helpers (the test secret, PostgreSQL databases, free ports) are in ``shared_kit.py``; each test folder's own
shared fixtures are in its ``conftest.py``.

Tests parametrized on ``backend`` run on both; where PostgreSQL is not reachable the ``postgres`` variant is
skipped, saying why.
"""

from __future__ import annotations

import importlib
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

# The machine's cores are shared (CI, other runs): a property test's examples are judged by what they check, never by
# how fast the generator ran. Tests that set their own settings keep them; the fuzz runs (make fuzz) set their own.
settings.register_profile("tongcheng", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("tongcheng")

from shared_kit import (TEST_SECRET, create_pg_database, drop_pg_database, finish_pg_drops,  # sets the env
                        migrated_database_url, pg_unavailable_reason)
from common.identity import IDENTITY_HEADER, Identity, mint  # noqa: E402  (after the env)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The PostgreSQL databases dropped in the background (``shared_kit.drop_pg_database``) and the templates are
    gone before the run ends."""
    finish_pg_drops()


@pytest.hookimpl(tryfirst=True)  # before ``-m "not slow"`` deselects
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """``@pytest.mark.pg_sample(keep)``: of a wide table's PostgreSQL twins (a parameter, or a parametrized fixture,
    equal to ``"postgres"``), ``make test`` runs those where ``keep(params)`` is true, a representative sample; the
    others are marked ``slow`` and run in ``make fuzz``. The SQLite side of the table always runs whole."""
    for item in items:
        marker = item.get_closest_marker("pg_sample")
        params = getattr(getattr(item, "callspec", None), "params", {})
        if marker is not None and "postgres" in params.values() and not marker.args[0](params):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    """``"sqlite"`` or ``"postgres"``; the latter skips with the reason when PostgreSQL is absent."""
    if request.param == "postgres" and (reason := pg_unavailable_reason()):
        pytest.skip(reason)
    return request.param


@pytest.fixture
def new_database_url(backend: str, tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """Factory: a fresh, empty database URL on the current backend; dropped after the test."""
    created: list[str] = []

    def make(label: str) -> str:
        if backend == "sqlite":
            return f"sqlite:///{tmp_path / (label + '-' + uuid.uuid4().hex[:6] + '.db')}"
        url = create_pg_database(label)
        created.append(url)
        return url

    yield make
    for url in created:
        drop_pg_database(url)


@pytest.fixture
def auth() -> Callable[..., dict[str, str]]:
    """``auth("department", "police")`` → headers carrying that identity, as the gateway would send them."""

    def headers(role: str, department: str | None = None, subject: str | None = None,
                school: str | None = None) -> dict[str, str]:
        """``school``: the school code a ``school`` caller is bound to."""
        who = Identity(role=role, subject=subject or f"{role}-{department or school or 'test'}",
                       department=department, school=school)
        return {IDENTITY_HEADER: mint(TEST_SECRET, who)}

    return headers


@pytest.fixture
def make_service(backend: str, tmp_path: Path) -> Iterator[Callable[..., TestClient]]:
    """Factory: ``make_service("points", clients=..., **settings)`` → a started in-process TestClient of that
    service on a fresh database of the current backend, already migrated (a copy of the test process's template:
    ``shared_kit.migrated_database_url``; the app's own upgrade on start then finds it at head). ``create_app_kwargs``
    go to ``create_app``."""
    started: list[TestClient] = []
    created: list[str] = []

    def make(name: str, *, create_app_kwargs: dict | None = None, **overrides: object) -> TestClient:
        config = importlib.import_module(f"{name}.config")
        main = importlib.import_module(f"{name}.main")
        url = migrated_database_url(name, backend, tmp_path)
        if backend == "postgres":
            created.append(url)
        settings = config.Settings(internal_secret=TEST_SECRET, database_url=url,
                                   data_dir=tmp_path / "data", **overrides)
        client = TestClient(main.create_app(settings, **(create_app_kwargs or {})), raise_server_exceptions=False)
        client.__enter__()
        started.append(client)
        return client

    yield make
    for client in reversed(started):
        client.__exit__(None, None, None)
    for url in created:
        drop_pg_database(url)
