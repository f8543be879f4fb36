"""Liveness and readiness answered apart (issue 14), on every service and the gateway: live never touches the
database; ready only with the database answering and the migrations at head."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import text

from common.db import Database


@pytest.mark.parametrize("name", ["points", "verification", "enrollment", "funding"])
def test_live_and_ready_on_every_service(make_service, name, backend):
    overrides = {"outbox_dispatcher": False} if name == "enrollment" else {}
    app = make_service(name, **overrides)
    live = app.get("/health/live")
    assert live.status_code == 200 and live.json() == {"status": "ok", "service": name, "pid": os.getpid()}
    ready = app.get("/health/ready")
    assert ready.status_code == 200, ready.text
    assert ready.json()["status"] == "ready" and ready.json()["migrations"].startswith("at head ")
    assert "/health/live" not in app.get("/openapi.json").json()["paths"]


def test_ready_is_503_when_the_schema_is_behind_or_the_database_is_gone(make_service, backend):
    app = make_service("funding")
    db: Database = app.app.state.db
    with db.write_session() as s:  # another version's migrations: the schema is not this code's head
        head = s.execute(text("SELECT version_num FROM alembic_version")).scalar()
        s.execute(text("UPDATE alembic_version SET version_num = 'fund_older'"))
        s.commit()
    behind = app.get("/health/ready")
    assert behind.status_code == 503 and behind.json()["code"] == "not_ready"
    assert "fund_older" in behind.json()["detail"] and head in behind.json()["detail"]
    assert app.get("/health/live").status_code == 200  # alive all the same: no restart for a schema wait
    with db.write_session() as s:
        s.execute(text("UPDATE alembic_version SET version_num = :h"), {"h": head})
        s.commit()
    assert app.get("/health/ready").status_code == 200
    db.engine.dispose()
    real = app.app.state.db
    app.app.state.db = Database("postgresql+psycopg://nobody@127.0.0.1:1/none")  # a database that does not answer
    try:
        gone = app.get("/health/ready")
        assert gone.status_code == 503 and "does not answer" in gone.json()["detail"]
    finally:
        app.app.state.db.dispose()
        app.app.state.db = real


def test_gateway_live_and_ready(tmp_path):
    from fastapi.testclient import TestClient

    from shared_kit import TEST_SECRET
    from gateway.config import Settings
    from gateway.main import create_app

    settings = Settings(internal_secret=TEST_SECRET, credentials_file=tmp_path / "none.json")
    app = create_app(settings)
    with TestClient(app) as client:
        assert client.get("/health/live").json()["service"] == "gateway"
        assert client.get("/health/ready").json() == {"status": "ready", "service": "gateway", "rate_limit": "memory"}
    assert TestClient(app).get("/health/ready").status_code == 503  # not started: not ready
