"""Alembic environment of the funding service: the shared runner over this service's metadata."""

from common.db import run_migrations_env
from funding.models import Base

run_migrations_env(Base.metadata)
