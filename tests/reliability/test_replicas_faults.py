"""Several processes per service on PostgreSQL, one of each killed mid-season (issue 14).

Two processes of every service and two gateways (``tongcheng.suite.Suite(replicas=2)``: each pair shares its port
through SO_REUSEPORT) on fresh PostgreSQL databases; a season of 1,000 applications is played through the gateway
with the stub departments, and one process of each service is killed with SIGKILL while it works — enrollment and
verification while cases are delivered and answered, points while the scoring jobs run, funding while the purchased
seats are handed over — and started again. Afterwards, read from the databases themselves: every application stored
once, every verification request answered once, every scoring job finished once, every purchased seat handed over
once, every outbox event delivered once per id, and the ledger verifies.
"""

from __future__ import annotations

import io
import threading
import time
from types import SimpleNamespace

import psycopg
import pytest
from rich.console import Console

from shared_kit import PG_BASE, create_pg_database, drop_pg_database, free_port, pg_unavailable_reason
from tongcheng.api import Roles
from tongcheng.cohort import generate
from tongcheng.demo import DEMO_ENV, make_stubs
from tongcheng.registry import Registry
from tongcheng.schools import generate as generate_district
from tongcheng.season import Season
from tongcheng.secrets import generate as generate_secrets
from tongcheng.suite import DEFAULT_PORTS, SERVICES, Suite

pytestmark = [pytest.mark.processes, pytest.mark.postgres]
SIZE, SEED = 1000, 14

ENV = {**DEMO_ENV,
       "ENROLLMENT_OUTBOX_LEASE_S": "2",  # a killed process's outbox rows are taken over after 2 s ...
       "POINTS_JOB_LEASE_S": "2",  # ... and its scoring job too
       "ENROLLMENT_OUTBOX_INTERVAL_S": "0.2", "ENROLLMENT_OUTBOX_BACKOFF_S": "0.2",
       "ENROLLMENT_OUTBOX_BACKOFF_MAX_S": "1", "GATEWAY_BREAKER_RESET_S": "1", "TONGCHENG_WORKER_THREADS": "4"}


