"""The verification service app. Run: ``uvicorn --factory verification.main:create_app --port 8102``."""

from pathlib import Path

from fastapi import FastAPI

from common.app import build_app
from common.openapi import document_terms
from verification import examples
from verification import monitoring
from verification.config import Settings
from verification.router_progress import router as progress_router
from verification.router import router

SERVICE_DIR = Path(__file__).resolve().parents[1]


def create_app(settings: Settings | None = None, *, http_clients: dict | None = None) -> FastAPI:
    """Build the app; ``settings`` defaults to the environment (``VERIFICATION_*``, ``TONGCHENG_*``).

    ``http_clients`` keeps the suite's factory signature uniform; verification calls no other service, so it is
    stored on ``app.state.http_clients`` and otherwise unused.
    """
    settings = settings or Settings()
    app = build_app(settings, title="Tongcheng verification",
                    description="部门核验: partner departments confirm residence permits, social insurance, housing "
                                "and business licenses (BRIEF §2, §4; plan 四(二)).",
                    service_dir=SERVICE_DIR, routers=[router, progress_router])
    monitoring.install(app)
    app.state.http_clients = dict(http_clients or {})
    document_terms(app, examples.TERMS)  # each operation's 中文 term and clause (issue 17)
    return app
