"""``tongcheng verify-run FILE``: re-check a published placement run from its snapshot file alone (issue 13).

No service, no database, no network: the file (``GET /api/enrollment/runs/{id}/snapshot``, format in
``docs/run-snapshot.md``) holds the run's whole input and its placements. The check recomputes every lottery key
and the input digest, places the input again with the placement engine and compares every applicant's outcome,
then checks that everyone is accounted for, no school is over its seats, every placement is on the applicant's
own list, the stated cut-offs are the placements' and no round-1 blocking pair exists (deferred acceptance).

Exit status: 0 and one line, the verdict, when everything holds; 1 and the first difference when anything in the
file was changed; 2 when the file cannot be read.
"""

from __future__ import annotations

import json
from pathlib import Path

from enrollment.evidence import verify_file

OK, DIFFERENT, UNREADABLE = 0, 1, 2


def verify_path(path: Path) -> tuple[int, str]:
    """(exit status, one line) for the snapshot file at ``path``."""
    try:
        doc = json.loads(Path(path).read_bytes())
    except (OSError, ValueError) as exc:
        return UNREADABLE, f"{path}: cannot read the file ({type(exc).__name__}: {exc})"
    if not isinstance(doc, dict):
        return UNREADABLE, f"{path}: not a snapshot file (a JSON object expected)"
    verdict, line, _ = verify_file(doc)
    if verdict == "ok":
        return OK, f"OK {line}"
    return (DIFFERENT if verdict == "different" else UNREADABLE), f"FAILED {path}: {line}"


def main(paths: list[Path]) -> int:
    """Check each file; print one line per file; the worst exit status."""
    worst = OK
    for path in paths:
        status, line = verify_path(path)
        print(line)
        worst = max(worst, status)
    return worst
