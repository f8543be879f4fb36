"""The suite's OpenAPI description offline: what the gateway's ``GET /openapi.json`` serves, built the same way
(:func:`gateway.openapi.merge`) from the in-process apps' own documents, with no process started and no network.

``python -m tongcheng.describe [FILE]`` writes it (keys sorted, no timestamps: the same code gives the same bytes);
``python -m tongcheng.describe --client`` (``make client``) regenerates the platform's typed client,
``clients/python/tongcheng-client/tongcheng_client``, with openapi-python-client (pinned in constraints.txt, run
locally: no network), settings in ``clients/python/config.yaml``.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

SERVICES = ("points", "verification", "enrollment", "funding")
ROOT = Path(__file__).resolve().parents[1]
CLIENT_CONFIG = ROOT / "clients" / "python" / "config.yaml"
CLIENT_PACKAGE = ROOT / "clients" / "python" / "tongcheng-client" / "tongcheng_client"


def suite_description() -> dict[str, Any]:
    """The merged description: the gateway's own document plus each service's, under ``/api/<service>``."""
    from gateway.main import create_app as gateway_app
    from gateway.openapi import merge

    services = {name: importlib.import_module(f"{name}.main").create_app().openapi() for name in SERVICES}
    return merge(gateway_app().openapi(), services)


def dumps(doc: dict[str, Any]) -> str:
    """Stable text of a description: sorted keys, two-space indent, UTF-8 as written, a final newline."""
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def generate_client(package_dir: Path, doc: dict[str, Any] | None = None) -> None:
    """Write the client package generated from ``doc`` (default: :func:`suite_description`) into ``package_dir``
    (replaced). The generator and ruff are taken from this interpreter's environment (``.venv/bin``)."""
    bindir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}"}
    with tempfile.TemporaryDirectory(prefix="tongcheng-client-") as tmp:
        spec = Path(tmp) / "openapi.json"
        spec.write_text(dumps(doc if doc is not None else suite_description()), encoding="utf-8")
        out = Path(tmp) / "tongcheng_client"
        subprocess.run([str(bindir / "openapi-python-client"), "generate", "--path", str(spec), "--meta", "none",
                        "--config", str(CLIENT_CONFIG), "--output-path", str(out)],
                       check=True, env=env, cwd=tmp, stdout=subprocess.DEVNULL)
        if package_dir.exists():
            shutil.rmtree(package_dir)
        shutil.copytree(out, package_dir)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--client"]:
        generate_client(Path(args[1]) if len(args) > 1 else CLIENT_PACKAGE)
        return 0
    text = dumps(suite_description())
    if args:
        Path(args[0]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
