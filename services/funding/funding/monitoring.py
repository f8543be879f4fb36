"""Funding's gauges on ``/metrics`` (issue 14): the ledger's last verification in this process — whether the chain
and the records it speaks for checked out, how many entries, when — set by every ``GET /ledger/verify`` and by a
background check every ``FUNDING_LEDGER_VERIFY_INTERVAL_S`` (300 s; 0 turns it off), so an alert needs no caller.
A broken ledger is the one alert that must wake somebody (README, "What to watch")."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi import FastAPI

from common.db import Database
from funding import ledger_store

log = logging.getLogger("funding.monitoring")


def install(app: FastAPI) -> None:
    metrics = app.state.metrics
    app.state.ledger_gauges = (
        metrics.gauge("ledger_verified_ok", "1 when the last verification found the chain and its records intact, 0 not"),
        metrics.gauge("ledger_verified_entries", "entries walked by the last verification"),
        metrics.gauge("ledger_verified_timestamp_seconds", "when the last verification ran (Unix time)"),
    )


def record(app: FastAPI, ok: bool, entries: int) -> None:
    """Set the gauges from a verification just made (``ok``: chain intact and no mismatch)."""
    gauges = getattr(app.state, "ledger_gauges", None)
    if gauges is not None:
        gauges[0].set(1 if ok else 0)
        gauges[1].set(entries)
        gauges[2].set(time.time())
    if not ok:
        log.error("the funding ledger does not verify (%d entries walked)", entries)


def verify_now(app: FastAPI, db: Database) -> bool:
    """Walk the chain and reconcile, as ``GET /ledger/verify`` does, and record the outcome → ok."""
    with db.read_session() as session:
        result = ledger_store.verify_ledger(session)
        _, mismatches = ledger_store.reconcile(session)
    ok = result.ok and not mismatches
    record(app, ok, result.entries)
    return ok


@contextmanager
def periodic_verification(app: FastAPI, interval_s: float) -> Iterator[None]:
    """While the app runs, verify the ledger every ``interval_s`` seconds (first after one interval) in a daemon
    thread; nothing when ``interval_s`` is 0."""
    stop = threading.Event()

    def loop() -> None:
        while not stop.wait(interval_s):
            try:
                verify_now(app, app.state.db)
            except Exception:  # noqa: BLE001 - a failed check (database restarting) is tried again next time
                log.exception("periodic ledger verification failed")

    thread = threading.Thread(target=loop, name="ledger-verify", daemon=True) if interval_s > 0 else None
    if thread is not None:
        thread.start()
    try:
        yield
    finally:
        stop.set()
        if thread is not None:
            thread.join(5)
