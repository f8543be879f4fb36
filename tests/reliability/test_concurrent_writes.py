"""Concurrency on SQLite and PostgreSQL (the four services in-process, one stack per backend for the module).

- Idempotency: for a representative create-or-change POST of each service, 20 identical requests at once (threads)
  with the same ``Idempotency-Key`` make exactly one effect, counted through the API afterwards, and give 20
  identical answers (19 marked ``Idempotent-Replayed``); the same key with another body is 422
  ``idempotency_key_reused`` and writes nothing.
- Natural keys hold without an Idempotency-Key too: 20 racing applications for one child make one application
  (the others 409 ``duplicate_application``); 20 racing hand-overs of the same seats make each seat once.
- State machines: two bureau users finalising one run at once → one finalisation and one hand-over; two finance
  users approving one settlement at once → one approval and one ledger entry.
- Versioned resources (schools, runs, rulebooks, settlements, tariffs): a stale ``If-Match`` is 412 and changes
  nothing; writers racing with the same ``If-Match`` → exactly one wins (no lost update).

(Named test_concurrent_writes.py: tests/verification/test_concurrency.py holds the basename test_concurrency, and
two test modules with one basename cannot be collected together without __init__.py files.)
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from common.schemas import day_in_shanghai
from reliability_kit import (PERMIT, SEASON, Api, application, case, deliver_cases, pages, private_school,
                             public_school, rulebook, seat, small_cohort, wait_for, writers_held)

N = 20
_tags = itertools.count(1)
_seasons = itertools.count(2040)  # seasons of their own for runs and scoring jobs (≤ 2100)


def at_once(fn: Callable[[int], httpx.Response], n: int = N) -> list[httpx.Response]:
    """Run ``fn(i)`` for i in 0..n-1 on n threads at once."""
    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(fn, range(n)))


def held_at_once(api: Api, service: str, table: str, where: str, fn: Callable[[int], httpx.Response],
                 n: int = 10) -> list[httpx.Response]:
    """Run ``fn(i)`` on n threads, all of them started while the row is locked (:func:`writers_held`): every
    request has read the row before any can change it. ``n`` is at most the service's ``worker_threads``: only
    that many requests run at once in it (the rest would wait for a thread, not at the lock)."""
    n = min(n, api.stack[service].app.state.settings.worker_threads)
    with ThreadPoolExecutor(max_workers=n) as pool:
        with writers_held(api.stack, service, table, where) as wait:
            futures = [pool.submit(fn, i) for i in range(n)]
            wait(n)
        return [f.result() for f in futures]


@pytest.fixture(scope="module")
def api(stack):
    return Api(stack)


def tag() -> str:
    return f"C{next(_tags)}"


@pytest.fixture(scope="module", autouse=True)
def schools(api):
    """PX (public) and RX (private), chosen by the racing applications."""
    for body in (public_school("PX"), private_school("RX")):
        api.ok(api.send("enrollment", "POST", "/schools", "bureau", body), 201)


# ---- 20 identical keyed POSTs → one effect -----------------------------------------------------------------------

@dataclass(frozen=True)
class Racer:
    """A keyed POST raced N times: ``prepare(api)`` → context; ``request(ctx)`` → (service, path, role, body);
    ``count(api, ctx)`` → the number of records the effect makes, read through the API; ``effect`` = how many
    records one request makes."""

    name: str
    prepare: Callable[[Api], dict[str, Any]]
    request: Callable[[dict[str, Any]], tuple[str, str, str, Any]]
    count: Callable[[Api, dict[str, Any]], int]
    effect: int = 1


def _apps(api: Api, ctx: dict[str, Any]) -> int:
    return len(pages(api.stack["enrollment"], "/applications", "bureau", season=SEASON))


def _outbox_total(api: Api) -> int:
    status = api.ok(api.send("enrollment", "GET", "/outbox", "bureau"))
    return status["topics"]["verification.cases"]["pending"] + status["topics"]["verification.cases"]["delivered"]


def _cases_prepare(api: Api) -> dict[str, Any]:
    t = tag()
    reqs = api.ok(api.send("verification", "POST", "/cases", "bureau", case(f"HY2025-1-{t}", guardians=2)), 201)
    return {"permits": [r["id"] for r in reqs["requests"] if r["kind"] == "residence_permit"]}


def _history(api: Api, ctx: dict[str, Any]) -> int:
    return sum(len(api.ok(api.send("verification", "GET", f"/requests/{r}", "police"))["history"])
               for r in ctx["permits"])


def _seats(api: Api, ctx: dict[str, Any]) -> int:
    return sum(s["school_code"] == ctx["school"] for s in pages(api.stack["funding"], "/purchased-seats", "auditor"))


def _settlement_ready(api: Api, *, draft: bool = True) -> dict[str, Any]:
    """A semester of its own, a tariff, two seats and (with ``draft``) a draft settlement for a new school: the
    callers approve it."""
    t = tag()
    semester, school = f"2030-s{t}", f"F{t}"
    api.ok(api.send("funding", "POST", "/semesters", "bureau",
                    {"code": semester, "starts_on": "2030-02-01", "ends_on": "2030-07-15"}), 201)
    api.ok(api.send("funding", "PUT", f"/tariffs/{school}/{semester}", "bureau",
                    {"operating_cost_per_pupil": "3000.00", "original_fee": "2800.00"}))
    handed = api.ok(api.send("funding", "POST", "/purchased-seats/handover", "service:enrollment",
                             {"run_id": t, "seats": [seat(f"HY2030-1-{t}{n}", school, "2030-02-01") for n in range(2)]}))
    # the school's roll (在校确认) confirms both pupils: a settlement bills confirmed pupils only (issue 19)
    api.ok(api.send("funding", "POST", f"/rolls/{school}/{semester}/confirmations", "bureau",
                    {"attending": [item["seat_id"] for item in handed["items"]]}), 201)
    if not draft:
        return {"semester": semester, "school": school}
    draft = api.ok(api.send("funding", "POST", "/settlements", "bureau", {"school_code": school,
                                                                          "semester": semester}), 201)
    return {"semester": semester, "school": school, "settlement": draft}


def _approve_ctx(api: Api) -> dict[str, Any]:
    ctx = _settlement_ready(api)
    s = ctx["settlement"]
    ctx["approved"] = api.ok(api.send("funding", "POST", f"/settlements/{s['id']}/approve", "finance",
                                      headers={"If-Match": f'"v{s["version"]}"'}))
    return ctx


def _ledger_kinds(api: Api, settlement_id: int) -> Counter:
    entries = pages(api.stack["funding"], "/ledger", "auditor")
    return Counter(e["kind"] for e in entries if e.get("settlement_id") == settlement_id)


def _rulebooks(api: Api, ctx: dict[str, Any]) -> int:
    return sum(b["id"] == ctx["id"] for b in pages(api.stack["points"], "/rulebooks", "bureau"))


def _jobs_prepare(api: Api) -> dict[str, Any]:
    season = next(_seasons)  # a season of its own, with its own published rulebook
    rid = f"RB-J{season}"
    api.ok(api.send("points", "POST", "/rulebooks", "bureau", rulebook(rid, season)), 201)
    api.ok(api.send("points", "POST", f"/rulebooks/{rid}/publish", "bureau"))
    return {"season": season}


def _jobs(api: Api, ctx: dict[str, Any]) -> int:
    return api.stack.count("points", "scoring_jobs", f"WHERE season = {ctx['season']}")


def _runs_prepare(api: Api) -> dict[str, Any]:
    return {"season": next(_seasons)}  # no applications: an empty run, its own season


def _runs(api: Api, ctx: dict[str, Any]) -> int:
    return len(api.ok(api.send("enrollment", "GET", f"/runs?season={ctx['season']}", "bureau"))["items"])


RACERS = [
    Racer("enrollment-application", lambda api: {"body": application(public=["PX"])},
          lambda c: ("enrollment", "/applications", "platform", c["body"]), _apps),
    Racer("enrollment-application-batch", lambda api: {"body": {"items": [application() for _ in range(5)]}},
          lambda c: ("enrollment", "/applications/batch", "platform", c["body"]), _apps, effect=5),
    Racer("enrollment-run", _runs_prepare, lambda c: ("enrollment", "/runs", "bureau", {
        "season": c["season"], "grade": 1, "mechanism": "deferred_acceptance", "seed": "race"}), _runs),
    Racer("verification-result-batch", _cases_prepare, lambda c: ("verification", "/results/batch", "police", {
        "items": [{"request_id": r, "outcome": "confirmed", "facts": PERMIT} for r in c["permits"]]}), _history,
        effect=2),
    Racer("verification-result", _cases_prepare, lambda c: (
        "verification", f"/requests/{c['permits'][0]}/results", "police", {"outcome": "not_found"}), _history),
    Racer("funding-handover", lambda api: {"school": f"H{tag()}"}, lambda c: (
        "funding", "/purchased-seats/handover", "service:enrollment",
        {"run_id": "race", "seats": [seat(f"HY2025-1-{c['school']}{n}", c["school"]) for n in range(3)]}), _seats,
        effect=3),
    Racer("funding-disbursement", _approve_ctx, lambda c: (
        "funding", f"/settlements/{c['settlement']['id']}/disbursements", "finance",
        {"reference": f"HYCZ-{c['school']}", "amount": c["approved"]["amount_due"],
         "paid_on": day_in_shanghai().isoformat()}),
        lambda api, c: _ledger_kinds(api, c["settlement"]["id"])["disbursement"]),
    Racer("points-rulebook", lambda api: {"id": f"RB-R{next(_tags)}"},
          lambda c: ("points", "/rulebooks", "bureau", rulebook(c["id"], 2031)), _rulebooks),
    Racer("points-scoring-job", _jobs_prepare,
          lambda c: ("points", "/scoring-jobs", "bureau", {"season": c["season"], "grade": 1}), _jobs),
]


@pytest.mark.parametrize("racer", RACERS, ids=lambda r: r.name)
def test_identical_keyed_posts_at_once_make_one_effect(api, racer: Racer):
    ctx = racer.prepare(api)
    service, path, role, body = racer.request(ctx)
    before = racer.count(api, ctx)
    key = f"race-{racer.name}-{next(_tags)}"
    answers = at_once(lambda _: api.send(service, "POST", path, role, body, key=key))
    statuses = Counter(a.status_code for a in answers)
    assert len(statuses) == 1 and next(iter(statuses)) < 300, [a.text[:300] for a in answers]
    assert len({a.content for a in answers}) == 1, "the replays differ from the first answer"
    assert sum(a.headers.get("idempotent-replayed") == "true" for a in answers) == N - 1
    assert racer.count(api, ctx) - before == racer.effect
    again = api.send(service, "POST", path, role, body, key=key)  # and later, still the first answer
    assert again.content == answers[0].content and again.headers.get("idempotent-replayed") == "true"
    assert racer.count(api, ctx) - before == racer.effect


@pytest.mark.parametrize("racer", [r for r in RACERS if r.name in (
    "enrollment-application", "verification-result-batch", "funding-handover", "points-rulebook")],
    ids=lambda r: r.name)
def test_the_same_key_with_another_body_is_refused(api, racer: Racer):
    ctx = racer.prepare(api)
    service, path, role, body = racer.request(ctx)
    key = f"reuse-{racer.name}-{next(_tags)}"
    first = api.send(service, "POST", path, role, body, key=key)
    assert first.status_code < 300, first.text
    before = racer.count(api, ctx)
    other = {**body, "items": body["items"][:1]} if "items" in body else \
        {**body, "seats": body["seats"][:1]} if "seats" in body else {**body, "name": "另一个"} \
        if "name" in body else {**body, "township_code": "331003003"}
    answers = at_once(lambda _: api.send(service, "POST", path, role, other, key=key), n=5)
    for resp in answers:
        assert resp.status_code == 422 and resp.json()["code"] == "idempotency_key_reused", resp.text
    assert racer.count(api, ctx) == before


# ---- natural keys without an Idempotency-Key ---------------------------------------------------------------------

def test_racing_applications_for_one_child_make_one(api):
    body = application(public=["PX"])
    before = len(pages(api.stack["enrollment"], "/applications", "bureau", season=SEASON))
    answers = at_once(lambda i: api.send("enrollment", "POST", "/applications", "platform", body, key=f"child-{i}"))
    codes = Counter(a.status_code for a in answers)
    assert codes == {201: 1, 409: N - 1}, codes
    created = next(a.json()["application_no"] for a in answers if a.status_code == 201)
    assert {a.json()["existing_application_no"] for a in answers if a.status_code == 409} == {created}
    assert {a.json()["code"] for a in answers if a.status_code == 409} == {"duplicate_application"}
    assert len(pages(api.stack["enrollment"], "/applications", "bureau", season=SEASON)) == before + 1


def test_racing_handovers_of_the_same_seats_make_each_seat_once(api):
    school = f"H{tag()}"
    body = {"run_id": "7", "seats": [seat(f"HY2025-1-{school}{n}", school) for n in range(4)]}
    answers = at_once(lambda i: api.send("funding", "POST", "/purchased-seats/handover", "service:enrollment", body,
                                         key=f"handover-{school}-{i}"))
    assert {a.status_code for a in answers} == {200}
    assert sum(a.json()["created"] for a in answers) == 4
    assert len({tuple(i["seat_id"] for i in a.json()["items"]) for a in answers}) == 1
    assert _seats(api, {"school": school}) == 4


@dataclass(frozen=True)
class Creation:
    """A create without an Idempotency-Key raced by 10 writers that all checked before any inserted
    (``writers_held`` on ``table``), or by 20 let loose at once; the natural key must make one record: no 500, a
    201, refusals only with ``codes``, and ``count(api, ctx)`` = 1 afterwards."""

    name: str
    service: str
    table: str
    prepare: Callable[[Api], dict[str, Any]]
    request: Callable[[dict[str, Any]], tuple[str, str, Any]]
    count: Callable[[Api, dict[str, Any]], int]
    codes: frozenset[str] = frozenset()
    bug: str | None = None
    held: bool = True  # False: 20 writers let loose at once


def _published_run(api: Api) -> dict[str, Any]:
    """A published grade-7 run with one application in it (a season of its own)."""
    season = next(_seasons)
    body = application(grade=7)
    body["season"] = season  # a season years ahead: the child is older than grade 7 takes, by the bureau's leave
    api.ok(api.send("enrollment", "POST", "/age-exceptions", "bureau", {
        "season": season, "grade": 7, "child_id_number": body["child"]["id_number"], "reason": "测试用的未来季度"}), 201)
    no = api.ok(api.send("enrollment", "POST", "/applications", "platform", body), 201)["application_no"]
    run = api.ok(api.send("enrollment", "POST", "/runs", "bureau", {"season": season, "grade": 7, "seed": "x"}), 201)
    api.ok(api.send("enrollment", "POST", f"/runs/{run['id']}/publish", "bureau", {}))
    return {"run_id": run["id"], "application_no": no}


CREATIONS = [
    Creation("school", "enrollment", "schools", lambda api: {"code": f"N{tag()}"},
             lambda c: ("/schools", "bureau", public_school(c["code"])),
             lambda api, c: int(api.send("enrollment", "GET", f"/schools/{c['code']}", "bureau").status_code == 200),
             frozenset({"school_exists"})),
    Creation("case", "verification", "cases", lambda api: {"no": f"HY2025-1-{tag()}"},
             lambda c: ("/cases", "bureau", case(c["no"], guardians=2)),
             lambda api, c: int(api.send("verification", "GET", f"/facts/{c['no']}", "bureau").status_code == 200),
             held=False),
    Creation("semester", "funding", "semesters", lambda api: {"code": f"2033-s{tag()}"},
             lambda c: ("/semesters", "bureau", {"code": c["code"], "starts_on": "2033-02-01",
                                                 "ends_on": "2033-07-15"}),
             lambda api, c: sum(s["code"] == c["code"] for s in pages(api.stack["funding"], "/semesters", "auditor")),
             frozenset({"semester_exists"})),
    Creation("rulebook", "points", "rulebooks", lambda api: {"id": f"RB-N{next(_tags)}"},
             lambda c: ("/rulebooks", "bureau", rulebook(c["id"], 2034)), _rulebooks,
             frozenset({"rulebook_exists"})),
    Creation("appeal", "enrollment", "appeals", _published_run,
             lambda c: ("/appeals", "platform", {"run_id": c["run_id"], "application_no": c["application_no"],
                                                 "reason": "复核"}),
             lambda api, c: sum(a["application_no"] == c["application_no"] for a in api.ok(api.send(
                 "enrollment", "GET", f"/appeals?run_id={c['run_id']}", "bureau"))["items"]),
             frozenset({"duplicate_appeal"})),
    Creation("settlement-draft", "funding", "settlements",
             lambda api: _settlement_ready(api, draft=False),
             lambda c: ("/settlements", "bureau", {"school_code": c["school"], "semester": c["semester"]}),
             lambda api, c: sum(s["school_code"] == c["school"] for s in pages(
                 api.stack["funding"], "/settlements", "auditor", semester=c["semester"])),
             frozenset({"concurrent_update"})),
]


@pytest.mark.parametrize("creation", CREATIONS, ids=lambda c: c.name)
def test_racing_creations_without_a_key_make_one(api, creation: Creation, request):
    if creation.bug and api.stack.backend == "postgres":
        request.applymarker(pytest.mark.xfail(strict=True, reason=creation.bug))
    ctx = creation.prepare(api)
    path, role, body = creation.request(ctx)
    send = lambda i: api.send(creation.service, "POST", path, role, body)  # noqa: E731
    answers = held_at_once(api, creation.service, creation.table, None, send) if creation.held else at_once(send)
    codes = Counter(a.status_code for a in answers)
    assert codes[500] == 0 and codes[201] >= 1, [a.text[:200] for a in answers]
    assert {a.json()["code"] for a in answers if a.status_code >= 400} <= creation.codes, codes
    assert creation.count(api, ctx) == 1


def test_racing_amendments_of_one_case_make_one_live_set(api):
    """20 registrations of one application_no at once, each with other guardians (enrollment's outbox retrying
    while the bureau re-registers): every caller gets 201, and the case ends with one live request per kind
    and guardian, those of one of the bodies."""
    no = f"HY2025-1-{tag()}"
    bodies = [case(no, guardians=2) for _ in range(N)]
    answers = at_once(lambda i: api.send("verification", "POST", "/cases", "bureau", bodies[i]))
    codes = Counter(a.status_code for a in answers)
    assert codes == {201: N}, codes
    police = pages(api.stack["verification"], "/queue", "police")
    live = [r for r in police if r["application_no"] == no]
    assert len(live) == 2 and len({r["guardian_no"] for r in live}) == 2
    ids = {r["subject_id_number"] for r in live}
    assert any(ids == {g["id_number"] for g in b["guardians"]} for b in bodies)


def test_scoring_jobs_of_one_season_and_grade_never_overlap(api):
    ctx = _jobs_prepare(api)
    answers = held_at_once(api, "points", "scoring_jobs", None, lambda i: api.send(
        "points", "POST", "/scoring-jobs", "bureau", {"season": ctx["season"], "grade": 1}))
    assert {a.status_code for a in answers} == {202}
    ids = sorted({a.json()["id"] for a in answers})
    jobs = [wait_for(f"job {i} to finish", lambda i=i: (j if (j := api.ok(api.send(
        "points", "GET", f"/scoring-jobs/{i}", "bureau")))["state"] != "running" else None)) for i in ids]
    jobs.sort(key=lambda j: j["created_at"])
    for earlier, later in zip(jobs, jobs[1:]):
        assert later["created_at"] >= earlier["finished_at"], f"jobs {earlier['id']} and {later['id']} overlap"


# ---- state machines ----------------------------------------------------------------------------------------------

def test_two_bureau_users_finalising_one_run_make_one_finalisation(api):
    cohort = small_cohort(api, tag(), 6)
    run = api.ok(api.send("enrollment", "POST", "/runs", "bureau",
                          {"season": SEASON, "grade": 1, "mechanism": "deferred_acceptance", "seed": "final"}), 201)
    run = api.ok(api.send("enrollment", "POST", f"/runs/{run['id']}/publish", "bureau", {"window_days": 5}))
    purchased = run["counts"]["placed_purchased"]
    assert purchased >= 4, run["counts"]
    before = api.ok(api.send("enrollment", "GET", "/outbox", "bureau"))["topics"]["funding.seats"]
    answers = held_at_once(api, "enrollment", "runs", f"id = {run['id']}", lambda i: api.send(
        "enrollment", "POST", f"/runs/{run['id']}/finalise", ("bureau", "bureau-2")[i % 2]))
    codes = Counter(a.status_code for a in answers)
    assert codes == {200: 1, 409: len(answers) - 1}, [a.text[:200] for a in answers]
    assert {a.json()["code"] for a in answers if a.status_code == 409} == {"invalid_state"}
    final = next(a.json() for a in answers if a.status_code == 200)
    assert final["state"] == "final" and final["handover"]["purchased_seats"] == purchased
    after = api.ok(api.send("enrollment", "GET", "/outbox", "bureau"))["topics"]["funding.seats"]
    queued = after["pending"] + after["delivered"] - before["pending"] - before["delivered"]
    assert queued == final["handover"]["chunks"]
    for _ in range(3):  # delivered once; flushing again sends nothing twice
        deliver_cases(api)
    seats = [s for s in pages(api.stack["funding"], "/purchased-seats", "auditor") if s["run_id"] == str(run["id"])]
    assert len(seats) == purchased == len({s["application_no"] for s in seats})
    assert {s["school_code"] for s in seats} <= {cohort.private}


def test_two_finance_users_approving_one_settlement_make_one_approval(api):
    ctx = _settlement_ready(api)
    s = ctx["settlement"]
    answers = held_at_once(api, "funding", "settlements", f"id = {s['id']}", lambda i: api.send(
        "funding", "POST", f"/settlements/{s['id']}/approve", ("finance", "finance-2")[i % 2],
        headers={"If-Match": f'"v{s["version"]}"'}))
    codes = Counter(a.status_code for a in answers)
    assert codes[200] == 1 and codes[200] + codes[409] + codes[412] == len(answers), [a.text[:200] for a in answers]
    assert {a.json()["code"] for a in answers if a.status_code >= 400} <= {"settlement_not_draft",
                                                                           "precondition_failed"}
    assert _ledger_kinds(api, s["id"])["settlement_approved"] == 1
    assert api.ok(api.send("funding", "GET", f"/settlements/{s['id']}", "auditor"))["state"] == "approved"


# ---- versioned resources: If-Match ---------------------------------------------------------------------------------

def _school(api: Api) -> tuple[str, str, dict[str, Any]]:
    code = f"V{tag()}"
    api.ok(api.send("enrollment", "POST", "/schools", "bureau", public_school(code)), 201)
    resp = api.send("enrollment", "GET", f"/schools/{code}", "bureau")
    return f"/schools/{code}", resp.headers["etag"], resp.json()


def _draft_rulebook(api: Api) -> tuple[str, str, dict[str, Any]]:
    rid = f"RB-V{next(_tags)}"
    api.ok(api.send("points", "POST", "/rulebooks", "bureau", rulebook(rid, 2032)), 201)
    resp = api.send("points", "GET", f"/rulebooks/{rid}", "bureau")
    return f"/rulebooks/{rid}", resp.headers["etag"], resp.json()


def _tariff(api: Api) -> tuple[str, str]:
    t = tag()
    semester = f"2031-s{t}"
    api.ok(api.send("funding", "POST", "/semesters", "bureau",
                    {"code": semester, "starts_on": "2031-02-01", "ends_on": "2031-07-15"}), 201)
    path = f"/tariffs/T{t}/{semester}"
    resp = api.ok(api.send("funding", "PUT", path, "bureau",
                           {"operating_cost_per_pupil": "3000.00", "original_fee": "2800.00"}))
    return path, f'"v{resp["version"]}"'


def test_stale_if_match_is_412_and_changes_nothing(api):
    path, etag, school = _school(api)
    body = {k: v for k, v in public_school(path.rsplit("/", 1)[1]).items() if k != "code"}
    renamed = api.send("enrollment", "PUT", path, "bureau", {**body, "name": "改名一"}, headers={"If-Match": etag})
    assert renamed.status_code == 200 and renamed.headers["etag"] != etag
    stale = api.send("enrollment", "PUT", path, "bureau", {**body, "name": "改名二"}, headers={"If-Match": etag})
    assert stale.status_code == 412 and stale.json()["code"] == "precondition_failed"
    assert api.ok(api.send("enrollment", "GET", path, "bureau"))["name"] == "改名一"

    path, etag, book = _draft_rulebook(api)
    body = rulebook(path.rsplit("/", 1)[1], 2032)
    assert api.send("points", "PUT", path, "bureau", {**body, "name": "一"}, headers={"If-Match": etag}).status_code \
        == 200
    stale = api.send("points", "PUT", path, "bureau", {**body, "name": "二"}, headers={"If-Match": etag})
    assert stale.status_code == 412 and stale.json()["code"] == "precondition_failed"
    stale = api.send("points", "POST", f"{path}/publish", "bureau", headers={"If-Match": etag})
    assert stale.status_code == 412
    assert api.ok(api.send("points", "GET", path, "bureau"))["name"] == "一"

    ctx = _settlement_ready(api)
    s = ctx["settlement"]
    stale = api.send("funding", "POST", f"/settlements/{s['id']}/approve", "finance",
                     headers={"If-Match": f'"v{s["version"] + 5}"'})
    assert stale.status_code == 412 and stale.json()["code"] == "precondition_failed"
    assert api.ok(api.send("funding", "GET", f"/settlements/{s['id']}", "auditor"))["state"] == "draft"

    path, etag = _tariff(api)
    changed = api.send("funding", "PUT", path, "bureau", {"operating_cost_per_pupil": "3100.00",
                                                           "original_fee": "2800.00"}, headers={"If-Match": etag})
    assert changed.status_code == 200
    stale = api.send("funding", "PUT", path, "bureau", {"operating_cost_per_pupil": "3200.00",
                                                         "original_fee": "2800.00"}, headers={"If-Match": etag})
    assert stale.status_code == 412
    history = api.ok(api.send("funding", "GET", f"{path}/history", "auditor"))["items"]
    assert [t["after"]["operating_cost_per_pupil"] for t in history] == ["3000.00", "3100.00"]

    run = api.ok(api.send("enrollment", "POST", "/runs", "bureau", {"season": next(_seasons), "grade": 1,
                                                                    "seed": "etag"}), 201)
    stale = api.send("enrollment", "POST", f"/runs/{run['id']}/publish", "bureau", {"window_days": 5},
                     headers={"If-Match": f'"v{run["version"] + 1}"'})
    assert stale.status_code == 412
    assert api.ok(api.send("enrollment", "GET", f"/runs/{run['id']}", "bureau"))["state"] == "draft"


@pytest.mark.parametrize("resource", ["school", "rulebook", "tariff"])
def test_writers_racing_with_one_etag_make_one_change(api, resource, request):
    """10 writers with the same If-Match, all of whom read the row before any writes (held back by a lock until
    all are waiting): exactly one change is made, the others get 412 (or 409 ``concurrent_update``)."""
    if resource == "school":
        path, etag, _ = _school(api)
        code = path.rsplit("/", 1)[1]
        service, table, where = "enrollment", "schools", f"code = '{code}'"
        bodies = [{**{k: v for k, v in public_school(code).items() if k != "code"}, "name": f"学校{i}"}
                  for i in range(10)]
    elif resource == "rulebook":
        path, etag, _ = _draft_rulebook(api)
        rid = path.rsplit("/", 1)[1]
        service, table, where = "points", "rulebooks", f"id = '{rid}'"
        bodies = [{**rulebook(rid, 2032), "name": f"细则{i}"} for i in range(10)]
    else:
        path, etag = _tariff(api)
        _, _, school, semester = path.split("/")
        service, table, where = "funding", "tariffs", f"school_code = '{school}' AND semester_code = '{semester}'"
        bodies = [{"operating_cost_per_pupil": f"{3001 + i}.00", "original_fee": "2800.00"} for i in range(10)]
    answers = held_at_once(api, service, table, where,
                           lambda i: api.send(service, "PUT", path, "bureau", bodies[i], headers={"If-Match": etag}))
    codes = Counter(a.status_code for a in answers)
    assert codes[200] == 1 and codes[200] + codes[412] + codes[409] == len(answers), codes
    assert len({a.headers.get("etag") for a in answers if a.status_code == 200}) == 1
