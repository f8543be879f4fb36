"""Paging of list endpoints (分页): ``{items, next_cursor}`` pages, the one cursor every listing hands out and takes
back, and the ``Limit`` / ``Cursor`` query parameters every list endpoint declares.

**The cursor** is opaque to callers: URL-safe base64 (unpadded) of the compact JSON
``{"v":1,"l":<listing>,"k":<key>}`` — ``v`` the format version, ``l`` the name of the listing that gave it
(``applications``, ``ledger``, ``history/school``...), ``k`` the last key of the page (a row id, or a text key such as
an application number or a school code). A listing takes back only a cursor it could have given: exactly the
canonical encoding, its own listing name, a key of its kind. Anything else (another listing's cursor, a plain number,
``²`` or ``１``, twenty digits, bad base64, base64 of other JSON, whitespace, emoji, 10 kB of text) is 422
``invalid_cursor`` (:class:`common.errors.InvalidCursor`) naming ``cursor``, before any query runs. (A NUL anywhere in
a URL is refused earlier still, by :mod:`common.middleware`: 400 ``invalid_characters``.)

A listing names itself once and pages with :func:`after` (the key to start after) and :func:`cut` / :func:`page`
(the page and its ``next_cursor``), fetching ``limit + 1`` rows so it knows whether more follow. A listing in an
order of several columns ending with a unique text key (rulebooks by season, creation and id; semesters by first
day and code) keys its cursor by that last column and resumes with :func:`after_row`.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable, Sequence
from typing import Annotated, Any, TypeVar

from fastapi import Query
from pydantic import BeforeValidator
from sqlalchemy import ColumnElement, select, tuple_
from sqlalchemy.orm import Session

from common.errors import InvalidCursor
from common.refusals import refuse
from common.schemas import ROW_ID_MAX

__all__ = ["Cursor", "InvalidCursor", "Limit", "after", "after_id", "after_row", "cut", "encode", "page"]

T = TypeVar("T")


def _whole_number(value: Any) -> Any:
    """A page size is 1–1000 written in ASCII digits: ``0``, ``1001``, ``1.0``, `` 1``, ``1_0`` and ``１`` (which
    int() would take) are all ``page_limit``, the one code docs/api.md lists for a bad page size."""
    if isinstance(value, str) and not (value.isascii() and value.isdigit() and len(value) <= 6
                                       and 1 <= int(value) <= 1000):
        raise refuse("page_limit", "limit is a whole number from 1 to 1000, in ASCII digits")
    return value


Limit = Annotated[int, Query(ge=1, le=1000, description="page size, 1–1000 (每页条数); default 100"),
                  BeforeValidator(_whole_number)]
"""``?limit=``: 1–1000 in ASCII digits; anything else (0, 1001, -1, 10**20, 1.5, ``１``, ``1_0``) is 422
``validation_error`` naming ``limit`` with the rule code ``page_limit``."""

Cursor = Annotated[str | None, Query(description="the next_cursor of the previous page, as given (opaque); "
                                                 "absent: from the start. 422 invalid_cursor for any other text")]
"""``?cursor=``: the ``next_cursor`` of the previous page; checked by :func:`after` (422 ``invalid_cursor``)."""

VERSION = 1
MAX_LENGTH = 400  # characters of a cursor: a listing name and a key of at most 120 characters fit in well under this
_ALPHABET = re.compile(r"[A-Za-z0-9_-]+")


def encode(listing: str, key: int | str) -> str:
    """The cursor that resumes ``listing`` after ``key`` (a row id ≥ 0 or a text key)."""
    raw = json.dumps({"v": VERSION, "l": listing, "k": key}, separators=(",", ":"), ensure_ascii=True)
    return base64.urlsafe_b64encode(raw.encode("ascii")).decode("ascii").rstrip("=")


def _refuse() -> InvalidCursor:
    return InvalidCursor("cursor is not one this listing gave: pass the next_cursor of its previous page as given",
                         field="cursor")


def after(listing: str, cursor: str | None, *, key: type[int] | type[str] = int,
          pattern: re.Pattern[str] | None = None) -> Any:
    """The key ``cursor`` resumes ``listing`` after, or ``None`` without a cursor (from the start).

    ``key``: ``int`` (a row id, 0 … 2^31−1, ``ROW_ID_MAX``) or ``str`` (1–120 printable characters, matching
    ``pattern`` when given). Raises :class:`InvalidCursor` (422 ``invalid_cursor``, field ``cursor``) for any text that is not
    exactly a cursor :func:`encode` gives for this listing and a key of that kind."""
    if cursor is None:
        return None
    if len(cursor) > MAX_LENGTH or not cursor.isascii() or not _ALPHABET.fullmatch(cursor):
        raise _refuse()
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw.decode("ascii"))
    except (binascii.Error, ValueError, UnicodeError):
        raise _refuse() from None
    if not isinstance(data, dict) or set(data) != {"v", "l", "k"} or data["v"] != VERSION or data["l"] != listing:
        raise _refuse()
    value = data["k"]
    if key is int:
        ok = type(value) is int and 0 <= value <= ROW_ID_MAX
    else:
        ok = (type(value) is str and 0 < len(value) <= 120 and value.isprintable()
              and (pattern is None or pattern.fullmatch(value) is not None))
    if not ok or encode(listing, value) != cursor:  # only the canonical form: no padding, spacing or key order
        raise _refuse()
    return value


def after_id(listing: str, cursor: str | None) -> int:
    """:func:`after` for a listing paged by an increasing row id: the last id seen, 0 without a cursor."""
    return after(listing, cursor) or 0


def after_row(session: Session, listing: str, cursor: str | None, order: Sequence[Any], *,
              pattern: re.Pattern[str] | None = None) -> ColumnElement[bool] | None:
    """For a listing ordered by the columns ``order``, the last of them a unique text key (the cursor's ``k``): the
    condition ``(order) > (the values of the row the cursor names)`` selecting the rows after it, or ``None``
    without a cursor. 422 ``invalid_cursor`` as :func:`after`, and when no row has that key (nothing to resume
    after)."""
    key = after(listing, cursor, key=str, pattern=pattern)
    if key is None:
        return None
    values = session.execute(select(*order).where(order[-1] == key)).first()
    if values is None:
        raise _refuse()
    return tuple_(*order) > tuple(values)


def cut(rows: Sequence[T], limit: int, listing: str, key: Callable[[T], int | str]) -> tuple[list[T], str | None]:
    """``rows`` fetched with ``limit + 1`` → (the page's rows, its ``next_cursor``: the cursor after the last row
    when more follow, else ``None``)."""
    more = len(rows) > limit
    rows = list(rows[:limit])
    return rows, (encode(listing, key(rows[-1])) if more else None)


def page(rows: Sequence[T], limit: int, listing: str, key: Callable[[T], int | str],
         view: Callable[[T], Any] | None = None) -> dict[str, Any]:
    """:func:`cut` as the answer: ``{items: [view(row)], next_cursor}``."""
    kept, nxt = cut(rows, limit, listing, key)
    return {"items": [view(r) for r in kept] if view else kept, "next_cursor": nxt}

