"""Bearer credentials → identity, and the per-credential rate limit (token bucket)."""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

from common.errors import DomainError, Unauthorized
from common.identity import DEPARTMENTS, ROLES, Identity


class RateLimited(DomainError):
    status, code, title = 429, "rate_limited", "Too many requests"


class Credentials:
    """The gateway's credential table, keyed by SHA-256 of the bearer token (tokens themselves are not kept)."""

    def __init__(self, path: Path):
        raw = json.loads(path.read_text()) if path.exists() else {}
        self.by_hash: dict[str, Identity] = {}
        for digest, entry in raw.items():
            role, dept = entry["role"], entry.get("department")
            if role not in ROLES or role == "service" or (role == "department" and dept not in DEPARTMENTS):
                raise ValueError(f"credentials file has an invalid role for {entry.get('subject')}")
            self.by_hash[digest] = Identity(role=role, subject=entry["subject"], department=dept)

    def authenticate(self, authorization: str | None) -> Identity:
        """``Authorization: Bearer <token>`` → :class:`Identity`, else 401 ``unauthenticated``."""
        if not authorization or not authorization.lower().startswith("bearer "):
            raise Unauthorized("send Authorization: Bearer <credential>", code="unauthenticated")
        token = authorization[7:].strip()
        identity = self.by_hash.get(hashlib.sha256(token.encode()).hexdigest())
        if identity is None:
            raise Unauthorized("unknown or revoked credential", code="invalid_credential")
        return identity


class RateLimiter:
    """Token bucket per credential subject: ``rate`` per second, ``burst`` at most."""

    def __init__(self, rate: float, burst: int):
        self.rate, self.burst = rate, burst
        self.buckets: dict[str, tuple[float, float]] = {}

    def take(self, subject: str) -> None:
        now = time.monotonic()
        tokens, last = self.buckets.get(subject, (float(self.burst), now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        if tokens < 1:
            retry_after = max(1, int((1 - tokens) / self.rate + 0.999))
            self.buckets[subject] = (tokens, now)
            raise RateLimited(f"credential over {self.rate:g} requests/s", headers={"Retry-After": str(retry_after)})
        self.buckets[subject] = (tokens - 1, now)
