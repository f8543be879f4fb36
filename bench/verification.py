"""Verification service figures (issue 3): `python -m bench.verification [cases]`.

On a fresh SQLite file, in process (FastAPI TestClient, the whole stack but the socket):
1. register `cases` applications (default 10 000, one guardian with an owned-home claim: 3 requests each) with
   ``POST /cases/batch`` in batches of 1 000;
2. the police post 10 batches of 1 000 results (``POST /results/batch``): wall time per batch;
3. the points service reads 10 000 CaseFacts in pages of 1 000 (``GET /facts``): wall time per page, and the
   SQL statements per page (two are expected: the cases, then their requests joined to current results);
4. the same read with ``changed_after`` set after one more small batch: only the changed cases come back.
Targets (the task, not asserted here): seconds, not minutes, for 6 000 applications' answers.
"""

from __future__ import annotations

import secrets
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import event

from common.identity import IDENTITY_HEADER, Identity, mint

ID_WEIGHTS = [pow(2, 17 - i, 11) for i in range(17)]
BATCH = 1000
PERMIT = {"county_code": "331003", "status": "valid", "issued_on": "2020-05-01", "continuous_since": "2020-05-01",
          "township_code": "331003003"}


def id_number(n: int) -> str:
    """A valid, synthetic ID number issued in Huangyan for the n-th guardian (births 1995–2004)."""
    body = f"331003{date(1995, 1, 1) + timedelta(days=n % 3650):%Y%m%d}{n % 1000:03d}"
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, ID_WEIGHTS)) % 11]


def case(n: int) -> dict:
    return {"application_no": f"HY2025-1-{n:06d}", "season": 2025, "grade": 1, "child_birth_date": "2019-03-01",
            "guardians": [{"guardian_no": 1, "name": "王建国", "id_number": id_number(n)}],
            "claims": {"housing": [{"guardian_no": 1, "tenure": "owned", "share_percent": "100.00",
                                    "certificate_no": f"浙(2021)黄岩区不动产权第{n:07d}号"}]}}


def main(count: int = 10_000) -> None:
    """Print the figures for ``count`` registered cases (at least 10 000 for the full 10 batches of results)."""
    from verification.config import Settings
    from verification.main import create_app

    secret = secrets.token_hex(32)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(internal_secret=secret, database_url=f"sqlite:///{Path(tmp) / 'bench.db'}",
                            data_dir=Path(tmp), log_level="WARNING")

        def who(role: str, department: str | None = None, subject: str = "bench") -> dict[str, str]:
            return {IDENTITY_HEADER: mint(secret, Identity(role=role, subject=subject, department=department))}

        with TestClient(create_app(settings)) as client:
            t0 = time.perf_counter()
            for start in range(0, count, BATCH):
                items = [case(n) for n in range(start, min(count, start + BATCH))]
                resp = client.post("/cases/batch", json={"items": items}, headers=who("service", subject="enrollment"))
                assert resp.status_code == 200, resp.text
            print(f"register {count} cases ({count * 3} requests) in batches of {BATCH}: "
                  f"{time.perf_counter() - t0:.2f} s")

            ids: list[int] = []
            cursor = None
            while len(ids) < 10 * BATCH:
                page = client.get("/queue", params={"limit": 1000, **({"cursor": cursor} if cursor else {})},
                                  headers=who("department", "police")).json()
                ids += [item["id"] for item in page["items"]]
                if not (cursor := page["next_cursor"]):
                    break
            times = []
            for b in range(0, len(ids), BATCH):
                body = {"items": [{"request_id": rid, "outcome": "confirmed", "facts": PERMIT}
                                  for rid in ids[b:b + BATCH]]}
                started = time.perf_counter()
                resp = client.post("/results/batch", json=body,
                                   headers={**who("department", "police"), "Idempotency-Key": f"bench-{b}"})
                times.append(time.perf_counter() - started)
                assert resp.status_code == 200 and resp.json()["stored"] == len(body["items"]), resp.text[:300]
            print(f"post {len(times)} batches of {BATCH} results: total {sum(times):.2f} s, "
                  f"median {statistics.median(times) * 1000:.0f} ms, worst {max(times) * 1000:.0f} ms per batch")

            statements = []
            event.listen(client.app.state.db.engine, "before_cursor_execute",
                         lambda *a: statements.append(1))
            pages, times, fetched, cursor = 0, [], 0, None
            while fetched < 10 * BATCH:
                before = len(statements)
                started = time.perf_counter()
                resp = client.get("/facts", params={"season": 2025, "grade": 1, "limit": 1000,
                                                    **({"cursor": cursor} if cursor else {})},
                                  headers=who("service", subject="points"))
                times.append(time.perf_counter() - started)
                page = resp.json()
                fetched += len(page["items"])
                pages += 1
                per_page = len(statements) - before
                if not (cursor := page["next_cursor"]):
                    break
            print(f"fetch {fetched} CaseFacts in {pages} pages of {BATCH}: total {sum(times):.2f} s, "
                  f"median {statistics.median(times) * 1000:.0f} ms per page, {per_page} SQL statements per page")

            last_seq = max(item["seq"] for item in page["items"]) if page["items"] else 0
            more = client.get("/queue", params={"limit": 100}, headers=who("department", "hrss")).json()["items"]
            client.post("/results/batch", headers={**who("department", "hrss"), "Idempotency-Key": "bench-hrss"},
                        json={"items": [{"request_id": r["id"], "outcome": "not_found", "facts": None} for r in more]})
            started = time.perf_counter()
            changed = client.get("/facts", params={"changed_after": last_seq, "limit": 1000},
                                 headers=who("service", subject="points")).json()["items"]
            print(f"changed_after={last_seq} after {len(more)} more answers: {len(changed)} case(s) in "
                  f"{(time.perf_counter() - started) * 1000:.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
