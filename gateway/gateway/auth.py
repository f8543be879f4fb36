"""Bearer credentials → identity, and the per-credential rate limit (the ``limits`` library)."""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections import deque
from pathlib import Path
from typing import Any

from limits import RateLimitItemPerSecond
from limits.aio.storage import RedisStorage
from limits.aio.strategies import MovingWindowRateLimiter

from common.errors import InvalidCredential, Unauthorized
from common.identity import DEPARTMENTS, ROLES, Identity, valid_school, verify_staff
from gateway.errors import RateLimited


class Credentials:
    """The gateway's credential table, keyed by SHA-256 of the bearer token (tokens themselves are not kept), and
    the staff console's per-person tokens (JWTs signed with ``console_secret``; see
    :func:`common.identity.verify_staff`): their subject is the person's username, so roles are enforced and the
    access log names the person exactly as for any other caller. A ``school`` credential names its
    ``school_code`` (the one school whose roll it may confirm)."""

    def __init__(self, path: Path, console_secret: str = ""):
        self.console_secret = console_secret if len(console_secret) >= 32 else ""
        raw = json.loads(path.read_text()) if path.exists() else {}
        self.by_hash: dict[str, Identity] = {}
        for digest, entry in raw.items():
            role, dept, school = entry["role"], entry.get("department"), entry.get("school_code")
            if role not in ROLES or role == "service" or (role == "department" and dept not in DEPARTMENTS) \
                    or not valid_school(role, school):
                raise ValueError(f"credentials file has an invalid role for {entry.get('subject')}")
            self.by_hash[digest] = Identity(role=role, subject=entry["subject"], department=dept, school=school)

    def authenticate(self, authorization: str | None) -> Identity:
        """``Authorization: Bearer <token>`` → :class:`Identity`, else 401 ``unauthenticated``."""
        if not authorization or not authorization.lower().startswith("bearer "):
            raise Unauthorized("send Authorization: Bearer <credential>")
        token = authorization[7:].strip()
        identity = self.by_hash.get(hashlib.sha256(token.encode()).hexdigest())
        if identity is None and self.console_secret and token.count(".") == 2:
            # a person signed in at the staff console: a short-lived token naming them (issue 12)
            return verify_staff(self.console_secret, token)
        if identity is None:
            raise InvalidCredential("unknown or revoked credential")
        return identity


log = logging.getLogger("gateway.rate_limit")


class MovingWindow:
    """This process's own counts (``memory://``): per key, the times of the requests let through in the last
    ``window_s`` seconds, oldest first. The rule of ``limits``' moving window: a request passes when fewer than
    ``limit`` passed in the ``window_s`` seconds before it.

    Kept here rather than in ``limits.aio``'s memory storage, which after a hit hands an expiry pass to a worker
    thread (``asyncio.to_thread``): some 0.2 ms of CPU a request, the largest part of the gateway's own cost at a
    submit's pace, where nearly every request starts that pass anew (issue 15). A deque per key is the whole state:
    at most ``limit`` times, expired ones dropped from the left on the key's next request."""

    def __init__(self, limit: int, window_s: float):
        self.limit, self.window_s = limit, window_s
        self.times: dict[str, deque[float]] = {}

    def hit(self, key: str) -> float | None:
        """Count a request of ``key`` → ``None`` when it passes, else the seconds until one of the window's
        requests expires (it is then not counted)."""
        now = time.monotonic()
        times = self.times.get(key)
        if times is None:
            times = self.times[key] = deque()
        cutoff = now - self.window_s
        while times and times[0] <= cutoff:
            times.popleft()
        if len(times) >= self.limit:
            return times[0] - cutoff
        times.append(now)
        return None


class RateLimiter:
    """Per credential subject: at most ``burst`` requests in any window of ``burst / rate`` seconds (at least 1 s),
    which sustains ``rate`` per second and lets a quiet credential burst to ``burst`` — the token bucket's promise,
    kept exactly by a moving window (a bounded list of timestamps per credential: :class:`MovingWindow` in this
    process, ``limits``' moving window in Redis).

    ``storage`` is where the counts live: ``memory://`` (the default: this process only) or ``redis://host:port/db``
    (every gateway process sharing that Redis shares the limit: N gateways never let a credential through N times
    over). When Redis does not answer, requests pass (an outage of the limiter must not close the door) and each
    such pass is counted in ``storage_errors`` and logged at most once a minute.
    """

    def __init__(self, rate: float, burst: int, storage: str = "memory://", *, key_prefix: str = "tongcheng-gw"):
        window = max(1, round(burst / rate))
        self.rate, self.burst = rate, burst
        self.item = RateLimitItemPerSecond(burst, window)
        self.local: MovingWindow | None = None  # memory://: this process's counts
        self.limiter: MovingWindowRateLimiter | None = None  # redis://: the counts every gateway shares
        if storage.startswith(("redis://", "rediss://")):
            self.storage = RedisStorage("async+" + storage, implementation="redispy", key_prefix=key_prefix,
                                        socket_timeout=0.5, socket_connect_timeout=0.5)
            self.limiter = MovingWindowRateLimiter(self.storage)
        elif storage in ("memory://", ""):
            self.local = MovingWindow(burst, window)
        else:
            raise ValueError(f"rate-limit storage must be memory:// or redis://host:port/db, not {storage!r}")
        self.shared = self.limiter is not None
        self.refused = 0
        self.storage_errors = 0
        self._logged_at = 0.0
        self._counters: tuple[Any, Any] | None = None

    def count_in(self, refusals: Any, storage_errors: Any) -> None:
        """Also count refusals and store failures in these Prometheus counters (``/metrics``)."""
        self._counters = (refusals, storage_errors)

    async def take(self, subject: str) -> None:
        """Count one request of ``subject``; 429 ``rate_limited`` with ``Retry-After`` (seconds) above the limit."""
        if self.local is not None:
            wait = self.local.hit(subject)
            if wait is None:
                return
            self._refuse(wait)
        try:
            if await self.limiter.hit(self.item, subject):
                return
            stats = await self.limiter.get_window_stats(self.item, subject)
        except Exception as exc:  # noqa: BLE001 - the shared store is down: let the request through
            self.storage_errors += 1
            if self._counters:
                self._counters[1].inc()
            if time.monotonic() - self._logged_at > 60:
                self._logged_at = time.monotonic()
                log.warning("rate-limit store unavailable, requests pass unlimited (%s: %s)",
                            exc.__class__.__name__, exc)
            return
        self._refuse(stats.reset_time - time.time())

    def _refuse(self, wait_s: float) -> None:
        self.refused += 1
        if self._counters:
            self._counters[0].inc()
        retry_after = max(1, int(wait_s + 0.999))
        raise RateLimited(f"credential over {self.rate:g} requests/s", headers={"Retry-After": str(retry_after)})
