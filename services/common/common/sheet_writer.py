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
the Chinese right), CRLF line ends. XLSX parts are written directly (inline strings, a style per number
format; openpyxl's helpers for sheet names, column letters and date serials): openpyxl's cell objects cost
most of a 20,000-row roster's CPU (issue 15). ``common.sheets`` (openpyxl) reads them back.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
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
_WIDE = re.compile("[\u2e80-\U0010ffff]")
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
    """Characters shown, CJK (from U+2E80) counted double."""
    return len(text) if text.isascii() else len(text) + len(_WIDE.findall(text))


def _shown(value: Any) -> str:
    """The text a cell shows (for the column width)."""
    if isinstance(value, datetime):
        return "yyyy-mm-dd hh:mm:ss +08:00"
    if isinstance(value, date):
        return "yyyy-mm-dd"
    return "" if value is None else str(value)


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTR_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})
_HEAD, _NAMES = 1, 2  # cellXfs: 0 plain, 1 the bold header row, 2 the grey italic field-name row, 3… number formats


class _Styles:
    """The workbook's number formats, each a cell style (``s`` index) on first use."""

    def __init__(self) -> None:
        self.formats: dict[str, int] = {}

    def of(self, number_format: str) -> int:
        index = self.formats.get(number_format)
        if index is None:
            index = self.formats[number_format] = 3 + len(self.formats)
        return index

    def xml(self) -> str:
        fmts = "".join(f'<numFmt numFmtId="{164 + i}" formatCode="{code.translate(_ATTR_ESCAPES)}"/>'
                       for i, code in enumerate(self.formats))
        xfs = "".join(f'<xf numFmtId="{164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
                      for i in range(len(self.formats)))
        font = '<sz val="11"/><name val="Calibri"/><family val="2"/>'
        return (f'{_XML}<styleSheet xmlns="{_MAIN}">'
                f'<numFmts count="{len(self.formats)}">{fmts}</numFmts>'
                f'<fonts count="3"><font>{font}</font><font><b val="1"/>{font}</font>'
                f'<font><i val="1"/><color rgb="00808080"/>{font}</font></fonts>'
                '<fills count="2"><fill><patternFill/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
                '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
                '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
                f'<cellXfs count="{3 + len(self.formats)}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
                '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
                f'<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>{xfs}</cellXfs>'
                '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def _text_cell(ref: str, text: str, style: int = 0) -> str:
    s = f' s="{style}"' if style else ""
    return f'<c r="{ref}" t="inlineStr"{s}><is><t xml:space="preserve">{text.translate(_TEXT_ESCAPES)}</t></is></c>'


def _xlsx_cell(ref: str, value: Any, styles: _Styles, to_excel: Any) -> str:
    """One ``<c>`` element (``""`` for an empty cell): text as inline text (never a formula, control characters
    XML cannot hold as U+FFFD), numbers as numbers, dates and datetimes as serials with their number format."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _text_cell(ref, "是" if value else "否")
    if isinstance(value, str):
        return _text_cell(ref, _ILLEGAL.sub("\ufffd", value)) if value else ""
    if isinstance(value, int):
        return f'<c r="{ref}"><v>{value}</v></c>'
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{value} is not a number a spreadsheet can hold")
        return f'<c r="{ref}" s="{styles.of(_decimal_format(value))}"><v>{value:f}</v></c>'
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"{value} is not a number a spreadsheet can hold")
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    if isinstance(value, datetime):
        serial = to_excel(shanghai(value).replace(tzinfo=None))
        return f'<c r="{ref}" s="{styles.of(DATETIME_FORMAT)}"><v>{serial!r}</v></c>'
    if isinstance(value, date):
        return f'<c r="{ref}" s="{styles.of(DATE_FORMAT)}"><v>{to_excel(value)!r}</v></c>'
    raise ValueError(f"cannot write a {type(value).__name__} into a spreadsheet cell")


def _sheet_xml(columns: Columns, rows: Iterable[dict[str, Any]], styles: _Styles) -> bytes:
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.datetime import to_excel

    fields = [field for field, _ in columns]
    table = [[row.get(field) for field in fields] for row in rows]
    widths = [max(_width(zh), _width(field)) for field, zh in columns]
    for row in table:
        for i, value in enumerate(row):
            widths[i] = max(widths[i], _width(_shown(value)))
    letters = [get_column_letter(i) for i in range(1, len(columns) + 1)]
    cols = "".join(f'<col min="{i}" max="{i}" width="{min(60, w + 2)}" customWidth="1"/>'
                   for i, w in enumerate(widths, start=1))
    out = [f'{_XML}<worksheet xmlns="{_MAIN}" xmlns:r="{_RELS}"><sheetViews><sheetView workbookViewId="0">'
           '<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>'
           '<selection pane="bottomLeft" activeCell="A3" sqref="A3"/></sheetView></sheetViews>'
           f'<sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>{"<cols>" + cols + "</cols>" if cols else ""}'
           '<sheetData>',
           '<row r="1">' + "".join(_text_cell(f"{c}1", zh, _HEAD) for c, (_, zh) in zip(letters, columns)) + "</row>",
           '<row r="2">' + "".join(_text_cell(f"{c}2", f, _NAMES) for c, f in zip(letters, fields)) + "</row>"]
    for n, row in enumerate(table, start=3):
        out.append(f'<row r="{n}">' + "".join(_xlsx_cell(f"{c}{n}", v, styles, to_excel)
                                              for c, v in zip(letters, row)) + "</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out).encode("utf-8")


def workbook(sheets: Iterable[tuple[str, Columns, Iterable[dict[str, Any]]]]) -> bytes:
    """An .xlsx of ``[(sheet name, columns, rows)]`` (cells and header rows as the module says; a sheet name is cut
    to 31 characters, ``[]:*?/\\`` replaced by ``_``, a repeated name numbered as openpyxl does). The parts of the
    package are written directly (inline text, one style per number format): the CPU of a per-cell object model
    was most of a roster download's (issue 15)."""
    from openpyxl.workbook.child import avoid_duplicate_name

    styles = _Styles()
    names: list[str] = []
    parts: list[bytes] = []
    for name, columns, rows in sheets:
        names.append(avoid_duplicate_name(names, name.translate(_BAD_TITLE)[:31]))
        parts.append(_sheet_xml(columns, rows, styles))
    if not parts:
        raise ValueError("a workbook needs at least one sheet")
    n = len(parts)
    sheet_list = "".join(f'<sheet name="{title.translate(_ATTR_ESCAPES)}" sheetId="{i}" r:id="rId{i}"/>'
                         for i, title in enumerate(names, start=1))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr("[Content_Types].xml", (
            f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/styles.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
            + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
                      'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                      for i in range(1, n + 1)) + "</Types>"))
        z.writestr("_rels/.rels", f'{_XML}<Relationships xmlns="{_PKG_RELS}"><Relationship Id="rId1" '
                                  f'Type="{_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_RELS}"><bookViews>'
                                      f'<workbookView activeTab="0"/></bookViews><sheets>{sheet_list}</sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", (
            f'{_XML}<Relationships xmlns="{_PKG_RELS}">'
            + "".join(f'<Relationship Id="rId{i}" Type="{_RELS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                      for i in range(1, n + 1))
            + f'<Relationship Id="rId{n + 1}" Type="{_RELS}/styles" Target="styles.xml"/></Relationships>'))
        z.writestr("xl/styles.xml", styles.xml())
        for i, part in enumerate(parts, start=1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", part)
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
