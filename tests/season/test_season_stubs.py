"""Stub departments: against a fake queue (httpx.MockTransport) for batching, keys, faults and retries, and
against the real verification app for the contract."""

import threading
import time
from collections import Counter

import httpx
import pytest

from season_kit import FakeVerification, forward_to, requests_for
from tongcheng.api import Gateway
from tongcheng.cohort import generate
from tongcheng.registry import Registry, answer
from tongcheng.schools import bundled
from tongcheng.stubs import Faults, StubDepartment, StubPool


@pytest.fixture(scope="module")
def cohort():
    return generate(400, 5, district=bundled())


@pytest.fixture(scope="module")
def registry(cohort):
    return Registry.from_cohort(cohort)


def stub(fake: FakeVerification, department: str, registry: Registry, **kw) -> StubDepartment:
    gw = Gateway("http://gateway.test", f"tok-{department}", transport=httpx.MockTransport(fake.handler(department)))
    return StubDepartment(department, gw.verification, registry, season=2025, **kw)


@pytest.mark.parametrize("offset_cursor", [False, True])
def test_one_pass_answers_everything_from_the_registry_in_keyed_batches(cohort, registry, offset_cursor):
    fake = FakeVerification(requests_for(cohort), offset_cursor=offset_cursor)
    police = stub(fake, "police", registry, batch_size=100)
    stats = police.run_once()
    mine = [r for r in fake.requests if r["department"] == "police"]
    assert stats.answered == len(mine) == len(fake.answered) and not fake.pending("police")
    assert all(n <= 100 for _, n in fake.posts) and len(fake.posts) == -(-len(mine) // 100)
    assert len({key for key, _ in fake.posts}) == len(fake.posts)  # one key per distinct batch
    for r in mine:
        assert (fake.answered[r["id"]]["outcome"], fake.answered[r["id"]]["facts"]) == answer(registry, r)
    assert stats.outcomes["not_found"] > 0 and stats.outcomes["confirmed"] > stats.outcomes["not_found"]
    assert police.run_once().seen == 0 and police.last_empty_pass_started is not None


def test_planted_faults_come_in_the_requested_shares_and_repeat(cohort, registry):
    fake = FakeVerification(requests_for(cohort))
    faults = Faults(mismatch=0.2, not_found=0.1, falsified=0.05, seed=3)
    hrss = stub(fake, "hrss", registry, faults=faults)
    hrss.run_once()
    mine = [r for r in fake.requests if r["department"] == "hrss"]
    got = Counter(fake.answered[r["id"]]["outcome"] for r in mine)
    n = len(mine)
    assert 0.12 * n < got["mismatch"] < 0.28 * n
    assert 0.02 * n < got["falsified"] < 0.09 * n
    assert got["not_found"] > 0.05 * n
    again = stub(FakeVerification(requests_for(cohort)), "hrss", registry, faults=faults)
    assert [again.decide(r) for r in mine] == [hrss.decide(r) for r in mine]  # decided per request
    for r in mine:
        if fake.answered[r["id"]]["outcome"] == "mismatch":
            assert fake.answered[r["id"]]["facts"] is not None  # facts of record attached


def test_an_erring_department_leaves_requests_pending_and_answers_them_later(cohort, registry):
    fake = FakeVerification(requests_for(cohort))
    market = stub(fake, "market", registry, faults=Faults(error_rate=0.5, seed=1))
    first = market.run_once()
    assert 0 < first.failed < first.seen and len(fake.pending("market")) == first.failed
    for _ in range(30):
        if not fake.pending("market"):
            break
        market.run_once()
    assert not fake.pending("market")
    assert market.total.answered == len([r for r in fake.requests if r["department"] == "market"])


def test_a_5xx_on_post_is_retried_with_the_same_key(cohort, registry):
    fake = FakeVerification(requests_for(cohort), fail_posts=2)
    housing = stub(fake, "housing", registry)
    stats = housing.run_once()
    assert stats.answered == len([r for r in fake.requests if r["department"] == "housing"])
    keys = [key for key, _ in fake.posts]
    assert keys[0] == keys[1] == keys[2]  # two 503s, then the same batch with the same key


def test_a_slow_department_waits_before_each_batch(cohort, registry):
    fake = FakeVerification(requests_for(cohort))
    slow = stub(fake, "police", registry, faults=Faults(delay_s=0.05), batch_size=200)
    started = time.perf_counter()
    stats = slow.run_once()
    assert stats.batches >= 3 and time.perf_counter() - started >= 0.05 * stats.batches


def test_faults_refuse_impossible_shares():
    with pytest.raises(ValueError):
        Faults(mismatch=0.7, not_found=0.5)
    with pytest.raises(ValueError):
        Faults(error_rate=1.5)


def test_pool_runs_all_four_until_drained(cohort, registry):
    fake = FakeVerification(requests_for(cohort))
    pool = StubPool([stub(fake, d, registry) for d in ("police", "hrss", "housing", "market")], idle_s=0.05)
    moment = time.monotonic()
    with pool:
        deadline = time.monotonic() + 10
        while not pool.drained_since(moment) and time.monotonic() < deadline:
            time.sleep(0.02)
    assert pool.drained_since(moment) and not fake.pending()
    assert pool.answered() == len(fake.requests)
    assert not any(t.is_alive() for t in threading.enumerate() if t.name.startswith("stub-"))


# ---- against the real verification service ------------------------------------------------------------------

def test_stubs_answer_the_real_verification_service(cohort, registry, make_service, auth):
    app = make_service("verification")
    planted = cohort.planted("falsified") + cohort.planted("appeal_case")
    families = planted + [f for f in cohort.families[:120] if f not in planted]
    cases = [{"application_no": f"HY2025-{f.grade}-{i:06d}", "season": 2025, "grade": f.grade,
              "child_birth_date": f.child["birth_date"],
              "guardians": [{"guardian_no": g.guardian_no, "name": g.name, "id_number": g.id_number}
                            for g in f.guardians], "claims": f.claims} for i, f in enumerate(families, start=1)]
    made = app.post("/cases/batch", json={"items": cases}, headers={**auth("bureau"), "Idempotency-Key": "k1"})
    assert made.status_code == 200, made.text
    identities = {f"tok-{d}": auth("department", d) for d in ("police", "hrss", "housing", "market")}
    transport = forward_to(app, identities, "verification")
    stubs = {d: StubDepartment(d, Gateway("http://gw.test", f"tok-{d}", transport=transport).verification,
                               registry, season=2025, batch_size=50) for d in ("police", "hrss", "housing", "market")}
    for s in stubs.values():
        stats = s.run_once()
        assert stats.rejected == 0, stats.rejections
        assert stats.answered == stats.seen > 0
    outcomes = Counter()
    for case, fam in zip(cases, families):
        facts = app.get(f"/facts/{case['application_no']}", headers=auth("bureau")).json()
        for g in facts["guardians"]:
            assert g["pending"] == []
            for kind, result in g["results"].items():
                if result is not None:
                    outcomes[(kind, result["outcome"])] += 1
    assert outcomes[("residence_permit", "confirmed")] > 100 and outcomes[("housing", "confirmed")] > 50
    forged = cohort.planted("falsified")[0]
    assert outcomes[("housing", "falsified")] == len(forged.claims["housing"])  # each holder's claim of the forgery
    assert outcomes[("social_insurance", "not_found")] >= 1

    # review (复核): hrss corrects its not_found for the appeal case; the correction supersedes the first answer
    case_fam = next(f for f in families if "appeal_case" in f.notes)
    number = cases[families.index(case_fam)]["application_no"]
    first = app.get(f"/facts/{number}", headers=auth("bureau")).json()["guardians"][0]["results"]["social_insurance"]
    assert first["outcome"] == "not_found"
    corrected = stubs["hrss"].correct(first["request_id"])
    assert corrected["outcome"] == "confirmed" and corrected["supersedes"] == first["id"]
    now = app.get(f"/facts/{number}", headers=auth("bureau")).json()["guardians"][0]["results"]["social_insurance"]
    assert now["outcome"] == "confirmed" and now["facts"]["continuous_months"] == case_fam.guardians[0].insurance[
        "continuous_months"]
