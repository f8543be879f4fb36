"""The score read's access records (issue 16), written behind the answer in batches (issue 15,
``common.access.Recorder``): every read answered leaves exactly one record, in order, whether it is written by the
writer thread, by an auditor's ``GET /access-log`` (which writes what is pending first) or when the process stops
normally; a write that fails keeps the records for the next try, and past the backlog limit a read is refused
rather than answered unrecorded."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import MetaData, create_engine, select

from common import access
from common.db import Database
from common.errors import Unavailable
from common.identity import Identity
from points import config, main
from points.models import access_log
from points_kit import FakeVerification, case, eligible_guardian
from shared_kit import TEST_SECRET

ENDPOINT = "GET /scores/{application_no}"


def records(url: str) -> list[tuple[str, str | None, int | None, str]]:
    """The access records as stored, read with an engine of the test's own (not the app's)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(access_log).order_by(access_log.c.id)).all()
    finally:
        engine.dispose()
    return [(r.reader, r.application_no, r.season, r.endpoint) for r in rows]


def scored_app(url: str, tmp_path: Path, numbers: list[str]) -> TestClient:
    """A points app (not yet started) whose verification fake knows ``numbers``; the caller starts it."""
    fake = FakeVerification(TEST_SECRET)
    for no in numbers:
        fake.put(case(eligible_guardian(1), application_no=no))
    settings = config.Settings(internal_secret=TEST_SECRET, database_url=url, data_dir=tmp_path / "data")
    return TestClient(main.create_app(settings, http_clients={"verification": fake.client()}))


def test_every_read_is_recorded_once_and_the_last_ones_when_the_process_stops(new_database_url, tmp_path, auth):
    url = new_database_url("points")
    numbers = ["HY2025-1-900201", "HY2025-1-900202"]
    with scored_app(url, tmp_path, numbers) as client:
        for no in numbers:
            assert client.post(f"/scores/{no}", headers=auth("bureau")).status_code == 200

        def reader(i: int) -> None:
            for j in range(25):
                resp = client.get(f"/scores/{numbers[j % 2]}", headers=auth("platform", subject=f"p{i}"))
                assert resp.status_code == 200

        threads = [threading.Thread(target=reader, args=(i,)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        # the writer waits 50 ms to gather a batch: the reads of the last moment are still pending now
        last = client.get(f"/scores/{numbers[0]}", headers=auth("auditor", subject="last"))
        assert last.status_code == 200
        assert client.get("/scores/HY2025-1-999999", headers=auth("platform")).status_code == 404  # no record
        assert client.get(f"/scores/{numbers[0]}", headers=auth("finance")).status_code == 403  # no record
    stored = records(url)
    reads = [r for r in stored if r[3] == ENDPOINT]
    assert len(reads) == 8 * 25 + 1
    assert reads[-1] == ("auditor:last", numbers[0], 2025, ENDPOINT)
    for i in range(8):  # each reader's reads in the order it made them
        assert [r[1] for r in reads if r[0] == f"platform:p{i}"] == [numbers[j % 2] for j in range(25)]
    assert {r[2] for r in reads} == {2025}


def test_an_auditor_sees_every_read_answered_before_the_question(new_database_url, tmp_path, auth):
    url = new_database_url("points")
    no = "HY2025-1-900211"
    with scored_app(url, tmp_path, [no]) as client:
        assert client.post(f"/scores/{no}", headers=auth("bureau")).status_code == 200
        state = client.app.state
        state.access_recorder.close()
        state.access_recorder = access.Recorder(state.db, access_log, linger_s=3600)  # only a flush writes now
        assert client.get(f"/scores/{no}", headers=auth("platform", subject="p1")).status_code == 200
        assert [r for r in records(url) if r[3] == ENDPOINT] == []  # not yet written
        page = client.get(f"/access-log?application_no={no}", headers=auth("auditor", subject="a1")).json()
        assert [(r["reader"], r["endpoint"]) for r in page["items"]] == [
            ("bureau:bureau-test", "POST /scores/{application_no}"), ("platform:p1", ENDPOINT)]
        assert client.get(f"/scores/{no}", headers=auth("platform", subject="p2")).status_code == 200
        purge = client.post("/access-log/purge?dry_run=true", headers=auth("auditor", subject="a1")).json()
        assert purge["kept"] == 4  # score, read, log read, second read: written before counting
    assert [r[0] for r in records(url)] == ["bureau:bureau-test", "platform:p1", "auditor:a1", "platform:p2",
                                            "auditor:a1"]


def test_a_failed_write_keeps_the_records_and_a_long_backlog_refuses_reads(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'r.db'}")
    table = access.access_table(MetaData())  # not created yet: every write fails
    recorder = access.Recorder(db, table, linger_s=3600, max_pending=3)
    who = Identity(role="platform", subject="p")
    try:
        for i in range(3):
            recorder.add(who, application_no=f"HY2025-1-{i:06d}", season=2025, endpoint=ENDPOINT)
        with pytest.raises(Exception, match="no such table"):
            recorder.flush()
        with pytest.raises(Unavailable) as refused:
            recorder.add(who, application_no="HY2025-1-000009", season=2025, endpoint=ENDPOINT)
        assert refused.value.code == "access_log_unavailable" and refused.value.status == 503
        table.metadata.create_all(db.engine)
        recorder.flush()
        with db.engine.connect() as conn:
            assert conn.execute(select(table.c.application_no).order_by(table.c.id)).scalars().all() == [
                "HY2025-1-000000", "HY2025-1-000001", "HY2025-1-000002"]
    finally:
        recorder.close()
        db.dispose()
