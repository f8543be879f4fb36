"""The outbox: cases reach verification once, after any outage, in batches, with two dispatchers at once."""

from __future__ import annotations

import threading
import time
from collections import Counter
from datetime import timedelta

from sqlalchemy import update

from common.db import utcnow
from enrollment.models import OutboxRow
from enrollment.outbox import Dispatcher, FlushResult
from enrollment_kit import application, public_school, start_app, upstreams


def _submit(app, auth, n: int) -> list[str]:
    app.post("/schools", json=public_school("S1"), headers=auth("bureau"))
    items = [application(public=["S1"]) for _ in range(n)]
    out = app.post("/applications/batch", json={"items": items},
                   headers={**auth("platform"), "Idempotency-Key": f"k-{n}"}).json()
    assert out["created"] == n, out
    return [i["application_no"] for i in out["items"]]


def _lease_runs_out(db) -> None:
    """What 30 s without renewal does to the claims of a killed dispatcher (without waiting for it)."""
    with db.write_session() as s:
        s.execute(update(OutboxRow).where(OutboxRow.claimed_by.is_not(None))
                  .values(claimed_until=utcnow() - timedelta(seconds=1)))
        s.commit()


def _sent(fake) -> Counter:
    return Counter(c["application_no"] for _, _, _, body in fake.calls for c in body["items"])


def test_verification_down_then_back_delivers_each_case_once(make_service, auth, backend):
    verification, _, _, clients = upstreams()
    app = make_service("enrollment", outbox_dispatcher=False, create_app_kwargs={"http_clients": clients})
    nos = _submit(app, auth, 3)
    verification.down = True
    down = app.post("/outbox/flush", headers=auth("bureau")).json()
    assert (down["pending"], down["failing"], down["delivered"]) == (3, 3, 0)
    assert "upstream_unavailable" in down["last_error"] and down["flushed"]["failed"] == 3
    assert verification.cases == {}

    verification.down = False
    back = app.post("/outbox/flush", headers=auth("bureau")).json()
    assert (back["pending"], back["failing"], back["delivered"], back["last_error"]) == (0, 0, 3, None)
    assert sorted(verification.cases) == sorted(nos)
    assert len(verification.calls) == 1  # one batch of three
    case = verification.cases[nos[0]]
    assert case["guardians"][0]["guardian_no"] == 1 and case["child_birth_date"] == "2019-03-01"
    app.post("/outbox/flush", headers=auth("bureau"))
    assert _sent(verification) == Counter({no: 1 for no in nos})  # nothing resent
    assert app.get("/outbox", headers=auth("platform")).status_code == 403


def test_batches_and_a_refused_case_does_not_hold_the_others(make_service, auth):
    verification, _, _, clients = upstreams()
    app = make_service("enrollment", outbox_dispatcher=False, outbox_batch_size=2,
                       create_app_kwargs={"http_clients": clients})
    nos = _submit(app, auth, 5)
    verification.refuse = {nos[1]}
    out = app.post("/outbox/flush", headers=auth("bureau")).json()
    assert (out["delivered"], out["failing"]) == (4, 1) and "422" in out["last_error"]
    assert sorted(verification.cases) == sorted(n for n in nos if n != nos[1])
    keys = [key for _, _, key, _ in verification.calls]
    assert all(keys) and len(set(keys)) == len(keys)


