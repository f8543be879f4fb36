"""Server-side sessions and CSRF tokens (issue 12).

The cookie ``tc_session`` holds a random 256-bit value; the table keeps only its SHA-256, the username, the
session's CSRF token and when it was last used. Every sign-in makes a new session (a new id: no fixation). A
session unused for ``idle_minutes`` (30) has ended; sign-out ends it at once. Each request moves ``last_seen_at``
at most once a minute, so reading pages costs no write per request.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session

from common.db import utcnow
from console.models import Staff, StaffSession

COOKIE = "tc_session"
PRE_COOKIE = "tc_signin"  # the sign-in form's own CSRF value (double-submit), before any session exists
TOUCH_EVERY = timedelta(minutes=1)


@dataclass(frozen=True)
class Current:
    """The signed-in person of a request, and their session's CSRF token."""

    staff: Staff
    session_id: str
    csrf: str


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def start_session(session: Session, staff: Staff) -> tuple[str, StaffSession]:
    """A new session for ``staff``; returns (the cookie value, the row). The caller commits."""
    token = secrets.token_urlsafe(32)
    now = utcnow()
    row = StaffSession(id=_digest(token), username=staff.username, csrf=secrets.token_urlsafe(32), created_at=now,
                       last_seen_at=now)
    session.add(row)
    return token, row


def load_session(session: Session, token: str | None, idle_minutes: int) -> tuple[StaffSession | None, str]:
    """The live session of a cookie value, or ``(None, why)`` with ``why`` ``none`` (no cookie / unknown),
    ``expired`` (idle too long) or ``ended`` (signed out, disabled, password reset)."""
    if not token or len(token) > 128:
        return None, "none"
    row = session.get(StaffSession, _digest(token), populate_existing=True)  # as stored now, never a cached copy
    if row is None:
        return None, "none"
    if row.ended_at is not None:
        return None, "ended"
    now = utcnow()
    if now - row.last_seen_at > timedelta(minutes=idle_minutes):
        return None, "expired"
    return row, "live"


def touch(session: Session, row: StaffSession) -> bool:
    """Move ``last_seen_at`` to now when it is over a minute old; True when a write is due (the caller commits)."""
    now = utcnow()
    if now - row.last_seen_at < TOUCH_EVERY:
        return False
    session.execute(update(StaffSession).where(StaffSession.id == row.id).values(last_seen_at=now))
    return True


def end_session(session: Session, token: str | None) -> None:
    if token:
        session.execute(update(StaffSession).where(StaffSession.id == _digest(token), StaffSession.ended_at.is_(None))
                        .values(ended_at=utcnow()).execution_options(synchronize_session="fetch"))


def end_sessions_of(session: Session, username: str) -> None:
    session.execute(update(StaffSession).where(StaffSession.username == username, StaffSession.ended_at.is_(None))
                    .values(ended_at=utcnow()).execution_options(synchronize_session="fetch"))


def csrf_ok(expected: str, given: str | None) -> bool:
    """Constant-time comparison of a form's CSRF token with the session's."""
    return bool(given) and hmac.compare_digest(expected.encode(), given.encode())
