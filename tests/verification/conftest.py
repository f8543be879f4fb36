"""Fixtures the verification tests share (helpers: ``verification_kit.py``)."""

from __future__ import annotations

from typing import Any

import pytest

from verification_kit import auth_for, case_body


@pytest.fixture
def verification(make_service):
    """An in-process verification service on a fresh database of the current backend."""
    return make_service("verification")


@pytest.fixture
def as_role(auth):
    """``as_role("police")`` → identity headers for one of the roles of the matrix (extra headers merged)."""
    return lambda role, **extra: {**auth_for(auth, role), **extra}


@pytest.fixture
def registered(verification, as_role) -> dict[str, Any]:
    """One registered case (two guardians, housing and business claims) → ``{"kind/guardian_no": request id}``."""
    resp = verification.post("/cases", json=case_body("HY2025-1-000001"), headers=as_role("service:enrollment"))
    assert resp.status_code == 201, resp.text
    return {f"{r['kind']}/{r['guardian_no']}": r["id"] for r in resp.json()["requests"]}
