"""Whole-season figures (issue 7): `python -m bench.season [size ...]` (default 6000).

Each size runs the demo end to end — five real processes on free ports in a scratch var folder (SQLite), the four
stub departments, every step through the gateway — and prints the time per step. Targets (the task, not asserted
here): 6,000 applications ≤ 60 s after set-up, 20,000 ≤ 180 s. "After set-up" = the season's steps, without
generating the cohort and starting the processes (printed separately).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from rich.console import Console

from tongcheng.demo import free_ports, run_demo

TARGETS_S = {6000: 60.0, 20000: 180.0}


def run(size: int, seed: int = 2025) -> dict:
    with tempfile.TemporaryDirectory(prefix="tc-bench-season-") as tmp:
        summary, _ = run_demo(size, seed, var=Path(tmp), ports=free_ports(), console=Console(stderr=True),
                              quiet=True)
    return summary


def main(argv: list[str] | None = None) -> None:
    """Sizes from ``argv`` (when run as a module), else ``BENCH_SEASON_SIZES`` (comma-separated), else 6000."""
    sizes = [int(a) for a in argv or []] or [int(s) for s in os.environ.get("BENCH_SEASON_SIZES", "6000").split(",")]
    for size in sizes:
        s = run(size)
        target = TARGETS_S.get(size)
        print(f"season of {size:,} applications (seed {s['seed']}):")
        for name, sec in s["setup_timings_s"].items():
            print(f"  {sec:7.1f} s  {name} (set-up)")
        for name, sec in s["timings_s"].items():
            print(f"  {sec:7.1f} s  {name}")
        verdict = "" if target is None else f" (target ≤ {target:.0f} s: {'met' if s['season_s'] <= target else 'MISSED'})"
        print(f"  {s['season_s']:7.1f} s  season after set-up{verdict}")
        print(f"  applicants {s['applicants']:,}, eligible {s['eligible']:,}, public {s['placed_public']:,}, "
              f"purchased {s['placed_purchased']:,}, waitlisted {s['waitlisted']:,}, "
              f"public share {s['public_share_percent']} %, ledger ok: {s['ledger_verified']}")


if __name__ == "__main__":
    main(sys.argv[1:])
