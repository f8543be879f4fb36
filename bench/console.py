"""The staff console's page times with a 20,000-application season loaded (issue 12): ``python -m bench.console
[size]`` (default 20000; ``BENCH_CONSOLE_SIZE``).

Plays the demo season of that size into a scratch var folder (SQLite), starts the suite again with the console
(``tongcheng up``'s shape: services, console, gateway on free ports), signs in each demo account through the
gateway's ``/console/`` like a browser (form, CSRF token, session cookie) and asks each role's main pages 20 times
after one warm-up, one at a time. Prints p50 / p95 / max of the time from request to the last byte, as the browser
sees it through the gateway (the page's server time: the console and every API call behind it). Target (not
asserted): p95 ≤ 300 ms per page.
"""

from __future__ import annotations

import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx
from rich.console import Console

from tongcheng.demo import free_ports, run_demo
from tongcheng.staff import ensure_demo_staff
from tongcheng.suite import Suite

TARGET_MS = 300.0
ROUNDS = 20
PAGES = {
    "bureau": ["/console/bureau", "/console/bureau/runs", "/console/bureau/runs/{run}",
               "/console/bureau/runs/{run}/publish", "/console/bureau/reports", "/console/bureau/schools",
               "/console/history?resource=school&school_code={school}",
               "/console/rolls?school_code={private}&semester=2025-autumn"],
    "police": ["/console/clerk/queue"],
    "finance": ["/console/finance/settlements?semester=2025-autumn", "/console/finance/settlements/{settlement}",
                "/console/finance/budget"],
    "auditor": ["/console/auditor/ledger", "/console/auditor/ledger?verify=1", "/console/auditor/exports",
                "/console/auditor/history?application_no={pupil}",
                "/console/auditor/history?settlement_id={settlement}"],
}


def sign_in(client: httpx.Client, username: str, password: str) -> None:
    form = client.get("/console/sign-in")
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    answer = client.post("/console/sign-in", data={"username": username, "password": password, "csrf": csrf})
    if answer.status_code != 303:
        raise RuntimeError(f"sign-in as {username} answered {answer.status_code}")


def main(argv: list[str] | None = None) -> None:
    size = int((argv or [None])[0] or os.environ.get("BENCH_CONSOLE_SIZE", "20000"))
    with tempfile.TemporaryDirectory(prefix="tc-bench-console-") as tmp:
        var = Path(tmp)
        started = time.perf_counter()
        run_demo(size, 7, var=var, ports=free_ports(), console=Console(stderr=True), quiet=True)
        print(f"season of {size:,} applications played in {time.perf_counter() - started:.1f} s")
        accounts = ensure_demo_staff(var)
        passwords = {line.split()[0]: line.split()[-1] for line in accounts.read_text().splitlines()[1:]}
        suite = Suite(var=var, ports=free_ports(), console=True, extra_env={"TONGCHENG_LOG_LEVEL": "WARNING"})
        try:
            suite.start_all()
            measure(suite.url(), passwords)
        finally:
            suite.stop_all()


def measure(base: str, passwords: dict[str, str]) -> None:

    ids: dict[str, str] = {}
    for role, paths in PAGES.items():
        with httpx.Client(base_url=base, timeout=120, follow_redirects=False) as client:
            sign_in(client, role, passwords[role])
            if role == "bureau":
                page = client.get("/console/bureau/runs").text
                ids["run"] = re.search(r'/console/bureau/runs/(\d+)"', page).group(1)
                page = client.get("/console/bureau/schools").text
                ids["school"] = re.search(r'resource=school&amp;school_code=(\w+)"', page).group(1)
                page = client.get("/console/rolls").text  # the private schools to choose from, by code
                ids["private"] = re.search(r'<option value="(\w+)">', page).group(1)
            if role == "finance":
                page = client.get(PAGES["finance"][0]).text
                ids["settlement"] = re.search(r'/console/finance/settlements/(\d+)"', page).group(1)
                detail = client.get(f"/console/finance/settlements/{ids['settlement']}").text
                ids["pupil"] = re.search(r"<td>(HY\d{4}-\d-\d+)</td>", detail).group(1)
            for path in paths:
                url = path.format(**ids)
                assert client.get(url).status_code == 200, url  # warm-up, and the page answers
                times = []
                for _ in range(ROUNDS):
                    t = time.perf_counter()
                    answer = client.get(url)
                    answer.read()
                    times.append((time.perf_counter() - t) * 1000)
                    assert answer.status_code == 200, (url, answer.status_code)
                times.sort()
                p95 = times[int(0.95 * (len(times) - 1) + 0.5)]
                verdict = "met" if p95 <= TARGET_MS else "MISSED"
                print(f"  {role:<8} {url:<58} p50 {statistics.median(times):6.1f} ms  p95 {p95:6.1f} ms  "
                      f"max {times[-1]:6.1f} ms  ({verdict} ≤ {TARGET_MS:.0f} ms)")


if __name__ == "__main__":
    main(sys.argv[1:])
