"""Verification service figures (issue 3): `python -m bench.verification [cases] [--postgres]`.

In process (FastAPI TestClient, the whole stack but the socket), on a fresh SQLite file (or, with ``--postgres``,
a scratch database on ``TONGCHENG_TEST_PG``, default ``postgresql://postgres@127.0.0.1:5432``, dropped after):

1. ``POST /cases/batch``: register ``cases`` applications (default 10 000) in batches of 1 000, shaped like the
   season's cohort (three in four families with two guardians, every guardian claiming a home, one in five a
   business licence: ≈ 5.4 requests per case), each with an ``Idempotency-Key`` as enrollment's outbox sends it
   → median and worst seconds per batch of 1 000 cases;
2. ``POST /results/batch``: the four departments answer their queues in batches of 1 000 (first answers, mostly
   ``confirmed``, some ``mismatch`` / ``not_found``) → median and worst per batch of 1 000 results; then one batch
   of 1 000 corrections (answered requests answered again, each naming the result it supersedes);
3. the season's overlap: one thread registers another ``cases // 2`` applications while another posts results
   for the first ones → per-batch figures for both while they contend for the write lock;
4. the points service reads every CaseFacts in pages of 1 000 (``GET /facts``): time per page and SQL statements
   per page (two queries; SQLite also counts its ``BEGIN``), then a ``changed_after`` read after 100 corrections.

Targets (the task; printed, not asserted): a batch of 1 000 cases ≤ 1 s, a batch of 1 000 results ≤ 0.5 s.
"""

from __future__ import annotations

import os
import secrets
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import event

from bench import scratch_postgres
from common.identity import IDENTITY_HEADER, Identity, mint

ID_WEIGHTS = [pow(2, 17 - i, 11) for i in range(17)]
BATCH = 1000
CASE_TARGET_S, RESULT_TARGET_S = 1.0, 0.5
KIND_OF = {"police": "residence_permit", "hrss": "social_insurance", "housing": "housing",
           "market": "business_license"}
PERMIT = {"county_code": "331003", "status": "valid", "issued_on": "2020-05-01", "continuous_since": "2020-05-01",
          "township_code": "331003003"}
INSURANCE = {"county_code": "331003", "active_at_cutoff": True, "continuous_months": 30, "since": "2022-10-01"}
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def id_number(n: int, region: str = "331003") -> str:
    """A valid, synthetic ID number for the n-th guardian (births 1985–1998)."""
    body = f"{region}{date(1985, 1, 1) + timedelta(days=n % 5000):%Y%m%d}{n % 1000:03d}"
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, ID_WEIGHTS)) % 11]


def uscc(n: int) -> str:
    body = f"92331003MA2{n:06d}"
    return body + USCC_ALPHABET[(31 - sum(USCC_ALPHABET.index(c) * w for c, w in zip(body, USCC_WEIGHTS)) % 31) % 31]


def certificate(n: int) -> str:
    return f"浙(2021)黄岩区不动产权第{n:07d}号"


def case(n: int) -> dict:
    """The n-th application: two guardians unless n % 4 == 0; every guardian claims a home (owned jointly, 50 %
    each, for 3 in 5 families, else rented); guardian 1 claims a business licence for 1 in 5."""
    guardians = [{"guardian_no": 1, "name": "王建国", "id_number": id_number(n)}]
    if n % 4:
        guardians.append({"guardian_no": 2, "name": "李秀英", "id_number": id_number(n + 7, "330102")})
    owned = n % 5 < 3
    share = "100.00" if len(guardians) == 1 else "50.00"
    housing = [{"guardian_no": g["guardian_no"], "tenure": "owned", "certificate_no": certificate(n),
                "share_percent": share} if owned else
               {"guardian_no": g["guardian_no"], "tenure": "rented", "lease_no": f"HYZL-{n:06d}-{g['guardian_no']}"}
               for g in guardians]
    business = [{"guardian_no": 1, "uscc": uscc(n)}] if n % 5 == 4 else []
    return {"application_no": f"HY2025-1-{n:06d}", "season": 2025, "grade": 1, "child_birth_date": "2019-03-01",
            "guardians": guardians, "claims": {"housing": housing, "business_license": business}}


