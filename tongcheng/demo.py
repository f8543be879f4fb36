"""``make demo``: a whole Huangyan season from nothing, then a summary and a report folder.

:func:`run_demo` generates the cohort and the district for ``size`` (the bundled ``data/`` files at the bundled
size), resets the demo's databases (so it can run again at once), starts the five services with
:class:`tongcheng.suite.Suite` on the embedded default (SQLite in ``var/data``), starts the four stub departments,
plays the season (:class:`tongcheng.season.Season`) and stops everything it started, even when a step fails.
"""

from __future__ import annotations

import shutil
import socket
import time
from pathlib import Path

from rich.console import Console

from tongcheng import report
from tongcheng.api import Roles
from tongcheng.cohort import generate
from tongcheng.registry import Registry
from tongcheng.schools import BUNDLED_SIZE, DATA_DIR, for_size, write_csv
from tongcheng.season import Season, SeasonError, SeasonResult
from tongcheng.secrets import generate as generate_secrets
from tongcheng.stubs import DEPARTMENTS, Faults, StubDepartment, StubPool
from tongcheng.suite import DEFAULT_PORTS, REPO, Suite
from tongcheng.verify_run import verify_path

# The gateway's per-upstream timeout (seconds) for the demo: a placement run over 20,000 applicants or a
# 1,000-application batch on SQLite can take longer than the default 30 s on a small machine.
DEMO_ENV = {"GATEWAY_TIMEOUT_S": "300", "TONGCHENG_LOG_LEVEL": "WARNING"}


def port_in_use(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def free_ports() -> dict[str, int]:
    """A free port for each of the five processes."""
    out = {}
    for name in DEFAULT_PORTS:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            out[name] = sock.getsockname()[1]
    return out


def reset(var: Path) -> None:
    """Remove the demo's databases, logs, pid files and report (never the secrets, credentials or the console's
    staff accounts)."""
    data = var / "data"
    if data.exists():
        for path in data.iterdir():
            if path.name.endswith((".db", ".db-wal", ".db-shm", ".db-journal")) and not path.name.startswith(
                    "console.db"):  # staff accounts outlive a demo
                path.unlink()
    for sub in ("logs", "run", "report", "demo"):
        shutil.rmtree(var / sub, ignore_errors=True)


def make_stubs(roles: Roles, registry: Registry, season: int,
               faults: dict[str, Faults] | None = None) -> StubPool:
    """The four stub departments, each with its own credential, not started."""
    faults = faults or {}
    return StubPool([StubDepartment(d, roles.departments[d].verification, registry, season=season,
                                    faults=faults.get(d, Faults())) for d in DEPARTMENTS])


def play(suite_url: str, var: Path, cohort, district, registry: Registry, *, console: Console, quiet: bool,
         faults: dict[str, Faults] | None = None) -> SeasonResult:
    """Play one season against the suite at ``suite_url`` with the stub departments running meanwhile."""
    roles = Roles.connect(suite_url, var)
    pool = make_stubs(roles, registry, cohort.season, faults)
    try:
        pool.start()
        return Season(roles, cohort, district, pool=pool, console=console, quiet=quiet).run()
    finally:
        pool.stop()
        roles.close()


def run_demo(size: int, seed: int, *, var: Path = REPO / "var", ports: dict[str, int] | None = None,
             report_dir: Path | None = None, console: Console | None = None, quiet: bool = False,
             faults: dict[str, Faults] | None = None) -> tuple[dict, SeasonResult]:
    """Everything, start to finish; returns (summary, result). Raises :class:`SeasonError` when a step fails
    (after stopping the services)."""
    console = console or Console()
    ports = ports or dict(DEFAULT_PORTS)
    busy = [f"{name} :{port}" for name, port in ports.items() if port_in_use(port)]
    if busy:
        raise SeasonError(f"ports in use ({', '.join(busy)}): is the suite already running? `make down` first, "
                          f"or `tongcheng demo --free-ports`")
    timings: list[tuple[str, float]] = []
    started = time.perf_counter()
    generate_secrets(var)
    reset(var)
    district = for_size(size)
    if size != BUNDLED_SIZE:
        write_csv(district, var / "demo" / "district")
        note = f"district scaled to {size:,} applications (var/demo/district)"
    else:
        note = f"district from the bundled files ({DATA_DIR.relative_to(REPO)}/)"
    cohort = generate(size, seed, district=district)
    registry = Registry.from_cohort(cohort)
    registry.save(var / "demo" / "registry.json")
    timings.append(("generate cohort and registry", time.perf_counter() - started))
    if not quiet:
        console.print(f"[bold]Tongcheng demo[/bold]: {size:,} synthetic families, seed {seed}; {note}")
    suite = Suite(var=var, ports=ports, extra_env=dict(DEMO_ENV))
    try:
        t = time.perf_counter()
        suite.start_all()
        timings.append(("start the five services", time.perf_counter() - t))
        if not quiet:
            console.print("services up: " + ", ".join(f"{n} :{p}" for n, p in ports.items()))
        result = play(suite.url(), var, cohort, district, registry, console=console, quiet=quiet, faults=faults)
    finally:
        suite.stop_all()
    summary = report.summarise(result, setup=timings)
    folder = report_dir or var / "report"
    written = report.write(summary, result, folder)
    if not quiet:
        report.render(summary, console)
        console.print(f"report written to {folder}")
    verify_snapshots([p for p in written if p.name.endswith("-snapshot.json")], console=console)
    return summary, result


def verify_snapshots(paths: list[Path], *, console: Console) -> None:
    """``tongcheng verify-run`` on each final run's snapshot file the demo wrote (issue 13); prints each verdict,
    raises :class:`SeasonError` naming the first difference when one does not verify."""
    if not paths:
        raise SeasonError("no final run's snapshot file was written")
    for path in paths:
        status, line = verify_path(path)
        console.print(line, markup=False, highlight=False, soft_wrap=True)
        if status != 0:
            raise SeasonError(f"a final run does not verify: {line}")
