"""Scoring jobs: score a season and grade in the background, page by page, rescoring only what changed.

A job reads verification's change feed ``GET /facts?season=&grade=&changed_after=<seq>`` from the ``last_seq`` of the
last finished job of the season and grade if it used the same rulebook (everything when it used another, when there is
none, or with ``full``), 1,000
cases a page. Each page is one transaction in the job's own session: a case whose facts digest and rulebook equal the
stored score's is counted ``unchanged`` and not written; the others are scored (``rules.score_many``) and stored
(``rescored``). Progress (``total`` = cases fetched so far, ``done``, ``rescored``, ``unchanged``) is committed with
each page. A job that fails (verification down...) is ``failed`` with the error; the next job starts from the last
finished one, so nothing is skipped.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from common.db import Database, utcnow
from common.errors import DomainError
from common.identity import Identity
from points import service
from points.clients import VerificationClient
from points.errors import JobNotFound
from points.models import ScoringJob
from points.rules import facts_digest, score_many

log = logging.getLogger("points.jobs")


def job_read(job: ScoringJob) -> dict[str, Any]:
    return {"id": job.id, "season": job.season, "grade": job.grade, "rulebook_id": job.rulebook_id,
            "state": job.state, "total": job.total, "done": job.done, "rescored": job.rescored,
            "unchanged": job.unchanged, "error": job.error, "changed_after": job.changed_after,
            "last_seq": job.last_seq, "created_at": job.created_at, "finished_at": job.finished_at}


def get_job(session: Session, job_id: int) -> ScoringJob:
    job = session.get(ScoringJob, job_id)
    if job is None:
        raise JobNotFound(f"no scoring job {job_id}")
    return job


def create_job(session: Session, *, season: int, grade: int, rulebook_id: str | None, full: bool,
               who: Identity) -> tuple[ScoringJob, bool]:
    """A new ``running`` job (and True), or the one already running for the season and grade (and False).

    One running job per season and grade is the partial unique index ``uq_scoring_jobs_running``: of callers that
    all found none running (PostgreSQL, READ COMMITTED), the first insert wins and the others' inserts wait for it,
    fail on the index, roll back to a savepoint and answer the winner's job (or, when it already finished, start
    the next one after it)."""
    running = _running_job(session, season, grade)
    if running is not None:
        return running, False
    job = _new_job(session, season=season, grade=grade, rulebook_id=rulebook_id, full=full, who=who)
    try:
        with session.begin_nested():
            session.add(job)
    except IntegrityError:  # another caller's job went in first
        running = _running_job(session, season, grade)
        if running is not None:
            return running, False
        job = _new_job(session, season=season, grade=grade, rulebook_id=rulebook_id, full=full, who=who)
        session.add(job)  # the winner already finished: this one follows it
        session.flush()
    return job, True


def _new_job(session: Session, *, season: int, grade: int, rulebook_id: str | None, full: bool,
             who: Identity) -> ScoringJob:
    """A ``running`` job (not yet added) starting after the last finished job of the season and grade when that job
    scored with the same rulebook; from the beginning when it used another (the stored scores are that rulebook's
    then, and every case must be scored again), when there is none, or with ``full``."""
    rulebook = service.scoring_rulebook(session, season, rulebook_id)
    service.rules_of(rulebook)
    since = None
    if not full:
        last = session.execute(select(ScoringJob.rulebook_id, ScoringJob.last_seq).where(
            ScoringJob.season == season, ScoringJob.grade == grade, ScoringJob.state == "done")
            .order_by(ScoringJob.id.desc()).limit(1)).first()
        if last is not None and last.rulebook_id == rulebook.id:
            since = last.last_seq
    return ScoringJob(season=season, grade=grade, rulebook_id=rulebook.id, state="running", full=full,
                      changed_after=since, last_seq=since, total=0, done=0, rescored=0, unchanged=0, error=None,
                      requested_by=f"{who.role}:{who.subject}", created_at=utcnow(), finished_at=None)


def _running_job(session: Session, season: int, grade: int) -> ScoringJob | None:
    return session.scalars(select(ScoringJob).where(ScoringJob.season == season, ScoringJob.grade == grade,
                                                    ScoringJob.state == "running")).first()


def rescore_page(session: Session, rules: Any, cases: list[dict[str, Any]]) -> tuple[int, int]:
    """Score and store the cases whose facts digest or rulebook differ from the stored score → (rescored,
    unchanged). Never commits."""
    stored = service.stored_digests(session, [c["application_no"] for c in cases])
    changed = [c for c in cases if stored.get(c["application_no"]) != (facts_digest(c), rules.rulebook_id)]
    now = utcnow()
    service.store_scores(session, [service.score_row(s, now, c.get("seq"))
                                   for s, c in zip(score_many(rules, changed), changed)])
    return len(changed), len(cases) - len(changed)


def fail_interrupted(db: Database) -> None:
    """On start: jobs left ``running`` by a stopped process are ``failed`` (one process per service database)."""
    with db.write_session() as session:
        session.execute(update(ScoringJob).where(ScoringJob.state == "running").values(
            state="failed", error="interrupted: the service stopped while the job ran", finished_at=utcnow()))
        session.commit()


class JobRunner:
    """Runs each job in its own daemon thread with its own sessions; ``shutdown`` stops them between pages."""

    def __init__(self, db: Database, client: VerificationClient, *, page_size: int = 1000):
        self.db, self.client, self.page_size = db, client, page_size
        self.stopping = threading.Event()
        self.threads: dict[int, threading.Thread] = {}

    def start(self, job_id: int) -> None:
        thread = threading.Thread(target=self.run, args=(job_id,), name=f"scoring-job-{job_id}", daemon=True)
        self.threads[job_id] = thread
        thread.start()

    def run(self, job_id: int) -> None:
        """The job's body: page after page, one commit each; failures end the job as ``failed``."""
        try:
            with self.db.read_session() as session:
                job = get_job(session, job_id)
                season, grade, since = job.season, job.grade, job.changed_after
                rules = service.rules_of(service.get_rulebook(session, job.rulebook_id))
            last_seq = since
            for page in self.client.iter_pages(season, grade, changed_after=since, limit=self.page_size):
                if self.stopping.is_set():
                    raise RuntimeError("interrupted: the service is stopping")
                seqs = [c["seq"] for c in page if isinstance(c.get("seq"), int)]
                if seqs:
                    last_seq = max([*seqs, last_seq or 0])
                with self.db.write_session() as session:
                    rescored, unchanged = rescore_page(session, rules, page)
                    session.execute(update(ScoringJob).where(ScoringJob.id == job_id).values(
                        total=ScoringJob.total + len(page), done=ScoringJob.done + len(page),
                        rescored=ScoringJob.rescored + rescored, unchanged=ScoringJob.unchanged + unchanged))
                    session.commit()
            self._finish(job_id, state="done", last_seq=last_seq)
        except Exception as exc:  # noqa: BLE001 - any failure ends the job, with its reason
            detail = exc.detail if isinstance(exc, DomainError) else f"{exc.__class__.__name__}: {exc}"
            log.warning("scoring job %s failed: %s", job_id, detail)
            try:
                self._finish(job_id, state="failed", error=detail[:1000])
            except Exception:  # noqa: BLE001 - the database itself is gone (shutdown)
                log.exception("scoring job %s: could not record the failure", job_id)
        finally:
            self.threads.pop(job_id, None)

    def _finish(self, job_id: int, *, state: str, last_seq: int | None = None, error: str | None = None) -> None:
        values: dict[str, Any] = {"state": state, "error": error, "finished_at": utcnow()}
        if state == "done":
            values["last_seq"] = last_seq
        with self.db.write_session() as session:
            session.execute(update(ScoringJob).where(ScoringJob.id == job_id).values(**values))
            session.commit()

    def shutdown(self, timeout_s: float = 10.0) -> None:
        self.stopping.set()
        for thread in list(self.threads.values()):
            thread.join(timeout_s)
