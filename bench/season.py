"""Whole-season figures (issues 7 and 15): `python -m bench.season [size ...]` (default 6000).

Each size runs the demo end to end — five real processes on free ports in a scratch var folder (SQLite), the four
stub departments, every step through the gateway — and prints the time per step, and beside it the CPU seconds
(user + system) each process spent in the step: the gateway, the four services and the driver (this process: the
platform's, the bureau's and the stub departments' threads). Targets (the tasks, not asserted here): 6,000
applications ≤ 60 s after set-up, 20,000 ≤ 15 s and 100,000 ≤ 90 s (issue 15). "After set-up" = the season's
steps, without generating the cohort and starting the processes (printed separately). The load average is
printed with the figures: the machine may be shared.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console

from tongcheng import season as season_module
from tongcheng.demo import free_ports, run_demo
from tongcheng.suite import SERVICES

TARGETS_S = {6000: 60.0, 20000: 15.0, 100000: 90.0}
PROCESSES = ("gateway", *SERVICES)
TICK_S = 1.0 / os.sysconf("SC_CLK_TCK")


def process_cpu() -> dict[str, float]:
    """CPU seconds (user + system) so far of this process ("driver") and of each child process of the suite, by
    name (read from ``/proc``: Linux only; elsewhere the driver's alone)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    out = {"driver": usage.ru_utime + usage.ru_stime}
    me = str(os.getpid())
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if fields[1] != me:  # the parent's pid
                continue
            cmdline = (stat.parent / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        name = next((p for p in PROCESSES if f"{p}.main:create_app" in cmdline), None)
        if name:
            out[name] = out.get(name, 0.0) + (int(fields[11]) + int(fields[12])) * TICK_S  # utime + stime
    return out


@contextmanager
def cpu_per_step(into: dict[str, dict[str, float]]) -> Iterator[None]:
    """While inside, every step of a :class:`tongcheng.season.Season` also records the CPU seconds each process
    spent in it (``into[step][process]``)."""
    original = season_module.Season.step

    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        before = process_cpu()
        try:
            with original(self, name):
                yield
        finally:
            after = process_cpu()
            into[name] = {p: after[p] - before.get(p, 0.0) for p in after}

    season_module.Season.step = step
    try:
        yield
    finally:
        season_module.Season.step = original


def run(size: int, seed: int = 2025) -> dict:
    """The demo's summary, with ``cpu_s``: step → process → CPU seconds."""
    cpu: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="tc-bench-season-") as tmp, cpu_per_step(cpu):
        summary, _ = run_demo(size, seed, var=Path(tmp), ports=free_ports(), console=Console(stderr=True),
                              quiet=True)
    return {**summary, "cpu_s": cpu}


def main(argv: list[str] | None = None) -> None:
    """Sizes from ``argv`` (when run as a module), else ``BENCH_SEASON_SIZES`` (comma-separated), else 6000."""
    sizes = [int(a) for a in argv or []] or [int(s) for s in os.environ.get("BENCH_SEASON_SIZES", "6000").split(",")]
    for size in sizes:
        load = os.getloadavg()[0]
        s = run(size)
        target = TARGETS_S.get(size)
        print(f"season of {size:,} applications (seed {s['seed']}; load {load:.1f} before, "
              f"{os.getloadavg()[0]:.1f} after):")
        for name, sec in s["setup_timings_s"].items():
            print(f"  {sec:7.1f} s  {name} (set-up)")
        print(f"  {'wall':>9}  CPU s: " + " ".join(f"{p[:7]:>7}" for p in ("driver", *PROCESSES)) + "  step")
        for name, sec in s["timings_s"].items():
            cpu = s["cpu_s"].get(name, {})
            print(f"  {sec:7.1f} s         " + " ".join(f"{cpu.get(p, 0.0):7.1f}" for p in ("driver", *PROCESSES))
                  + f"  {name}")
        verdict = "" if target is None else f" (target ≤ {target:.0f} s: {'met' if s['season_s'] <= target else 'MISSED'})"
        print(f"  {s['season_s']:7.1f} s  season after set-up{verdict}")
        print(f"  applicants {s['applicants']:,}, eligible {s['eligible']:,}, public {s['placed_public']:,}, "
              f"purchased {s['placed_purchased']:,}, waitlisted {s['waitlisted']:,}, "
              f"public share {s['public_share_percent']} %, ledger ok: {s['ledger_verified']}")


if __name__ == "__main__":
    main(sys.argv[1:])
