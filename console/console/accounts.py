"""Staff accounts and password sign-in (issue 12).

Passwords are hashed with argon2id (argon2-cffi's ``PasswordHasher``, its default parameters, rehashed on sign-in
when those change). Sign-in goes through the one small :class:`SignIn` interface; :class:`PasswordSignIn` is the
only implementation today, and the province's staff single sign-on (OpenID Connect) can take its place later
without touching the pages: whatever signs a person in hands back a :class:`Staff`.

After ``lockout_failures`` (5) wrong passwords in a row for a username, known or not, sign-in for that username is
refused for ``lockout_minutes`` (15) with a message saying until when; the count starts again after that pause,
and a right password resets it. Plain functions a test can call without HTTP; the caller commits.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.orm import Session

from common.db import utcnow
from common.identity import DEPARTMENTS, SCHOOL_CODE, Identity
from console.models import CONSOLE_ROLES, SignInFailures, Staff

USERNAME = re.compile(r"^[a-z][a-z0-9._-]{1,63}$")
MIN_PASSWORD = 10
HASH_PROFILES = {
    "rfc9106-low-memory": PasswordHasher(),  # argon2id, RFC 9106 low-memory profile (t=3, m=64 MiB, p=4): the default
    "tests-only-fast": PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1),  # 1 MiB: never in production
}
"""The argon2 parameters a console may hash with (setting ``CONSOLE_PASSWORD_HASH_PROFILE``). A hash keeps its
parameters, so one made under another profile still verifies, and a sign-in under the default rehashes it with the
default's (``check_needs_rehash``)."""
_hasher = HASH_PROFILES["rfc9106-low-memory"]
_dummy: list[str] = []  # a hash to verify against for unknown usernames: the same work, so timing tells nothing


def use_hash_profile(name: str) -> None:
    """Hash (and rehash) passwords of this process with the profile ``name`` of :data:`HASH_PROFILES` from now on
    (``create_app`` calls it with the console's setting; the test suite with ``"tests-only-fast"``). KeyError for
    an unknown name."""
    global _hasher
    if HASH_PROFILES[name] is not _hasher:
        _hasher = HASH_PROFILES[name]
        _dummy.clear()  # the unknown-username hash costs what the profile's hashes cost


def _dummy_hash() -> str:
    if not _dummy:
        _dummy.append(_hasher.hash("not-a-password-" + secrets.token_hex(8)))
    return _dummy[0]


class AccountError(ValueError):
    """A staff command refused: ``field`` names what to fix."""

    def __init__(self, message: str, field: str = "username"):
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class SignInRefused(Exception):
    """Sign-in refused. ``reason``: ``wrong_password`` (also an unknown or disabled username: the answer never says
    which) or ``locked`` (``until`` says when the pause ends)."""

    reason: str
    until: datetime | None = None


def normalise_username(username: str) -> str:
    return username.strip().lower()[:64]


def identity_of(staff: Staff) -> Identity:
    """The identity the console calls the gateway with for this person."""
    return Identity(role=staff.role, subject=staff.username, department=staff.department, school=staff.school_code)


def get_staff(session: Session, username: str) -> Staff | None:
    return session.scalar(select(Staff).where(Staff.username == normalise_username(username)))


