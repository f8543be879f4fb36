"""The points migrations build exactly the models' schema, on SQLite and PostgreSQL (one linear chain)."""

from __future__ import annotations

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from common.db import alembic_config, make_engine
from points.main import SERVICE_DIR


def test_migrations_match_the_models(new_database_url):
    cfg = alembic_config(SERVICE_DIR, new_database_url("points"))
    command.upgrade(cfg, "head")
    command.check(cfg)  # raises when autogenerate would find a difference
    script = ScriptDirectory.from_config(cfg)
    assert len(script.get_heads()) == 1
    command.downgrade(cfg, "base")
    command.upgrade(cfg, "head")


def test_overlapping_running_jobs_are_retired_before_the_index(new_database_url):
    """Jobs that overlapped before ``uq_scoring_jobs_running`` existed: the migration ends all but the newest
    running job of a season and grade as failed, then builds the index (which refuses a second running job)."""
    url = new_database_url("points")
    cfg = alembic_config(SERVICE_DIR, url)
    command.upgrade(cfg, "poin_20261129_02")
    engine = make_engine(url, pool_size=1)
    job = ("INSERT INTO scoring_jobs (season, grade, rulebook_id, state, \"full\", total, done, rescored, unchanged, "
           "requested_by, created_at) VALUES (:season, :grade, 'HY-2025', :state, false, 0, 0, 0, 0, 'bureau:x', "
           "CURRENT_TIMESTAMP)")
    try:
        with engine.begin() as conn:
            for season, grade, state in [(2025, 1, "running"), (2025, 1, "running"), (2025, 1, "running"),
                                         (2025, 7, "running"), (2025, 7, "done"), (2026, 1, "running")]:
                conn.execute(text(job), {"season": season, "grade": grade, "state": state})
        command.upgrade(cfg, "head")
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT id, state, error FROM scoring_jobs ORDER BY id")).all()
        assert [r.state for r in rows] == ["failed", "failed", "running", "running", "done", "running"]
        assert rows[0].error.startswith("superseded")
        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(text(job), {"season": 2025, "grade": 7, "state": "running"})
    finally:
        engine.dispose()
