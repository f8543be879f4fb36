"""Faults with real processes: the five processes started once for the module (tongcheng.suite.Suite, free ports,
a temporary var folder with its own secrets), every call through the real gateway with the demo credentials of
``tokens.json``.

- points stopped: a scoring request fails fast with a 503 problem, and succeeds once points is back;
- funding stopped while a run is finalised: the finalisation succeeds, the hand-over waits in enrollment's outbox,
  reaches funding after its restart, and is never doubled (purchased seats counted, flushes repeated, the same
  seats handed over again);
- a service killed with SIGKILL in the middle of a batch (enrollment during ``POST /applications/batch``,
  verification during ``POST /results/batch``): after a restart the batch is stored whole or not at all, and a
  retry with the same ``Idempotency-Key`` completes it exactly once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import httpx
import pytest

from shared_kit import free_port
from reliability_kit import PERMIT, SEASON, Api, application, deliver_cases, small_cohort, wait_for
from tongcheng.secrets import generate as generate_secrets
from tongcheng.suite import DEFAULT_PORTS, Suite

pytestmark = pytest.mark.processes
BIG = 1000  # items in the batches that are killed

FAST_RECOVERY = {
    "GATEWAY_BREAKER_RESET_S": "1",  # an open circuit lets a trial call through after 1 s
    "ENROLLMENT_OUTBOX_INTERVAL_S": "0.2",  # the dispatcher passes every 0.2 s ...
    "ENROLLMENT_OUTBOX_BACKOFF_S": "0.2",  # ... and retries a failed hand-over after 0.2 s, 0.4 s ... ≤ 1 s
    "ENROLLMENT_OUTBOX_BACKOFF_MAX_S": "1",
    "ENROLLMENT_TODAY": f"{SEASON}-04-01",  # before the withdrawal cut-off, publication windows open
    "ENROLLMENT_OUTBOX_LEASE_S": "3",  # rows claimed by a killed dispatcher are taken over after 3 s
    "GATEWAY_TIMEOUT_S": "120",
}


@pytest.fixture(scope="module")
def suite(tmp_path_factory) -> Iterator[SimpleNamespace]:
    var = tmp_path_factory.mktemp("faults-var")
    tokens = generate_secrets(var)
    procs = Suite(var=var, ports={name: free_port() for name in DEFAULT_PORTS}, extra_env=dict(FAST_RECOVERY))
    api = Api(gateway=procs.url(), tokens=tokens, timeout_s=120)
    try:
        procs.start_all()
        yield SimpleNamespace(procs=procs, api=api, var=var)
    finally:
        api.close()
        procs.stop_all()


# A cheap read of each service the bureau may make through the gateway (which forwards API routes only, not
# a service's /health).
READ_OF = {"points": "/rulebooks", "enrollment": "/schools?limit=1", "funding": "/semesters",
           "verification": "/progress?season=2025"}


def restart(suite, name: str) -> None:
    """Start ``name`` again (waits for its /health) and wait until the gateway reaches it (its circuit may be
    open for a moment after the failures): a read of :data:`READ_OF` answers 200 through the gateway."""
    suite.procs.start(name)
    wait_for(f"the gateway to reach {name} again", lambda: suite.api.send(
        name, "GET", READ_OF[name], "bureau").status_code == 200, timeout_s=15, interval_s=0.2)


def note(request: pytest.FixtureRequest, name: str, value: Any) -> None:
    """A measured figure, kept with the test's report (``user_properties``; junitxml writes them out)."""
    request.node.user_properties.append((name, value))


def in_background(fn) -> tuple[threading.Thread, dict[str, Any]]:
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["response"] = fn()
        except httpx.HTTPError as exc:
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, box


def count_applications(api: Api, grade: int) -> int:
    total, cursor = 0, None
    while True:
        page = api.ok(api.send("enrollment", "GET", f"/applications?season={SEASON}&grade={grade}&limit=1000" + (
            f"&cursor={cursor}" if cursor else ""), "bureau"))
        total += len(page["items"])
        if not (cursor := page["next_cursor"]):
            return total


def queue_size(api: Api, department: str) -> int:
    total, cursor = 0, None
    while True:
        page = api.ok(api.send("verification", "GET", f"/queue?season={SEASON}&limit=1000" + (
            f"&cursor={cursor}" if cursor else ""), department))
        total += len(page["items"])
        if not (cursor := page["next_cursor"]):
            return total


# ---- a stopped upstream ------------------------------------------------------------------------------------------

