"""Forwarding to one upstream: per-upstream timeout, retries for idempotent calls, a circuit breaker.

Only an allow-list of request headers is passed on; the caller's own identity header is never forwarded (the
gateway mints its own), so identity cannot be forged from outside.

Failure semantics (what the caller sees as problem details):
- the upstream cannot be reached (refused, reset, no connection within ``connect_s``) → 503 ``upstream_unavailable``;
  GET/HEAD/OPTIONS/PUT/DELETE and any call carrying ``Idempotency-Key`` are tried ``1 + retries`` times first;
- the upstream accepted the request but did not answer within its timeout → 504 ``upstream_timeout`` (never
  retried: the request may have had its effect);
- ``breaker.threshold`` consecutive failures (the two above, or a 502/503/504 answer) open the circuit: calls are
  answered 503 at once, with ``Retry-After``, until ``reset_s`` has passed; then one trial call goes through, and
  its outcome closes or re-opens the circuit. A 500 from the upstream is a bug in one endpoint, not an outage, and
  does not count.
"""

from __future__ import annotations

import asyncio
import time
from typing import NamedTuple

import aiohttp
import httpx
from yarl import URL

from gateway.errors import CircuitOpen, UpstreamTimeout, UpstreamUnavailable

FORWARD_REQUEST_HEADERS = frozenset({b"content-type", b"accept", b"idempotency-key", b"if-match", b"if-none-match"})
DROP_RESPONSE_HEADERS = frozenset({b"content-length", b"transfer-encoding", b"connection", b"keep-alive", b"server",
                                   b"date", b"x-request-id", b"content-encoding"})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
OUTAGE_STATUSES = frozenset({502, 503, 504})


class CircuitBreaker:
    """Opens after ``failures`` consecutive failures; after ``reset_s`` lets one trial call through at a time."""

    def __init__(self, failures: int, reset_s: float):
        self.threshold, self.reset_s = failures, reset_s
        self.failures, self.opened_at = 0, 0.0
        self.trial_at = 0.0  # when the current half-open trial started (0: none in flight)

    @property
    def state(self) -> str:
        if self.failures < self.threshold:
            return "closed"
        return "half_open" if time.monotonic() - self.opened_at >= self.reset_s else "open"

    def allow(self) -> bool:
        """May a call go through now? In half-open state only one trial is in flight (a stuck trial expires)."""
        state = self.state
        if state == "closed":
            return True
        if state == "open":
            return False
        now = time.monotonic()
        if self.trial_at and now - self.trial_at < self.reset_s:
            return False
        self.trial_at = now
        return True

    def record(self, ok: bool) -> None:
        self.trial_at = 0.0
        if ok:
            self.failures = 0
            return
        self.failures += 1
        if self.failures >= self.threshold:
            self.opened_at = time.monotonic()

    def retry_after(self) -> str:
        """Seconds until a trial call may go through (at least 1), for the ``Retry-After`` header."""
        return str(max(1, int(self.reset_s - (time.monotonic() - self.opened_at) + 0.999)))


class Answer(NamedTuple):
    """An upstream's answer, read whole: status, raw header pairs (lower-case names), body."""

    status: int
    headers: list[tuple[bytes, bytes]]
    content: bytes


