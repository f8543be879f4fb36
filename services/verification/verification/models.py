"""SQLAlchemy 2 models of the verification service (its own database)."""

from common.db import make_base
from common.idempotency import idempotency_table

Base = make_base()
idempotency_keys = idempotency_table(Base.metadata)