def test_points_stopped_scoring_fails_fast_then_recovers(suite, request):
    api = suite.api
    body = application()
    no = api.ok(api.send("enrollment", "POST", "/applications", "platform", body, key="faults-points"), 201)[
        "application_no"]
    deliver_cases(api)
    suite.procs.stop("points")
    try:
        for attempt in range(3):  # the first calls find it refused, later ones the open circuit: all 503 at once
            started = time.perf_counter()
            resp = api.send("points", "POST", f"/scores/{no}", "bureau")
            elapsed = time.perf_counter() - started
            assert resp.status_code == 503, resp.text
            assert resp.headers["content-type"].startswith("application/problem+json")
            assert resp.json()["code"] in ("upstream_unavailable", "circuit_open")
            assert elapsed < 2.0, f"attempt {attempt}: {elapsed:.2f} s to learn points is down"
            note(request, f"points_down_503_s_{attempt}", round(elapsed, 3))
        job = api.send("points", "POST", "/scoring-jobs", "bureau", {"season": SEASON, "grade": 1})
        assert job.status_code == 503
    finally:
        restarted = time.perf_counter()
        restart(suite, "points")
    score = wait_for("points to score again through the gateway", lambda: (
        r.json() if (r := api.send("points", "POST", f"/scores/{no}", "bureau")).status_code == 200 else None),
        timeout_s=15, interval_s=0.3)
    note(request, "points_back_s", round(time.perf_counter() - restarted, 2))
    assert score["application_no"] == no and score["eligible"] is False  # nobody has answered for it yet


def test_funding_stopped_during_finalisation_hands_over_once_after_restart(suite):
    api = suite.api
    cohort = small_cohort(api, "FS", 6, key="faults-funding-cohort")
    run = api.ok(api.send("enrollment", "POST", "/runs", "bureau", {"season": SEASON, "grade": 1,
                                                                    "mechanism": "deferred_acceptance",
                                                                    "seed": "faults"}, key="faults-run"), 201)
    run = api.ok(api.send("enrollment", "POST", f"/runs/{run['id']}/publish", "bureau", {"window_days": 5}))
    purchased = run["counts"]["placed_purchased"]
    assert purchased >= 4, run["counts"]
    suite.procs.stop("funding")
    try:
        final = api.ok(api.send("enrollment", "POST", f"/runs/{run['id']}/finalise", "bureau", key="faults-final"))
        assert final["state"] == "final" and final["handover"]["purchased_seats"] == purchased
        status = wait_for("the hand-over to fail while funding is down", lambda: (
            s if (s := api.ok(api.send("enrollment", "GET", "/outbox", "bureau")))["topics"]["funding.seats"][
                "failing"] else None), timeout_s=10)
        assert status["topics"]["funding.seats"]["pending"] == final["handover"]["chunks"]
        assert status["last_error"]
    finally:
        restart(suite, "funding")

    def seats() -> list[dict[str, Any]]:
        page = api.ok(api.send("funding", "GET", f"/purchased-seats?school_code={cohort.private}&limit=1000",
                               "auditor"))
        return [s for s in page["items"] if s["run_id"] == str(run["id"])]

    wait_for("the outbox to hand the seats to funding", lambda: api.ok(api.send(
        "enrollment", "GET", "/outbox", "bureau"))["topics"]["funding.seats"]["pending"] == 0, timeout_s=20)
    got = seats()
    assert len(got) == purchased == len({s["application_no"] for s in got})
    for _ in range(3):
        api.ok(api.send("enrollment", "POST", "/outbox/flush", "bureau"))
    id_of = {n: b["child"]["id_number"] for b, n in zip(cohort.bodies, cohort.numbers)}
    same = [{"application_no": s["application_no"], "pupil_name": s["pupil_name"],
             "pupil_id_number": id_of[s["application_no"]], "school_code": s["school_code"], "grade": s["grade"],
             "start_date": s["start_date"]} for s in got]
    again = api.ok(api.send("funding", "POST", "/purchased-seats/handover", "bureau",
                            {"run_id": str(run["id"]), "seats": same}, key="faults-handover-again"))
    assert (again["created"], again["existing"]) == (0, purchased)
    assert len(seats()) == purchased


# ---- SIGKILL in the middle of a batch ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def big(suite) -> SimpleNamespace:
    """A first batch of BIG grade-7 applications (timed: the kill below aims at the middle of a like one),
    delivered to verification, so that the police and hrss each have BIG pending requests."""
    api = suite.api
    items = [application(grade=7) for _ in range(BIG)]
    started = time.perf_counter()
    answer = api.ok(api.send("enrollment", "POST", "/applications/batch", "platform", {"items": items},
                             key="faults-big-1"))
    seconds = time.perf_counter() - started
    assert answer["created"] == BIG
    deliver_cases(api, timeout_s=60)
    return SimpleNamespace(submit_s=seconds)


