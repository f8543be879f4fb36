"""Finding a child (BRIEF §2 bureau; personal information law: children's data is sensitive): applications by
application number, by the child's full ID number or a guardian's phone (exact match on a keyed hash, so neither
is stored a second time in the clear nor listed), by school (among its choices), township, state, season and
grade; answers masked (``applications.application_view(masked=True)``).

The key: ``ENROLLMENT_SEARCH_KEY`` when set, else derived from the internal secret (HMAC of a fixed label), so
every process of the service computes the same hashes. A number is normalised first (ID: uppercase ``X``; phone:
digits only, as ``common.schemas.Phone`` stores it). Each stored hash carries the fingerprint of the key that made
it (``key_fp``: the first 16 hex of HMAC(key, "fingerprint"), which says nothing of the key).

Changing the key (:func:`rekey`): set the new ``ENROLLMENT_SEARCH_KEY`` and the old one as
``ENROLLMENT_SEARCH_KEY_PREVIOUS``, restart, and run ``tongcheng rekey-search-hashes`` (``POST
/search-keys/rekey``): each call recomputes the hashes of up to ``batch`` applications not yet under the new key,
from the numbers stored with the application, in one transaction — so the work is resumable (stop at any point,
call again) and never lists a number. While it runs, searches match a hash under either key.
"""

from __future__ import annotations

import hashlib
import hmac
from typing import Any

from sqlalchemy import String, cast, delete, func, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from common import paging
from common.db import DriverStatement
from enrollment.models import Application, SearchKey

_KEY: dict[str, bytes] = {}


def configure(internal_secret: str, search_key: str | None = None, previous_key: str | None = None) -> None:
    """Set this process's search key, and the previous one while the hashes are re-keyed (``create_app`` calls
    it)."""
    _KEY["key"] = (search_key.encode() if search_key else
                   hmac.new(internal_secret.encode(), b"tongcheng search key v1", hashlib.sha256).digest())
    _KEY.pop("previous", None)
    if previous_key and previous_key.encode() != _KEY["key"]:
        _KEY["previous"] = previous_key.encode()
    _FINGERPRINT.clear()


def fingerprint(key: bytes | None = None) -> str:
    """16 hex characters naming a key without revealing it (the current key by default; computed once per key:
    every submission stores it with its keys)."""
    key = key or _KEY["key"]
    if (fp := _FINGERPRINT.get(key)) is None:
        fp = _FINGERPRINT[key] = hmac.new(key, b"fingerprint", hashlib.sha256).hexdigest()[:16]
    return fp


_FINGERPRINT: dict[bytes, str] = {}


def digest(kind: str, value: str, key: bytes | None = None) -> str:
    """HMAC-SHA256 hex of ``kind:normalised value`` (``child_id`` | ``phone``) under ``key`` (default: the current
    key)."""
    norm = value.strip().upper() if kind == "child_id" else "".join(c for c in value if c.isdigit())
    return hmac.new(key or _KEY["key"], f"{kind}:{norm}".encode(), hashlib.sha256).hexdigest()


def _digests(kind: str, value: str) -> list[str]:
    """The hashes a stored key of ``value`` may have: under the current key, and the previous one while
    re-keying."""
    return [digest(kind, value)] + ([digest(kind, value, _KEY["previous"])] if "previous" in _KEY else [])


def keys_of(rows: list[dict[str, Any]]) -> list[dict[str, str]]:
    """The search keys of application rows (as ``applications._row`` builds them): the child's ID number and
    every guardian's phone."""
    out, fp = [], fingerprint()
    for r in rows:
        out.append({"application_no": r["application_no"], "kind": "child_id",
                    "digest": digest("child_id", r["child_id_number"]), "key_fp": fp})
        out += [{"application_no": r["application_no"], "kind": "phone", "digest": digest("phone", g["phone"]),
                 "key_fp": fp} for g in r["guardians"] if g.get("phone")]
    return out


