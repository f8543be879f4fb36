"""Every table a page shows can be downloaded as CSV (UTF-8 with BOM, so Excel opens the Chinese right) and XLSX,
both written by ``common.sheet_writer``: the same columns, the same masked values. A page offers its tables as
``?table=<name>&format=csv|xlsx`` (:func:`wants`); a listing the API pages is read whole, up to :data:`MAX_ROWS`
(:func:`all_pages`)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from fastapi.responses import Response

from common.logging import mask_text
from common.sheet_writer import csv_bytes, workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cell(value: Any) -> Any:
    """Numbers as they are, text masked (``common.logging.mask_text``: no whole ID number or phone leaves)."""
    if value is None or isinstance(value, (bool, int, float, Decimal)):
        return value
    return mask_text(str(value))


def download(name: str, columns: Sequence[tuple[str, str]], rows: Sequence[dict[str, Any]], fmt: str) -> Response:
    """``columns``: (key, heading). ``fmt`` ``csv`` or ``xlsx``; the file is named ``<name>.<fmt>`` and written by
    the suite's one writer (``common.sheet_writer``: the heading row, the key row beneath, frozen; fitted widths;
    formula-like text kept as text)."""
    table = [{key: _cell(row.get(key)) for key, _ in columns} for row in rows]
    if fmt == "xlsx":
        body, media = workbook([(name, columns, table)]), XLSX
    else:
        body, media, fmt = csv_bytes(columns, table), "text/csv; charset=utf-8", "csv"
    filename = f"{name}.{fmt}"
    return Response(body, media_type=media, headers={
        "Content-Disposition": f"attachment; filename=\"{filename}\"; filename*=UTF-8''{quote(filename)}"})


MAX_ROWS = 50_000
FORMATS = ("csv", "xlsx")


async def funding_semesters(page: Any) -> list[dict[str, Any]]:
    """Every configured semester by first day (funding's paged ``GET /semesters``, read whole), for the finance,
    auditor and roll pages' choices; ``page`` is a :class:`console.web.Page`."""
    return await all_pages(lambda after: page.gateway.get(page.who, "funding", "/semesters", limit=1000,
                                                          cursor=after))


def wants(tables: dict[str, Any], table: str, fmt: str) -> bool:
    """True when the request asks for one of ``tables`` as a file (``?table=…&format=csv|xlsx``)."""
    return fmt in FORMATS and table in tables


async def all_pages(fetch: Callable[[str | None], Awaitable[dict[str, Any]]], *, cap: int = MAX_ROWS
                    ) -> list[dict[str, Any]]:
    """Every item of a paged listing (``fetch(cursor)`` → ``{items, next_cursor}``), at most ``cap``."""
    items: list[dict[str, Any]] = []
    cursor = None
    while len(items) < cap:
        page = await fetch(cursor)
        items += page["items"]
        cursor = page.get("next_cursor")
        if not cursor:
            break
    return items[:cap]
