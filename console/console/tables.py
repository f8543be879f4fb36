"""Every table a page shows can be downloaded as CSV (UTF-8 with BOM, so Excel opens the Chinese right) and XLSX
(openpyxl): the same columns, the same masked values. A page offers its tables as ``?table=<name>&format=csv|xlsx``
(:func:`wants`); a listing the API pages is read whole, up to :data:`MAX_ROWS` (:func:`all_pages`)."""

from __future__ import annotations

import csv
import io
from collections.abc import Awaitable, Callable, Sequence
from typing import Any
from urllib.parse import quote

from fastapi.responses import Response

from common.logging import mask_text

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = mask_text(str(value))
    return "'" + text if text[:1] in ("=", "+", "-", "@") and not _number(text) else text


def _number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def download(name: str, columns: Sequence[tuple[str, str]], rows: Sequence[dict[str, Any]], fmt: str) -> Response:
    """``columns``: (key, heading). ``fmt`` ``csv`` or ``xlsx``; the file is named ``<name>.<fmt>``."""
    if fmt == "xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = name[:31]
        ws.append([heading for _, heading in columns])
        for row in rows:
            ws.append([_cell(row.get(key)) for key, _ in columns])
        buf = io.BytesIO()
        wb.save(buf)
        body, media = buf.getvalue(), XLSX
    else:
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow([heading for _, heading in columns])
        for row in rows:
            writer.writerow([_cell(row.get(key)) for key, _ in columns])
        body, media, fmt = ("\ufeff" + buf.getvalue()).encode("utf-8"), "text/csv; charset=utf-8", "csv"
    filename = f"{name}.{fmt}"
    return Response(body, media_type=media, headers={
        "Content-Disposition": f"attachment; filename=\"{filename}\"; filename*=UTF-8''{quote(filename)}"})


MAX_ROWS = 50_000
FORMATS = ("csv", "xlsx")


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
