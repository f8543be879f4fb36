"""The enrollment service app. Run: ``uvicorn --factory enrollment.main:create_app --port 8103``."""

from pathlib import Path

from fastapi import FastAPI

from common.app import build_app
from enrollment.config import Settings
from enrollment.router import router

SERVICE_DIR = Path(__file__).resolve().parents[1]


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; ``settings`` defaults to the environment (``ENROLLMENT_*``, ``TONGCHENG_*``)."""
    settings = settings or Settings()
    return build_app(settings, title="Tongcheng enrollment", description="""招生入学: schools, seats, plans, applications, placement rounds, appeals and the 95 % public-school share.""",
                     service_dir=SERVICE_DIR, routers=[router])
