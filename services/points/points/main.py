"""The points service app. Run: ``uvicorn --factory points.main:create_app --port 8101``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from fastapi import FastAPI

from common import access
from common.app import build_app
from common.openapi import document_terms
from points import examples
from points import jobs, monitoring, service
from points.clients import VerificationClient
from points.config import Settings
from points.models import access_log
from points.router_jobs import router as jobs_router
from points.router import router

SERVICE_DIR = Path(__file__).resolve().parents[1]


def create_app(settings: Settings | None = None, *, http_clients: dict[str, httpx.Client] | None = None) -> FastAPI:
    """Build the app; ``settings`` defaults to the environment (``POINTS_*``, ``TONGCHENG_*``).

    ``http_clients["verification"]`` replaces the process's client for verification (tests hand in an
    ``httpx.Client`` over ``httpx.MockTransport``, or the verification app's TestClient); otherwise one
    ``httpx.Client`` to ``settings.verification_url`` is opened in the lifespan and closed with it. On start the
    shipped rulebooks (``HY-2025``) are loaded and published once, and running jobs nobody holds (their process
    stopped) are taken over and resumed (``points.jobs``). The score read's access records are written behind it
    by ``common.access.Recorder`` (closed, so written, when the lifespan ends).
    """
    settings = settings or Settings()
    given = dict(http_clients or {})

    @contextmanager
    def resources(app: FastAPI) -> Iterator[None]:
        http = given.get("verification")
        owned = None
        if http is None:
            http = owned = httpx.Client(base_url=settings.verification_url,
                                        timeout=httpx.Timeout(settings.upstream_timeout_s, connect=2.0))
        app.state.verification = VerificationClient(settings.verification_url, secret=settings.internal_secret,
                                                    client=http)
        service.load_default_rulebooks(app.state.db)
        app.state.jobs = jobs.JobRunner(app.state.db, app.state.verification, page_size=settings.facts_page_size,
                                        lease_s=settings.job_lease_s)
        app.state.jobs.watch()
        app.state.access_recorder = access.Recorder(app.state.db, access_log)  # GET /scores/{no}'s records
        try:
            yield
        finally:
            app.state.access_recorder.close()  # after the last request: writes what is pending
            app.state.jobs.shutdown()
            if owned is not None:
                owned.close()

    app = build_app(settings, title="Tongcheng points",
                    description="积分入学: versioned rulebooks (积分细则) and explainable family scores.",
                    service_dir=SERVICE_DIR, routers=[router, jobs_router], resources=resources)
    monitoring.install(app)
    document_terms(app, examples.TERMS)  # each operation's 中文 term and clause (issue 17)
    return app
