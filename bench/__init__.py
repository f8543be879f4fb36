"""Benchmarks: each module prints figures; `python -m bench` runs them all."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def scratch_postgres(server: str, label: str) -> Iterator[str]:
    """A fresh database ``tc_bench_<label>_<random>`` on the PostgreSQL ``server``
    (``postgresql://user@host:port``), as a SQLAlchemy URL; dropped afterwards."""
    import psycopg

    server = server.rstrip("/")
    name = f"tc_bench_{label}_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server + "/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://{server.split('://', 1)[1]}/{name}"
    finally:
        with psycopg.connect(server + "/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
