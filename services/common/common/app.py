"""The common application factory: every service is built the same way.

``build_app`` wires settings, JSON logging, the request-context middleware, problem-details handlers, the database
(migrated to head on start) and ``GET /health``. The service adds its routers and its own lifespan work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from sqlalchemy import text

from common.config import ServiceSettings
from common.db import Database, upgrade_to_head
from common.errors import document_problems, install_error_handlers
from common.logging import configure_logging
from common.middleware import RequestContextMiddleware


def build_app(settings: ServiceSettings, *, title: str, description: str, service_dir: Path,
              routers: list[Any], resources: Callable[[FastAPI], Any] | None = None,
              migrate: bool = True) -> FastAPI:
    """Create a service app.

    ``resources(app)`` is an optional context-manager factory run inside the lifespan after the database is up
    (create upstream clients, background workers); it may yield nothing.
    """
    configure_logging(settings.service_name, settings.log_level)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        db = Database(settings.database_url)
        if migrate:
            upgrade_to_head(service_dir, settings.database_url)
        app.state.db = db
        try:
            with (resources(app) if resources else _nothing()):
                yield
        finally:
            db.dispose()

    app = FastAPI(title=title, description=description, version="1.0.0", lifespan=lifespan)
    app.state.settings = settings
    app.add_middleware(RequestContextMiddleware, max_body=settings.max_body_bytes, max_depth=settings.max_json_depth)
    install_error_handlers(app)
    document_problems(app)

    @app.get("/health", tags=["health"], summary="Liveness and database check (no identity needed)")
    def health() -> dict[str, str]:
        """``{"status": "ok", "service": name, "database": backend}``; 503 problem when the database fails."""
        with app.state.db.read_session() as session:
            session.execute(text("SELECT 1"))
        return {"status": "ok", "service": settings.service_name, "database": app.state.db.backend}

    for router in routers:
        app.include_router(router)
    return app


@contextmanager
def _nothing() -> Iterator[None]:
    yield
