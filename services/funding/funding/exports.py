"""Render report views as CSV and XLSX (pure: a :class:`funding.reports.View` in, bytes out).

Amounts arrive as integer fen. CSV writes them as yuan strings with 2 places; XLSX writes ``Decimal`` yuan values
with number format ``0.00`` (numbers an auditor can sum, never binary fractions). Times (stored in UTC) are shown in
Asia/Shanghai: ISO text with ``+08:00`` in CSV, real date-times formatted ``yyyy-mm-dd hh:mm:ss`` in XLSX (a
spreadsheet has no time zone). Text a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``,
tab or CR) is defused: prefixed with ``'`` in CSV; in XLSX stored as a text cell, which no spreadsheet evaluates, so
it reads exactly as written.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from common.schemas import SHANGHAI, fen_to_yuan
from funding.reports import View

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_text(value: str) -> str:
    """Defuse spreadsheet formula injection (a pupil named ``=HYPERLINK(...)``)."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(SHANGHAI).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, str):
        return safe_text(value)
    return value


def to_csv(view: View) -> bytes:
    """UTF-8 CSV with a BOM (so spreadsheet programs read the Chinese names right), header row first."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(view.columns)
    money = [c in view.money for c in view.columns]
    for row in view.rows:
        writer.writerow([fen_to_yuan(v) if m and v is not None else ("" if v is None else _plain(v))
                         for v, m in zip(row, money)])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def yuan_decimal(fen: int) -> Decimal:
    """Integer fen → exact ``Decimal`` yuan with 2 places (``300001`` → ``Decimal("3000.01")``)."""
    return Decimal(fen).scaleb(-2)


def to_xlsx(views: Iterable[View]) -> bytes:
    """One sheet per view (named after it), a bold header row, amounts as ``Decimal`` with format ``0.00``, times as
    Asia/Shanghai date-times, formula-like text as plain text cells."""
    wb = Workbook(write_only=True)
    for view in views:
        ws = wb.create_sheet(view.name[:31])
        header = []
        for name in view.columns:
            cell = WriteOnlyCell(ws, value=name)
            cell.font = Font(bold=True)
            header.append(cell)
        ws.append(header)
        money = [c in view.money for c in view.columns]
        for row in view.rows:
            out = []
            for v, m in zip(row, money):
                if m and v is not None:
                    cell = WriteOnlyCell(ws, value=yuan_decimal(v))
                    cell.number_format = "0.00"
                    out.append(cell)
                elif isinstance(v, datetime):
                    cell = WriteOnlyCell(ws, value=v.astimezone(SHANGHAI).replace(tzinfo=None))
                    cell.number_format = "yyyy-mm-dd hh:mm:ss"
                    out.append(cell)
                elif isinstance(v, str) and v.startswith(_FORMULA_START):
                    cell = WriteOnlyCell(ws, value=v)
                    cell.data_type = "s"  # openpyxl would store "=..." as a formula
                    out.append(cell)
                else:
                    out.append(v)
            ws.append(out)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
