"""Scoring jobs: score a season and grade in the background, page by page, rescoring only what changed.

A job reads verification's change feed ``GET /facts?season=&grade=&changed_after=<seq>`` from the ``last_seq`` of the
last finished job of the season and grade if it used the same rulebook (everything when it used another, when there is
none, or with ``full``), 1,000
cases a page. Each page is one transaction in the job's own session: a case whose facts digest and rulebook equal the
stored score's is counted ``unchanged`` and not written; the others are scored (``rules.score_many``) and stored
(``rescored``). Progress (``total`` = cases fetched so far, ``done``, ``rescored``, ``unchanged``) is committed with
each page. A job that fails (verification down...) is ``failed`` with the error; the next job starts from the last
finished one, so nothing is skipped.

Any points process may run a job (issue 14): a job is held with a lease (:class:`common.leases.Leases` on the
``scoring_jobs`` row). The process that accepts ``POST /scoring-jobs`` claims the new job at once; every process
also watches for running jobs nobody holds (their process was killed, or handed them back on SIGTERM) and takes
them over, resuming after ``resume_after``, the highest ``seq`` of the pages committed so far. Each page's commit,
and the job's end, are conditional on still holding the lease, so a job is finished once, by one process; a
starting process never fails or takes a job another live process holds.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from sqlalchemy import exists, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from common.db import Database, utcnow
from common.errors import DomainError
from common.identity import Identity
from common.leases import Leases
from common.schemas import utc_text
from points import service
from points.clients import VerificationClient
from points.errors import JobNotFound
from points.models import ScoringJob
from points.rules import facts_digest, gc_paused, score_many

log = logging.getLogger("points.jobs")


def job_read(job: ScoringJob) -> dict[str, Any]:
    """A scoring job as the API answers it: ``{id, season, grade, rulebook_id, state, total, done, rescored,
    unchanged, error, changed_after, last_seq, created_at, finished_at}``."""
    return {"id": job.id, "season": job.season, "grade": job.grade, "rulebook_id": job.rulebook_id,
            "state": job.state, "total": job.total, "done": job.done, "rescored": job.rescored,
            "unchanged": job.unchanged, "error": job.error, "changed_after": job.changed_after,
            "last_seq": job.last_seq, "created_at": job.created_at, "finished_at": job.finished_at}


def get_job(session: Session, job_id: int) -> ScoringJob:
    """The scoring job with this id; 404 ``job_not_found``."""
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
    changed = [c for c in cases if (old := stored.get(c["application_no"])) is None  # never scored: no digest
               or old != (facts_digest(c), rules.rulebook_id)]
    now = utcnow()
    scored_at = utc_text(now)
    with gc_paused():  # a page of breakdowns: no cycles, but thousands of containers alive (see score_many)
        rows = [service.score_row(s, now, c.get("seq"), s.to_dict(scored_at=scored_at))
                for s, c in zip(score_many(rules, changed), changed)]
    service.store_scores(session, rows)
    return len(changed), len(cases) - len(changed)


class LeaseLost(RuntimeError):
    """Another process took the job over (this one stalled past its lease): stop without writing."""


class JobRunner:
    """Runs the jobs this process holds, each in its own daemon thread with its own sessions, and takes over running
    jobs that nobody holds (checked every ``lease_s / 3``). ``shutdown`` stops them between pages and hands their
    leases back, so another process resumes them."""

    def __init__(self, db: Database, client: VerificationClient, *, page_size: int = 1000, lease_s: float = 15.0):
        self.db, self.client, self.page_size = db, client, page_size
        self.leases = Leases(db, ScoringJob.__table__, lease_s=lease_s, name="scoring_jobs")
        self.stopping = threading.Event()
        self.threads: dict[int, threading.Thread] = {}
        self._lock = threading.Lock()
        self._watcher: threading.Thread | None = None

    def start(self, job_id: int | None = None) -> int | None:
        """Claim the running job ``job_id`` (or any running job nobody holds) and run it in a thread → its id, or
        ``None`` when there was none to claim (another process holds it)."""
        if self.stopping.is_set():
            return None
        where = [ScoringJob.state == "running"] + ([ScoringJob.id == job_id] if job_id is not None else [])
        claim = self.leases.claim(*where, limit=1)
        if claim is None:
            return None
        claimed = claim.ids[0]
        thread = threading.Thread(target=self.run, args=(claimed, claim.token), name=f"scoring-job-{claimed}",
                                  daemon=True)
        with self._lock:
            self.threads[claimed] = thread
        thread.start()
        return claimed

    def watch(self) -> None:
        """Start the lease renewal and the thread that takes over jobs nobody holds (at once, then every
        ``lease_s / 3``)."""
        self.leases.start()
        self._watcher = threading.Thread(target=self._watch, name="scoring-jobs-watch", daemon=True)
        self._watcher.start()

    def _watch(self) -> None:
        while not self.stopping.is_set():
            try:
                while self._orphan_waiting() and self.start() is not None:
                    pass
            except Exception:  # noqa: BLE001 - the watcher must survive a bad pass (database restart...)
                log.exception("taking over scoring jobs failed")
            self.stopping.wait(self.leases.lease_s / 3)

    def _orphan_waiting(self) -> bool:
        """A running job nobody holds? (A read first, so an idle watcher never takes SQLite's write lock.)"""
        with self.db.read_session() as session:
            return bool(session.scalar(select(exists().where(ScoringJob.state == "running",
                                                             self.leases.free(utcnow())))))

    def run(self, job_id: int, token: str) -> None:
        """The job's body: page after page, one commit each (only while this process holds the lease); failures
        end the job as ``failed``; a stop hands the job back for another process to resume."""
        try:
            with self.db.read_session() as session:
                job = get_job(session, job_id)
                season, grade, since = job.season, job.grade, job.changed_after
                resume = job.resume_after if job.resume_after is not None else since
                rules = service.rules_of(service.get_rulebook(session, job.rulebook_id))
            last_seq = resume
            for page in self.client.iter_pages(season, grade, changed_after=resume, limit=self.page_size):
                if self.stopping.is_set():
                    log.info("scoring job %s handed back at seq %s: the service is stopping", job_id, last_seq)
                    return  # shutdown() hands the lease back; another process resumes after resume_after
                seqs = [c["seq"] for c in page if isinstance(c.get("seq"), int)]
                if seqs:
                    last_seq = max([*seqs, last_seq or 0])
                with self.db.write_session() as session:
                    rescored, unchanged = rescore_page(session, rules, page)
                    held = session.execute(update(ScoringJob).where(ScoringJob.id == job_id,
                                                                    self.leases.held(token)).values(
                        total=ScoringJob.total + len(page), done=ScoringJob.done + len(page),
                        rescored=ScoringJob.rescored + rescored, unchanged=ScoringJob.unchanged + unchanged,
                        resume_after=last_seq, claimed_until=self.leases.until())).rowcount
                    if not held:
                        session.rollback()
                        raise LeaseLost(f"scoring job {job_id}: another process holds it now")
                    session.commit()
            self._finish(job_id, token, state="done", last_seq=last_seq)
        except LeaseLost as exc:
            log.warning("%s; this process stops running it", exc)
        except Exception as exc:  # noqa: BLE001 - any failure ends the job, with its reason
            detail = exc.detail if isinstance(exc, DomainError) else f"{exc.__class__.__name__}: {exc}"
            log.warning("scoring job %s failed: %s", job_id, detail)
            try:
                self._finish(job_id, token, state="failed", error=detail[:1000])
            except Exception:  # noqa: BLE001 - the database itself is gone (shutdown)
                log.exception("scoring job %s: could not record the failure", job_id)
        finally:
            with self._lock:
                self.threads.pop(job_id, None)

    def _finish(self, job_id: int, token: str, *, state: str, last_seq: int | None = None,
                error: str | None = None) -> None:
        values: dict[str, Any] = {"state": state, "error": error, "finished_at": utcnow()}
        if state == "done":
            values["last_seq"] = last_seq
        if not self.leases.release(token, **values):
            log.warning("scoring job %s: another process holds it now; its end is theirs to record", job_id)

    def shutdown(self, timeout_s: float = 10.0) -> None:
        """Stop between pages, wait for the job threads, and hand back the leases still held."""
        self.stopping.set()
        for thread in [t for t in (self._watcher, *list(self.threads.values())) if t is not None]:
            thread.join(timeout_s)
        self.leases.stop()
