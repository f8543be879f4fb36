"""The common application factory: every service is built the same way.

``build_app`` wires settings, JSON logging, the request-context middleware, problem-details handlers, the database
(migrated to head on start), ``GET``/``HEAD /health``, ``/health/live`` / ``/health/ready`` (``common.health``) and
``/metrics`` (``common.metrics``), and refuses query parameters a route does not declare (``common.queries``). The
service adds its routers and its own lifespan work.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import Depends, FastAPI
from sqlalchemy import text

from common.config import ServiceSettings
from common.db import Database, upgrade_to_head
from common.errors import document_problems, install_error_handlers
from common.health import install_health
from common.logging import configure_logging
from common import tracing
from common.metrics import install_metrics
from common.middleware import RequestContextMiddleware
from common.openapi import document_examples, document_roles
from common.queries import refuse_unknown_parameters

BACKGROUND_CONNECTIONS = 2  # pooled connections kept beyond one per worker thread (outbox, scoring jobs)
GC_THRESHOLD = (50_000, 10, 10)
"""``gc.set_threshold`` while an app runs (see :func:`build_app`, "Fewer collections")."""


def build_app(settings: ServiceSettings, *, title: str, description: str, service_dir: Path,
              routers: list[Any], resources: Callable[[FastAPI], Any] | None = None,
              migrate: bool = True) -> FastAPI:
    """Create a service app.

    ``resources(app)`` is an optional context-manager factory run inside the lifespan after the database is up
    (create upstream clients, background workers); it may yield nothing.

    Two start-up steps keep the tail latency of a busy process low (issue 8: p99 of the score read through the
    gateway from 78–101 ms to 21–25 ms at 16 clients, on 2 cores):

    - **Worker threads.** Sync endpoints (all of ours) run in anyio's default thread limiter, 40 threads unless
      told otherwise. Python runs one thread at a time (the GIL), so 16 concurrent requests in 16 threads queue
      for it in a convoy and every request waits for the others' slices. The limiter is set to
      ``settings.worker_threads`` (``TONGCHENG_WORKER_THREADS``, default 8): a request beyond that waits, first
      come first served, for a free thread. The database pool keeps one connection per worker thread plus
      ``BACKGROUND_CONNECTIONS`` (at least 10, overflow 20), so a worker never waits for a connection as well.
      Scoring jobs and the outbox dispatcher run in their own ``threading.Thread``, outside the limiter, so a long
      job takes no worker. What does hold one for long is an endpoint waiting on an upstream (points
      ``POST /scores/{no}`` on verification, enrollment ``POST /runs`` on points and ``POST /outbox/flush``, each
      at most ``upstream_timeout_s``) or on a database lock; ``worker_threads`` of those at once make the other
      requests wait (a test that parks more writers than that on one row lock never sees them all blocked) —
      raise the setting where that is expected. An endpoint must commit or roll back before it returns: FastAPI
      validates a sync endpoint's answer in a second worker-thread call, and a lock still held then could wait for
      the very threads it blocks.
    - **Frozen start-up heap.** After migrations and ``resources`` have started, every object alive (modules, the
      app, routes, pydantic and SQLAlchemy metadata: some 120,000) moves to the permanent generation
      (``gc.freeze()``), so the generation-2 collections the request load triggers no longer walk them: those
      were the 30–60 ms pauses in the tail. No ``gc.collect()`` first: at that point the start-up garbage is ten
      to two thousand objects, not worth a full collection (60 ms per start, +40 % on a test run that starts
      hundreds of apps). On shutdown the heap is unfrozen, so a process that builds many apps (the tests) can
      still collect the ones it has finished with.
    - **Fewer collections.** While the app runs, a generation-0 collection comes every ``GC_THRESHOLD[0]``
      allocations instead of Python's 700: a request that builds a run's 20,000 applicants, or reads its
      snapshot, allocates hundreds of thousands of objects that live for the request, and with the default each
      700 of them set off a young collection and every few a walk of the older ones — a quarter of the CPU of
      enrollment's ``POST /runs`` and ``/publish`` (issue 15). The threshold before is put back on shutdown.
    """
    configure_logging(settings.service_name, settings.log_level)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        db = Database(settings.database_url,
                      pool_size=max(10, settings.worker_threads + BACKGROUND_CONNECTIONS))
        if tracing_on:
            tracing.instrument_engine(db.engine)
            db.traced = True  # its one-row fast reads go through SQLAlchemy, so every statement has its span
        if migrate:
            upgrade_to_head(service_dir, settings.database_url)
        app.state.db = db
        # The limiter belongs to the running event loop: uvicorn's (or a TestClient's) that serves this app.
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.worker_threads
        try:
            with (resources(app) if resources else _nothing()):
                gc.freeze()
                threshold = gc.get_threshold()
                gc.set_threshold(*GC_THRESHOLD)
                try:
                    yield
                finally:
                    app.state.draining = True  # /health/ready answers 503 from here on
                    gc.set_threshold(*threshold)
                    gc.unfreeze()
        finally:
            db.dispose()

    # operationId = the endpoint function's name (``submit_application``; the gateway's document makes it
    # ``enrollment_submit_application``), not FastAPI's name + path + method: the generated client's function names
    app = FastAPI(title=title, description=description, version="1.0.0", lifespan=lifespan,
                  generate_unique_id_function=lambda route: route.name,
                  dependencies=[Depends(refuse_unknown_parameters)])  # 422 unknown_parameter (common.queries)
    app.state.settings = settings
    app.add_middleware(RequestContextMiddleware, max_body=settings.max_body_bytes, max_depth=settings.max_json_depth)
    install_metrics(app, settings.service_name)  # the timing includes the request-context middleware
    if tracing_on := tracing.setup(settings.service_name, settings.tracing):
        tracing.instrument_app(app, settings.service_name)  # outermost: the span covers the access log line
    install_error_handlers(app)
    document_problems(app)
    document_roles(app)
    document_examples(app)  # each model's example whole, nulls kept (issue 17)

    @app.head("/health", include_in_schema=False)  # monitors probe with HEAD: the same answer, no body
    @app.get("/health", tags=["health"], summary="Liveness and database check (no identity needed)")
    def health() -> dict[str, str]:
        """``{"status": "ok", "service": name, "database": backend}``; 503 problem when the database fails.
        ``HEAD /health`` runs the same check and answers the same headers without the body (left out of the
        OpenAPI document, which lists ``GET``)."""
        with app.state.db.read_session() as session:
            session.execute(text("SELECT 1"))
        return {"status": "ok", "service": settings.service_name, "database": app.state.db.backend}

    install_health(app, settings.service_name, service_dir)
    for router in routers:
        app.include_router(router)
    return app


@contextmanager
def _nothing() -> Iterator[None]:
    yield
