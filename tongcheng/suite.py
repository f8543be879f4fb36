"""Start and stop the processes of the suite (``make up`` / ``make down``, the demo, the process tests): the four
services, the gateway and, with ``console=True``, the staff console behind the gateway's ``/console/``.

Each process is ``python -m uvicorn --factory <pkg>.main:create_app`` with its port; logs go to
``<var>/logs/<name>.log``; pid files to ``<var>/run/<name>.pid``. With ``replicas`` N > 1 each service and the
gateway run as N processes (``points``, ``points-2`` … ``points-N``) sharing their port through ``SO_REUSEPORT``
(``tongcheng.serve``): the kernel spreads connections over them, and callers keep one URL per service.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
SERVICES = ("points", "verification", "enrollment", "funding")
DEFAULT_PORTS = {"gateway": 8000, "points": 8101, "verification": 8102, "enrollment": 8103, "funding": 8104,
                 "console": 8105}
ENV_PREFIX = {"points": "POINTS_", "verification": "VERIFICATION_", "enrollment": "ENROLLMENT_",
              "funding": "FUNDING_", "gateway": "GATEWAY_", "console": "CONSOLE_"}


@dataclass
class Suite:
    """The suite's processes under one ``var`` folder.

    ``database_urls`` maps a service to a PostgreSQL URL (default: SQLite files in ``var/data``);
    ``extra_env`` is added to every process. ``inherit_settings`` (``make up``) passes the caller's service
    settings (``POINTS_DATABASE_URL``, ``ENROLLMENT_TODAY``, ``GATEWAY_RATE_PER_S``, …) on to the processes; the
    demo and the tests leave it off, so a developer's shell cannot point them at another database.
    """

    var: Path = REPO / "var"
    ports: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_PORTS))
    database_urls: dict[str, str] = field(default_factory=dict)
    extra_env: dict[str, str] = field(default_factory=dict)
    inherit_settings: bool = False
    replicas: int = 1
    console: bool = False
    procs: dict[str, subprocess.Popen] = field(default_factory=dict)

    def url(self, name: str = "gateway") -> str:
        return f"http://127.0.0.1:{self.ports[base_name(name)]}"

    def replica_names(self, name: str) -> list[str]:
        """``points`` → ``["points", "points-2", …]`` (one per replica)."""
        return [name] + [f"{name}-{i}" for i in range(2, self.replicas + 1)]

    def env(self) -> dict[str, str]:
        from tongcheng.secrets import read_secret

        env = {k: v for k, v in os.environ.items()
               if self.inherit_settings or not k.startswith(tuple(ENV_PREFIX.values()))}
        env.update({
            "TONGCHENG_INTERNAL_SECRET": read_secret(self.var),
            "TONGCHENG_CONSOLE_SECRET": read_secret(self.var, "TONGCHENG_CONSOLE_SECRET"),
            "GATEWAY_CONSOLE_URL": self.url("console") if self.console and "console" in self.ports else "",
            "CONSOLE_GATEWAY_URL": self.url("gateway"),
            "TONGCHENG_DATA_DIR": str(self.var / "data"),
            "GATEWAY_CREDENTIALS_FILE": str(self.var / "credentials.json"),
            "PYTHONUNBUFFERED": "1",
        })
        for name in SERVICES:  # where each process finds the others: always the supervisor's ports
            env[f"GATEWAY_{name.upper()}_URL"] = self.url(name)
            for other in SERVICES:
                env[f"{ENV_PREFIX[name]}{other.upper()}_URL"] = self.url(other)
            if name in self.database_urls:
                env[f"{ENV_PREFIX[name]}DATABASE_URL"] = self.database_urls[name]
        if "console" in self.database_urls:
            env["CONSOLE_DATABASE_URL"] = self.database_urls["console"]
        env.update(self.extra_env)
        return env

    def start(self, name: str, *, wait: bool = True) -> None:
        """Start one process (``name`` in SERVICES or ``gateway``, or a replica ``points-2``) and wait until it
        answers."""
        (self.var / "logs").mkdir(parents=True, exist_ok=True)
        (self.var / "run").mkdir(parents=True, exist_ok=True)
        log = open(self.var / "logs" / f"{name}.log", "ab")
        base, port = base_name(name), str(self.ports[base_name(name)])
        if self.replicas > 1:  # replicas share the port (SO_REUSEPORT)
            cmd = [sys.executable, "-m", "tongcheng.serve", f"{base}.main:create_app", "--port", port]
        else:
            cmd = [sys.executable, "-m", "uvicorn", "--factory", f"{base}.main:create_app", "--host", "127.0.0.1",
                   "--port", port, "--no-access-log", "--timeout-graceful-shutdown", "5"]
        proc = subprocess.Popen(cmd, env=self.env(), stdout=log, stderr=subprocess.STDOUT, cwd=self.var,
                                start_new_session=True)
        self.procs[name] = proc
        (self.var / "run" / f"{name}.pid").write_text(str(proc.pid))
        if wait:
            self.wait_healthy(name)

    def wait_healthy(self, name: str, timeout_s: float = 60.0) -> None:
        """Wait until ``name`` answers ``/health`` (with replicas: until this very process answers
        ``/health/live``: a new connection lands on any replica of the port, so it asks until its pid shows)."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            proc = self.procs.get(name)
            if proc is not None and proc.poll() is not None:
                tail = (self.var / "logs" / f"{name}.log").read_text(errors="replace")[-3000:]
                raise RuntimeError(f"{name} exited with {proc.returncode}:\n{tail}")
            try:
                if self.replicas > 1:
                    answer = httpx.get(self.url(name) + "/health/live", timeout=1.0)
                    if answer.status_code == 200 and proc is not None and answer.json().get("pid") == proc.pid:
                        return
                    time.sleep(0.02)
                    continue
                if httpx.get(self.url(name) + "/health", timeout=1.0).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"{name} did not become healthy within {timeout_s:.0f}s")

    def start_all(self) -> None:
        processes = (*SERVICES, "console") if self.console else SERVICES
        names = [r for name in processes for r in self.replica_names(name)]
        for name in names:
            self.start(name, wait=False)
        for name in names:
            self.wait_healthy(name)
        for name in self.replica_names("gateway"):
            self.start(name, wait=False)
        for name in self.replica_names("gateway"):
            self.wait_healthy(name)

    def stop(self, name: str, *, kill: bool = False) -> None:
        """Stop one process (SIGTERM, or SIGKILL with ``kill=True``) and wait for it."""
        proc = self.procs.pop(name, None)
        pid_file = self.var / "run" / f"{name}.pid"
        if proc is None:
            if not pid_file.exists():
                return
            _signal_pid(int(pid_file.read_text()), signal.SIGKILL if kill else signal.SIGTERM)
        else:
            try:
                os.killpg(proc.pid, signal.SIGKILL if kill else signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        pid_file.unlink(missing_ok=True)

    def stop_all(self) -> None:
        running = {p.name.removesuffix(".pid") for p in (self.var / "run").glob("*.pid")} | set(self.procs)
        for name in ("gateway", "console", *SERVICES):
            for replica in sorted(r for r in running if base_name(r) == name):
                self.stop(replica)

    def __enter__(self) -> "Suite":
        self.start_all()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop_all()


def base_name(name: str) -> str:
    """``points-2`` → ``points`` (the process name of a replica)."""
    base, _, number = name.rpartition("-")
    return base if base and number.isdigit() else name


def _signal_pid(pid: int, sig: int) -> None:
    try:
        os.killpg(pid, sig)
    except ProcessLookupError:
        return
    for _ in range(100):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