def answer(request: dict) -> dict:
    """A department's answer from the claim: confirmed, one in 10 a mismatch, one in 20 not_found."""
    rid, kind, claim = request["id"], request["kind"], request["claim"]
    if rid % 20 == 7:
        return {"request_id": rid, "outcome": "not_found", "facts": None}
    if kind == "residence_permit":
        facts = PERMIT
    elif kind == "social_insurance":
        facts = INSURANCE
    elif kind == "housing":
        facts = ({"tenure": "owned", "certificate_no": claim["certificate_no"], "share_percent":
                  claim["share_percent"], "acquired_on": "2021-07-01", "county_code": "331003",
                  "township_code": "331003003"} if claim["tenure"] == "owned" else
                 {"tenure": "rented", "lease_no": claim["lease_no"], "registered_on": "2023-02-01",
                  "county_code": "331003", "township_code": "331003003"})
    else:
        facts = {"uscc": claim["uscc"], "entity_type": "individual", "county_code": "331003", "status": "active",
                 "established_on": "2019-01-10", "holder_is_guardian": True}
    if rid % 10 == 3:
        if kind == "social_insurance":
            return {"request_id": rid, "outcome": "mismatch", "facts": {**facts, "continuous_months": 6}}
        return {"request_id": rid, "outcome": "mismatch", "facts": {**facts, "county_code": "331002",
                                                                    **({"township_code": None}
                                                                       if "township_code" in facts else {})}}
    return {"request_id": rid, "outcome": "confirmed", "facts": facts}


@contextmanager
def scratch_database(postgres: bool, tmp: Path) -> Iterator[str]:
    if not postgres:
        yield f"sqlite:///{tmp / 'bench.db'}"
        return
    with scratch_postgres(os.environ.get("TONGCHENG_TEST_PG", "postgresql://postgres@127.0.0.1:5432"),
                          "verification") as url:
        yield url


def figures(times: list[float], target: float) -> str:
    if not times:
        return f"no batch timed (fewer items than one batch)  [target ≤ {target:g} s: not measured]"
    verdict = "ok" if max(times) <= target else ("median ok" if statistics.median(times) <= target else "MISSED")
    return (f"median {statistics.median(times):.3f} s, worst {max(times):.3f} s, best {min(times):.3f} s "
            f"over {len(times)} batch(es)  [target ≤ {target:g} s: {verdict}]")


class Bench:
    def __init__(self, client: TestClient, secret: str):
        self.client, self.secret = client, secret
        self.answered: dict[str, list[int]] = {dept: [] for dept in KIND_OF}

    def who(self, role: str, department: str | None = None, subject: str = "bench", **extra: str) -> dict[str, str]:
        return {IDENTITY_HEADER: mint(self.secret, Identity(role=role, subject=subject, department=department)),
                **extra}

    def register(self, start: int, stop: int) -> list[float]:
        """Register cases ``start`` … ``stop - 1`` in batches of 1 000 → seconds per batch."""
        times = []
        for first in range(start, stop, BATCH):
            items = [case(n) for n in range(first, min(stop, first + BATCH))]
            started = time.perf_counter()
            resp = self.client.post("/cases/batch", json={"items": items},  # keyed, as enrollment's outbox posts
                                    headers=self.who("service", subject="enrollment",
                                                     **{"Idempotency-Key": f"cases-{first}-{stop}"}))
            times.append(time.perf_counter() - started)
            assert resp.status_code == 200 and resp.json()["created"] == len(items), resp.text[:300]
        return times

    def queue(self, department: str) -> list[dict]:
        return self.client.get("/queue", params={"limit": BATCH},
                               headers=self.who("department", department)).json()["items"]

    def post_results(self, department: str, items: list[dict], key: str) -> float:
        started = time.perf_counter()
        resp = self.client.post("/results/batch", json={"items": items},
                                headers=self.who("department", department, **{"Idempotency-Key": key}))
        took = time.perf_counter() - started
        assert resp.status_code == 200 and resp.json()["stored"] == len(items), resp.text[:300]
        return took

    def answer_all(self, stop: threading.Event | None = None) -> list[float]:
        """Each department answers its queue head in batches of 1 000 until every queue is empty and ``stop`` (if
        given) is set → seconds per full batch (smaller tail batches are not counted)."""
        times: list[float] = []
        while True:
            progressed = False
            for dept in KIND_OF:
                if not (pending := self.queue(dept)):
                    continue
                took = self.post_results(dept, [answer(r) for r in pending], uuid.uuid4().hex)
                if len(pending) == BATCH:
                    times.append(took)
                self.answered[dept] += [r["id"] for r in pending]
                progressed = True
            if not progressed and (stop is None or stop.is_set()):
                return times
            if not progressed:
                time.sleep(0.05)


