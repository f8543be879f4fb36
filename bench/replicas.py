"""Replica figures (issue 14): ``python -m bench.replicas [--seconds S] [--clients C] [--postgres URL]``.

On fresh PostgreSQL databases (``tc_bench_*``, dropped afterwards) the suite runs as ``tongcheng up --replicas``
does (``tongcheng.suite.Suite``: processes of one service share its port through SO_REUSEPORT), with one gateway.
The same load is sent twice through the gateway, first with **one** process of points and of enrollment, then with
**two** of each: score reads (``GET /scores/{no}`` of a stored score) and application submits (``POST
/applications``, a distinct applicant and ``Idempotency-Key`` each, cases handed to verification through the
outbox). Printed per run: throughput, p50, p99, and the ratio two/one. This machine has 2 cores shared by the
client, the gateway and the services, so the ratio, not the rate, is the figure; ``uptime``'s load is printed
beside it. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

from bench.gateway import (Figures, _application_bodies, _load, _outbox, _seed_schools, _seed_score, _submits,
                           get_request)

SERVICES = ("points", "verification", "enrollment", "funding")


def _load_average() -> str:
    try:
        return Path("/proc/loadavg").read_text().split(" ", 3)[:3].__str__()
    except OSError:
        return "?"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.replicas", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="per run (default 5)")
    parser.add_argument("--clients", type=int, default=16, help="concurrent connections (default 16)")
    parser.add_argument("--postgres", default=os.environ.get("TONGCHENG_TEST_PG",
                                                             "postgresql://postgres@127.0.0.1:5432"))
    args = parser.parse_args([] if argv is None else argv)

    import psycopg

    from common.identity import IDENTITY_HEADER, Identity, mint
    from tongcheng.databases import ensure_databases
    from tongcheng.demo import free_ports
    from tongcheng.secrets import generate, read_secret
    from tongcheng.suite import Suite

    var = Path(tempfile.mkdtemp(prefix="tc-bench-replicas-"))
    tokens = generate(var)
    secret = read_secret(var)
    prefix = f"tc_bench_{uuid.uuid4().hex[:6]}_"
    urls = ensure_databases(args.postgres, list(SERVICES), prefix=prefix)
    suite = Suite(var=var, ports=free_ports(), database_urls=urls, replicas=2,
                  extra_env={"GATEWAY_RATE_PER_S": "1000000", "GATEWAY_RATE_BURST": "1000000",
                             "TONGCHENG_LOG_LEVEL": "WARNING"})

    def who(role: str, department: str | None = None) -> dict[str, str]:
        return {IDENTITY_HEADER: mint(secret, Identity(role=role, subject=f"bench-{department or role}",
                                                       department=department), 3600)}

    try:
        for name in SERVICES:  # one process of each service first; gateway: one
            suite.start(name, wait=False)
        for name in SERVICES:
            suite.wait_healthy(name)
        suite.start("gateway")
        no, why = _seed_score(suite.url("points"), suite.url("verification"), who)
        if no is None:
            raise RuntimeError(f"no score to read: {why}")
        _seed_schools(suite.url("enrollment"), who)
        port = suite.ports["gateway"]
        bearer = {"Authorization": f"Bearer {tokens['platform-taizhou']}"}
        per_run = int(args.seconds * 800) + 400
        bodies = _application_bodies(2 * per_run)
        print(f"replicas bench: {args.clients} clients, {args.seconds:g} s a run, through one gateway, PostgreSQL; "
              f"cpu count {os.cpu_count()}")
        figures: dict[tuple[int, str], Figures] = {}
        for n in (1, 2):
            if n == 2:
                for name in ("points-2", "enrollment-2"):
                    suite.start(name)
            print(f"-- {n} process(es) of points and of enrollment (load average {_load_average()})", flush=True)
            read = asyncio.run(_load(port, get_request(port, f"/api/points/scores/{no}", bearer),
                                     clients=args.clients, seconds=args.seconds, limit=10 ** 6,
                                     label=f"score reads, {n} points process(es)"))
            print(read.line(), flush=True)
            submit = asyncio.run(_load(port, _submits(port, "/api/enrollment/applications", bearer,
                                                      bodies[(n - 1) * per_run:n * per_run], f"r{n}"),
                                       clients=args.clients, seconds=args.seconds, limit=10 ** 6,
                                       label=f"submits, {n} enrollment process(es)"))
            print(submit.line(), flush=True)
            print(f"    outbox after the submits: {_outbox(suite.url('enrollment'), who, wait_s=30)}", flush=True)
            figures[(n, "read")], figures[(n, "submit")] = read, submit
        for kind in ("read", "submit"):
            one, two = figures[(1, kind)], figures[(2, kind)]
            print(f"{kind}: two processes / one = {two.rate / one.rate:.2f}× throughput "
                  f"({one.rate:.0f} → {two.rate:.0f}/s), p99 {one.pct(99):.1f} → {two.pct(99):.1f} ms")
    finally:
        suite.stop_all()
        with psycopg.connect(args.postgres.rstrip("/") + "/postgres", autocommit=True) as conn:
            for url in urls.values():
                conn.execute(f'DROP DATABASE IF EXISTS "{url.rsplit("/", 1)[1]}" WITH (FORCE)')
        shutil.rmtree(var, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
