"""Webhooks for the platform (issue 13): each event of the feed (``GET /events``) pushed to a registered URL,
signed, at least once, in order.

The platform registers a URL (``POST /webhooks``) and gets a secret once. Every event after the registration (or
after the ``after`` it names) is POSTed to the URL as the same JSON object ``GET /events`` gives, with:

- ``X-Tongcheng-Event-Id``: the event's id (the same on every retry of it; a receiver de-duplicates by it);
- ``X-Tongcheng-Timestamp``: Unix seconds of this attempt;
- ``X-Tongcheng-Signature``: ``v1=`` + hex HMAC-SHA256, keyed with the secret, of ``"<timestamp>.<body>"`` (the
  body's exact bytes). A receiver recomputes it and refuses a mismatch or a stale timestamp (docs/api.md has the
  snippet).

The events table is the outbox: each webhook keeps ``delivered_up_to``, the last event id its receiver took with a
2xx. A delivery pass (:class:`Deliverer`, run by the outbox dispatcher and ``POST /outbox/flush``) claims due
webhooks with a lease (:class:`common.leases.Leases`, so several enrollment processes deliver each event once at a
time, and a dead process's webhook is taken over after the lease), sends the events that follow in id order and
moves ``delivered_up_to`` after each one taken. A failed attempt (no answer, a timeout, anything but 2xx) stops that
webhook's pass and backs off ``backoff_s × 2^attempts`` up to ``backoff_max_s``; the same event is sent again then,
and every later one after it. A receiver that is down gets everything once it is back. At least once: a receiver
that took an event but whose answer was lost sees it again (same id). Functions take a session and never commit.

No secret is stored: a webhook keeps only a random ``nonce``, and its secret is derived on demand as hex
HMAC-SHA256(server key, ``"webhook:<id>:<nonce>"``) (:func:`secret_for`). The server key is
``ENROLLMENT_WEBHOOK_KEY`` when set, else derived from the internal secret (HMAC of a fixed label), so every process
of the service derives the same secrets; a copy of the database alone signs nothing. The idempotency table stores
the registration's answer without the secret; a replay re-derives it (:func:`reveal`). Changing the server key
changes every webhook's secret (the platform re-registers).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from common import paging
from common.db import Database, utcnow
from common.leases import Leases
from common.schemas import utc_text
from enrollment.errors import WebhookNotFound
from enrollment.events import event_view
from enrollment.models import Event, Webhook
from enrollment.webhook_targets import check as check_url, pin

log = logging.getLogger("enrollment.webhooks")

SIGNATURE_HEADER, TIMESTAMP_HEADER, EVENT_ID_HEADER = ("X-Tongcheng-Signature", "X-Tongcheng-Timestamp",
                                                       "X-Tongcheng-Event-Id")
BATCH = 100  # events per webhook per claim


_KEY: dict[str, bytes] = {}


def configure(internal_secret: str, webhook_key: str | None = None) -> None:
    """Set this process's server key of the webhook secrets (``create_app`` calls it)."""
    _KEY["key"] = (webhook_key.encode() if webhook_key else
                   hmac.new(internal_secret.encode(), b"tongcheng webhook key v1", hashlib.sha256).digest())


def secret_for(webhook_id: int, nonce: str) -> str:
    """A webhook's secret (64 hex characters): HMAC-SHA256(server key, ``"webhook:<id>:<nonce>"``)."""
    if "key" not in _KEY:
        raise RuntimeError("enrollment.webhooks.configure() was not called: no server key to derive secrets")
    return hmac.new(_KEY["key"], f"webhook:{webhook_id}:{nonce}".encode(), hashlib.sha256).hexdigest()


def reveal(session: Session, answer: dict[str, Any]) -> dict[str, Any]:
    """``POST /webhooks``'s stored answer (no secret) with the webhook's secret added, derived again; ``secret:
    null`` once the webhook is deleted."""
    hook = session.get(Webhook, answer["id"])
    return {**answer, "secret": None if hook is None else secret_for(hook.id, hook.nonce)}


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The ``X-Tongcheng-Signature`` value: ``v1=`` + hex HMAC-SHA256(secret, ``b"<timestamp>." + body``)."""
    mac = hmac.new(secret.encode(), str(timestamp).encode() + b"." + body, hashlib.sha256)
    return "v1=" + mac.hexdigest()


def register(session: Session, *, url: str, owner: str, after: int | None, now: datetime,
             allow_private: bool = False) -> tuple[Webhook, str]:
    """A new webhook for ``owner`` (the platform's subject) → (row, secret). ``after``: deliver events with a larger
    id (default: the latest event now, so only what happens from now on). Only the nonce is stored. 422
    ``webhook_url_forbidden``: not a public https URL (:mod:`enrollment.webhook_targets`; ``allow_private`` lifts
    it)."""
    check_url(url, allow_private=allow_private)
    if after is None:
        after = session.scalar(select(func.max(Event.id))) or 0
    hook = Webhook(url=url, nonce=secrets.token_hex(16), owner=owner, delivered_up_to=after, attempts=0,
                   next_attempt_at=now, created_at=now)
    session.add(hook)
    session.flush()
    return hook, secret_for(hook.id, hook.nonce)


def owned(session: Session, owner: str, *, limit: int = 100, cursor: str | None = None
          ) -> tuple[list[Webhook], str | None]:
    """``owner``'s webhooks by id after ``cursor`` (:mod:`common.paging`, listing ``webhooks``; 422
    ``invalid_cursor`` for anything else) → (the page, its ``next_cursor``)."""
    after = paging.after_id("webhooks", cursor)
    rows = session.scalars(select(Webhook).where(Webhook.owner == owner, Webhook.id > after)
                           .order_by(Webhook.id).limit(limit + 1))
    return paging.cut(list(rows), limit, "webhooks", key=lambda h: h.id)


def remove(session: Session, webhook_id: int, owner: str) -> None:
    """Delete one of ``owner``'s webhooks (nothing more is sent to it); 404 ``webhook_not_found`` otherwise."""
    if session.execute(delete(Webhook).where(Webhook.id == webhook_id, Webhook.owner == owner)).rowcount != 1:
        raise WebhookNotFound(f"no webhook {webhook_id}")


