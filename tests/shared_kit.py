"""Plain helpers every test folder may import (``from shared_kit import ...``): the test secret, PostgreSQL
databases, free ports. The fixtures are in ``tests/conftest.py`` and in each folder's ``conftest.py``; a test module
never imports a conftest (several folders have one, and ``conftest`` names whichever pytest loaded last).

PostgreSQL: ``TONGCHENG_TEST_PG`` (default ``postgresql://postgres@127.0.0.1:5432``).
"""

from __future__ import annotations

import atexit
import importlib
import json
import os
import queue
import shutil
import socket
import sys
import tempfile
import threading
import uuid
from functools import lru_cache
from pathlib import Path
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TEST_SECRET = "test-internal-secret-" + "x" * 40
os.environ.setdefault("TONGCHENG_INTERNAL_SECRET", TEST_SECRET)
os.environ.setdefault("TONGCHENG_LOG_LEVEL", "WARNING")

PG_BASE = os.environ.get("TONGCHENG_TEST_PG", "postgresql://postgres@127.0.0.1:5432").rstrip("/")
SERVICE_MODULES = ("points", "verification", "enrollment", "funding")


@lru_cache(maxsize=1)
def pg_unavailable_reason() -> str | None:
    """``None`` when PostgreSQL answers at PG_BASE, else why not."""
    try:
        import psycopg

        with psycopg.connect(PG_BASE + "/postgres", connect_timeout=3) as conn:
            conn.execute("SELECT 1")
        return None
    except Exception as exc:  # noqa: BLE001 - any failure means "skip with the reason"
        return f"PostgreSQL not reachable at {PG_BASE} ({exc.__class__.__name__}: {str(exc).strip()[:120]})"


def create_pg_database(label: str, template: str | None = None) -> str:
    """Create a fresh database (a copy of ``template`` when given) and return its SQLAlchemy URL."""
    import psycopg

    name = f"tc_test_{label}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_BASE + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    return f"postgresql+psycopg://{PG_BASE.removeprefix('postgresql://')}/{name}"


def _drop_now(name: str) -> None:
    import psycopg

    with psycopg.connect(PG_BASE + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


_DROPS: "queue.Queue[str | None]" = queue.Queue()
_DROPPER: list[threading.Thread] = []
_DROP_ERRORS: list[str] = []


def _dropper() -> None:
    while (name := _DROPS.get()) is not None:
        try:
            _drop_now(name)
        except Exception as exc:  # noqa: BLE001 - a database left behind (tc_test_*) must not fail a later test
            _DROP_ERRORS.append(f"{name}: {exc.__class__.__name__}: {exc}")
        finally:
            _DROPS.task_done()
    _DROPS.task_done()


def drop_pg_database(url: str, *, wait: bool = False) -> None:
    """Drop the database of ``url``. Every ``DROP DATABASE`` makes PostgreSQL take a checkpoint (1–3 s on the shared
    machine, flushing every dirty page of the cluster), so by default the drop is queued to a background thread and
    the test goes on; :func:`finish_pg_drops` (the session's end) waits for the queue. ``wait=True`` drops now."""
    name = url.rsplit("/", 1)[1]
    if wait:
        _drop_now(name)
        return
    if not _DROPPER or not _DROPPER[-1].is_alive():
        if not _DROPPER:
            atexit.register(finish_pg_drops)
        _DROPPER.append(threading.Thread(target=_dropper, name="tc-test-pg-drops", daemon=True))
        _DROPPER[-1].start()
    _DROPS.put(name)


def finish_pg_drops() -> None:
    """Wait until every queued drop is done, then drop this process's templates (idempotent; the session's end)."""
    if _DROPPER and _DROPPER[-1].is_alive():
        _DROPS.put(None)
        _DROPPER[-1].join()
    with _TEMPLATE_LOCK:
        for (_, backend), template in list(_TEMPLATES.items()):
            if backend == "postgres":
                try:
                    _drop_now(template)
                except Exception as exc:  # noqa: BLE001 - reported below, like the queue's
                    _DROP_ERRORS.append(f"{template}: {exc.__class__.__name__}: {exc}")
        _TEMPLATES.clear()
    for error in _DROP_ERRORS:
        print(f"tests: could not drop the test database {error}", file=sys.stderr)
    _DROP_ERRORS.clear()


# ---- migrated databases, copied from a template made once per test process ----------------------------------

_TEMPLATES: dict[tuple[str, str], str] = {}
_TEMPLATE_LOCK = threading.Lock()
_TEMPLATE_DIR: list[Path] = []


def _service_dir(service: str) -> Path:
    return Path(importlib.import_module(f"{service}.main").SERVICE_DIR)


def _template(service: str, backend: str) -> str:
    """The template of ``service`` on ``backend``: a database migrated to head once per test process (a SQLite file
    path, or a PostgreSQL database name), removed when the process ends."""
    from common.db import upgrade_to_head

    with _TEMPLATE_LOCK:
        if (key := (service, backend)) in _TEMPLATES:
            return _TEMPLATES[key]
        if backend == "sqlite":
            if not _TEMPLATE_DIR:
                _TEMPLATE_DIR.append(Path(tempfile.mkdtemp(prefix="tc-test-templates-")))
                atexit.register(shutil.rmtree, _TEMPLATE_DIR[0], ignore_errors=True)
            path = _TEMPLATE_DIR[0] / f"{service}.db"
            upgrade_to_head(_service_dir(service), f"sqlite:///{path}")
            _TEMPLATES[key] = str(path)
        else:
            url = create_pg_database(f"tmpl_{service}")
            upgrade_to_head(_service_dir(service), url)  # its engine is disposed: no session left on the template
            _TEMPLATES[key] = url.rsplit("/", 1)[1]
            atexit.register(finish_pg_drops)
        return _TEMPLATES[key]


def migrated_database_url(service: str, backend: str, folder: Path, label: str | None = None) -> str:
    """A fresh database of ``service`` already at its migrations' head: a copy of the process's template (SQLite: the
    file, into ``folder``; PostgreSQL: ``CREATE DATABASE ... TEMPLATE``, no migration run again). The service still
    runs ``alembic upgrade head`` on start and finds nothing to do. Tests of the migrations themselves take an empty
    database (``new_database_url``). PostgreSQL databases are the caller's to drop (:func:`drop_pg_database`)."""
    template = _template(service, backend)
    if backend == "sqlite":
        path = Path(folder) / f"{label or service}-{uuid.uuid4().hex[:6]}.db"
        shutil.copyfile(template, path)
        return f"sqlite:///{path}"
    return create_pg_database(label or service, template=template)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Receiver:
    """A webhook receiver for tests (issue 13): a small HTTP server in a thread on ``port``. Records each POST
    (``path``, lower-cased headers, body, the status answered) in ``got``; ``fail_next`` answers 500 that many
    times first. ``start()`` / ``stop()``; ``taken()`` the JSON bodies answered 204."""

    def __init__(self, port: int):
        self.port, self.got, self.fail_next = port, [], 0
        self.server: ThreadingHTTPServer | None = None
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - the stdlib's name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                failing = outer.fail_next > 0
                outer.fail_next -= failing
                outer.got.append({"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()},
                                  "body": body, "status": 500 if failing else 204})
                self.send_response(500 if failing else 204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.handler = Handler

    def start(self) -> "Receiver":
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), self.handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()

    def taken(self) -> list[dict]:
        return [json.loads(g["body"]) for g in self.got if g["status"] == 204]
