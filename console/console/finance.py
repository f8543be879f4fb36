"""District finance (区财政局): settlements (结算) by semester and school, a settlement's totals and lines, approval
after a confirmation page, recording a disbursement; the budget against settled against paid as a chart."""

from __future__ import annotations

import asyncio
from datetime import date
from decimal import Decimal, InvalidOperation

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from console.charts import bars
from console.clients import ApiError
from console.tables import download, funding_semesters
from console.web import ROOT, SHANGHAI, Page, form_of, redirect, role

router = APIRouter(prefix=f"{ROOT}/finance")
Finance = Depends(role("finance"))
STATE_NAMES = {"draft": "草稿 draft", "approved": "已审批 approved", "paid": "已支付 paid"}
COLUMNS = [("id", "编号 id"), ("semester", "学期 semester"), ("school_code", "学校 school"), ("state", "状态 state"),
           ("line_count", "学位数 seats"), ("tariff", "标准 tariff (yuan)"), ("total", "应付 total (yuan)"),
           ("adjustments_total", "调整 adjustments"), ("paid_total", "已付 paid"), ("amount_due", "待付 due"),
           ("awaiting_confirmation", "待学校确认 awaiting the roll")]


@router.get("/settlements")
async def settlements(page: Page = Finance, semester: str = "", school_code: str = "", state: str = "",
                      cursor: str = "", format: str = "") -> Response:  # noqa: A002
    """Settlements of a semester (the latest by default), filterable by school and state, 100 a page."""
    semesters = await funding_semesters(page)
    semester = semester or (semesters[-1]["code"] if semesters else "")
    answer = await page.gateway.get(page.who, "funding", "/settlements", semester=semester or None,
                                    school_code=school_code or None, state=state or None,
                                    limit=1000 if format else 100, cursor=cursor or None)
    if format in ("csv", "xlsx"):
        return download(f"tongcheng-settlements-{semester}", COLUMNS, answer["items"], format)
    return page.render("finance_settlements.html", title="结算 Settlements", semesters=semesters,
                       semester=semester, school_code=school_code, state=state, items=answer["items"],
                       next_cursor=answer.get("next_cursor"), state_names=STATE_NAMES, columns=COLUMNS)


@router.post("/settlements/run")
async def run_settlements(request: Request, page: Page = Finance) -> Response:
    """Compute (or recompute) the draft settlement of every school with purchased seats in the semester."""
    form = await form_of(request, page)
    semester = str(form.get("semester") or "")
    await page.gateway.post(page.who, "funding", "/settlements/run", {"semester": semester},
                            key=str(form.get("key") or "") or None)
    return redirect(f"{ROOT}/finance/settlements?semester={semester}", request)


async def _settlement(page: Page, settlement_id: int, lines: bool = True) -> dict:
    return await page.gateway.get(page.who, "funding", f"/settlements/{settlement_id}",
                                  lines="true" if lines else "false")


@router.get("/settlements/{settlement_id}")
async def settlement(settlement_id: int, page: Page = Finance) -> Response:
    """A settlement: totals, its lines summarised (the first 100 shown, masked), approval and payment."""
    s = await _settlement(page, settlement_id)
    return _render_settlement(page, s, {}, {})


def _render_settlement(page: Page, s: dict, form: dict, errors: dict[str, str], status: int = 200) -> Response:
    lines = s.get("lines") or []
    full = sum(1 for line in lines if line["days"] == line["semester_days"])
    today = _today()
    return page.render("finance_settlement.html", status=status, title=f"结算 Settlement {s['id']}", s=s,
                       lines=lines[:100], full=full, partial=len(lines) - full, state_names=STATE_NAMES,
                       awaiting=(s.get("awaiting") or [])[:100],
                       form=form, errors=errors, today=today.isoformat())


def _today() -> date:
    from datetime import datetime

    return datetime.now(SHANGHAI).date()


@router.get("/settlements/{settlement_id}/approve")
async def approve_confirm(settlement_id: int, page: Page = Finance) -> Response:
    """The confirmation page before approving: what approval does."""
    s = await _settlement(page, settlement_id, lines=False)
    return page.render("finance_approve.html", title=f"审批结算 Approve settlement {settlement_id}", s=s, error="")


@router.post("/settlements/{settlement_id}/approve")
async def approve(settlement_id: int, request: Request, page: Page = Finance) -> Response:
    """Approve the draft (If-Match its version): it becomes immutable and enters the ledger."""
    form = await form_of(request, page)
    try:
        await page.gateway.post(page.who, "funding", f"/settlements/{settlement_id}/approve",
                                if_match=str(form.get("version") or "") or None, key=str(form.get("key") or "") or None)
        return redirect(f"{ROOT}/finance/settlements/{settlement_id}", request)
    except ApiError as exc:
        if exc.status >= 500 or exc.status in (403, 404):
            raise
        s = await _settlement(page, settlement_id, lines=False)
        return page.render("finance_approve.html", status=409, title=f"审批结算 Approve settlement {settlement_id}",
                           s=s, error=exc.detail)


@router.post("/settlements/{settlement_id}/disbursements")
async def disburse(settlement_id: int, request: Request, page: Page = Finance) -> Response:
    """Record the payment (拨付): reference, amount (yuan, must equal the amount due), paid on (a day from the
    approval to today, Asia/Shanghai)."""
    form = await form_of(request, page)
    errors: dict[str, str] = {}
    reference = str(form.get("reference") or "").strip()
    if not reference:
        errors["reference"] = "请填写支付凭证号。 Give the payment reference."
    try:
        amount = Decimal(str(form.get("amount") or "").strip()).quantize(Decimal("0.01"))
    except InvalidOperation:
        errors["amount"] = "金额格式如 12345.67。 An amount in yuan such as 12345.67."
        amount = None
    paid_on = str(form.get("paid_on") or "").strip()
    if not errors:
        try:
            await page.gateway.post(page.who, "funding", f"/settlements/{settlement_id}/disbursements",
                                    {"reference": reference[:64], "amount": str(amount), "paid_on": paid_on},
                                    key=str(form.get("key") or "") or None)
            return redirect(f"{ROOT}/finance/settlements/{settlement_id}", request)
        except ApiError as exc:
            if exc.status >= 500 or exc.status in (403, 404):
                raise
            errors = exc.field_errors() or {"amount" if exc.code == "amount_mismatch" else "reference": exc.detail}
    s = await _settlement(page, settlement_id)
    return _render_settlement(page, s, form, errors, status=422)


@router.get("/budget")
async def budget(page: Page = Finance, year: int | None = None) -> Response:
    """The year's budget (appropriation) against settled against paid, as a chart, with each semester's totals."""
    year = year or page.settings.season
    answer, totals = await asyncio.gather(page.gateway.get(page.who, "funding", f"/budget/{year}"),
                                          page.gateway.get(page.who, "funding", "/reports/totals"))
    rows = [("预算 appropriation", [_yuan(answer.get("appropriation"))]), ("已结算 settled", [_yuan(answer["settled"])]),
            ("已支付 paid", [_yuan(answer["paid"])])]
    chart = bars(f"{year} 年购买学位预算与执行 Budget, settled, paid (yuan)", rows, series=["元 yuan"])
    return page.render("finance_budget.html", title="预算 Budget", year=year, budget=answer, chart=chart,
                       by_semester=totals.get("by_semester", []))


def _yuan(value) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))
