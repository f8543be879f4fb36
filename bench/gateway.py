"""Gateway load figures (issue 2): ``python -m bench.gateway [--seconds S] [--requests N] [--clients C]``.

Starts, on free 127.0.0.1 ports and a scratch folder, real uvicorn processes (uvloop + httptools, one worker each,
as ``make up`` runs them):
(a) a minimal FastAPI endpoint (``GET /ping`` → ``{"ok": true}``): the floor of this machine and stack;
(b) the points service read directly with an identity header (``X-Tongcheng-Identity``, role ``platform``);
(c) the same read through the gateway with a bearer credential — so the gateway's added median is on record;
(d) the minimal endpoint through the gateway: the gateway's own cost without the service's;
(e) submitting an application to the enrollment service directly, and (f) the same through the gateway (issue 8):
``POST /applications`` with the platform's identity or credential, a unique ``Idempotency-Key`` and a distinct,
valid applicant per request (families of :func:`tongcheng.cohort.generate` choosing among the bundled district's
schools, which the bench creates first as the bureau). Each submit also queues the case for verification
(enrollment's outbox, delivered by its dispatcher thread in batches to the real verification service); a submit
run's CPU figures are read once the outbox is empty again, so they include that hand-over.
Each run sends from ``C`` (default 16) concurrent keep-alive connections, bounded by ``S`` seconds (default 5)
and ``N`` requests (default 20 000), whichever ends first, after a short warm-up, to 127.0.0.1 only. The client is
a minimal HTTP/1.1 keep-alive client on asyncio streams (much cheaper than httpx per request, so the 2 cores go
to the servers), in this process; ``wrk`` is used instead when it is installed and ``--wrk`` is given.

The read is ``GET /scores/{application_no}`` of a score the bench stores first (a case registered with the
verification service, its requests answered as the police and HR&SS, then ``POST /scores/{no}`` on points); when
that cannot be done yet it falls back to ``GET /rulebooks`` (identity, role check, a database read) and says so.

Each run also prints the CPU milliseconds each process spent per request (from /proc): unlike throughput and
latency, that figure hardly depends on what else the 2 cores are doing. Targets (issues 2 and 8): ≥ 600 score
reads/s with p99 ≤ 60 ms through the gateway; the gateway adds ≤ 5 ms to the median. Issue 15's targets are ratios
to (a) in the same run (:func:`issue15_targets`, printed last with the load average). Nothing is asserted; the
figures are printed. The whole command takes 30–40 s.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH_TOKEN_SUBJECT = "platform-bench"


def create_minimal_app():
    """(a): the smallest FastAPI app, the floor every figure is compared with."""
    from fastapi import FastAPI

    app = FastAPI()

    @app.get("/ping")
    async def ping() -> dict:
        return {"ok": True}

    @app.get("/health")
    async def health() -> dict:
        return {"status": "ok"}

    return app


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Process:
    name: str
    port: int
    proc: subprocess.Popen
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def start(name: str, target: str, env: dict[str, str], workdir: Path) -> Process:
    """Start ``uvicorn --factory target`` and wait until ``GET /health`` answers 200 (60 s at most)."""
    import httpx

    port = _free_port()
    log = workdir / f"{name}.log"
    cmd = [sys.executable, "-m", "uvicorn", "--factory", target, "--host", "127.0.0.1", "--port", str(port),
           "--no-access-log", "--log-level", "warning"]
    proc = subprocess.Popen(cmd, env=env, cwd=REPO, stdout=log.open("ab"), stderr=subprocess.STDOUT,
                            start_new_session=True)
    process = Process(name, port, proc, log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{name} exited with {proc.returncode}:\n{log.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(process.url + "/health", timeout=1.0).status_code == 200:
                return process
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    stop(process)
    raise RuntimeError(f"{name} did not become healthy in 60 s")


def cpu_seconds(process: Process) -> float:
    """User + system CPU the process has used so far (Linux /proc), 0.0 where that cannot be read."""
    try:
        fields = Path(f"/proc/{process.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def stop(process: Process) -> None:
    if process.proc.poll() is None:
        process.proc.terminate()
        try:
            process.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.proc.kill()
            process.proc.wait()


# ------------------------------------------------------------------------------------------------------------------
# The load: C keep-alive connections, each sending the same request in a loop


@dataclass
class Figures:
    label: str
    requests: int
    errors: int
    seconds: float
    latencies_ms: list[float]
    statuses: dict[int, int]
    warmup: int = 0  # requests sent before the measured ones (they cost CPU too)
    note: str = ""

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def pct(self, p: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

    def line(self) -> str:
        return (f"{self.label:<44} {self.rate:8.0f} req/s  p50 {self.pct(50):6.2f} ms  p99 {self.pct(99):6.2f} ms  "
                f"max {max(self.latencies_ms, default=0):6.1f} ms  n={self.requests} errors={self.errors} "
                f"statuses={dict(sorted(self.statuses.items()))}" + (f" ({self.note})" if self.note else ""))


async def _read_response(reader: asyncio.StreamReader) -> int:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = 0
    chunked = False
    for line in head.split(b"\r\n")[1:]:
        lower = line.lower()
        if lower.startswith(b"content-length:"):
            length = int(line.split(b":", 1)[1])
        elif lower.startswith(b"transfer-encoding:") and b"chunked" in lower:
            chunked = True
    if chunked:
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif length:
        await reader.readexactly(length)
    return status


def get_request(port: int, path: str, headers: dict[str, str]) -> bytes:
    """The bytes of one HTTP/1.1 keep-alive ``GET``."""
    return (f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            + "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n").encode()


def post_request(port: int, path: str, headers: dict[str, str], body: bytes) -> bytes:
    """The bytes of one HTTP/1.1 keep-alive ``POST`` of a JSON ``body``."""
    head = {**headers, "Content-Type": "application/json", "Content-Length": str(len(body))}
    return (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
            + "".join(f"{k}: {v}\r\n" for k, v in head.items()) + "\r\n").encode() + body


async def _load(port: int, requests: bytes | Iterator[bytes], *, clients: int, seconds: float, limit: int,
                label: str) -> Figures:
    """Send ``requests`` (one request sent again and again, or a supply of distinct ones that ends the run when it
    runs out) from ``clients`` connections: a warm-up of ≤ 400 requests or 1 s, then ≤ ``limit`` or ``seconds``."""
    supply = None if isinstance(requests, bytes) else iter(requests)
    ran_out = False
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    errors = 0
    sent = 0
    deadline = 0.0

    async def worker() -> None:
        nonlocal sent, errors, ran_out
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while sent < limit and time.perf_counter() < deadline:
                request = requests if supply is None else next(supply, None)
                if request is None:
                    ran_out = True
                    break
                sent += 1
                t0 = time.perf_counter()
                writer.write(request)
                try:
                    status = await _read_response(reader)
                except (asyncio.IncompleteReadError, ConnectionError):
                    errors += 1
                    writer.close()
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                    continue
                latencies.append((time.perf_counter() - t0) * 1000)
                statuses[status] = statuses.get(status, 0) + 1
                if status >= 400:
                    errors += 1
        finally:
            writer.close()

    # warm-up: a few hundred requests that are not counted
    deadline = time.perf_counter() + 1.0
    saved_limit, limit = limit, min(400, limit)
    await asyncio.gather(*(worker() for _ in range(clients)))
    warmup = sent
    latencies.clear(), statuses.clear()
    errors, sent, limit = 0, 0, saved_limit
    started = time.perf_counter()
    deadline = started + seconds
    await asyncio.gather(*(worker() for _ in range(clients)))
    return Figures(label, len(latencies), errors, time.perf_counter() - started, latencies, statuses, warmup,
                   "ran out of prepared requests" if ran_out else "")


def _wrk(url: str, headers: dict[str, str], *, clients: int, seconds: float, label: str) -> str:
    cmd = ["wrk", "-t1", f"-c{clients}", f"-d{max(1, int(seconds))}s", "--latency"]
    for k, v in headers.items():
        cmd += ["-H", f"{k}: {v}"]
    out = subprocess.run(cmd + [url], capture_output=True, text=True, timeout=seconds + 30).stdout
    return f"{label} (wrk)\n{out}"


# ------------------------------------------------------------------------------------------------------------------


def _id_number(first17: str) -> str:
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights)) % 11]


def _seed_score(points_url: str, verification_url: str, who) -> tuple[str | None, str]:
    """Store one real score: register a case with verification, answer its requests as the police and HR&SS
    departments, score it with the points service. Returns ``(application_no, "")`` or ``(None, why not)``."""
    import httpx

    no = "HY2025-1-900001"
    case = {"application_no": no, "season": 2025, "grade": 1, "child_birth_date": "2019-03-01",
            "guardians": [{"guardian_no": 1, "name": "王建国", "id_number": _id_number("33100319880101203")}]}
    facts = {"residence_permit": ("police", {"county_code": "331003", "status": "valid", "issued_on": "2019-05-01",
                                             "continuous_since": "2019-05-01", "township_code": "331003001"}),
             "social_insurance": ("hrss", {"county_code": "331003", "active_at_cutoff": True,
                                           "continuous_months": 40, "since": "2021-12-01"})}
    try:
        resp = httpx.post(verification_url + "/cases", json=case, headers=who("bureau"), timeout=10)
        if resp.status_code not in (200, 201):
            return None, f"verification POST /cases answered {resp.status_code}"
        for req in resp.json()["requests"]:
            department, answer = facts[req["kind"]]
            headers = {**who("department", department), "Idempotency-Key": f"bench-{req['id']}"}
            posted = httpx.post(f"{verification_url}/requests/{req['id']}/results", headers=headers, timeout=10,
                                json={"outcome": "confirmed", "facts": answer})
            if posted.status_code not in (200, 201):
                return None, f"verification POST /requests/{{id}}/results answered {posted.status_code}"
        scored = httpx.post(f"{points_url}/scores/{no}", headers=who("bureau"), timeout=30)
        if scored.status_code not in (200, 201):
            return None, f"points POST /scores/{{no}} answered {scored.status_code}: {scored.text[:200]}"
        if httpx.get(f"{points_url}/scores/{no}", headers=who("platform"), timeout=10).status_code != 200:
            return None, "points GET /scores/{no} did not find the stored score"
    except (httpx.HTTPError, KeyError, ValueError) as exc:
        return None, f"seeding failed ({exc.__class__.__name__}: {exc})"
    return no, ""


def _choose_read(points_url: str, verification_url: str, who) -> tuple[str, str]:
    """The read to measure: a stored score (``GET /scores/{no}``) when it can be seeded, else ``GET /rulebooks``."""
    import httpx

    no, why = _seed_score(points_url, verification_url, who)
    if no:
        return f"/scores/{no}", f"GET /scores/{no} (a stored score: 1 guardian, E1–E4 met)"
    resp = httpx.get(points_url + "/rulebooks", headers=who("platform"), timeout=5)
    if resp.status_code != 200:
        raise RuntimeError(f"points GET /rulebooks answered {resp.status_code}: {resp.text[:300]}")
    return "/rulebooks", f"GET /rulebooks, not a score read: no stored score could be seeded ({why})"


SUBMITS_PER_SECOND_CAP = 800  # applicants prepared per run and second: well above what one enrollment worker takes


def _seed_schools(enrollment_url: str, who) -> int:
    """Create the bundled district's schools in enrollment as the bureau (choices must name known schools);
    returns how many. Seats and plans are not needed to submit."""
    import httpx

    from tongcheng.schools import bundled

    schools = bundled().schools
    with httpx.Client(base_url=enrollment_url, headers=who("bureau"), timeout=10) as http:
        for school in schools:
            resp = http.post("/schools", json=school.body())
            if resp.status_code != 201:
                raise RuntimeError(f"enrollment POST /schools answered {resp.status_code}: {resp.text[:300]}")
    return len(schools)


def _application_bodies(count: int) -> list[bytes]:
    """``count`` valid applications of distinct children (season 2025, grades 1 and 7, one or two guardians,
    choices among the bundled district's schools), as JSON bodies of ``POST /applications``."""
    from tongcheng.cohort import generate
    from tongcheng.schools import bundled

    families = generate(count, seed=8, district=bundled()).families
    return [json.dumps(f.application(), ensure_ascii=False).encode() for f in families]


def _submits(port: int, path: str, headers: dict[str, str], bodies: list[bytes], run: str) -> Iterator[bytes]:
    """One ``POST`` per body, each with its own ``Idempotency-Key``."""
    for i, body in enumerate(bodies):
        yield post_request(port, path, {**headers, "Idempotency-Key": f"bench-{run}-{i}"}, body)


def _outbox(enrollment_url: str, who, *, wait_s: float = 10.0) -> str:
    """Enrollment's outbox once its dispatcher has handed every queued case to verification (≤ ``wait_s``), as
    ``delivered N, pending N, failing N``."""
    import httpx

    deadline = time.monotonic() + wait_s
    while True:
        state = httpx.get(enrollment_url + "/outbox", headers=who("bureau"), timeout=10).json()
        if not state.get("pending") or time.monotonic() > deadline:
            return (f"delivered {state.get('delivered')}, pending {state.get('pending')}, "
                    f"failing {state.get('failing')}" + (f", last error {state['last_error']}"
                                                         if state.get("last_error") else ""))
        time.sleep(0.2)


def issue15_targets(results: dict[str, Figures], cpus: dict[str, dict[str, float]]) -> str:
    """The figures of issue 15, as ratios to the minimal endpoint's rate in the same run (the machine is shared):
    score reads via the gateway ≥ 25 % of (a), p99 ≤ 30 ms, points CPU ≤ 0.35 ms a read; submits via the gateway
    ≥ 4 % of (a), p99 ≤ 100 ms, enrollment CPU ≤ 2 ms a submit (the outbox hand-over included)."""
    floor, read, submit = results["(a)"].rate, results["(c)"], results["(f)"]
    checks = [(f"read (c)/(a) {read.rate / floor:.1%} ≥ 25 %", read.rate >= 0.25 * floor),
              (f"p99 {read.pct(99):.1f} ms ≤ 30", read.pct(99) <= 30),
              (f"points CPU {cpus['(c)'].get('points', 0):.2f} ms ≤ 0.35", cpus["(c)"].get("points", 0) <= 0.35),
              (f"submit (f)/(a) {submit.rate / floor:.1%} ≥ 4 %", submit.rate >= 0.04 * floor),
              (f"p99 {submit.pct(99):.1f} ms ≤ 100", submit.pct(99) <= 100),
              (f"enrollment CPU {cpus['(f)'].get('enrollment', 0):.2f} ms ≤ 2",
               cpus["(f)"].get("enrollment", 0) <= 2)]
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return ("issue 15 targets: " + "; ".join(f"{text} {'met' if ok else 'NOT met'}" for text, ok in checks)
            + f" (load average {load})")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.gateway", description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="per run, at most (default 5)")
    parser.add_argument("--requests", type=int, default=20_000, help="per run, at most (default 20 000)")
    parser.add_argument("--clients", type=int, default=16, help="concurrent connections (default 16)")
    parser.add_argument("--wrk", action="store_true", help="use wrk when installed (reads only)")
    args = parser.parse_args([] if argv is None else argv)
    seconds, limit = min(args.seconds, 30.0), min(args.requests, 200_000)

    from common.identity import IDENTITY_HEADER, Identity, mint

    workdir = Path(tempfile.mkdtemp(prefix="tc-bench-gateway-"))
    secret = secrets.token_urlsafe(48)
    token = "tc_bench_" + secrets.token_urlsafe(24)
    creds = workdir / "credentials.json"
    creds.write_text(json.dumps({hashlib.sha256(token.encode()).hexdigest():
                                 {"subject": BENCH_TOKEN_SUBJECT, "role": "platform", "department": None}}))
    prefixes = ("POINTS_", "VERIFICATION_", "ENROLLMENT_", "FUNDING_", "GATEWAY_", "TONGCHENG_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(prefixes)}
    env.update({"TONGCHENG_INTERNAL_SECRET": secret, "TONGCHENG_DATA_DIR": str(workdir / "data"),
                "TONGCHENG_LOG_LEVEL": "WARNING", "TONGCHENG_SECRETS_FILE": str(workdir / "none.env"),
                "GATEWAY_CREDENTIALS_FILE": str(creds), "GATEWAY_RATE_PER_S": "1000000",
                "GATEWAY_RATE_BURST": "1000000", "PYTHONUNBUFFERED": "1"})
    processes: list[Process] = []
    try:
        minimal = start("minimal", "bench.gateway:create_minimal_app", env, workdir)
        processes.append(minimal)
        verification = start("verification", "verification.main:create_app", env, workdir)
        processes.append(verification)
        points = start("points", "points.main:create_app", {**env, "POINTS_VERIFICATION_URL": verification.url},
                       workdir)
        processes.append(points)
        # enrollment hands its cases to the real verification; it calls points and funding only for runs
        enrollment = start("enrollment", "enrollment.main:create_app",
                           {**env, "ENROLLMENT_VERIFICATION_URL": verification.url,
                            "ENROLLMENT_POINTS_URL": points.url, "ENROLLMENT_FUNDING_URL": minimal.url}, workdir)
        processes.append(enrollment)
        # the gateway's points and enrollment upstreams are the real services; the others stand in for the minimal
        # app (run (d) reaches it as /api/verification/ping)
        gw_env = {**env, "GATEWAY_POINTS_URL": points.url, "GATEWAY_VERIFICATION_URL": minimal.url,
                  "GATEWAY_ENROLLMENT_URL": enrollment.url, "GATEWAY_FUNDING_URL": minimal.url}
        gateway = start("gateway", "gateway.main:create_app", gw_env, workdir)
        processes.append(gateway)

        def who(role: str, department: str | None = None) -> dict[str, str]:
            subject = BENCH_TOKEN_SUBJECT if role == "platform" else f"bench-{department or role}"
            return {IDENTITY_HEADER: mint(secret, Identity(role=role, subject=subject, department=department), 3600)}

        identity = who("platform")
        read_path, read_label = _choose_read(points.url, verification.url, who)
        schools = _seed_schools(enrollment.url, who)
        per_run = min(limit, int(seconds * SUBMITS_PER_SECOND_CAP) + 400)  # + the warm-up
        bodies = _application_bodies(2 * per_run)
        bearer = {"Authorization": f"Bearer {token}"}
        runs: list[tuple[str, int, bytes | Iterator[bytes]]] = [
            ("(a) minimal FastAPI GET /ping", minimal.port, get_request(minimal.port, "/ping", {})),
            (f"(b) points direct {read_path}", points.port, get_request(points.port, read_path, identity)),
            (f"(c) points via gateway {read_path}", gateway.port,
             get_request(gateway.port, "/api/points" + read_path, bearer)),
            ("(d) minimal via gateway GET /ping", gateway.port,
             get_request(gateway.port, "/api/verification/ping", bearer)),
            ("(e) enrollment direct POST /applications", enrollment.port,
             _submits(enrollment.port, "/applications", identity, bodies[:per_run], "direct")),
            ("(f) enrollment via gateway POST /applications", gateway.port,
             _submits(gateway.port, "/api/enrollment/applications", bearer, bodies[per_run:], "gateway")),
        ]
        wrk_paths = {runs[0][0]: ("/ping", {}), runs[1][0]: (read_path, identity),
                     runs[2][0]: ("/api/points" + read_path, bearer), runs[3][0]: ("/api/verification/ping", bearer)}
        print(f"gateway bench: {args.clients} clients, ≤ {seconds:g} s and ≤ {limit} requests per run, "
              f"127.0.0.1 only; cpu count {os.cpu_count()}")
        print(f"read measured: {read_label}")
        print(f"submits measured: POST /applications, {per_run} distinct applicants prepared per run "
              f"({schools} schools to choose from), a new Idempotency-Key each")
        results: dict[str, Figures] = {}
        cpus: dict[str, dict[str, float]] = {}
        for label, port, requests in runs:
            if args.wrk and shutil.which("wrk") and label in wrk_paths:
                path, headers = wrk_paths[label]
                print(_wrk(f"http://127.0.0.1:{port}{path}", headers, clients=args.clients, seconds=seconds,
                           label=label))
                continue
            before = {p.name: cpu_seconds(p) for p in processes}
            figures = asyncio.run(_load(port, requests, clients=args.clients, seconds=seconds, limit=limit,
                                        label=label))
            results[label[:3]] = figures
            # a submit's work ends when its case reached verification: wait for the outbox, then read the CPU
            outbox = _outbox(enrollment.url, who) if isinstance(requests, Iterator) else ""
            served = figures.requests + figures.warmup
            cpu = {p.name: (cpu_seconds(p) - before[p.name]) / served * 1000 for p in processes}
            cpus[label[:3]] = cpu
            print(figures.line(), flush=True)
            print("    CPU per request: " + ", ".join(f"{name} {ms:.2f} ms" for name, ms in cpu.items() if ms >= 0.005)
                  + (f" (until the outbox was empty: {outbox})" if outbox else ""), flush=True)
        if {"(a)", "(b)", "(c)", "(d)"} <= results.keys():
            minimal_run, direct, via, via_min = (results[k] for k in ("(a)", "(b)", "(c)", "(d)"))
            print(f"gateway adds to the median: {via.pct(50) - direct.pct(50):+.2f} ms on the service read, "
                  f"{via_min.pct(50) - minimal_run.pct(50):+.2f} ms on the minimal endpoint"
                  + (f", {results['(f)'].pct(50) - results['(e)'].pct(50):+.2f} ms on the submit"
                     if {"(e)", "(f)"} <= results.keys() else ""))
            ok = via.rate >= 600 and via.pct(99) <= 60 and via.pct(50) - direct.pct(50) <= 5
            print(f"targets (≥ 600 reads/s, p99 ≤ 60 ms via gateway, ≤ 5 ms added median): "
                  f"{'met' if ok else 'NOT met'} (read = {read_label})")
        if {"(a)", "(c)", "(f)"} <= results.keys():
            print(issue15_targets(results, cpus), flush=True)
    finally:
        for process in reversed(processes):
            stop(process)
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
