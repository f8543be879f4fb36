"""Points' gauges on ``/metrics`` (issue 14), read at each scrape: scoring jobs by state, and the progress of each
running job (cases done of those fetched so far) by season and grade."""

from __future__ import annotations

from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from common.metrics import watch_database
from points.models import ScoringJob

STATES = ("running", "done", "failed")


def install(app: FastAPI) -> None:
    metrics = app.state.metrics
    jobs = metrics.gauge("scoring_jobs", "scoring jobs by state", ("state",))
    done = metrics.gauge("scoring_job_done_cases", "cases scored so far by the running job", ("season", "grade"))
    fetched = metrics.gauge("scoring_job_fetched_cases", "cases fetched so far by the running job",
                            ("season", "grade"))
    held = metrics.gauge("scoring_jobs_held", "running jobs this process holds (its lease)")

    def read(session: Session) -> None:
        counts = dict.fromkeys(STATES, 0)
        counts.update(dict(session.execute(select(ScoringJob.state, func.count()).group_by(ScoringJob.state)).all()))
        for state, n in counts.items():
            jobs.labels(state).set(n)
        done.clear()
        fetched.clear()
        for season, grade, n_done, total in session.execute(
                select(ScoringJob.season, ScoringJob.grade, ScoringJob.done, ScoringJob.total)
                .where(ScoringJob.state == "running")):
            done.labels(str(season), str(grade)).set(n_done)
            fetched.labels(str(season), str(grade)).set(total)
        runner = getattr(app.state, "jobs", None)
        held.set(len(runner.threads) if runner is not None else 0)

    watch_database(app, read)
