"""The auditor's exports (BRIEF §8) as XLSX and CSV: a :class:`funding.reports.View` in, bytes out, written by the
suite's one spreadsheet writer (:mod:`common.sheet_writer`: Chinese header row over the field names, frozen; real
numbers, dates and Asia/Shanghai times; formula-like text as text).

Amounts arrive as integer fen and leave as exact ``Decimal`` yuan with 2 places (XLSX numbers formatted ``0.00``
an auditor can sum; CSV ``3000.00``), never through float. ID numbers arrive masked.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from common.sheet_writer import columns_of, csv_bytes, workbook
from funding.reports import View

HEADERS_ZH = {
    "settlement_id": "结算单号", "semester": "学期", "school_code": "学校代码", "state": "状态",
    "tariff": "生均补助标准(元)", "tariff_version": "标准版本", "semester_days": "学期天数", "line_count": "明细行数",
    "total": "结算金额(元)", "adjustments": "调整金额(元)", "paid": "已拨付(元)", "due": "应拨付(元)",
    "computed_at": "计算时间(北京时间)", "approved_by": "审批人", "approved_at": "审批时间(北京时间)",
    "seat_id": "购买学位号", "application_no": "申请号", "pupil_name": "学生姓名", "pupil_id_number": "身份证号(脱敏)",
    "days": "在校天数", "amount": "金额(元)", "grade": "年级", "start_date": "开始日期", "end_date": "结束日期",
    "end_reason": "结束原因", "previous_seat_id": "原学位号", "run_id": "录取批次", "version": "版本",
    "operating_cost_per_pupil": "生均办学成本(元)", "original_fee": "原收费标准(元)", "suggestion": "建议标准(元)",
    "standard": "核定标准(元)", "standard_source": "标准来源", "decided_by": "核定人",
    "decided_at": "核定时间(北京时间)", "note": "备注", "adjustment_id": "调整单号",
    "previous_end_date": "原结束日期", "corrected_end_date": "更正结束日期", "days_before": "原天数",
    "days_after": "更正天数", "amount_before": "原金额(元)", "amount_after": "更正金额(元)", "delta": "差额(元)",
    "reason": "原因", "recorded_by": "记录人", "recorded_at": "记录时间(北京时间)", "ledger_seq": "台账序号",
    "disbursement_id": "拨付单号", "reference": "拨付凭证号", "paid_on": "拨付日期", "seq": "序号", "kind": "类型",
    "prev_hash": "前一条哈希", "hash": "哈希", "body": "记录内容", "ok": "校验通过", "entries": "条目数",
    "head_hash": "链头哈希", "first_broken_seq": "首个断点序号", "detail": "详情", "records_checked": "核对记录数",
    "mismatches": "不一致数", "seats": "学位数", "year": "年度", "appropriation": "预算(元)", "settled": "已结算(元)",
    "remaining": "余额(元)", "semesters": "学期",
}


def yuan_decimal(fen: int) -> Decimal:
    """Integer fen → exact ``Decimal`` yuan with 2 places (``300001`` → ``Decimal("3000.01")``)."""
    return Decimal(fen).scaleb(-2)


def table(view: View) -> tuple[str, list[tuple[str, str]], list[dict[str, Any]]]:
    """A view as the writer's ``(sheet name, [(field, Chinese header)], rows)``, fen columns as yuan."""
    money = [c in view.money for c in view.columns]
    rows = [{c: yuan_decimal(v) if m and v is not None else v for c, v, m in zip(view.columns, row, money)}
            for row in view.rows]
    return view.name, columns_of(view.columns, HEADERS_ZH), rows


def to_csv(view: View) -> bytes:
    """One view as CSV (Chinese header row, field-name row, rows)."""
    _, columns, rows = table(view)
    return csv_bytes(columns, rows)


def to_xlsx(views: Iterable[View]) -> bytes:
    """One sheet per view, named after it."""
    return workbook(table(v) for v in views)
