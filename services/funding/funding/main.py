"""The funding service app. Run: ``uvicorn --factory funding.main:create_app --port 8104``."""

from pathlib import Path

from fastapi import FastAPI

from common.app import build_app
from common.openapi import document_terms
from funding import examples
from funding import monitoring
from funding.config import Settings
from funding.router_roll import router as roll_router
from funding.router_reports import router as reports_router
from funding.router import router

SERVICE_DIR = Path(__file__).resolve().parents[1]


def create_app(settings: Settings | None = None, *, http_clients: dict | None = None) -> FastAPI:
    """Build the app; ``settings`` defaults to the environment (``FUNDING_*``, ``TONGCHENG_*``).
    ``http_clients`` is accepted for the suite's uniform signature: funding calls no other service."""
    settings = settings or Settings()
    app = build_app(settings, title="Tongcheng funding",
                    description="政府购买学位: purchased seats, tariffs, semester settlements and the hash-chained ledger.",
                    service_dir=SERVICE_DIR, routers=[router, roll_router, reports_router],
                    resources=lambda app: monitoring.periodic_verification(app, settings.ledger_verify_interval_s))
    monitoring.install(app)
    document_terms(app, examples.TERMS)  # each operation's 中文 term and clause (issue 17)
    return app