def view(h: Webhook) -> dict[str, Any]:
    """``{id, url, delivered_up_to, attempts, next_attempt_at, last_error, last_delivered_at, created_at}`` (never
    the secret)."""
    return {"id": h.id, "url": h.url, "delivered_up_to": h.delivered_up_to, "attempts": h.attempts,
            "next_attempt_at": h.next_attempt_at, "last_error": h.last_error,
            "last_delivered_at": h.last_delivered_at, "created_at": h.created_at}


@dataclass
class DeliveryResult:
    """One pass: events delivered, attempts that failed (with the errors)."""

    delivered: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


class Deliverer:
    """Delivers the feed to every due webhook; ``deliver()`` is one pass. ``http``: the ``httpx.Client`` it POSTs
    with (its timeout bounds an attempt; redirects are not followed). Each attempt resolves the URL's host again
    and connects only to a checked public address (``allow_private``: no check, for tests and rehearsals)."""

    def __init__(self, db: Database, http: httpx.Client, *, lease_s: float = 15.0, backoff_s: float = 2.0,
                 backoff_max_s: float = 300.0, allow_private: bool = False):
        self.db, self.http, self.allow_private = db, http, allow_private
        self.backoff_s, self.backoff_max_s = backoff_s, backoff_max_s
        self.leases = Leases(db, Webhook.__table__, lease_s=lease_s, name="webhooks")

    def deliver(self, *, now_too: bool = False) -> DeliveryResult:
        """Send what each due webhook has not taken yet (``now_too``: backoff skipped)."""
        result = DeliveryResult()
        done: set[int] = set()
        while True:
            due = [Webhook.id.not_in(done)] if done else []
            if not now_too:
                due.append(Webhook.next_attempt_at <= utcnow())
            claim = self.leases.claim(*due, limit=1)
            if claim is None:
                return result
            done.update(claim.ids)
            try:
                self._one(claim.ids[0], claim.token, result)
            finally:
                self.leases.release(claim.token)

    def _one(self, webhook_id: int, token: str, result: DeliveryResult) -> None:
        while True:
            with self.db.read_session() as s:
                hook = s.get(Webhook, webhook_id)
                if hook is None:
                    return
                url, secret, after, attempts = (hook.url, secret_for(hook.id, hook.nonce), hook.delivered_up_to,
                                                 hook.attempts)
                batch = [event_view(e) for e in s.scalars(select(Event).where(Event.id > after)
                                                          .order_by(Event.id).limit(BATCH))]
            for event in batch:
                error = self._post(url, secret, event)
                with self.db.write_session() as s:
                    if error is None:
                        kept = self.leases.held(token)
                        n = s.execute(Webhook.__table__.update().where(Webhook.id == webhook_id, kept).values(
                            delivered_up_to=event["id"], attempts=0, last_error=None,
                            last_delivered_at=utcnow())).rowcount
                        s.commit()
                        if n != 1:
                            return  # deleted, or taken over by another process
                        result.delivered += 1
                        continue
                    delay = min(self.backoff_s * (2 ** min(attempts, 30)), self.backoff_max_s)
                    s.execute(Webhook.__table__.update().where(Webhook.id == webhook_id, self.leases.held(token))
                              .values(attempts=attempts + 1, last_error=error[:1000],
                                      next_attempt_at=utcnow() + timedelta(seconds=delay)))
                    s.commit()
                result.failed += 1
                result.errors.append(f"webhook {webhook_id}, event {event['id']}: {error}")
                log.warning("webhook %s: event %s not taken (%s); again in %.0f s", webhook_id, event["id"], error,
                            delay)
                return
            if len(batch) < BATCH:
                return

    def _post(self, url: str, secret: str, event: dict[str, Any]) -> str | None:
        """POST one event → None when the receiver took it (2xx), else only the class of what went wrong
        (``unreachable``, ``timeout``, ``http_status 3xx/4xx/5xx``): never the receiver's or the network's words, so
        ``last_error`` tells nothing about addresses inside the suite's network."""
        target = pin(url, allow_private=self.allow_private)
        if target is None:
            return "unreachable"
        body = json.dumps(event, ensure_ascii=False, separators=(",", ":"), default=_iso).encode()
        stamp = int(time.time())
        headers = {**target.headers, "Content-Type": "application/json", EVENT_ID_HEADER: str(event["id"]),
                   TIMESTAMP_HEADER: str(stamp), SIGNATURE_HEADER: sign(secret, stamp, body)}
        try:
            resp = self.http.post(target.url, content=body, headers=headers, extensions=target.extensions,
                                  follow_redirects=False)
        except httpx.TimeoutException:
            return "timeout"
        except httpx.HTTPError:
            return "unreachable"
        if 200 <= resp.status_code < 300:
            return None
        return f"http_status {resp.status_code // 100}xx"


def _iso(value: Any) -> str:
    if isinstance(value, datetime):
        return utc_text(value)  # the bytes GET /events gives for the event
    raise TypeError(f"{value!r} is not JSON")
