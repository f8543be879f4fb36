"""Scoring jobs with several points processes on one database (issue 14): a job is held with a lease; a killed
holder's job is taken over after the lease and resumed after its last committed page, finished once; a live
holder's job is never taken; a stopping process hands its job back and another resumes it."""

from __future__ import annotations

import threading
import time

from fastapi.testclient import TestClient

from shared_kit import TEST_SECRET
from points.config import Settings
from points.main import create_app
from points_kit import FakeVerification, case, eligible_guardian

LEASE_S = 1.2


def _app(url: str, tmp_path, fake: FakeVerification) -> TestClient:
    settings = Settings(internal_secret=TEST_SECRET, database_url=url, data_dir=tmp_path / "data",
                        facts_page_size=10, job_lease_s=LEASE_S)
    client = TestClient(create_app(settings, http_clients={"verification": fake.client()}),
                        raise_server_exceptions=False)
    client.__enter__()
    return client


def _gate(fake: FakeVerification) -> tuple[threading.Event, threading.Event]:
    """The third page (cursor 20) waits until ``opened``; ``reached`` tells it is waiting."""
    opened, reached = threading.Event(), threading.Event()

    def hold(request) -> bool:
        if request.url.params.get("cursor") == "20":
            reached.set()
            opened.wait(30)
        return False

    fake.fail_when = hold
    return opened, reached


def _job(client: TestClient, auth, job_id: int) -> dict:
    return client.get(f"/scoring-jobs/{job_id}", headers=auth("bureau")).json()


def _wait(client, auth, job_id, state: str = "done", timeout_s: float = 20) -> dict:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if (job := _job(client, auth, job_id))["state"] == state:
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} not {state}: {job}")


def _wait_done(client, auth, job_id, done: int, timeout_s: float = 20) -> None:
    deadline = time.monotonic() + timeout_s
    while _job(client, auth, job_id)["done"] < done:
        assert time.monotonic() < deadline, f"job {job_id} never reached {done} done"
        time.sleep(0.02)


def _cases(fake: FakeVerification, n: int) -> None:
    for k in range(1, n + 1):
        fake.put(case(eligible_guardian(1), application_no=f"HY2025-1-{k:06d}"))


def test_a_killed_holders_job_is_resumed_elsewhere_and_finished_once(new_database_url, backend, tmp_path, auth):
    url = new_database_url("points")
    fake = FakeVerification(TEST_SECRET)
    _cases(fake, 35)
    opened, reached = _gate(fake)
    first = _app(url, tmp_path, fake)
    second = None
    try:
        job_id = first.post("/scoring-jobs", json={"season": 2025, "grade": 1}, headers=auth("bureau")).json()["id"]
        assert reached.wait(20)  # the third page asked for (while the second is stored: one page ahead)
        _wait_done(first, auth, job_id, 20)  # two pages of ten committed, the third on its way
        first.app.state.jobs.leases.stop(hand_back=False)  # SIGKILL: the lease is no longer renewed
        held = _job(first, auth, job_id)
        assert (held["state"], held["done"]) == ("running", 20)
        fake.fail_when = None
        second = _app(url, tmp_path, fake)  # a second process: takes the job over once the lease runs out
        done = _wait(second, auth, job_id)
        assert (done["total"], done["done"], done["rescored"], done["unchanged"]) == (35, 35, 35, 0)
        assert done["last_seq"] == 35 and done["error"] is None
        assert any("changed_after=20" in call for call in fake.calls)  # resumed after its last committed page
        opened.set()  # the stalled holder wakes up: its page and its end are refused
        time.sleep(0.3)
        assert _job(second, auth, job_id) == done
        assert len(second.get("/scores?season=2025&grade=1&limit=1000", headers=auth("bureau")).json()["items"]) == 35
    finally:
        opened.set()
        for client in (second, first):
            if client is not None:
                client.__exit__(None, None, None)


def test_a_live_holders_job_is_never_taken_and_is_handed_back_on_stop(new_database_url, backend, tmp_path, auth):
    url = new_database_url("points")
    fake = FakeVerification(TEST_SECRET)
    _cases(fake, 35)
    opened, reached = _gate(fake)
    first = _app(url, tmp_path, fake)
    second = _app(url, tmp_path, fake)  # watching for jobs nobody holds
    try:
        job_id = first.post("/scoring-jobs", json={"season": 2025, "grade": 1}, headers=auth("bureau")).json()["id"]
        assert reached.wait(20)
        time.sleep(3 * LEASE_S)  # the holder is slow but alive: it renews, nobody takes the job
        assert not second.app.state.jobs.threads
        assert (_job(second, auth, job_id)["state"], _job(second, auth, job_id)["done"]) == ("running", 20)
        fake.fail_when = None
        stopping = threading.Thread(target=first.__exit__, args=(None, None, None))
        stopping.start()  # SIGTERM: stop between pages, hand the lease back
        time.sleep(0.1)
        opened.set()
        stopping.join(20)
        done = _wait(second, auth, job_id)
        assert (done["total"], done["done"], done["rescored"]) == (35, 35, 35)
    finally:
        opened.set()
        second.__exit__(None, None, None)
