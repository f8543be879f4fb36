"""The points migrations build exactly the models' schema, on SQLite and PostgreSQL (one linear chain)."""

from __future__ import annotations

from alembic import command
from alembic.script import ScriptDirectory

from common.db import alembic_config
from points.main import SERVICE_DIR


def test_migrations_match_the_models(new_database_url):
    cfg = alembic_config(SERVICE_DIR, new_database_url("points"))
    command.upgrade(cfg, "head")
    command.check(cfg)  # raises when autogenerate would find a difference
    script = ScriptDirectory.from_config(cfg)
    assert len(script.get_heads()) == 1
    command.downgrade(cfg, "base")
    command.upgrade(cfg, "head")
