"""Caller identity: who is calling, in a form each service verifies.

The gateway authenticates the caller's bearer credential and passes on a short-lived HS256 JWT (PyJWT) in
``X-Tongcheng-Identity``, signed with the suite's internal secret. Services trust nothing else: a request without
a valid token gets 401, one whose role is not allowed gets 403. Services calling each other mint a token with role
``service`` and their own name as subject.

Roles (BRIEF §2): ``platform``, ``department`` (+ one of :data:`common.vocabulary.DEPARTMENTS`), ``bureau``,
``finance``, ``auditor``, ``school`` (a private school's staff, bound to one school code: claim ``school``);
internal: ``service``.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Annotated, Callable

import jwt
from fastapi import Depends, Request

from common.errors import (BATCH_WITHOUT_KEY, Forbidden, IdempotencyKeyRequired, InvalidCredential, InvalidIdentity,
                           Unauthorized)
from common.logging import note_caller
from common.vocabulary import DEPARTMENTS

IDENTITY_HEADER = "X-Tongcheng-Identity"
ROLES = ("platform", "department", "bureau", "finance", "auditor", "school", "service")
SCHOOL_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,31}")
TOKEN_TTL_S = 300
_ALG = "HS256"
_AUDIENCE = "tongcheng-services"


@dataclass(frozen=True)
class Identity:
    """An authenticated caller. ``subject`` is the credential's name (e.g. ``platform-taizhou``, ``points``);
    ``school`` the school code a ``school`` caller is bound to."""

    role: str
    subject: str
    department: str | None = None
    school: str | None = None

    def is_service(self, name: str | None = None) -> bool:
        return self.role == "service" and (name is None or self.subject == name)


def mint(secret: str, identity: Identity, ttl_s: int = TOKEN_TTL_S) -> str:
    """Sign ``identity`` as a JWT valid for ``ttl_s`` seconds."""
    now = int(time.time())
    claims = {"sub": identity.subject, "role": identity.role, "aud": _AUDIENCE, "iat": now, "exp": now + ttl_s}
    if identity.department:
        claims["dept"] = identity.department
    if identity.school:
        claims["school"] = identity.school
    return jwt.encode(claims, secret, algorithm=_ALG)


_VERIFIED: dict[tuple[str, str], tuple[Identity, int]] = {}
_VERIFIED_MAX = 4096


def verify(secret: str, token: str) -> Identity:
    """Decode and check a token; raises :class:`Unauthorized` when it is missing, forged, expired or malformed.

    A token that passed is remembered, keyed by the exact token and secret, with its ``exp``: the same token again
    (the gateway reuses each caller's token for a minute) is answered from memory until it expires, then checked
    in full again, which refuses it. Its claims cannot differ: they are inside the signed text the key is. That
    saves the signature check and the decoding, about a fifth of a score read's CPU (issue 15). Refused tokens
    are never remembered; at most ``_VERIFIED_MAX`` tokens are kept (all forgotten when that is reached)."""
    hit = _VERIFIED.get((secret, token))
    if hit is not None and time.time() < hit[1]:
        return hit[0]
    identity, exp = _verify(secret, token)
    if len(_VERIFIED) >= _VERIFIED_MAX:
        _VERIFIED.clear()
    _VERIFIED[(secret, token)] = (identity, exp)
    return identity


def _verify(secret: str, token: str) -> tuple[Identity, int]:
    try:
        claims = jwt.decode(token, secret, algorithms=[_ALG], audience=_AUDIENCE,
                            options={"require": ["exp", "sub", "role"]})
    except jwt.PyJWTError as exc:
        raise InvalidIdentity(f"identity token rejected: {exc}") from None
    role, dept, school = claims.get("role"), claims.get("dept"), claims.get("school")
    if role not in ROLES or (role == "department" and dept not in DEPARTMENTS) or not valid_school(role, school):
        raise InvalidIdentity("identity token names an unknown role")
    return Identity(role=role, subject=str(claims["sub"]), department=dept, school=school), int(claims["exp"])


def valid_school(role: str, school: object) -> bool:
    """A ``school`` caller names exactly one school code; no other role names one."""
    if role == "school":
        return isinstance(school, str) and SCHOOL_CODE.fullmatch(school) is not None
    return school is None


async def current_identity(request: Request) -> Identity:
    """FastAPI dependency: the verified caller, or 401. (``async``: a sync dependency costs a thread-pool hop per
    request, about 80 µs of CPU and much queueing under load, for a check of some 50 µs.)"""
    cached = getattr(request.state, "identity", None)
    if cached is not None:
        return cached
    token = request.headers.get(IDENTITY_HEADER)
    if not token:
        raise Unauthorized("no caller identity: call through the gateway with a bearer credential")
    identity = verify(request.app.state.settings.internal_secret, token)
    request.state.identity = identity
    note_caller(identity.role, identity.subject)
    return identity


CurrentIdentity = Annotated[Identity, Depends(current_identity)]


def require(*roles: str) -> Callable[[Identity], Identity]:
    """Dependency factory: the caller must hold one of ``roles`` (``service`` or ``service:points`` for a
    named service), else 403 ``forbidden``."""

    async def check(request: Request) -> Identity:
        # current_identity called, not declared as a sub-dependency: FastAPI's solving of one dependency level
        # costs more than the check itself on a cached token (issue 15)
        identity = await current_identity(request)
        for allowed in roles:
            if allowed == identity.role or (allowed.startswith("service:")
                                            and identity.is_service(allowed.split(":", 1)[1])):
                if BATCH_WITHOUT_KEY in request.scope:  # after 401 and 403, before the body (common.middleware)
                    raise IdempotencyKeyRequired("a batch needs an Idempotency-Key header (a retry with the same "
                                                 "key and body answers the first result again)",
                                                 field="Idempotency-Key")
                return identity
        raise Forbidden(f"role '{identity.role}' may not do this; allowed: {', '.join(roles)}")

    check.roles = roles  # type: ignore[attr-defined]  # read by common.openapi: x-roles of the operation
    return check


def Caller(*roles: str):  # noqa: N802 - reads as a type in signatures
    """``who: Caller("bureau", "auditor")`` in an endpoint signature."""
    return Annotated[Identity, Depends(require(*roles))]


# ---- staff tokens: the console signs in a person and calls the gateway as that person (issue 12) --------------------

STAFF_AUDIENCE = "tongcheng-gateway"
STAFF_ISSUER = "tongcheng-console"
STAFF_ROLES = ("department", "bureau", "finance", "auditor", "school")
STAFF_TOKEN_TTL_S = 60
STAFF_TOKEN_MAX_TTL_S = 300


def mint_staff(secret: str, identity: Identity, ttl_s: int = STAFF_TOKEN_TTL_S) -> str:
    """A short-lived bearer token the console sends to the gateway for one signed-in person: HS256 JWT signed with
    the console key (``TONGCHENG_CONSOLE_SECRET``, never the internal secret), audience ``tongcheng-gateway``,
    issuer ``tongcheng-console``, ``sub`` the username, ``role`` and, for clerks, ``dept``; for a private school's
    staff (role ``school``) ``school``, the one school code the account is bound to."""
    now = int(time.time())
    claims = {"sub": identity.subject, "role": identity.role, "aud": STAFF_AUDIENCE, "iss": STAFF_ISSUER,
              "iat": now, "exp": now + ttl_s}
    if identity.department:
        claims["dept"] = identity.department
    if identity.school:
        claims["school"] = identity.school
    return jwt.encode(claims, secret, algorithm=_ALG)


def verify_staff(secret: str, token: str) -> Identity:
    """Check a console-minted staff token (the gateway does, before routing): signature, audience, issuer, expiry
    (and a lifetime of at most ``STAFF_TOKEN_MAX_TTL_S``), a staff role (never ``platform`` or ``service``) and a
    known department for clerks, one school code for a school's staff and none for anyone else. Raises
    :class:`Unauthorized` ``invalid_credential`` otherwise."""
    try:
        claims = jwt.decode(token, secret, algorithms=[_ALG], audience=STAFF_AUDIENCE, issuer=STAFF_ISSUER,
                            options={"require": ["exp", "iat", "sub", "role", "iss"]})
    except jwt.PyJWTError as exc:
        raise InvalidCredential(f"staff token rejected: {exc}") from None
    role, dept, school = claims.get("role"), claims.get("dept"), claims.get("school")
    if (role not in STAFF_ROLES or (role == "department") != (dept in DEPARTMENTS) or not valid_school(role, school)
            or int(claims["exp"]) - int(claims["iat"]) > STAFF_TOKEN_MAX_TTL_S or not str(claims["sub"]).strip()):
        raise InvalidCredential("staff token names an unknown role, department, school or lifetime")
    return Identity(role=role, subject=str(claims["sub"]), department=dept, school=school)
