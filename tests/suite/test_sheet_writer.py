"""The one spreadsheet writer (common.sheet_writer): Chinese header row over the field names, both frozen; real
numbers (Decimal kept exact, shown with its places), dates as dates, Asia/Shanghai times marked; formula-like text
kept as text in XLSX and defused in CSV; fitted widths; CSV with a BOM and the same two header rows."""

from __future__ import annotations

import io
from datetime import date, datetime, timezone
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from common.sheet_writer import csv_bytes, formula_like, read_csv, workbook

COLUMNS = [("school_code", "学校代码"), ("name", "学校名称"), ("amount", "金额(元)"), ("share", "占比"),
           ("paid_on", "拨付日期"), ("at", "时间(北京时间)"), ("ok", "达标"), ("count", "人数"), ("note", "备注")]
ROW = {"school_code": "331003001", "name": "=HYPERLINK(\"http://x\",\"点我\")", "amount": Decimal("3000.10"),
       "share": Decimal("95.1234"), "paid_on": date(2025, 10, 8),
       "at": datetime(2025, 9, 30, 17, 5, tzinfo=timezone.utc),
       "ok": True, "count": 12, "note": None}


def _sheet(data: bytes, name: str = "表"):
    return load_workbook(io.BytesIO(data))[name]


def test_a_workbook_has_chinese_headers_frozen_real_cells_and_text_that_stays_text():
    ws = _sheet(workbook([("表", COLUMNS, [ROW, {**ROW, "name": "黄岩区实验小学", "ok": False}])]))
    assert [c.value for c in ws[1]] == [zh for _, zh in COLUMNS] and ws["A1"].font.b
    assert [c.value for c in ws[2]] == [field for field, _ in COLUMNS]
    assert ws.freeze_panes == "A3"
    code, name, amount, share, paid_on, at, ok, count, note = ws[3]
    assert code.value == "331003001" and code.data_type == "s"  # a code stays text, its leading digits whole
    assert name.value == ROW["name"] and name.data_type == "s"  # never a formula
    assert Decimal(str(amount.value)) == Decimal("3000.10") and amount.number_format == "0.00"
    assert Decimal(str(share.value)) == Decimal("95.1234") and share.number_format == "0.0000"
    assert paid_on.value == datetime(2025, 10, 8) and paid_on.number_format == "yyyy-mm-dd" and paid_on.is_date
    assert at.value == datetime(2025, 10, 1, 1, 5) and at.number_format == 'yyyy-mm-dd hh:mm:ss "+08:00"'
    assert (ok.value, ws["G4"].value, count.value, note.value) == ("是", "否", 12, None)
    widths = {k: d.width for k, d in ws.column_dimensions.items()}
    assert widths["B"] >= len(ROW["name"]) and widths["A"] >= len("school_code") + 1
    assert widths["B"] >= 2 * len("黄岩区实验小学")  # CJK counted double


def test_a_csv_file_has_the_same_header_rows_and_defused_text():
    data = csv_bytes(COLUMNS, [ROW])
    assert data.startswith("\ufeff".encode())
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == ",".join(zh for _, zh in COLUMNS) and lines[1] == ",".join(f for f, _ in COLUMNS)
    row = read_csv(data)[0]
    assert row == {"school_code": "331003001", "name": "'" + ROW["name"], "amount": "3000.10", "share": "95.1234",
                   "paid_on": "2025-10-08", "at": "2025-10-01T01:05:00+08:00", "ok": "是", "count": "12", "note": ""}


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\x01\x02\x03\x04\x05\x06\x07"
                             "\x08\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f"),
               max_size=40))
def test_any_text_comes_back_as_written(text):
    """Whatever a name or note holds, the workbook gives it back as text, exactly; the CSV gives it back with a
    leading ``'`` only where a spreadsheet would have run it."""
    cell = _sheet(workbook([("表", [("name", "姓名")], [{"name": text}])]))["A3"]
    assert (cell.value or "") == text and (not text or cell.data_type == "s")
    back = read_csv(csv_bytes([("name", "姓名")], [{"name": text}]))[0]["name"]
    assert back == ("'" + text if formula_like(text) else text)


def test_only_text_a_spreadsheet_would_run_is_defused_in_csv():
    rows = [{"v": "-12.50"}, {"v": "+3"}, {"v": "-2+3+cmd|' /C calc'!A0"}, {"v": "@SUM(A1)"}, {"v": "=1"}]
    assert [r["v"] for r in read_csv(csv_bytes([("v", "值")], rows))] == \
           ["-12.50", "+3", "'-2+3+cmd|' /C calc'!A0", "'@SUM(A1)", "'=1"]


def test_control_characters_are_replaced_not_refused_and_sheet_names_are_cleaned():
    data = workbook([("a/b:c[d]*?" + "长" * 40, [("x", "说明")], [{"x": "前\x00后\x1f"}])])
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["a_b_c_d___" + "长" * 21]
    assert book.worksheets[0]["A3"].value == "前\ufffd后\ufffd"
