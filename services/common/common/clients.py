"""Typed-client base for service-to-service calls (one ``httpx.Client`` per upstream per process).

The caller's service identity is minted per request; GETs and keyed POSTs are retried with tenacity on transport
errors and 502/503/504; a dead upstream becomes our own 503 ``upstream_unavailable``.
"""

from __future__ import annotations

from typing import Any

import httpx
from tenacity import retry, retry_if_exception, stop_after_attempt, wait_exponential

from common import json_codec
from common.errors import DomainError, Unavailable
from common.identity import IDENTITY_HEADER, Identity, mint
from common.logging import request_id_var

RETRY_STATUSES = {502, 503, 504}


class UpstreamError(DomainError):
    """The upstream answered with a problem we pass on (its status and code)."""


def _retryable(exc: BaseException) -> bool:
    if isinstance(exc, httpx.TransportError):
        return True
    return isinstance(exc, httpx.HTTPStatusError) and exc.response.status_code in RETRY_STATUSES


class ServiceClient:
    """Base for a typed client. ``transport`` lets tests hand in the provider's app or an ``httpx.MockTransport``."""

    def __init__(self, base_url: str, *, secret: str, caller: str, timeout_s: float = 10.0,
                 attempts: int = 3, transport: httpx.BaseTransport | None = None, client: httpx.Client | None = None):
        self.secret, self.caller, self.attempts = secret, caller, attempts
        self.http = client or httpx.Client(base_url=base_url, timeout=httpx.Timeout(timeout_s, connect=2.0),
                                           transport=transport)

    def _headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        headers = {IDENTITY_HEADER: mint(self.secret, Identity(role="service", subject=self.caller))}
        if rid := request_id_var.get():
            headers["X-Request-ID"] = rid
        return {**headers, **(extra or {})}

    def request(self, method: str, path: str, *, idempotency_key: str | None = None, **kwargs: Any) -> Any:
        """Send and decode JSON; retries only GETs and POSTs that carry an idempotency key."""
        safe = method == "GET" or idempotency_key is not None
        extra = {"Idempotency-Key": idempotency_key} if idempotency_key else None

        @retry(retry=retry_if_exception(_retryable), stop=stop_after_attempt(self.attempts if safe else 1),
               wait=wait_exponential(multiplier=0.1, max=2), reraise=True)
        def once() -> httpx.Response:
            resp = self.http.request(method, path, headers=self._headers(extra), **kwargs)
            if resp.status_code in RETRY_STATUSES:
                resp.raise_for_status()
            return resp

        try:
            resp = once()
        except (httpx.TransportError, httpx.HTTPStatusError) as exc:
            raise Unavailable(f"{self.__class__.__name__}: upstream unavailable ({exc.__class__.__name__})") from None
        if resp.status_code >= 400:
            try:
                body = resp.json()
            except ValueError:
                body = {}
            err = UpstreamError(str(body.get("detail", resp.text[:200])), code=str(body.get("code", "upstream_error")))
            err.status = resp.status_code if resp.status_code < 500 else 502
            raise err
        return json_codec.loads(resp.content) if resp.content else None  # orjson: the pages are large

    def close(self) -> None:
        self.http.close()
