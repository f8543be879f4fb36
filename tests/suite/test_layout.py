"""Where things live (issue 18): one naming for routers and test helpers, and the README's map names only files
that exist."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CODE_DIRS = [REPO / "services", REPO / "gateway", REPO / "console"]
API_DIRS = [REPO / "services", REPO / "gateway"]  # the console's page modules are one per role (bureau.py ...)


def _modules(root: Path) -> list[Path]:
    return [p for p in root.rglob("*.py") if "migrations" not in p.parts and ".venv" not in p.parts]


def test_every_router_module_is_named_router():
    """A module that builds an ``APIRouter`` is ``router.py`` or ``router_<topic>.py`` (never ``<topic>_router.py``)."""
    found = {p.relative_to(REPO).as_posix() for d in API_DIRS for p in _modules(d)
             if re.search(r"^router\s*=\s*APIRouter\(", p.read_text(encoding="utf-8"), re.M)}
    assert found, "no router found: the scan is broken"
    misnamed = sorted(p for p in found if not re.fullmatch(r"router(_[a-z]+)*\.py", Path(p).name))
    assert misnamed == []


def test_every_test_helper_is_a_kit():
    """Every module under ``tests/`` that is not a test is ``conftest.py`` or ``*_kit.py``."""
    others = sorted(p.relative_to(REPO).as_posix() for p in (REPO / "tests").rglob("*.py")
                    if not p.name.startswith("test_") and p.name not in ("conftest.py", "__init__.py")
                    and not p.name.endswith("_kit.py"))
    assert others == []


def _map_rows() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    lines = text[text.index("Where things live:"):].splitlines()[2:]
    return [line for line in lines[:next(i for i, line in enumerate(lines) if not line.startswith("|"))]]


def test_the_readme_map_names_files_that_exist():
    """Every file named in the README's map of where things live exists: paths as written, bare module names in
    some service, console or gateway package (``ledger_store.py``), ``<pkg>/<module>.py`` under the services."""
    rows = _map_rows()
    assert len(rows) > 5
    names = {n for row in rows for n in re.findall(r"`([^`\s]+)`", row)
             if "<" not in n and "*" not in n and not n.startswith("/")}
    modules = {p.relative_to(REPO).as_posix() for d in [*CODE_DIRS, REPO / "tongcheng", REPO / "tests"] for p in d.rglob("*")
               if ".venv" not in p.parts}
    missing = []
    for name in sorted(names):
        bare = name.rstrip("/")
        if (REPO / bare).exists():
            continue
        if "." in bare or "/" in bare:
            if not any(m == bare or m.endswith("/" + bare) for m in modules):
                missing.append(name)
    assert missing == []
