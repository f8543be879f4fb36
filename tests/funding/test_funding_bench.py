"""``python -m bench.funding`` keeps working (it prints figures and asserts nothing, so a small run here is what
notices when it rots): settlements computed, stored and approved through the service, the ledger verified — on
SQLite and, with ``--postgres``, on a scratch PostgreSQL database."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from shared_kit import PG_BASE

REPO = Path(__file__).resolve().parents[2]


def test_funding_bench_runs_small(backend):
    extra = ["--postgres", PG_BASE] if backend == "postgres" else []
    out = subprocess.run([sys.executable, "-m", "bench.funding", "--schools", "3", "--seats", "200", "--ledger", "300",
                          *extra], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    name = "PostgreSQL" if backend == "postgres" else "SQLite"
    stored = re.search(rf"settle \(service, POST /settlements/run, {name}\): 3 schools, ([\d,]+) lines computed "
                       r"and ([\d,]+) stored", out.stdout)
    assert stored and stored.group(1) == stored.group(2) and int(stored.group(1).replace(",", "")) > 500, out.stdout
    assert f"approve (service, 3 × POST /settlements/{{id}}/approve, {name})" in out.stdout
    assert f"verify (service, GET /ledger/verify, {name}, incl. reconciliation): ok=True entries=300" in out.stdout
