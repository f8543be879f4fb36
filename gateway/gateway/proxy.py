"""Forwarding to one upstream: per-upstream timeout, retries for idempotent calls, a circuit breaker.

Only an allow-list of request headers is passed on; the caller's own identity header is never forwarded (the
gateway mints its own), so identity cannot be forged from outside.
"""

from __future__ import annotations

import asyncio
import time

import httpx

from common.errors import DomainError

FORWARD_REQUEST_HEADERS = ("content-type", "accept", "idempotency-key", "if-match", "if-none-match")
DROP_RESPONSE_HEADERS = {"content-length", "transfer-encoding", "connection", "keep-alive", "server", "date"}
IDEMPOTENT_METHODS = {"GET", "HEAD", "OPTIONS", "PUT", "DELETE"}


class UpstreamUnavailable(DomainError):
    status, code, title = 503, "upstream_unavailable", "Service unavailable"


class UpstreamTimeout(DomainError):
    status, code, title = 504, "upstream_timeout", "Service timed out"


class CircuitBreaker:
    """Opens after ``failures`` consecutive failures; after ``reset_s`` lets one trial call through."""

    def __init__(self, failures: int, reset_s: float):
        self.threshold, self.reset_s = failures, reset_s
        self.failures, self.opened_at = 0, 0.0

    @property
    def state(self) -> str:
        if self.failures < self.threshold:
            return "closed"
        return "half_open" if time.monotonic() - self.opened_at >= self.reset_s else "open"

    def allow(self) -> bool:
        return self.state != "open"

    def record(self, ok: bool) -> None:
        if ok:
            self.failures = 0
            return
        self.failures += 1
        if self.failures >= self.threshold:
            self.opened_at = time.monotonic()


class Upstream:
    """One service behind the gateway."""

    def __init__(self, name: str, base_url: str, *, timeout_s: float, connect_s: float, retries: int,
                 breaker: CircuitBreaker, transport: httpx.AsyncBaseTransport | None = None):
        self.name, self.retries, self.breaker = name, retries, breaker
        self.client = httpx.AsyncClient(base_url=base_url, transport=transport,
                                        timeout=httpx.Timeout(timeout_s, connect=connect_s),
                                        limits=httpx.Limits(max_connections=200, max_keepalive_connections=100))

    async def send(self, method: str, path: str, query: bytes, headers: dict[str, str], body: bytes) -> httpx.Response:
        """Forward once (or ``1 + retries`` times for idempotent calls on connection errors)."""
        if not self.breaker.allow():
            raise UpstreamUnavailable(f"{self.name} is failing; circuit open, try again shortly",
                                      headers={"Retry-After": str(int(self.breaker.reset_s) or 1)})
        idempotent = method in IDEMPOTENT_METHODS or "idempotency-key" in headers
        attempts = 1 + (self.retries if idempotent else 0)
        url = httpx.URL(path=path, query=query)
        for attempt in range(attempts):
            try:
                resp = await self.client.request(method, url, headers=headers, content=body)
            except httpx.TimeoutException:
                self.breaker.record(False)
                raise UpstreamTimeout(f"{self.name} did not answer in time") from None
            except httpx.TransportError:
                self.breaker.record(False)
                if attempt + 1 < attempts and self.breaker.allow():
                    await asyncio.sleep(0.05 * (attempt + 1))
                    continue
                raise UpstreamUnavailable(f"{self.name} is unreachable") from None
            self.breaker.record(resp.status_code < 500)
            return resp
        raise UpstreamUnavailable(f"{self.name} is unreachable")  # pragma: no cover

    async def health(self) -> str:
        try:
            resp = await self.client.get("/health", timeout=2.0)
            return "ok" if resp.status_code == 200 else f"status {resp.status_code}"
        except httpx.HTTPError as exc:
            return f"down ({exc.__class__.__name__})"

    async def aclose(self) -> None:
        await self.client.aclose()
