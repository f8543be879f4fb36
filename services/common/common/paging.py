"""Paging of list endpoints: ``{items, next_cursor}`` pages, the cursor a listing hands out and takes back."""

from __future__ import annotations

from common.errors import InvalidCursor


def id_cursor(cursor: str | None) -> int:
    """Listings that page by an increasing id: the cursor is the last id seen (``None`` → 0, from the start).
    422 ``invalid_cursor`` for anything else (:class:`common.errors.InvalidCursor`)."""
    if cursor is None:
        return 0
    if not (cursor.isascii() and cursor.isdigit()) or len(cursor) > 12:
        raise InvalidCursor("cursor must be the next_cursor of a previous page", field="cursor")
    return int(cursor)