class Upstream:
    """One service behind the gateway, with its own connection pool, timeout and circuit breaker.

    Network calls go through one ``aiohttp.ClientSession`` per upstream (a pooled keep-alive connection set; about a
    tenth of httpx's CPU per proxied request on this suite's 2-core machines), its errors mapped onto httpx's
    exception classes so one policy handles both. Tests hand in a ``transport`` (``httpx.MockTransport``, an ASGI
    app): those calls go through an ``httpx.AsyncClient``.
    """

    def __init__(self, name: str, base_url: str, *, timeout_s: float, connect_s: float, retries: int,
                 breaker: CircuitBreaker, transport: httpx.AsyncBaseTransport | None = None):
        self.name, self.retries, self.breaker, self.timeout_s = name, retries, breaker, timeout_s
        self.base_url, self.transport = base_url.rstrip("/"), transport
        self.session: aiohttp.ClientSession | None = None
        self.aio_timeout = aiohttp.ClientTimeout(total=None, connect=connect_s, sock_read=timeout_s)
        timeout = httpx.Timeout(timeout_s, connect=connect_s, pool=connect_s)
        self.client = httpx.AsyncClient(base_url=base_url, transport=transport, timeout=timeout,
                                        headers={"accept-encoding": "identity", "user-agent": "tongcheng-gateway"},
                                        limits=httpx.Limits(max_connections=200, max_keepalive_connections=100,
                                                            keepalive_expiry=2.0))  # < uvicorn's 5 s

    def _refuse(self) -> CircuitOpen:
        return CircuitOpen(f"{self.name} is failing; circuit open, try again shortly",
                           headers={"Retry-After": self.breaker.retry_after()})

    async def _exchange(self, method: str, target: bytes, headers: list[tuple[bytes, bytes]],
                        body: bytes) -> Answer:
        if self.transport is None:
            return await self._exchange_aiohttp(method, target, headers, body)
        resp = await self.client.request(method, httpx.URL(raw_path=target),
                                         headers=[(k.decode("latin-1"), v.decode("latin-1")) for k, v in headers],
                                         content=body)
        return Answer(resp.status_code, [(k.lower(), v) for k, v in resp.headers.raw], resp.content)

    async def _exchange_aiohttp(self, method: str, target: bytes, headers: list[tuple[bytes, bytes]],
                                body: bytes) -> Answer:
        if self.session is None:  # created on the running loop, on first use
            self.session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=200, keepalive_timeout=2.0),  # < uvicorn's 5 s keep-alive
                timeout=self.aio_timeout, auto_decompress=False, skip_auto_headers=("User-Agent", "Accept-Encoding"))
        url = URL(self.base_url + target.decode("ascii"), encoded=True)
        hdrs = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in headers]
        try:
            async with self.session.request(method, url, headers=hdrs, data=body or None,
                                            allow_redirects=False) as resp:
                content = await resp.read()
                return Answer(resp.status, [(k.lower(), v) for k, v in resp.raw_headers], content)
        except aiohttp.ConnectionTimeoutError as exc:
            raise httpx.ConnectTimeout(str(exc)) from None
        except aiohttp.ClientConnectorError as exc:
            raise httpx.ConnectError(str(exc)) from None
        except (aiohttp.ServerTimeoutError, asyncio.TimeoutError) as exc:
            raise httpx.ReadTimeout(str(exc) or "read timeout") from None
        except (aiohttp.ServerDisconnectedError, aiohttp.ClientPayloadError) as exc:
            raise httpx.RemoteProtocolError(str(exc)) from None
        except aiohttp.ClientError as exc:
            raise httpx.ReadError(str(exc)) from None

    async def send(self, method: str, target: bytes, headers: list[tuple[bytes, bytes]], body: bytes) -> Answer:
        """Forward once (or ``1 + retries`` times for idempotent calls on connection errors).

        ``target`` is the percent-encoded path and query as the caller sent them (``/scores/HY2025-1-000001``),
        passed on unchanged so an encoded ``/`` or ``..`` in an id cannot change which upstream route answers.
        ``headers`` are lower-case ``(name, value)`` byte pairs.
        """
        if not self.breaker.allow():
            raise self._refuse()
        idempotent = method in IDEMPOTENT_METHODS or any(name == b"idempotency-key" for name, _ in headers)
        attempts = 1 + (self.retries if idempotent else 0)
        for attempt in range(attempts):
            try:
                answer = await self._exchange(method, target, headers, body)
            except (httpx.ConnectTimeout, httpx.PoolTimeout, httpx.ConnectError, httpx.RemoteProtocolError,
                    httpx.ReadError, httpx.WriteError) as exc:
                # Not reached, or the connection broke: safe to try again only for idempotent calls.
                self.breaker.record(False)
                if attempt + 1 < attempts and self.breaker.allow():
                    await asyncio.sleep(0.05 * (attempt + 1))
                    continue
                raise UpstreamUnavailable(f"{self.name} is unreachable ({exc.__class__.__name__})") from None
            except httpx.TimeoutException:
                self.breaker.record(False)
                raise UpstreamTimeout(f"{self.name} did not answer within {self.timeout_s:g} s") from None
            except httpx.TransportError as exc:
                self.breaker.record(False)
                raise UpstreamUnavailable(f"{self.name} is unreachable ({exc.__class__.__name__})") from None
            self.breaker.record(answer.status not in OUTAGE_STATUSES)
            return answer
        raise UpstreamUnavailable(f"{self.name} is unreachable")  # pragma: no cover - the loop always returns/raises

    async def health(self) -> str:
        """``"ok"``, ``"status <N>"`` or ``"down (<error>)"`` from the upstream's ``GET /health`` (2 s at most)."""
        try:
            resp = await self.client.get("/health", timeout=2.0)
            return "ok" if resp.status_code == 200 else f"status {resp.status_code}"
        except httpx.HTTPError as exc:
            return f"down ({exc.__class__.__name__})"

    async def aclose(self) -> None:
        await self.client.aclose()
        if self.session is not None:
            await self.session.close()
