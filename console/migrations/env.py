"""Alembic environment of the staff console: the shared runner over the console's metadata."""

from common.db import run_migrations_env
from console.models import Base

run_migrations_env(Base.metadata)
