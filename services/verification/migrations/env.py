"""Alembic environment of the verification service: the shared runner over this service's metadata."""

from common.db import run_migrations_env
from verification.models import Base

run_migrations_env(Base.metadata)
