"""The app factory's start-up tuning (issue 8, ``common.app.build_app``): the worker-thread limit of sync endpoints
(``TONGCHENG_WORKER_THREADS``), the frozen start-up heap and the garbage collector's threshold."""

from __future__ import annotations

import gc
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import anyio.to_thread
import httpx
import pytest
from fastapi import APIRouter
from fastapi.testclient import TestClient
from pydantic import ValidationError

from common.app import GC_THRESHOLD, build_app
from common.config import ServiceSettings
from shared_kit import TEST_SECRET
from server_kit import serving


def _settings(tmp_path: Path, **overrides: object) -> ServiceSettings:
    return ServiceSettings(internal_secret=TEST_SECRET, database_url=f"sqlite:///{tmp_path / 'w.db'}",
                           data_dir=tmp_path, **overrides)


class Probe:
    """A router whose sync endpoint holds its worker thread for ``hold_s`` and records how many ran at once."""

    def __init__(self, hold_s: float = 0.15):
        self.hold_s, self.running, self.most = hold_s, 0, 0
        self.lock = threading.Lock()
        self.router = APIRouter()

        @self.router.get("/tokens")
        async def tokens() -> dict[str, float]:
            return {"total_tokens": anyio.to_thread.current_default_thread_limiter().total_tokens}

        @self.router.get("/hold")
        def hold() -> dict[str, int]:
            with self.lock:
                self.running += 1
                self.most = max(self.most, self.running)
            time.sleep(self.hold_s)
            with self.lock:
                self.running -= 1
            return {"ok": 1}

        @self.router.get("/frozen")
        def frozen() -> dict[str, object]:
            return {"frozen": gc.get_freeze_count(), "threshold": list(gc.get_threshold())}


def _app(settings: ServiceSettings, probe: Probe):
    return build_app(settings, title="probe", description="probe", service_dir=Path("."), routers=[probe.router],
                     migrate=False)


def test_default_is_8_worker_threads_read_from_the_suite_prefix(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                 ) -> None:
    assert _settings(tmp_path).worker_threads == 8
    monkeypatch.setenv("TONGCHENG_WORKER_THREADS", "5")
    assert _settings(tmp_path).worker_threads == 5
    for bad in ("0", "-1", "many"):
        monkeypatch.setenv("TONGCHENG_WORKER_THREADS", bad)
        with pytest.raises(ValidationError):
            _settings(tmp_path)


@pytest.mark.parametrize("threads", [3, 8, 30])  # none is anyio's default of 40
def test_running_app_limits_its_event_loop_to_the_setting(tmp_path: Path, threads: int) -> None:
    probe = Probe()
    app = _app(_settings(tmp_path, worker_threads=threads), probe)
    with TestClient(app) as client:
        assert client.get("/tokens").json() == {"total_tokens": threads}
        assert app.state.db.engine.pool.size() > threads  # every worker can hold a connection, and one is left


def test_no_more_sync_requests_run_at_once_than_worker_threads(tmp_path: Path) -> None:
    """Over real HTTP (uvicorn), 8 concurrent slow requests with ``worker_threads=2``: two at a time, all served."""
    probe = Probe(hold_s=0.15)
    with serving(_app(_settings(tmp_path, worker_threads=2), probe)) as server:
        def call(_: int) -> int:
            return httpx.get(server.url + "/hold", timeout=10).status_code

        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=8) as pool:
            statuses = list(pool.map(call, range(8)))
        elapsed = time.monotonic() - started
    assert statuses == [200] * 8
    assert probe.most == 2
    assert elapsed >= 4 * probe.hold_s  # 8 requests, 2 at a time: four rounds


def test_start_up_heap_is_frozen_while_serving_and_released_on_shutdown(tmp_path: Path) -> None:
    probe = Probe()
    gc.unfreeze()
    before = gc.get_threshold()
    with TestClient(_app(_settings(tmp_path), probe)) as client:
        got = client.get("/frozen").json()
        assert got["frozen"] > 10_000  # modules, the app, its routes and models
        assert got["threshold"] == list(GC_THRESHOLD)  # fewer collections while serving (issue 15)
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before
