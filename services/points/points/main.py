"""The points service app. Run: ``uvicorn --factory points.main:create_app --port 8101``."""

from pathlib import Path

from fastapi import FastAPI

from common.app import build_app
from points.config import Settings
from points.router import router

SERVICE_DIR = Path(__file__).resolve().parents[1]


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app; ``settings`` defaults to the environment (``POINTS_*``, ``TONGCHENG_*``)."""
    settings = settings or Settings()
    return build_app(settings, title="Tongcheng points", description="""积分入学: versioned rulebooks (积分细则) and explainable family scores.""",
                     service_dir=SERVICE_DIR, routers=[router])
