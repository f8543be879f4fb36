"""A lean HTTP/1.1 keep-alive transport for the gateway's upstream calls (an ``httpx.AsyncBaseTransport``).

Why: httpx's default transport (httpcore over anyio, h11 parsing) costs about 1 ms of CPU per proxied request on
this suite's 2-core machines — more than the services' own reads. This transport writes the request bytes on a pooled
asyncio stream and parses the answer with httptools (the C parser uvicorn already uses): about a tenth of that.
The gateway keeps the httpx client API (timeouts, ``httpx.*`` exceptions, ``MockTransport`` in tests).

Scope: plain ``http://`` upstreams on the suite's private network, requests with a known body (no streaming),
answers read whole. Errors are the httpx ones the proxy maps: ``ConnectError`` / ``ConnectTimeout`` (not reached),
``PoolTimeout``, ``WriteError``, ``ReadTimeout`` (accepted, no answer in time), ``RemoteProtocolError`` (closed
mid-answer). A pooled connection that the upstream closed while idle is detected (EOF before any byte of the answer); an
idempotent request (by method or ``Idempotency-Key``) is then sent once more on a fresh connection, any other
becomes ``RemoteProtocolError`` (the proxy answers 503 and does not retry it).
"""

from __future__ import annotations

import asyncio
import time
from collections import deque

import httptools
import httpx

_READ = 65536
_RESENDABLE = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


class _Answer:
    """httptools callbacks: collects status, headers and body of one response."""

    __slots__ = ("status", "headers", "body", "done", "headers_done")

    def __init__(self) -> None:
        self.status = 0
        self.headers: list[tuple[bytes, bytes]] = []
        self.body: list[bytes] = []
        self.done = False
        self.headers_done = False

    def on_header(self, name: bytes, value: bytes) -> None:
        self.headers.append((name, value))

    def on_headers_complete(self) -> None:
        self.headers_done = True

    def on_body(self, body: bytes) -> None:
        self.body.append(body)

    def on_message_complete(self) -> None:
        self.done = True


class _Connection:
    __slots__ = ("reader", "writer", "idle_since")

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        self.reader, self.writer = reader, writer
        self.idle_since = time.monotonic()

    def close(self) -> None:
        try:
            self.writer.close()
        except Exception:  # noqa: BLE001 - closing a broken socket may fail; it is gone either way
            pass


class _StaleConnection(Exception):
    """A pooled connection was closed by the upstream before it sent any byte of an answer."""


