"""Migration helper for developers: ``python -m tongcheng.migrate revision points -m "rulebooks"``.

``revision`` autogenerates a migration against a scratch SQLite database upgraded to head; ``upgrade`` migrates a
service's configured database; ``check`` fails when models and migrations disagree.
"""

from __future__ import annotations

import argparse
import importlib
import tempfile
from datetime import date
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory

from common.db import alembic_config

REPO = Path(__file__).resolve().parents[1]
SERVICES = ("points", "verification", "enrollment", "funding")


def service_dir(name: str) -> Path:
    return REPO / "services" / name


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tongcheng.migrate", description=__doc__)
    parser.add_argument("action", choices=["revision", "upgrade", "check"])
    parser.add_argument("service", choices=SERVICES)
    parser.add_argument("-m", "--message", default="change")
    parser.add_argument("--url", help="database URL (default: scratch SQLite for revision/check, settings for upgrade)")
    args = parser.parse_args(argv)
    sdir = service_dir(args.service)
    if args.action == "upgrade":
        url = args.url or importlib.import_module(f"{args.service}.config").Settings().database_url
        command.upgrade(alembic_config(sdir, url), "head")
        return
    with tempfile.TemporaryDirectory() as tmp:
        url = args.url or f"sqlite:///{tmp}/scratch.db"
        cfg = alembic_config(sdir, url)
        command.upgrade(cfg, "head")
        if args.action == "check":
            command.check(cfg)
            print(f"{args.service}: models and migrations agree")
            return
        heads = ScriptDirectory.from_config(cfg).get_heads()
        rev_id = f"{args.service[:4]}_{date.today():%Y%m%d}_{len(list(ScriptDirectory.from_config(cfg).walk_revisions())) + 1:02d}"
        command.revision(cfg, message=args.message, autogenerate=True, rev_id=rev_id, head=heads[0] if heads else "head")


if __name__ == "__main__":
    main()