class KilledMidway(Season):
    """The season, with one process of a service SIGKILLed shortly after a step starts, and started again."""

    def __init__(self, *args, suite: Suite, kills: dict[str, list[str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.suite, self.kills, self.killers, self.killed = suite, kills, [], []

    def _kill_soon(self, step: str, after_s: float = 0.4) -> None:
        def kill() -> None:
            time.sleep(after_s)
            for name in self.kills.get(step, []):
                self.suite.stop(name, kill=True)
                self.killed.append((step, name))
            for name in self.kills.get(step, []):
                self.suite.start(name)

        thread = threading.Thread(target=kill, daemon=True)
        thread.start()
        self.killers.append(thread)

    def verify(self) -> None:
        self._kill_soon("verify")
        super().verify()

    def score(self) -> None:
        self._kill_soon("score", after_s=0.2)
        super().score()

    def finalise(self) -> None:
        self._kill_soon("finalise", after_s=0.1)
        super().finalise()


@pytest.fixture(scope="module")
def season(tmp_path_factory):
    if reason := pg_unavailable_reason():
        pytest.skip(reason)
    var = tmp_path_factory.mktemp("replicas-var")
    generate_secrets(var)
    urls = {name: create_pg_database(f"rep_{name}") for name in SERVICES}
    suite = Suite(var=var, ports={name: free_port() for name in DEFAULT_PORTS}, database_urls=urls,
                  extra_env=dict(ENV), replicas=2)
    district = generate_district(SIZE)
    cohort = generate(SIZE, SEED, district=district)
    try:
        started = time.perf_counter()
        suite.start_all()
        start_s = time.perf_counter() - started
        roles = Roles.connect(suite.url(), var)
        pool = make_stubs(roles, Registry.from_cohort(cohort), cohort.season, None)
        driver = KilledMidway(roles, cohort, district, pool=pool, console=Console(file=io.StringIO()), quiet=True,
                              suite=suite, kills={"verify": ["enrollment-2", "verification-2"],
                                                  "score": ["points-2"], "finalise": ["funding-2"]})
        try:
            pool.start()
            played = time.perf_counter()
            result = driver.run()
            play_s = time.perf_counter() - played
        finally:
            pool.stop()
            for thread in driver.killers:
                thread.join(120)
        yield SimpleNamespace(result=result, urls=urls, roles=roles, suite=suite, killed=driver.killed,
                              start_s=start_s, play_s=play_s)
        roles.close()
    finally:
        suite.stop_all()
        for url in urls.values():
            drop_pg_database(url)


def rows(url: str, sql: str) -> list[tuple]:
    with psycopg.connect(PG_BASE + "/" + url.rsplit("/", 1)[1]) as conn:
        return conn.execute(sql).fetchall()


def test_one_process_of_each_service_was_killed_and_came_back(season, request):
    assert sorted(name for _, name in season.killed) == ["enrollment-2", "funding-2", "points-2", "verification-2"]
    for name in SERVICES:
        assert {n for n in season.suite.procs if n.startswith(name)} == {name, f"{name}-2"}
        assert all(season.suite.procs[n].poll() is None for n in (name, f"{name}-2"))
    request.node.user_properties += [("start_s", round(season.start_s, 1)), ("play_s", round(season.play_s, 1))]


def test_every_application_stored_once(season):
    r = season.result
    assert r.submission.created == SIZE and r.submission.rejected == 0 and r.submission.duplicates == 0
    stored = rows(season.urls["enrollment"], "SELECT application_no FROM applications")
    assert len(stored) == SIZE == len({no for (no,) in stored}) == len(set(r.submission.numbers.values()))


def test_every_case_delivered_once_and_every_request_answered_once(season):
    undelivered = rows(season.urls["enrollment"], "SELECT topic, count(*) FROM outbox WHERE state <> 'delivered' "
                                                  "GROUP BY topic")
    assert undelivered == []
    cases = rows(season.urls["verification"], "SELECT application_no FROM cases")
    assert len(cases) == SIZE == len({no for (no,) in cases})
    first_answers = rows(season.urls["verification"], "SELECT request_id, count(*) FROM results "
                                                      "WHERE supersedes IS NULL GROUP BY request_id")
    assert first_answers and all(n == 1 for _, n in first_answers)
    assert len(first_answers) == season.result.expected_requests == season.result.answered_requests
    assert rows(season.urls["verification"], "SELECT count(*) FROM requests WHERE state = 'pending'") == [(0,)]
    corrections = rows(season.urls["verification"], "SELECT count(*) FROM results WHERE supersedes IS NOT NULL")
    assert corrections == [(1,)]  # the appeal's correction, and nothing else posted twice


def test_every_scoring_job_finished_once(season):
    jobs = rows(season.urls["points"], "SELECT grade, state, claimed_by, total, done FROM scoring_jobs ORDER BY id")
    assert [(g, s, c) for g, s, c, _, _ in jobs] == [(1, "done", None), (7, "done", None)]
    assert all(total == done for *_, total, done in jobs)
    assert sum(total for *_, total, _ in jobs) == SIZE  # each page counted once, whichever process scored it
    scores = rows(season.urls["points"], "SELECT count(*) FROM scores")
    assert scores == [(SIZE,)]


def test_every_purchased_seat_handed_over_once_and_the_ledger_verifies(season):
    r = season.result
    placed = sum(1 for grade in (1, 7) for p in season.roles.bureau.enrollment.pages(
        f"/runs/{r.final_run(grade)['id']}/placements") if p["round"] in (2, 3))
    seats = rows(season.urls["funding"], "SELECT application_no FROM purchased_seats")
    assert len(seats) == placed == r.purchased_seats == len({no for (no,) in seats}) > 0
    assert r.ledger["ok"] is True and r.ledger["first_broken"] is None
    assert season.roles.auditor.funding.get("/ledger/verify")["ok"] is True