def test_two_dispatchers_and_an_expired_claim_never_double(make_service, auth, backend):
    verification, _, _, clients = upstreams()
    app = make_service("enrollment", outbox_dispatcher=False, create_app_kwargs={"http_clients": clients})
    nos = _submit(app, auth, 40)
    db = app.app.state.db

    def slow_send(cases, key):
        time.sleep(0.02)
        return clients["verification"].post("/cases/batch", json={"items": cases}, headers={"Idempotency-Key": key})

    dispatchers = [Dispatcher(db, send_cases=slow_send, send_seats=lambda *a: None, batch_size=5) for _ in range(2)]
    barrier = threading.Barrier(2)

    def run(d):
        barrier.wait()
        d.flush()
    threads = [threading.Thread(target=run, args=(d,)) for d in dispatchers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert _sent(verification) == Counter({no: 1 for no in nos})  # claims kept the two apart

    # a dispatcher that claims and dies: after its lease another one resends; verification keeps one case
    more = _submit(app, auth, 2)
    crashed = Dispatcher(db, send_cases=lambda *a: None, send_seats=lambda *a: None, lease_s=30)
    assert len(crashed._claim("verification.cases", 10)) == 2  # claimed, never marked
    assert Dispatcher(db, send_cases=slow_send, send_seats=lambda *a: None).flush().delivered == 0  # still leased
    _lease_runs_out(db)
    assert Dispatcher(db, send_cases=slow_send, send_seats=lambda *a: None).flush().delivered == 2
    assert sorted(verification.cases) == sorted(nos + more)


def test_a_killed_dispatchers_rows_are_taken_over_after_its_lease_and_sent_once(make_service, auth, backend,
                                                                                 tmp_path):
    """A dispatcher killed mid-delivery stops renewing its lease: until the lease runs out another process (here a
    restarted one) leaves its rows alone, then sends them once; the dead claimant's late mark changes nothing."""
    verification, _, _, clients = upstreams()
    app = make_service("enrollment", outbox_dispatcher=False, create_app_kwargs={"http_clients": clients})
    nos = _submit(app, auth, 3)
    settings = app.app.state.settings
    assert settings.outbox_lease_s == 15
    killed = Dispatcher(app.app.state.db, send_cases=lambda *a: None, send_seats=lambda *a: None, lease_s=30)
    held = killed._claim("verification.cases", 10)  # claims, sends nothing, never renews: killed
    assert len(held) == 3
    restarted = start_app(settings.database_url, tmp_path, http_clients=clients)
    try:
        assert restarted.app.state.dispatcher.owner != killed.owner
        out = restarted.post("/outbox/flush", headers=auth("bureau")).json()
        assert (out["flushed"]["attempted"], out["pending"]) == (0, 3)  # a starting process leaves the lease be
        _lease_runs_out(app.app.state.db)
        out = restarted.post("/outbox/flush", headers=auth("bureau")).json()
        assert (out["flushed"]["delivered"], out["pending"], out["delivered"]) == (3, 0, 3), out
        assert sorted(verification.cases) == sorted(nos)
        # a late mark by the old claimant changes nothing: its token no longer holds the rows
        killed._failed(held, held[0]["claimed_by"], RuntimeError("late"), FlushResult())
        again = restarted.post("/outbox/flush", headers=auth("bureau")).json()
        assert (again["flushed"]["attempted"], again["delivered"], again["failing"]) == (0, 3, 0), again
        assert _sent(verification) == {no: 1 for no in nos}
    finally:
        restarted.__exit__(None, None, None)


def test_a_live_holder_keeps_its_rows_and_hands_them_back_on_stop(make_service, auth, backend):
    """A live process renews its leases (every third of the lease), so another never takes its rows however long
    it takes; on stop (SIGTERM) it hands them back and another sends them at once."""
    verification, _, _, clients = upstreams()
    app = make_service("enrollment", outbox_dispatcher=False, create_app_kwargs={"http_clients": clients})
    nos = _submit(app, auth, 2)
    holder = Dispatcher(app.app.state.db, send_cases=lambda *a: None, send_seats=lambda *a: None, lease_s=1.0)
    holder.leases.start()  # renewing, as a running dispatcher does
    try:
        assert len(holder._claim("verification.cases", 10)) == 2
        time.sleep(2.5)  # two and a half leases long
        assert app.post("/outbox/flush", headers=auth("bureau")).json()["flushed"]["attempted"] == 0
    finally:
        holder.stop()  # hands the leases back
    out = app.post("/outbox/flush", headers=auth("bureau")).json()
    assert (out["flushed"]["delivered"], out["pending"]) == (2, 0), out
    assert _sent(verification) == {no: 1 for no in nos}


def test_background_dispatcher_delivers_without_a_flush(make_service, auth):
    verification, _, _, clients = upstreams()
    app = make_service("enrollment", outbox_dispatcher=True, outbox_interval_s=0.05,
                       create_app_kwargs={"http_clients": clients})
    nos = _submit(app, auth, 2)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and len(verification.cases) < 2:
        time.sleep(0.05)
    assert sorted(verification.cases) == sorted(nos)
    # The dispatcher marks the rows delivered after verification's answer returns: wait for that commit too.
    while time.monotonic() < deadline and app.get("/outbox", headers=auth("bureau")).json()["delivered"] < 2:
        time.sleep(0.05)
    assert app.get("/outbox", headers=auth("bureau")).json()["delivered"] == 2
