"""Alembic environment of the enrollment service: the shared runner over this service's metadata."""

from common.db import run_migrations_env
from enrollment.models import Base

run_migrations_env(Base.metadata)
