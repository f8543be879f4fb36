"""Run every benchmark in turn and print its figures: ``python -m bench`` (``make bench``).

Each ``bench/<topic>.py`` has a ``main()`` that prints its own figures; none asserts a time.
"""

import importlib
import pkgutil
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> None:
    names = argv or sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])
                           if not m.name.startswith("_"))
    for name in names:
        print(f"\n=== bench.{name} ===", flush=True)
        started = time.perf_counter()
        importlib.import_module(f"bench.{name}").main()
        print(f"(bench.{name} took {time.perf_counter() - started:.1f} s)", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
