"""Spreadsheets in: the bureau's CSV and XLSX files read as rows, their cell conventions, and refused rows reported
with sheet, row, column, value and a reason in Chinese and English (the import endpoints of enrollment and
funding, and ``tongcheng.schools.load``, read files through here). Spreadsheets out: :mod:`common.sheet_writer`.

Cell conventions (the bundled ``data/`` files): lists are ``;``-separated (``331003003;331003004``), per-grade
counts are ``grade:count`` pairs (``1:3;2:3``), money is yuan with 2 decimals, dates ``YYYY-MM-DD``. A header row
comes first; its names are the API's field names or their Chinese labels (``aliases``). CSV is read as UTF-8 (with
or without BOM) or, failing that, GB18030 (what a Chinese spreadsheet program saves). XLSX numbers that are whole
are read as integers, dates as ``YYYY-MM-DD``; an empty row is skipped.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict, dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from common.errors import DomainError, Invalid

MAX_ROWS = 20_000

# Chinese reasons by refusal code (the English reason is the service's own detail); unknown codes fall back.
REASONS_ZH = {
    "missing": "缺少必填项", "missing_column": "缺少必填列", "duplicate_row": "与文件中前面的行重复",
    "not_a_number": "应为整数", "bad_value": "格式不正确", "validation_error": "格式不正确",
    "school_not_found": "学校不存在", "wrong_school_kind": "学校类型不符（学位用于公办学校，计划用于民办学校）",
    "wrong_level": "年级不是该校的起始年级", "below_placed": "少于终版录取已录取的人数",
    "plan_over_capacity": "招生计划超过核定规模或班额", "school_phasing_out": "学校正在停办，不得招收新生",
    "school_closed": "学校已关闭，不得招收新生", "field_immutable": "学校类型和学段不能修改",
    "semester_not_found": "学期未配置", "semester_settled": "该学期结算已审批，标准不能再改",
    "semester_exists": "学期已配置且日期不同", "invalid": "不符合规则", "township_unknown": "乡镇（街道）代码不存在",
}


@dataclass(frozen=True)
class Refusal:
    """One refused row: where (sheet, row number as the spreadsheet shows it, column), what (value) and why."""

    sheet: str
    row: int
    column: str | None
    value: str | None
    code: str
    reason_en: str
    reason_zh: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def refusal(sheet: str, row: int, column: str | None, value: Any, code: str, reason_en: str) -> Refusal:
    """A :class:`Refusal` with the Chinese reason for ``code`` (``REASONS_ZH``; else a generic one)."""
    zh = REASONS_ZH.get(code, "数据不符合要求")
    return Refusal(sheet, row, column, None if value is None else str(value)[:200], code, reason_en, zh)


class ImportRefused(DomainError):
    """422 ``import_refused``: at least one row is refused; ``refused`` lists every one, nothing was written."""

    status, code, title = 422, "import_refused", "Rows refused; nothing imported"


class BadUpload(Invalid):
    """422 ``bad_upload``: the file cannot be read as CSV or XLSX, or has no header / no sheet of that name."""

    code = "bad_upload"


@dataclass
class Table:
    """One sheet: its name, header (field names after aliases) and data rows ``(row number, {field: text})``."""

    sheet: str
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value).strip()


def _table(sheet: str, raw_rows: list[list[Any]], aliases: dict[str, str]) -> Table:
    if not raw_rows:
        raise BadUpload(f"sheet {sheet!r} is empty: a header row is needed", field="file")
    header = [aliases.get(_text(h), _text(h)) for h in raw_rows[0]]
    rows = []
    for number, raw in enumerate(raw_rows[1:], start=2):
        values = [_text(v) for v in raw]
        if not any(values):
            continue
        rows.append((number, {h: v for h, v in zip(header, values) if h}))
        if len(rows) > MAX_ROWS:
            raise BadUpload(f"more than {MAX_ROWS} rows; split the file", field="file")
    return Table(sheet, header, rows)


def read_table(data: bytes, filename: str, sheet: str, aliases: dict[str, str] | None = None) -> Table:
    """The rows of ``sheet`` in an uploaded file: an ``.xlsx`` workbook (the sheet of that name, else its only
    sheet) or a CSV file (the whole file, reported as sheet ``sheet``). 422 ``bad_upload`` otherwise."""
    aliases = aliases or {}
    if data[:2] == b"PK" or filename.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds on a damaged zip  # noqa: BLE001
            raise BadUpload(f"not a readable .xlsx workbook ({type(exc).__name__})", field="file") from None
        try:
            names = wb.sheetnames
            name = sheet if sheet in names else names[0] if len(names) == 1 else None
            if name is None:
                raise BadUpload(f"the workbook has no sheet named {sheet!r} (sheets: {', '.join(names)})",
                                field="file")
            return _table(name, [list(r) for r in wb[name].iter_rows(values_only=True)], aliases)
        finally:
            wb.close()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise BadUpload("a CSV file must be UTF-8 or GB18030 text", field="file")
    if "\x00" in text:
        raise BadUpload("a CSV file must be text (NUL found)", field="file")
    try:
        rows = [list(r) for r in csv.reader(io.StringIO(text))]
    except csv.Error as exc:  # e.g. a lone carriage return inside an unquoted cell: 422, never a 500
        raise BadUpload(f"not a readable CSV file ({exc})", field="file") from None
    return _table(sheet, rows, aliases)


def cell_list(text: str) -> list[str]:
    """``"331003003;331003004"`` → ``["331003003", "331003004"]`` (also ``；`` and ``,``); empty → ``[]``."""
    return [x.strip() for x in text.replace("；", ";").replace(",", ";").split(";") if x.strip()]


def cell_pairs(text: str) -> dict[str, int]:
    """``"1:3;2:3"`` → ``{"1": 3, "2": 3}`` (full-width ``：`` too); raises ``ValueError`` on a bad pair."""
    out = {}
    for part in cell_list(text):
        key, sep, value = part.replace("：", ":").partition(":")
        if not sep or not value.strip().isdigit():
            raise ValueError(f"{part!r} is not a grade:count pair")
        out[key.strip()] = int(value.strip())
    return out


def cell_int(text: str) -> int | str:
    """A whole number cell (``"35"``, ``"35.0"``) → int; anything else is returned as text for the schema to
    refuse with its own message."""
    try:
        number = Decimal(text)
    except ArithmeticError:
        return text
    return int(number) if number.is_finite() and number == number.to_integral_value() else text


class RowRefused(Exception):
    """Raised by a row's check to refuse it at a column (the import runner reports it)."""

    def __init__(self, column: str | None, code: str, reason_en: str):
        super().__init__(reason_en)
        self.column, self.code, self.reason_en = column, code, reason_en


