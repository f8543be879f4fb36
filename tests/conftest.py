"""Fixtures shared by every test: secrets, identities, fresh databases on SQLite and PostgreSQL, in-process apps.

PostgreSQL: ``TONGCHENG_TEST_PG`` (default ``postgresql://postgres@127.0.0.1:5432``). Tests parametrized on
``backend`` run on both; where PostgreSQL is not reachable the ``postgres`` variant is skipped, saying why.
"""

from __future__ import annotations

import importlib
import os
import socket
import uuid
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

TEST_SECRET = "test-internal-secret-" + "x" * 40
os.environ.setdefault("TONGCHENG_INTERNAL_SECRET", TEST_SECRET)
os.environ.setdefault("TONGCHENG_LOG_LEVEL", "WARNING")

from common.identity import IDENTITY_HEADER, Identity, mint  # noqa: E402

PG_BASE = os.environ.get("TONGCHENG_TEST_PG", "postgresql://postgres@127.0.0.1:5432").rstrip("/")
SERVICE_MODULES = ("points", "verification", "enrollment", "funding")


@lru_cache(maxsize=1)
def pg_unavailable_reason() -> str | None:
    """``None`` when PostgreSQL answers at PG_BASE, else why not."""
    try:
        import psycopg

        with psycopg.connect(PG_BASE + "/postgres", connect_timeout=3) as conn:
            conn.execute("SELECT 1")
        return None
    except Exception as exc:  # noqa: BLE001 - any failure means "skip with the reason"
        return f"PostgreSQL not reachable at {PG_BASE} ({exc.__class__.__name__}: {str(exc).strip()[:120]})"


def create_pg_database(label: str) -> str:
    """Create a fresh database and return its SQLAlchemy URL."""
    import psycopg

    name = f"tc_test_{label}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_BASE + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql+psycopg://{PG_BASE.removeprefix('postgresql://')}/{name}"


def drop_pg_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(PG_BASE + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


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

    def headers(role: str, department: str | None = None, subject: str | None = None) -> dict[str, str]:
        who = Identity(role=role, subject=subject or f"{role}-{department or 'test'}", department=department)
        return {IDENTITY_HEADER: mint(TEST_SECRET, who)}

    return headers


@pytest.fixture
def make_service(new_database_url: Callable[[str], str], tmp_path: Path) -> Iterator[Callable[..., TestClient]]:
    """Factory: ``make_service("points", clients=..., **settings)`` → a started in-process TestClient of that
    service on a fresh database of the current backend. ``create_app_kwargs`` go to ``create_app``."""
    started: list[TestClient] = []

    def make(name: str, *, create_app_kwargs: dict | None = None, **overrides: object) -> TestClient:
        config = importlib.import_module(f"{name}.config")
        main = importlib.import_module(f"{name}.main")
        settings = config.Settings(internal_secret=TEST_SECRET, database_url=new_database_url(name),
                                   data_dir=tmp_path / "data", **overrides)
        client = TestClient(main.create_app(settings, **(create_app_kwargs or {})), raise_server_exceptions=False)
        client.__enter__()
        started.append(client)
        return client

    yield make
    for client in reversed(started):
        client.__exit__(None, None, None)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