def add_staff(session: Session, username: str, password: str, role: str, department: str | None = None,
              display_name: str | None = None, school_code: str | None = None) -> Staff:
    """Create an account. ``role`` one of bureau, finance, auditor, department (then ``department`` one of police,
    market, housing, hrss), school (a private school's staff, then ``school_code``, e.g. ``HYMB10801``: they read
    and confirm that school's semester roll only). Raises :class:`AccountError` for a taken or malformed username,
    a short password (< 10 characters) or a wrong role/department/school code."""
    name = normalise_username(username)
    if not USERNAME.match(name):
        raise AccountError("username: 2–64 of a–z, 0–9, '.', '_', '-', starting with a letter")
    if role not in CONSOLE_ROLES:
        raise AccountError(f"role must be one of {', '.join(CONSOLE_ROLES)}", "role")
    if (role == "department") != (department is not None) or (department and department not in DEPARTMENTS):
        raise AccountError(f"a clerk (role department) names one department of {', '.join(DEPARTMENTS)}; "
                           "other roles none", "department")
    if (role == "school") != (school_code is not None) or (school_code and not SCHOOL_CODE.fullmatch(school_code)):
        raise AccountError("a school's staff (role school) names one school code (letters, digits, '-', '_'); "
                           "other roles none", "school")
    _check_password(password)
    if get_staff(session, name) is not None:
        raise AccountError(f"username {name!r} is taken")
    now = utcnow()
    staff = Staff(username=name, display_name=(display_name or name)[:64], password_hash=_hasher.hash(password),
                  role=role, department=department, school_code=school_code, disabled=False, created_at=now,
                  password_changed_at=now)
    session.add(staff)
    session.flush()
    return staff


def set_disabled(session: Session, username: str, disabled: bool = True) -> Staff:
    """Disable (or enable again) an account; a disabled account cannot sign in and its sessions end."""
    from console.sessions import end_sessions_of

    staff = _existing(session, username)
    staff.disabled = disabled
    if disabled:
        end_sessions_of(session, staff.username)
    return staff


def reset_password(session: Session, username: str, password: str) -> Staff:
    """Set a new password; the person's open sessions end and the wrong-password count is cleared."""
    from console.sessions import end_sessions_of

    staff = _existing(session, username)
    _check_password(password)
    staff.password_hash = _hasher.hash(password)
    staff.password_changed_at = utcnow()
    end_sessions_of(session, staff.username)
    failures = session.get(SignInFailures, staff.username)
    if failures is not None:
        session.delete(failures)
    return staff


def generate_password() -> str:
    return secrets.token_urlsafe(12)


def _existing(session: Session, username: str) -> Staff:
    staff = get_staff(session, username)
    if staff is None:
        raise AccountError(f"no account {normalise_username(username)!r}")
    return staff


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD or len(password) > 1024:
        raise AccountError(f"a password has {MIN_PASSWORD} to 1024 characters", "password")


class SignIn(Protocol):
    """How a person is signed in: give back the :class:`Staff` or raise :class:`SignInRefused`."""

    def authenticate(self, session: Session, username: str, password: str) -> Staff: ...


@dataclass
class PasswordSignIn:
    """Username and password against the argon2 hash, with the wrong-password pause described above."""

    lockout_failures: int = 5
    lockout_minutes: int = 15

    def authenticate(self, session: Session, username: str, password: str) -> Staff:
        name = normalise_username(username)
        now = utcnow()
        failures = session.get(SignInFailures, name)
        if failures is not None and failures.locked_until is not None:
            if failures.locked_until > now:
                raise SignInRefused("locked", failures.locked_until)
            failures.failures, failures.locked_until = 0, None  # the pause is over: count afresh
        staff = get_staff(session, name)
        ok = False
        try:
            ok = _hasher.verify(staff.password_hash if staff else _dummy_hash(), password[:1024]) and staff is not None
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            ok = False
        if not ok or staff is None or staff.disabled:
            self._count_failure(session, failures, name, now)
            raise SignInRefused("wrong_password")
        if failures is not None:
            session.delete(failures)
        if _hasher.check_needs_rehash(staff.password_hash):
            staff.password_hash = _hasher.hash(password)
        return staff

    def _count_failure(self, session: Session, failures: SignInFailures | None, name: str, now: datetime) -> None:
        if failures is None:
            failures = SignInFailures(username=name, failures=0, last_failed_at=now)
            session.add(failures)
        failures.failures += 1
        failures.last_failed_at = now
        if failures.failures >= self.lockout_failures:
            failures.locked_until = now + timedelta(minutes=self.lockout_minutes)
