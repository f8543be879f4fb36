"""Spreadsheets out: the one writer of the suite's XLSX and CSV downloads (enrollment's reports and rosters,
funding's auditor exports, the console's tables, the files ``make demo`` writes). ``common.sheets`` is the reader.

A table is ``columns`` — ``[(field, Chinese header)]``, the English field name being the API's — and ``rows``
(dicts by field). Both formats carry the same two header rows: the Chinese header, then the field name (so a
reader that wants the API's names skips one row; :func:`read_csv` does). Cells:

- numbers and ``Decimal`` are numbers (XLSX: a ``Decimal`` keeps its places as its number format, so money with 2
  places shows ``0.00`` and sums exactly; CSV: written as they are, never through float);
- dates are dates (XLSX ``yyyy-mm-dd``; CSV ISO);
- datetimes are shown in Asia/Shanghai and say so: XLSX a real date-time with the format ``yyyy-mm-dd hh:mm:ss
  "+08:00"`` (a spreadsheet stores no zone), CSV ISO 8601 with ``+08:00``; a naive datetime is taken as UTC (how
  the suite stores time);
- booleans 是 / 否; ``None`` an empty cell; control characters XML cannot hold become U+FFFD in XLSX;
- text a spreadsheet would run as a formula (starting ``=``, ``+``, ``-``, ``@``, tab or CR) stays text: XLSX a
  text cell (never evaluated, reads exactly as written), CSV prefixed with ``'`` (the spreadsheet convention for
  "this is text") unless it is a plain signed number (``-12.50``);

XLSX sheets have a bold Chinese header row, the grey field-name row beneath, both frozen, and column widths fitted
to the content (CJK characters counted double, at most 60). CSV is UTF-8 with a BOM (so spreadsheet programs read
the Chinese right), CRLF line ends. openpyxl only (write-only mode: a large export streams).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any

from common.schemas import SHANGHAI

Columns = Sequence[tuple[str, str]]
"""``[(field, Chinese header)]``."""

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = 'yyyy-mm-dd hh:mm:ss "+08:00"'
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_BAD_TITLE = str.maketrans({c: "_" for c in "[]:*?/\\"})


def formula_like(text: str) -> bool:
    """Text a spreadsheet would run (``=1+2``, ``@SUM(A1)``, ``-2+3+cmd|...``); a plain signed number such as
    ``-12.50`` is not (CSV writes it as it is)."""
    return text.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text)


def shanghai(value: datetime) -> datetime:
    """A datetime in Asia/Shanghai (naive values are UTC, as stored)."""
    return (value if value.tzinfo else value.replace(tzinfo=timezone.utc)).astimezone(SHANGHAI)


def _decimal_format(value: Decimal) -> str:
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return "0." + "0" * places if places else "0"


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _shown(value: Any) -> str:
    """The text a cell shows (for the column width)."""
    if isinstance(value, datetime):
        return "yyyy-mm-dd hh:mm:ss +08:00"
    if isinstance(value, date):
        return "yyyy-mm-dd"
    return "" if value is None else str(value)


def _xlsx_cell(ws: Any, value: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        cell = WriteOnlyCell(ws, value=shanghai(value).replace(tzinfo=None))
        cell.number_format = DATETIME_FORMAT
        return cell
    if isinstance(value, date):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    if isinstance(value, Decimal):
        cell = WriteOnlyCell(ws, value=value)
        cell.number_format = _decimal_format(value)
        return cell
    if isinstance(value, str):
        value = _ILLEGAL.sub("\ufffd", value)  # control characters XML cannot hold
        if value.startswith(FORMULA_START):  # even "-5": kept as the text it is
            cell = WriteOnlyCell(ws, value=value)
            cell.data_type = "s"  # openpyxl would store "=..." as a formula
            return cell
    return value


def workbook(sheets: Iterable[tuple[str, Columns, Iterable[dict[str, Any]]]]) -> bytes:
    """An .xlsx of ``[(sheet name, columns, rows)]`` (cells and header rows as the module says; a sheet name is cut
    to 31 characters, ``[]:*?/\\`` replaced by ``_``)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    for name, columns, rows in sheets:
        ws = wb.create_sheet(name.translate(_BAD_TITLE)[:31])
        fields = [field for field, _ in columns]
        rows = [[row.get(field) for field in fields] for row in rows]
        widths = [max(_width(zh), _width(field)) for field, zh in columns]
        for row in rows:
            for i, value in enumerate(row):
                widths[i] = max(widths[i], _width(_shown(value)))
        for i, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = min(60, w + 2)
        ws.freeze_panes = "A3"
        head = []
        for _, zh in columns:
            cell = WriteOnlyCell(ws, value=zh)
            cell.font = Font(bold=True)
            head.append(cell)
        ws.append(head)
        names = []
        for field in fields:
            cell = WriteOnlyCell(ws, value=field)
            cell.font = Font(italic=True, color="808080")
            names.append(cell)
        ws.append(names)
        for row in rows:
            ws.append([_xlsx_cell(ws, v) for v in row])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        return shanghai(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, str) and formula_like(value):
        return "'" + value
    return value


def csv_bytes(columns: Columns, rows: Iterable[dict[str, Any]]) -> bytes:
    """A CSV file of one table: the Chinese header row, the field-name row, then ``rows`` (cells as the module
    says), UTF-8 with a BOM."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([zh for _, zh in columns])
    writer.writerow([field for field, _ in columns])
    fields = [field for field, _ in columns]
    for row in rows:
        writer.writerow([_csv_cell(row.get(field)) for field in fields])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def read_csv(data: bytes) -> list[dict[str, str]]:
    """The rows of a :func:`csv_bytes` file by field name (the Chinese header row skipped)."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    fields = rows[1] if len(rows) > 1 else []
    return [dict(zip(fields, row)) for row in rows[2:]]


def columns_of(fields: Sequence[str], headers: dict[str, str]) -> list[tuple[str, str]]:
    """``[(field, headers[field])]``; a field without a Chinese header keeps its name (a test catches it)."""
    return [(f, headers.get(f, f)) for f in fields]
