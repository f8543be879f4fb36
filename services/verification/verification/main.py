"""The verification service app. Run: ``uvicorn --factory verification.main:create_app --port 8102``."""

from pathlib import Path

from fastapi import FastAPI

from common.app import build_app
from verification.config import Settings
from verification.router import router

SERVICE_DIR = Path(__file__).resolve().parents[1]


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; ``settings`` defaults to the environment (``VERIFICATION_*``, ``TONGCHENG_*``)."""
    settings = settings or Settings()
    return build_app(settings, title="Tongcheng verification", description="""部门核验: partner departments confirm residence permits, social insurance, housing and business licenses.""",
                     service_dir=SERVICE_DIR, routers=[router])
