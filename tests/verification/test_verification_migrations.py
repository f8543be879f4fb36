"""Models and migrations agree on both backends; the change-feed counter row is seeded by the migration."""

from alembic import command
from sqlalchemy import create_engine, text

from common.db import alembic_config
from verification.main import SERVICE_DIR


def test_migrations_match_models_and_seed_the_counter(new_database_url, backend):
    url = new_database_url("verification_migrations")
    cfg = alembic_config(SERVICE_DIR, url)
    command.upgrade(cfg, "head")
    command.check(cfg)  # raises when autogenerate would find a difference
    engine = create_engine(url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT id, value FROM seq_counter")).all() == [(1, 0)]
    engine.dispose()
    command.downgrade(cfg, "base")
    command.upgrade(cfg, "head")