def main(count: int = 10_000, postgres: bool = False) -> None:
    """Print the figures for ``count`` cases (a multiple of 1 000 gives full batches)."""
    from verification.config import Settings
    from verification.main import create_app

    secret = secrets.token_hex(32)
    with tempfile.TemporaryDirectory() as tmp, scratch_database(postgres, Path(tmp)) as url:
        settings = Settings(internal_secret=secret, database_url=url, data_dir=Path(tmp), log_level="WARNING")
        with TestClient(create_app(settings)) as client:
            bench = Bench(client, secret)
            backend = client.app.state.db.backend
            print(f"verification on {backend}, {count:,} cases")

            started = time.perf_counter()
            case_times = bench.register(0, count)
            print(f"1. POST /cases/batch of 1,000 cases (≈ 5,400 requests): {figures(case_times, CASE_TARGET_S)}; "
                  f"{count:,} cases in {time.perf_counter() - started:.1f} s")

            started = time.perf_counter()
            result_times = bench.answer_all()
            total = sum(len(ids) for ids in bench.answered.values())
            print(f"2. POST /results/batch of 1,000 first answers: {figures(result_times, RESULT_TARGET_S)}; "
                  f"{total:,} requests answered in {time.perf_counter() - started:.1f} s")
            police = bench.answered["police"][:BATCH]
            corrections = [{"request_id": rid, "outcome": "mismatch", "facts": {**PERMIT, "status": "suspended"},
                            "note": "endorsement missed (签注)"} for rid in police]
            print(f"   POST /results/batch of {len(police):,} corrections: "
                  f"{bench.post_results('police', corrections, 'bench-corrections'):.3f} s")

            stop = threading.Event()
            overlap_cases: list[float] = []

            def register_more() -> None:
                try:
                    overlap_cases.extend(bench.register(count, count + count // 2))
                finally:
                    stop.set()

            registrar = threading.Thread(target=register_more)
            registrar.start()
            overlap_results = bench.answer_all(stop)
            registrar.join()
            print(f"3. while {count // 2:,} more cases arrive: cases/batch {figures(overlap_cases, CASE_TARGET_S)}")
            if overlap_results:
                print(f"   meanwhile results/batch {figures(overlap_results, RESULT_TARGET_S)}")

            statements: list[int] = []
            event.listen(client.app.state.db.engine, "before_cursor_execute", lambda *a: statements.append(1))
            pages, times, fetched, cursor, per_page = 0, [], 0, None, 0
            while True:
                before = len(statements)
                started = time.perf_counter()
                resp = client.get("/facts", params={"season": 2025, "grade": 1, "limit": 1000,
                                                    **({"cursor": cursor} if cursor else {})},
                                  headers=bench.who("service", subject="points"))
                times.append(time.perf_counter() - started)
                page = resp.json()
                fetched += len(page["items"])
                pages += 1
                per_page = len(statements) - before
                if not (cursor := page["next_cursor"]):
                    break
            print(f"4. GET /facts, {fetched:,} CaseFacts in {pages} pages of {BATCH}: total {sum(times):.2f} s, "
                  f"median {statistics.median(times) * 1000:.0f} ms per page, {per_page} SQL statements per page")

            last_seq = max(item["seq"] for item in page["items"]) if page["items"] else 0
            more = bench.answered["hrss"][:100]
            bench.post_results("hrss", [{"request_id": rid, "outcome": "not_found", "facts": None} for rid in more],
                               "bench-hrss")
            started = time.perf_counter()
            changed = client.get("/facts", params={"changed_after": last_seq, "limit": 1000},
                                 headers=bench.who("service", subject="points")).json()["items"]
            print(f"   changed_after={last_seq} after {len(more)} corrections: {len(changed)} case(s) in "
                  f"{(time.perf_counter() - started) * 1000:.0f} ms")
            for what, times, target in (("/cases/batch of 1,000 cases", case_times, CASE_TARGET_S),
                                        ("/results/batch of 1,000 results", result_times, RESULT_TARGET_S)):
                if not times:
                    continue
                print(f"SUMMARY ({backend}) POST {what}: median {statistics.median(times):.2f} s, "
                      f"worst {max(times):.2f} s  (target ≤ {target:g} s)")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(int(args[0]) if args else 10_000, postgres="--postgres" in sys.argv[1:])
