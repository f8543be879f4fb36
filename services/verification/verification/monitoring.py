"""Verification's gauges on ``/metrics`` (issue 14), read at each scrape: requests waiting for each department and
how long the oldest has waited (a department that stops answering holds every family's score)."""

from __future__ import annotations

from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from common.db import utcnow
from common.identity import DEPARTMENTS
from common.metrics import watch_database
from verification.models import VerificationRequest


def install(app: FastAPI) -> None:
    metrics = app.state.metrics
    pending = metrics.gauge("verification_pending", "verification requests waiting for an answer", ("department",))
    oldest = metrics.gauge("verification_oldest_pending_age_seconds",
                           "seconds since the oldest waiting request was registered (0: none)", ("department",))

    def read(session: Session) -> None:
        now = utcnow()
        seen = {d: (0, 0.0) for d in DEPARTMENTS}
        for department, n, first in session.execute(
                select(VerificationRequest.department, func.count(), func.min(VerificationRequest.created_at))
                .where(VerificationRequest.state == "pending").group_by(VerificationRequest.department)):
            seen[department] = (n, max(0.0, (now - first).total_seconds()) if first is not None else 0.0)
        for department, (n, age) in seen.items():
            pending.labels(department).set(n)
            oldest.labels(department).set(age)

    watch_database(app, read)
