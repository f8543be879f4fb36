"""PostgreSQL databases for the suite on one server: ``tongcheng_<service>`` each, created when missing."""

from __future__ import annotations


def ensure_databases(server: str, services: list[str], *, prefix: str = "tongcheng_") -> dict[str, str]:
    """Create ``<prefix><service>`` on ``server`` (``postgresql://user@host:port``) where missing → each service's
    SQLAlchemy URL. Existing databases are kept as they are (their migrations run when the services start)."""
    import psycopg

    server = server.rstrip("/")
    with psycopg.connect(server + "/postgres", autocommit=True, connect_timeout=5) as conn:
        existing = {row[0] for row in conn.execute("SELECT datname FROM pg_database")}
        for name in services:
            if prefix + name not in existing:
                conn.execute(f'CREATE DATABASE "{prefix}{name}"')
    base = "postgresql+psycopg://" + server.split("://", 1)[1]
    return {name: f"{base}/{prefix}{name}" for name in services}
