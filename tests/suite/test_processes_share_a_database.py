"""Several processes on one database (issue 14): migrations run once when processes start together, and ledger
appends from two processes at once never fork the chain. Real processes (``subprocess``), each with its own
connections."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest
from sqlalchemy import text

from common.db import Database, make_engine, migration_heads, migrations_at_head, upgrade_to_head

pytestmark = pytest.mark.processes


def _spawn(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)


def _finish(procs: list[subprocess.Popen], timeout_s: float = 120) -> list[str]:
    outs = []
    for proc in procs:
        out, _ = proc.communicate(timeout=timeout_s)
        assert proc.returncode == 0, out[-3000:]
        outs.append(out)
    return outs


MIGRATE = """
    import sys, time
    from pathlib import Path
    from common.db import upgrade_to_head
    start = float(sys.argv[3])
    time.sleep(max(0.0, start - time.time()))  # all start at the same instant
    upgrade_to_head(Path(sys.argv[1]), sys.argv[2])
"""


@pytest.mark.parametrize("backend", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)
def test_migrations_run_once_when_processes_start_together(new_database_url, backend):
    from enrollment.main import SERVICE_DIR

    url = new_database_url("enrollment")
    at = f"{time.time() + 2.0:.3f}"
    _finish([_spawn(MIGRATE, str(SERVICE_DIR), url, at) for _ in range(3)])
    engine = make_engine(url, pool_size=1)
    try:
        ok, detail = migrations_at_head(engine, migration_heads(SERVICE_DIR))
        assert ok, detail
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    finally:
        engine.dispose()


APPEND = """
    import sys, time
    from common.db import Database
    from funding.ledger_store import append_ledger
    from pathlib import Path
    db, n, gate = Database(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    (gate / sys.argv[4]).touch()  # ready; start when both are
    while len(list(gate.iterdir())) < 2:
        time.sleep(0.01)
    for i in range(n):
        with db.write_session() as s:
            append_ledger(s, "adjustment", {"settlement_id": None, "amount_fen": i, "adjustment_id": i,
                                            "writer": sys.argv[4]})
            s.commit()
    db.dispose()
"""


def test_ledger_appends_from_two_processes_never_fork_the_chain(new_database_url, backend, tmp_path):
    from funding.ledger_store import verify_ledger
    from funding.main import SERVICE_DIR

    url = new_database_url("funding")
    upgrade_to_head(SERVICE_DIR, url)
    n = 60
    gate = tmp_path / "gate"
    gate.mkdir()
    _finish([_spawn(APPEND, url, str(n), str(gate), writer) for writer in ("a", "b")])
    db = Database(url)
    try:
        with db.read_session() as s:
            result = verify_ledger(s)
            writers = [w for (w,) in s.execute(text("SELECT body FROM ledger_entries ORDER BY seq"))]
        assert result.ok and result.first_broken is None, result
        assert result.entries == 2 * n
        bodies = [bytes(b).decode() for b in writers]
        assert sum('"writer":"a"' in b for b in bodies) == n and sum('"writer":"b"' in b for b in bodies) == n
        if backend == "postgres":  # the head-row lock queues the two writers in turn: their entries interleave
            assert any('"writer":"a"' in x and '"writer":"b"' in y for x, y in zip(bodies, bodies[1:]))
    finally:
        db.dispose()


DELIVER = """
    import sys, time
    import httpx
    from pathlib import Path
    from common.db import Database
    from enrollment import webhooks
    from enrollment.webhooks import Deliverer
    webhooks.configure(sys.argv[4])  # the server key of the secrets, as create_app sets it
    db, gate = Database(sys.argv[1]), Path(sys.argv[2])
    (gate / sys.argv[3]).touch()  # ready; start when both are
    while len(list(gate.iterdir())) < 2:
        time.sleep(0.01)
    deliverer = Deliverer(db, httpx.Client(timeout=5), lease_s=30, allow_private=True)
    deliverer.leases.start()  # renewed as the app's outbox thread renews them: at load 15 a pass outlived 30 s
    for _ in range(30):  # a webhook the other process holds is passed over; a later pass takes what is left
        deliverer.deliver(now_too=True)
        time.sleep(0.02)
    deliverer.leases.stop()
    db.dispose()
"""


def test_webhook_deliveries_from_two_processes_give_each_event_once(new_database_url, backend, tmp_path):
    """Issue 13: two enrollment processes deliver the feed to two webhooks at once (leases on the webhooks): each
    receiver gets every event exactly once, in id order."""
    from common.db import utcnow
    from enrollment import events, webhooks
    from enrollment.main import SERVICE_DIR
    from shared_kit import TEST_SECRET, Receiver, free_port

    url = new_database_url("enrollment")
    upgrade_to_head(SERVICE_DIR, url)
    webhooks.configure(TEST_SECRET)
    receiver = Receiver(free_port()).start()
    db = Database(url)
    try:
        with db.write_session() as s:
            events.record(s, events.SUBMITTED, [(f"HY2025-1-{i:06d}", 2025, 1, {}) for i in range(1, 121)],
                          now=utcnow())
            secrets = [webhooks.register(s, url=f"http://127.0.0.1:{receiver.port}{path}", owner="platform-1",
                                         after=0, now=utcnow(), allow_private=True)[1] for path in ("/a", "/b")]
            s.commit()
        gate = tmp_path / "gate"
        gate.mkdir()
        _finish([_spawn(DELIVER, url, str(gate), name, TEST_SECRET) for name in ("p1", "p2")])
        for path in ("/a", "/b"):
            ids = [int(g["headers"]["x-tongcheng-event-id"]) for g in receiver.got if g["path"] == path]
            assert ids == list(range(1, 121)), (path, len(ids))
        for path, secret in zip(("/a", "/b"), secrets):  # signed with the secret registration gave
            assert all(g["headers"]["x-tongcheng-signature"] == webhooks.sign(
                secret, int(g["headers"]["x-tongcheng-timestamp"]), g["body"]) for g in receiver.got
                if g["path"] == path)
    finally:
        receiver.stop()
        db.dispose()