class LeanTransport(httpx.AsyncBaseTransport):
    """Keep-alive connection pool to one ``host:port`` (at most ``max_connections``; idle ones expire after
    ``keepalive_expiry`` seconds, below uvicorn's 5 s keep-alive so the server rarely closes one under us)."""

    def __init__(self, *, max_connections: int = 200, keepalive_expiry: float = 2.0):
        self.keepalive_expiry = keepalive_expiry
        self.host, self.port, self.host_header = "", 80, b""
        self._idle: deque[_Connection] = deque()
        self._slots = asyncio.Semaphore(max_connections)
        self._closed = False

    async def _connect(self, host: str, port: int, timeout: float | None) -> _Connection:
        try:
            async with asyncio.timeout(timeout):
                reader, writer = await asyncio.open_connection(host, port, limit=_READ)
        except TimeoutError:
            raise httpx.ConnectTimeout(f"no connection to {host}:{port} within {timeout} s") from None
        except OSError as exc:
            raise httpx.ConnectError(f"{host}:{port}: {exc.strerror or exc}") from None
        return _Connection(reader, writer)

    def _take_idle(self) -> _Connection | None:
        now = time.monotonic()
        while self._idle:
            conn = self._idle.pop()  # most recently used first: the likeliest to be alive
            if now - conn.idle_since < self.keepalive_expiry and not conn.reader.at_eof():
                return conn
            conn.close()
        return None

    def bind(self, base_url: str) -> "LeanTransport":
        """Fix the upstream (``http://host:port``) for :meth:`request`, the gateway's fast path."""
        url = httpx.URL(base_url)
        self.host, self.port = url.host, url.port or 80
        self.host_header = f"{self.host}:{self.port}".encode()
        return self

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """The httpx interface (``/health`` probes, any httpx client)."""
        url = request.url
        headers = [(n, v) for n, v in request.headers.raw]
        status, answer_headers, content = await self._send(
            url.host, url.port or 80, request.method, url.raw_path, headers, request.content,
            request.extensions.get("timeout", {}))
        return httpx.Response(status, headers=answer_headers, content=content, request=request)

    async def request(self, method: str, target: bytes, headers: list[tuple[bytes, bytes]], body: bytes,
                      timeouts: dict) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        """One exchange with the bound upstream without building httpx models: ``target`` is the raw path and
        query; ``headers`` are sent as given after ``Host`` and ``Content-Length``. Returns status, headers, body."""
        head = [(b"host", self.host_header)]
        if body or method in ("POST", "PUT", "PATCH"):
            head.append((b"content-length", str(len(body)).encode()))
        return await self._send(self.host, self.port, method, target, head + headers, body, timeouts)

    async def _send(self, host: str, port: int, method: str, target: bytes, headers: list[tuple[bytes, bytes]],
                    body: bytes, timeouts: dict) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        head = [method.encode(), b" ", target, b" HTTP/1.1\r\n"]
        for name, value in headers:
            head += [name, b": ", value, b"\r\n"]
        head.append(b"\r\n")
        payload = b"".join(head) + body
        pool_timeout = timeouts.get("pool")
        try:
            async with asyncio.timeout(pool_timeout):
                await self._slots.acquire()
        except TimeoutError:
            raise httpx.PoolTimeout("all upstream connections busy") from None
        try:
            for fresh in (False, True):
                conn = None if fresh else self._take_idle()
                reused = conn is not None
                if conn is None:
                    conn = await self._connect(host, port, timeouts.get("connect"))
                try:
                    answer, keep = await self._exchange(conn, payload, method, timeouts, reused)
                except _StaleConnection:
                    conn.close()
                    if method in _RESENDABLE or any(name.lower() == b"idempotency-key" for name, _ in headers):
                        continue
                    raise httpx.RemoteProtocolError("upstream closed a kept-alive connection") from None
                except BaseException:
                    conn.close()
                    raise
                if keep and not self._closed:
                    conn.idle_since = time.monotonic()
                    self._idle.append(conn)
                else:
                    conn.close()
                return answer.status, answer.headers, b"".join(answer.body)
            raise httpx.RemoteProtocolError("upstream closed the connection twice")  # pragma: no cover
        finally:
            self._slots.release()

    async def _exchange(self, conn: _Connection, payload: bytes, method: str, timeouts: dict,
                        reused: bool) -> tuple[_Answer, bool]:
        try:
            conn.writer.write(payload)
            async with asyncio.timeout(timeouts.get("write")):
                await conn.writer.drain()
        except TimeoutError:
            raise httpx.WriteTimeout("upstream did not take the request in time") from None
        except OSError as exc:
            if reused:
                raise _StaleConnection from None
            raise httpx.WriteError(str(exc)) from None
        answer = _Answer()
        parser = httptools.HttpResponseParser(answer)
        got_any = False
        try:
            async with asyncio.timeout(timeouts.get("read")):
                while not answer.done:
                    try:
                        data = await conn.reader.read(_READ)
                    except OSError as exc:
                        if reused and not got_any:
                            raise _StaleConnection from None
                        raise httpx.ReadError(str(exc)) from None
                    if not data:
                        if reused and not got_any:
                            raise _StaleConnection
                        raise httpx.RemoteProtocolError("upstream closed the connection mid-answer")
                    got_any = True
                    try:
                        parser.feed_data(data)
                    except httptools.HttpParserUpgrade:  # pragma: no cover - never asked for
                        raise httpx.RemoteProtocolError("unexpected protocol upgrade") from None
                    except httptools.HttpParserError as exc:
                        raise httpx.RemoteProtocolError(f"malformed answer: {exc}") from None
                    if method == "HEAD" and answer.headers_done:
                        answer.done = True
        except TimeoutError:
            raise httpx.ReadTimeout("upstream did not answer in time") from None
        answer.status = parser.get_status_code()
        # (httptools' should_keep_alive() is reset once the message completes: read the headers ourselves)
        keep = parser.get_http_version() == "1.1" and not any(
            name.lower() == b"connection" and b"close" in value.lower() for name, value in answer.headers)
        return answer, keep

    async def aclose(self) -> None:
        self._closed = True
        while self._idle:
            self._idle.pop().close()
