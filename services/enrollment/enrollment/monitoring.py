"""Enrollment's gauges on ``/metrics`` (issue 14), read at each scrape: the outbox's undelivered rows per topic,
how long the oldest has waited, and how many are failing. Alert on the age (``docs``: README, "What to watch")."""

from __future__ import annotations

from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from common.db import utcnow
from common.metrics import watch_database
from enrollment.models import OutboxRow
from enrollment.outbox import TOPICS, UNDELIVERED


def install(app: FastAPI) -> None:
    metrics = app.state.metrics
    pending = metrics.gauge("outbox_pending", "outbox rows not yet delivered", ("topic",))
    failing = metrics.gauge("outbox_failing", "undelivered outbox rows whose last attempt failed", ("topic",))
    oldest = metrics.gauge("outbox_oldest_pending_age_seconds",
                           "seconds since the oldest undelivered outbox row was queued (0: none)", ("topic",))

    def read(session: Session) -> None:
        now = utcnow()
        seen = {t: (0, 0, 0.0) for t in TOPICS}
        for topic, n, bad, first in session.execute(
                select(OutboxRow.topic, func.count(), func.count().filter(OutboxRow.state == "failing"),
                       func.min(OutboxRow.created_at)).where(OutboxRow.state.in_(UNDELIVERED))
                .group_by(OutboxRow.topic)):
            seen[topic] = (n, bad, max(0.0, (now - first).total_seconds()) if first is not None else 0.0)
        for topic, (n, bad, age) in seen.items():
            pending.labels(topic).set(n)
            failing.labels(topic).set(bad)
            oldest.labels(topic).set(age)

    watch_database(app, read)
