"""Alembic environment of the points service: the shared runner over this service's metadata."""

from common.db import run_migrations_env
from points.models import Base

run_migrations_env(Base.metadata)
