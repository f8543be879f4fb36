"""A real uvicorn server for an ASGI app, in a background thread of the test process, on a free 127.0.0.1 port."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from shared_kit import free_port


class ThreadedServer:
    """``with ThreadedServer(app) as url:`` serves ``app`` over real HTTP until the block ends; ``stop()`` earlier
    makes it a stopped upstream (connections refused)."""

    def __init__(self, app, *, port: int | None = None, **config: object):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", access_log=False,
                                lifespan="on", timeout_graceful_shutdown=1, **config)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True, name=f"uvicorn-{self.port}")

    def start(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"test server on port {self.port} did not start")
            time.sleep(0.01)
        return self.url

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@contextmanager
def serving(app, **config: object) -> Iterator[ThreadedServer]:
    server = ThreadedServer(app, **config)
    server.start()
    try:
        yield server
    finally:
        server.stop()
