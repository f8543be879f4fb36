"""Liveness and readiness of a process (issue 14), answered apart so an orchestrator can tell "restart me" from
"send me nothing yet":

- ``GET /health/live``: the process runs its event loop → 200 ``{"status": "ok", "service", "pid"}``; never touches
  the database (a database outage must not get every replica restarted);
- ``GET /health/ready``: the process should get traffic → 200 ``{"status": "ready", "service", "database",
  "migrations"}`` only while its database answers and its schema is at the head of its migrations (another
  process may still be migrating a shared PostgreSQL database) and it is not shutting down; else 503 problem
  ``not_ready`` naming the reason.

``GET /health`` (kept for monitors and the supervisor) is the database check of before. No identity is needed.
"""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI

from common.db import migration_heads, migrations_at_head
from common.errors import DomainError


class NotReady(DomainError):
    status, code, title = 503, "not_ready", "Not ready"


def install_health(app: FastAPI, service: str, service_dir: Path | None) -> None:
    """Add ``/health/live`` and ``/health/ready`` to a service ``app`` whose lifespan sets ``app.state.db``
    (``app.state.draining`` true from the start of its shutdown)."""
    heads: list[set[str] | None] = []  # read from the migration files at the first probe

    def head_revisions() -> set[str] | None:
        if not heads:
            folder = service_dir / "migrations" if service_dir is not None else None
            heads.append(migration_heads(service_dir) if folder is not None and folder.is_dir() else None)
        return heads[0]

    @app.get("/health/live", include_in_schema=False)  # probes, like HEAD /health: not part of the API contract
    async def live() -> dict:
        """``{"status": "ok", "service": name, "pid": process id}``."""
        return {"status": "ok", "service": service, "pid": os.getpid()}

    @app.get("/health/ready", include_in_schema=False)
    def ready() -> dict:
        """``{"status": "ready", "service", "database": backend, "migrations": "at head <rev>"}``; 503 problem
        ``not_ready`` while starting or stopping, when the database does not answer, or when its schema is not at
        the head of this version's migrations."""
        db = getattr(app.state, "db", None)
        if db is None or getattr(app.state, "draining", False):
            raise NotReady(f"{service} is starting or stopping")
        try:
            wanted = head_revisions()
            ok, detail = migrations_at_head(db.engine, wanted) if wanted is not None else (True, "not tracked")
        except Exception as exc:  # noqa: BLE001 - any database failure means "not ready", with its class
            raise NotReady(f"{service}: the database does not answer ({exc.__class__.__name__})") from None
        if not ok:
            raise NotReady(f"{service}: migrations {detail}")
        return {"status": "ready", "service": service, "database": db.backend, "migrations": detail}