def run_import(session: Any, table: Table, kind: str, row_effect: Any, *, key: Any, dry_run: bool,
               required: tuple[str, ...] = ()) -> dict[str, Any]:
    """Check (and apply) every row of ``table`` in ``session``'s transaction, then commit once — or write nothing.

    ``row_effect(values) -> "created" | "updated" | "unchanged"`` applies one row through the service's own use
    cases (the same checks as the API); it raises :class:`RowRefused`, a ``DomainError`` (its ``field`` names the
    column) or a pydantic ``ValidationError`` (each error's first ``loc`` names the column). ``key(values)`` is
    the row's identity: a second row with the same key is refused (``duplicate_row``). Every row is checked even
    after a refusal, so the answer lists them all. Any refusal → rollback and 422 ``import_refused`` with
    ``refused: [Refusal]``; ``dry_run`` → rollback and the counts; else commit. Answer: ``{kind, sheet, rows,
    created, updated, unchanged, dry_run, written, message}`` — ``written`` false when nothing changed (the same
    file again), and the message says so."""
    from pydantic import ValidationError

    missing = [c for c in required if c not in table.header]
    if missing:
        raise BadUpload(f"sheet {table.sheet!r} lacks the column(s) {', '.join(missing)}", field="file",
                        missing=missing)
    from common import history

    history.defer(session)
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    refused: list[Refusal] = []
    seen: dict[Any, int] = {}
    for number, values in table.rows:
        ident = key(values)
        if ident in seen:
            refused.append(refusal(table.sheet, number, None, None, "duplicate_row",
                                   f"the same record as row {seen[ident]}"))
            continue
        seen[ident] = number
        try:
            counts[row_effect(values)] += 1
        except RowRefused as exc:
            refused.append(refusal(table.sheet, number, exc.column, values.get(exc.column or ""), exc.code,
                                   exc.reason_en))
        except ValidationError as exc:
            for err in exc.errors():
                column = str(err["loc"][0]) if err["loc"] else None
                refused.append(refusal(table.sheet, number, column, values.get(column or ""),
                                       "missing" if err["type"] == "missing" else "bad_value", err["msg"]))
        except DomainError as exc:
            if exc.status >= 500:
                raise
            refused.append(refusal(table.sheet, number, exc.field, values.get(exc.field or ""), exc.code,
                                   exc.detail))
    summary = {"kind": kind, "sheet": table.sheet, "rows": len(table.rows), **counts, "dry_run": dry_run}
    if refused:
        session.info.pop(history.DEFERRED, None)
        session.rollback()
        raise ImportRefused(f"{len(refused)} row(s) refused in sheet {table.sheet!r}; nothing was imported",
                            **summary, refused=[r.as_dict() for r in refused])
    changed = counts["created"] + counts["updated"]
    if dry_run:
        session.rollback()
    else:
        history.write_deferred(session)
        session.commit()
    message = ("nothing to change: every row is as stored" if not changed else
               f"{'would change' if dry_run else 'changed'} {changed} record(s)")
    return {**summary, "written": changed > 0 and not dry_run, "message": message}
