"""Fixtures the reliability tests share (helpers: ``reliability_kit.py``)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from reliability_kit import Stack, start_stack
from shared_kit import pg_unavailable_reason


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def module_backend(request: pytest.FixtureRequest) -> str:
    """``"sqlite"`` or ``"postgres"`` for a whole module (the ``postgres`` variant skips with the reason when
    PostgreSQL is absent)."""
    if request.param == "postgres" and (reason := pg_unavailable_reason()):
        pytest.skip(reason)
    return request.param


@pytest.fixture(scope="module")
def stack(module_backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The four services on fresh databases of the module's backend, shared by the module's tests."""
    folder = tmp_path_factory.mktemp(f"stack-{module_backend}")
    built, close = start_stack(module_backend, folder)
    try:
        yield built
    finally:
        close()
        shutil.rmtree(folder, ignore_errors=True)
