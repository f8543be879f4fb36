"""Plain helpers every test folder may import (``from shared_kit import ...``): the test secret, PostgreSQL
databases, free ports. The fixtures are in ``tests/conftest.py`` and in each folder's ``conftest.py``; a test module
never imports a conftest (several folders have one, and ``conftest`` names whichever pytest loaded last).

PostgreSQL: ``TONGCHENG_TEST_PG`` (default ``postgresql://postgres@127.0.0.1:5432``).
"""

from __future__ import annotations

import json
import os
import socket
import threading
import uuid
from functools import lru_cache
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


def create_pg_database(label: str) -> str:
    """Create a fresh database and return its SQLAlchemy URL."""
    import psycopg

    name = f"tc_test_{label}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(PG_BASE + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"postgresql+psycopg://{PG_BASE.removeprefix('postgresql://')}/{name}"


def drop_pg_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(PG_BASE + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


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