def kill_midway(suite, name: str, after_s: float, send) -> dict[str, Any]:
    """Start ``send()`` in the background, SIGKILL ``name`` after ``after_s`` seconds, collect what the caller
    saw, restart the service."""
    thread, box = in_background(send)
    time.sleep(after_s)
    suite.procs.stop(name, kill=True)
    thread.join(60)
    restart(suite, name)
    return box


def test_enrollment_killed_mid_batch_stores_all_or_nothing(suite, big, request):
    api = suite.api
    before = count_applications(api, 7)
    items = [application(grade=7) for _ in range(BIG)]
    box = kill_midway(suite, "enrollment", big.submit_s * 0.5, lambda: api.send(
        "enrollment", "POST", "/applications/batch", "platform", {"items": items}, key="faults-big-2"))
    seen = box.get("response")
    after_kill = count_applications(api, 7)
    note(request, "enrollment_kill", f"caller saw {seen.status_code if seen else box.get('error')!r}; "
                                     f"stored {after_kill - before} of {BIG}")
    assert after_kill - before in (0, BIG), f"half a batch stored: {after_kill - before} of {BIG}"
    if seen is not None and seen.status_code == 200:
        assert after_kill - before == BIG
    retry = api.send("enrollment", "POST", "/applications/batch", "platform", {"items": items}, key="faults-big-2")
    answer = api.ok(retry)
    assert answer["created"] == BIG and answer["duplicates"] == answer["rejected"] == 0
    assert count_applications(api, 7) == before + BIG
    replay = api.send("enrollment", "POST", "/applications/batch", "platform", {"items": items}, key="faults-big-2")
    assert replay.json() == answer and replay.headers.get("idempotent-replayed") == "true"
    assert count_applications(api, 7) == before + BIG
    status = deliver_cases(api, timeout_s=60)  # and each of them reaches verification once
    assert status["topics"]["verification.cases"]["pending"] == 0
    cases = api.ok(api.send("verification", "GET", f"/facts?season={SEASON}&grade=7&limit=1000", "bureau"))
    numbers = [c["application_no"] for c in cases["items"]]
    while cases["next_cursor"]:
        cases = api.ok(api.send("verification", "GET", f"/facts?season={SEASON}&grade=7&limit=1000&cursor="
                                f"{cases['next_cursor']}", "bureau"))
        numbers += [c["application_no"] for c in cases["items"]]
    assert len(numbers) == len(set(numbers)) == before + BIG


def test_verification_killed_mid_batch_stores_all_or_nothing(suite, big, request):
    api = suite.api
    hrss = api.ok(api.send("verification", "GET", f"/queue?season={SEASON}&limit={BIG}", "hrss"))["items"]
    insurance = {"county_code": "331003", "active_at_cutoff": True, "continuous_months": 30, "since": "2022-10-01"}
    started = time.perf_counter()  # a like batch, timed: the kill aims at the middle of the police's one
    api.ok(api.send("verification", "POST", "/results/batch", "hrss", {"items": [
        {"request_id": r["id"], "outcome": "confirmed", "facts": insurance} for r in hrss]}, key="faults-hrss"))
    seconds = time.perf_counter() - started
    police = api.ok(api.send("verification", "GET", f"/queue?season={SEASON}&limit={BIG}", "police"))["items"]
    assert len(police) == BIG
    before = queue_size(api, "police")
    body = {"items": [{"request_id": r["id"], "outcome": "confirmed", "facts": PERMIT} for r in police]}
    box = kill_midway(suite, "verification", seconds * 0.5, lambda: api.send(
        "verification", "POST", "/results/batch", "police", body, key="faults-police"))
    seen = box.get("response")
    answered = before - queue_size(api, "police")
    note(request, "verification_kill", f"caller saw {seen.status_code if seen else box.get('error')!r}; "
                                       f"stored {answered} of {BIG}")
    assert answered in (0, BIG), f"half a batch stored: {answered} of {BIG}"
    retry = api.ok(api.send("verification", "POST", "/results/batch", "police", body, key="faults-police"))
    assert retry["stored"] == BIG and retry["rejected"] == 0
    assert before - queue_size(api, "police") == BIG
    replay = api.send("verification", "POST", "/results/batch", "police", body, key="faults-police")
    assert replay.json() == retry and replay.headers.get("idempotent-replayed") == "true"
    for r in (police[0], police[BIG // 2], police[-1]):
        history = api.ok(api.send("verification", "GET", f"/requests/{r['id']}", "police"))["history"]
        assert len(history) == 1 and history[0]["id"] in {i["result_id"] for i in retry["items"]}
