"""Who may call what (BRIEF §2, docs/api.md enrollment table), and migrations that match the models."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command

from common.db import alembic_config

ROLES = {"platform": ("platform", None), "bureau": ("bureau", None), "police": ("department", "police"),
         "hrss": ("department", "hrss"), "finance": ("finance", None), "auditor": ("auditor", None),
         "service": ("service", None)}
BUREAU, PLATFORM, BOTH = {"bureau"}, {"platform"}, {"bureau", "platform"}
MATRIX = [
    ("POST", "/schools", BUREAU), ("PUT", "/schools/X1", BUREAU), ("GET", "/schools", BOTH),
    ("GET", "/schools/X1", BOTH), ("PUT", "/schools/X1/seats/2025/1", BUREAU),
    ("PUT", "/schools/X1/plans/2025/1", BUREAU), ("POST", "/applications", PLATFORM),
    ("POST", "/applications/batch", PLATFORM), ("GET", "/applications", BOTH),
    ("GET", "/applications/HY2025-1-000001", BOTH), ("POST", "/applications/HY2025-1-000001/withdraw", BOTH),
    ("GET", "/outbox", BUREAU), ("POST", "/outbox/flush", BUREAU), ("POST", "/runs", BUREAU), ("GET", "/runs", BUREAU),
    ("GET", "/runs/1", BUREAU), ("GET", "/runs/1/placements", BUREAU), ("POST", "/runs/1/publish", BUREAU),
    ("POST", "/runs/1/finalise", BUREAU), ("GET", "/placements/HY2025-1-000001", BOTH),
    ("POST", "/appeals", PLATFORM), ("POST", "/appeals/1/decision", BUREAU), ("GET", "/appeals", BUREAU),
    ("GET", "/reports/runs/1", BUREAU), ("GET", "/reports/seasons/2025", BUREAU),
]


@pytest.mark.parametrize("method, path, allowed", MATRIX, ids=[f"{m} {p}" for m, p, _ in MATRIX])
def test_role_matrix(shared_app, auth, method, path, allowed):
    for name, (role, dept) in ROLES.items():
        # an invalid body: an allowed caller gets a 4xx about the request, never 401/403 (and no upstream call)
        kwargs = {"json": {"bogus": True}} if method in ("POST", "PUT") and "flush" not in path else {}
        resp = shared_app.request(method, path, headers=auth(role, dept), **kwargs)
        if name in allowed:
            assert resp.status_code not in (401, 403), (name, resp.text)
        else:
            assert resp.status_code == 403 and resp.json()["code"] == "forbidden", (name, resp.status_code)
    assert shared_app.request(method, path).status_code == 401


def test_migrations_match_models_and_go_down_and_up(new_database_url, backend):
    url = new_database_url("enrollment_mig")
    cfg = alembic_config(Path(__import__("enrollment").__file__).resolve().parents[1], url)
    command.upgrade(cfg, "head")
    command.check(cfg)  # raises when the models and the migrations disagree
    command.downgrade(cfg, "base")
    command.upgrade(cfg, "head")
