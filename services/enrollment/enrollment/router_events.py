"""HTTP endpoints of the platform's feed (issue 13): application events in order, bulk status, and the webhooks
that push the events (:mod:`enrollment.webhooks`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response

from common.db import ReadSession, WriteSession, utcnow
from common.identity import Caller
from common.idempotency import IdempotencyKey, commit_idempotent
from common.schemas import ROW_ID_MAX, IntParam
from enrollment import events, webhooks
from enrollment.deps import Cursor, Limit, SettingsDep
from enrollment.models import idempotency_keys
from enrollment.schemas import StatusQueryIn, WebhookIn

router = APIRouter()
Reader = Caller("platform", "bureau")
Platform = Caller("platform")


@router.get("/events", tags=["events"], response_model=None)
def event_feed(who: Reader, session: ReadSession, after: Annotated[IntParam, Query(ge=0, le=ROW_ID_MAX)] = 0,
               limit: Limit = 100, cursor: Cursor = None) -> Response:
    """Every change of an application's state, oldest first, after event id ``after`` (0: from the start) →
    ``{items: [{id, application_no, kind: "submitted" | "verified" | "scored" | "withdrawn" | "placed" | "moved" |
    "final", season, grade, run_id, at, data}], next_cursor, last_id}``; resume with ``after=last_id`` or
    ``cursor=next_cursor``. Ids are stable and increase in the order the changes were committed. ``verified``
    (every fact answered, again after a correction) and ``scored`` (every score stored) come from verification's
    and points' own change feeds, which enrollment follows on each dispatcher pass."""
    return Response(events.page_json(session, after=after, limit=limit, cursor=cursor), media_type="application/json")


@router.post("/placements/status", tags=["events"], response_model=None)
def bulk_status(body: StatusQueryIn, who: Reader, session: ReadSession) -> dict[str, Any]:
    """Where up to 1,000 applications stand → ``{items: [{application_no, found, state, season, grade, run_id,
    run_state, placed, school_code, round, tier, choice_rank, reason}]}`` (the latest published or final run that
    includes each; run fields null before one). Writes nothing."""
    return {"items": events.bulk_status(session, body.application_nos)}


@router.post("/webhooks", status_code=201, tags=["events"])
def register_webhook(body: WebhookIn, who: Platform, session: WriteSession, request: Request, settings: SettingsDep,
                     key: IdempotencyKey = None) -> Response:
    """Push every event of the feed to ``url`` (issue 13) → 201 ``{id, url, secret, delivered_up_to, attempts,
    next_attempt_at, last_error, last_delivered_at, created_at}``. ``secret`` (64 hex characters) keys the
    ``X-Tongcheng-Signature`` HMAC-SHA256 of each delivery and is shown only here. Events after ``after`` (default:
    the latest now) are POSTed in id order, at least once, retried with exponential backoff while the receiver
    does not answer 2xx (docs/api.md, webhooks). The secret is not stored (derived from a server key and a stored
    nonce); a replay with the same ``Idempotency-Key`` derives it again (``null`` once the webhook is deleted).
    422 ``webhook_url_forbidden``: not https, an IP address, or a host resolving to a loopback / private /
    link-local / reserved address (SSRF guard)."""
    def effect():
        hook, _ = webhooks.register(session, url=body.url, owner=who.subject, after=body.after, now=utcnow(),
                                    allow_private=settings.webhook_allow_private)
        return webhooks.view(hook)
    return commit_idempotent(session, idempotency_keys, request, who, key, body, effect, status_code=201,
                             reveal=webhooks.reveal)


@router.get("/webhooks", tags=["events"], response_model=None)
def list_webhooks(who: Platform, session: ReadSession, limit: Limit = 100, cursor: Cursor = None) -> dict[str, Any]:
    """The caller's webhooks by id → ``{items: [{id, url, delivered_up_to, attempts, next_attempt_at, last_error,
    last_delivered_at, created_at}], next_cursor}`` (no secrets). 422 ``invalid_cursor`` for a cursor this list did
    not give."""
    rows, nxt = webhooks.owned(session, who.subject, limit=limit, cursor=cursor)
    return {"items": [webhooks.view(h) for h in rows], "next_cursor": nxt}


@router.delete("/webhooks/{webhook_id}", status_code=204, tags=["events"])
def delete_webhook(webhook_id: Annotated[IntParam, Path(ge=1, le=ROW_ID_MAX)], who: Platform,
                   session: WriteSession) -> Response:
    """Stop pushing to one of the caller's webhooks → 204; 404 ``webhook_not_found``."""
    webhooks.remove(session, webhook_id, who.subject)
    session.commit()
    return Response(status_code=204)