def store_keys(session: Session | Connection, rows: list[dict[str, Any]]) -> None:
    """One multi-row INSERT of the rows' search keys, in the submission's transaction (``session`` or its
    connection)."""
    if keys := keys_of(rows):
        _INSERT_KEYS.execute(session, keys)


_INSERT_KEYS = DriverStatement(SearchKey.__table__.insert(), ("application_no", "kind", "digest", "key_fp"))
"""Built once, run on the driver's cursor: a submission's hot path (issue 15)."""


def search(session: Session, *, season: int | None = None, grade: int | None = None,
           application_no: str | None = None, child_id_number: str | None = None, phone: str | None = None,
           school_code: str | None = None, township_code: str | None = None, state: str | None = None,
           submitted_by: str | None = None, limit: int = 100, cursor: str | None = None,
           listing: str = "applications/search") -> tuple[list[Application], str | None]:
    """Applications matching every given filter, in submission order after ``cursor`` (:mod:`common.paging` under
    ``listing``, the name of the endpoint's own listing, so one list never takes another's cursor; 422
    ``invalid_cursor`` otherwise). ``school_code`` matches a public or private choice."""
    query = select(Application).order_by(Application.id).limit(limit + 1)
    for kind, value in (("child_id", child_id_number), ("phone", phone)):
        if value is not None:
            query = query.where(Application.application_no.in_(
                select(SearchKey.application_no).where(SearchKey.kind == kind,
                                                       SearchKey.digest.in_(_digests(kind, value)))))
    for column, value in ((Application.season, season), (Application.grade, grade),
                          (Application.application_no, application_no), (Application.township_code, township_code),
                          (Application.state, state), (Application.submitted_by, submitted_by)):
        if value is not None:
            query = query.where(column == value)
    if school_code is not None:
        quoted = f'%"{school_code}"%'
        query = query.where(or_(cast(Application.public_choices, String).like(quoted),
                                cast(Application.private_choices, String).like(quoted)))
    query = query.where(Application.id > paging.after_id(listing, cursor))
    return paging.cut(list(session.scalars(query)), limit, listing, key=lambda a: a.id)


def backfill(session: Session, batch: int = 1000) -> int:
    """Give applications stored before the search keys existed their keys (at start-up; idempotent). Returns
    how many applications got keys."""
    done = 0
    while True:
        rows = list(session.scalars(select(Application).where(~Application.application_no.in_(
            select(SearchKey.application_no))).order_by(Application.id).limit(batch)))
        if not rows:
            return done
        store_keys(session, [{"application_no": a.application_no, "child_id_number": a.child_id_number,
                              "guardians": a.guardians} for a in rows])
        done += len(rows)


def _stale():
    """Search keys not made with the current key (made before fingerprints, or under another key)."""
    fp = fingerprint()
    return or_(SearchKey.key_fp.is_(None), SearchKey.key_fp != fp)


def rekey(session: Session, *, batch: int) -> dict[str, Any]:
    """Recompute the search keys of up to ``batch`` applications whose keys are not under the current key (oldest
    applications first), from the numbers stored with each application: their old rows deleted and new ones
    inserted in ``session``'s transaction (the caller commits) → ``{rekeyed, remaining, key_fingerprint}``
    (applications, never numbers)."""
    nos = list(session.scalars(select(SearchKey.application_no).where(_stale()).distinct()
                               .order_by(SearchKey.application_no).limit(batch)))
    if nos:
        apps = list(session.scalars(select(Application).where(Application.application_no.in_(nos))))
        session.execute(delete(SearchKey).where(SearchKey.application_no.in_(nos)))
        store_keys(session, [{"application_no": a.application_no, "child_id_number": a.child_id_number,
                              "guardians": a.guardians} for a in apps])
    remaining = session.scalar(select(func.count(func.distinct(SearchKey.application_no))).where(_stale())) or 0
    return {"rekeyed": len(nos), "remaining": remaining, "key_fingerprint": fingerprint()}
