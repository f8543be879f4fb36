"""The suite's OpenAPI description offline: what the gateway's ``GET /openapi.json`` serves, built the same way
(:func:`gateway.openapi.merge`) from the in-process apps' own documents, with no process started and no network.

``python -m tongcheng.describe [FILE]`` writes it (keys sorted, no timestamps: the same code gives the same bytes);
``make client`` feeds it to the client generator (``clients/python/``).
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Any

SERVICES = ("points", "verification", "enrollment", "funding")


def suite_description() -> dict[str, Any]:
    """The merged description: the gateway's own document plus each service's, under ``/api/<service>``."""
    from gateway.main import create_app as gateway_app
    from gateway.openapi import merge

    services = {name: importlib.import_module(f"{name}.main").create_app().openapi() for name in SERVICES}
    return merge(gateway_app().openapi(), services)


def dumps(doc: dict[str, Any]) -> str:
    """Stable text of a description: sorted keys, two-space indent, UTF-8 as written, a final newline."""
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = dumps(suite_description())
    if args:
        Path(args[0]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
