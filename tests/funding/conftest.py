"""Fixtures the funding tests share (helpers: ``funding_kit.py``)."""

from __future__ import annotations

import pytest

from funding_kit import Funding


@pytest.fixture
def f(make_service, auth) -> Funding:
    """An in-process funding service on a fresh database of the current backend, with the calls of ``Funding``."""
    return Funding(make_service("funding"), auth)
