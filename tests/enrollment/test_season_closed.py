"""A season and grade whose placement is over (a final run) takes no new applications: 409 ``season_closed``, in a
batch a ``rejected`` item; stored keyed requests still replay; other grades and seasons stay open; a submission
racing with the finalisation either lands before it or is refused — BRIEF §4 steps 2 and 6."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import text

from common.db import utcnow
from enrollment import runs
from enrollment_kit import application, private_school, public_school, upstreams


@pytest.fixture
def app(make_service, auth):
    _, _, _, clients = upstreams()
    client = make_service("enrollment", outbox_dispatcher=False, create_app_kwargs={"http_clients": clients})
    bureau = auth("bureau")
    for body in (public_school("S1"), public_school("SJ", level="junior"), private_school("P1")):
        assert client.post("/schools", json=body, headers=bureau).status_code == 201
    return client


def _published_run(app, bureau, season: int = 2025, grade: int = 1) -> dict:
    run = app.post("/runs", json={"season": season, "grade": grade, "seed": 1}, headers=bureau).json()
    published = app.post(f"/runs/{run['id']}/publish", headers=bureau)
    assert published.status_code == 200, published.text
    return published.json()


def _count(app, bureau, **query) -> int:
    return len(app.get("/applications", params={"limit": 1000, **query}, headers=bureau).json()["items"])


def test_a_final_run_closes_its_season_and_grade(app, auth):
    bureau, platform = auth("bureau"), auth("platform")
    early = application(public=["S1"])
    first = app.post("/applications", json=early, headers={**platform, "Idempotency-Key": "early-1"})
    assert first.status_code == 201, first.text
    batch = {"items": [application(public=["S1"]), application(private=["P1"])]}
    stored = app.post("/applications/batch", json=batch, headers={**platform, "Idempotency-Key": "early-batch"})
    assert stored.json()["created"] == 2

    run = _published_run(app, bureau)  # published, not final: the season is still open
    assert app.post("/applications", json=application(), headers=platform).status_code == 201
    final = app.post(f"/runs/{run['id']}/finalise", headers=bureau)
    assert final.status_code == 200 and final.json()["state"] == "final"
    before = (_count(app, bureau, season=2025, grade=1), app.get("/outbox", headers=bureau).json())

    refused = app.post("/applications", json=application(public=["S1"]),
                       headers={**platform, "Idempotency-Key": "late-1"})
    assert refused.status_code == 409 and refused.headers["content-type"].startswith("application/problem+json")
    problem = refused.json()
    assert (problem["code"], problem["field"], problem["final_run_id"]) == ("season_closed", "season", run["id"])
    assert f"run {run['id']} is final" in problem["detail"] and "season 2025 grade 1" in problem["detail"]
    retry = app.post("/applications", json=application(public=["S1"]),  # a refusal keeps no key
                     headers={**platform, "Idempotency-Key": "late-1"})
    assert retry.status_code == 409 and retry.json()["code"] == "season_closed"
    assert "idempotent-replayed" not in retry.headers

    # requests stored before the finalisation replay as they were answered
    replay = app.post("/applications", json=early, headers={**platform, "Idempotency-Key": "early-1"})
    assert replay.status_code == 201 and replay.headers["idempotent-replayed"] == "true"
    assert replay.json() == first.json()
    replay = app.post("/applications/batch", json=batch, headers={**platform, "Idempotency-Key": "early-batch"})
    assert replay.status_code == 200 and replay.headers["idempotent-replayed"] == "true"
    assert replay.json() == stored.json()
    # the same child without the key: still the duplicate, with its number
    dup = app.post("/applications", json=early, headers=platform)
    assert dup.status_code == 409 and dup.json()["code"] == "duplicate_application"
    assert dup.json()["existing_application_no"] == first.json()["application_no"]
    assert (_count(app, bureau, season=2025, grade=1), app.get("/outbox", headers=bureau).json()) == before

    # a batch: closed grade 1 refused (twice the same child: refused twice), a known child a duplicate, grade 7 open
    twin = application(public=["S1"])
    items = [twin, early, application(grade=7, public=["SJ"]), twin, {"season": 2025}]
    answer = app.post("/applications/batch", json={"items": items}, headers={**platform, "Idempotency-Key": "b-2"})
    assert answer.status_code == 200, answer.text
    got = answer.json()
    assert (got["created"], got["duplicates"], got["rejected"]) == (1, 1, 3)
    assert [(i["index"], i["status"], i.get("code")) for i in got["items"]] == [
        (0, "rejected", "season_closed"), (1, "duplicate", "duplicate_application"), (2, "created", None),
        (3, "rejected", "season_closed"), (4, "rejected", "validation_error")]
    assert got["items"][0]["field"] == got["items"][3]["field"] == "season"
    assert f"run {run['id']} is final" in got["items"][0]["detail"]
    assert got["items"][2]["application_no"] == "HY2025-7-000001"
    assert _count(app, bureau, season=2025, grade=1) == before[0]

    # grade 7 of the season and grade 1 of the next season stay open
    assert app.post("/applications", json=application(grade=7, public=["SJ"]), headers=platform).status_code == 201
    nxt = app.post("/applications", json=application(season=2026, public=["S1"]), headers=platform)
    assert nxt.status_code == 201 and nxt.json()["application_no"] == "HY2026-1-000001"


def test_a_superseded_or_published_run_leaves_the_season_open(app, auth):
    bureau, platform = auth("bureau"), auth("platform")
    first = _published_run(app, bureau)
    second = _published_run(app, bureau)
    assert app.get(f"/runs/{first['id']}", headers=bureau).json()["state"] == "superseded"
    assert second["state"] == "published"
    assert app.post("/applications", json=application(), headers=platform).status_code == 201


def test_a_submission_waiting_on_a_finalisation_is_refused(app, auth, backend):
    """The finalisation holds the season and grade's application sequence until it commits: a submission that
    arrives meanwhile waits, then sees the final run (without the lock, on PostgreSQL, it would be stored after
    the season closed)."""
    bureau, platform = auth("bureau"), auth("platform")
    assert app.post("/applications", json=application(), headers=platform).status_code == 201
    run_id = _published_run(app, bureau)["id"]
    db, settings = app.app.state.db, app.app.state.settings
    session = db.write_session()
    answers = []
    try:
        run = runs.get_run(session, run_id)
        runs.finalise_run(session, run, who="bureau-test", now=utcnow(), settings=settings)  # not committed yet
        submitter = threading.Thread(target=lambda: answers.append(
            app.post("/applications", json=application(), headers=platform)))
        submitter.start()
        if backend == "postgres":
            deadline = time.monotonic() + 20
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as probe:
                while not probe.execute(text("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                             "current_database() AND wait_event_type = 'Lock'")).scalar_one():
                    assert time.monotonic() < deadline, "the submission never waited for the finalisation"
                    time.sleep(0.05)
        else:
            time.sleep(0.5)  # SQLite: the submission waits at BEGIN IMMEDIATE
        assert not answers, "the submission was answered while the finalisation held the season"
        session.commit()
    finally:
        session.close()
    submitter.join(30)
    assert [(r.status_code, r.json()["code"]) for r in answers] == [(409, "season_closed")]
    assert _count(app, bureau, season=2025, grade=1) == 1
