"""The platform's generated client (``clients/python/tongcheng-client``) matches the suite's description: the
generator (openapi-python-client, pinned, run locally without the network) is run again into a temporary folder and
its output must equal the checked-in package file for file. After a change of any model or endpoint: ``make
client`` and commit the result (issue 17)."""

from __future__ import annotations

import filecmp
from pathlib import Path

from tongcheng.describe import CLIENT_PACKAGE, generate_client


def differences(a: Path, b: Path) -> list[str]:
    """Files only in one tree or differing, as paths relative to the trees."""
    out: list[str] = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        out.extend(f"{prefix}{name} (only in the new one)" for name in cmp.left_only)
        out.extend(f"{prefix}{name} (only in the checked-in one)" for name in cmp.right_only)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        out.extend(f"{prefix}{name} differs" for name in mismatch + errors)
        for name, sub in sorted(cmp.subdirs.items()):
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(a, b, ignore=["__pycache__"]), "")
    return sorted(out)


def test_the_checked_in_client_is_what_the_description_generates(tmp_path):
    fresh = tmp_path / "tongcheng_client"
    generate_client(fresh)
    assert (fresh / "api" / "enrollment_applications").is_dir()
    assert differences(fresh, CLIENT_PACKAGE) == [], "the client is stale: run `make client` and commit it"
