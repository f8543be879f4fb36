"""The auditor (审计): the ledger's status (verify now: entries, head hash, the first broken entry if any, and the
reconciliation of every record against it), the exports to download, and the history of a purchased seat
(by application) or a settlement."""

from __future__ import annotations

import asyncio
import json

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from console.clients import ApiError
from console.tables import all_pages, download, funding_semesters, wants
from console.web import ROOT, Page, PageNotFound, local_time, role

router = APIRouter(prefix=f"{ROOT}/auditor")
Auditor = Depends(role("auditor"))
VIEWS = ["settlements", "lines", "seats", "tariffs", "adjustments", "disbursements", "ledger", "verification",
         "totals", "budget"]


LEDGER_TABLES = {
    "ledger": [("seq", "序号 seq"), ("kind", "类型 kind"), ("settlement_id", "结算 settlement"), ("amount", "金额 amount"),
               ("recorded_at", "时间 recorded (北京时间)"), ("prev_hash", "前一哈希 previous hash"),
               ("hash", "哈希 hash")],
    "mismatches": [("record", "记录 record"), ("id", "编号 id"), ("seq", "账本 seq"), ("reason", "原因 reason")],
}


@router.get("/ledger")
async def ledger(page: Page = Auditor, verify: str = "", table: str = "", format: str = "") -> Response:  # noqa: A002
    """The ledger's first entries; with ``?verify=1`` (the "verify now" button) the whole chain is checked now.
    ``?table=ledger&format=csv|xlsx``: every entry (up to 50,000) as a file; ``?table=mismatches&…``: the
    reconciliation mismatches of a verification run now."""
    if wants(LEDGER_TABLES, table, format):
        if table == "ledger":
            rows = await all_pages(lambda after: page.gateway.get(page.who, "funding", "/ledger", limit=1000,
                                                                  cursor=after))
            rows = [{**e, "recorded_at": local_time(e.get("recorded_at"))} for e in rows]
        else:
            rows = (await page.gateway.get(page.who, "funding", "/ledger/verify"))["mismatches"]
        return download(f"tongcheng-ledger-{table}", LEDGER_TABLES[table], rows, format)
    entries = await page.gateway.get(page.who, "funding", "/ledger", limit=20)
    result = await page.gateway.get(page.who, "funding", "/ledger/verify") if verify else None
    return page.render("auditor_ledger.html", title="账本核验 Ledger", entries=entries["items"], result=result)


@router.get("/exports")
async def exports(page: Page = Auditor) -> Response:
    """The exports: the auditor's workbook per semester (one sheet per view) and each view as CSV."""
    return page.render("auditor_exports.html", title="导出 Exports", semesters=await funding_semesters(page), views=VIEWS)


@router.get("/exports/{name}")
async def export_file(name: str, page: Page = Auditor, semester: str = "") -> Response:
    """One export, fetched through the gateway as the auditor and handed on as it is (the workbook and CSVs mask
    ID numbers already; funding's auditor views)."""
    if name != "auditor.xlsx" and not (name.endswith(".csv") and name[:-4] in VIEWS):
        raise PageNotFound(f"没有这个导出 no export named {name}")
    answer = await page.gateway.request(page.who, "GET", "funding", f"/exports/{name}",
                                        params={"semester": semester or None}, raw=True)
    filename = name if not semester else name.replace(".", f"-{semester}.", 1)
    return Response(answer.content, media_type=answer.headers.get("content-type", "application/octet-stream"),
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


KIND_NAMES = {"settlement_approved": "结算审批 settlement approved", "adjustment": "调整 adjustment",
              "disbursement": "拨付 payment", "seat_ended": "学位终止 seat ended",
              "seats_completed": "毕业终止 seats completed", "roll_confirmed": "在校确认 roll confirmed"}
ROLL_NAMES = {"attends": "在校 attends", "left": "离校 left", "awaiting": "待确认 awaiting"}
LEDGER_CAP = 1000  # entries shown for one seat or settlement (a seat has a few a semester)


def _entry_rows(entries: list[dict], seat_id: int | None = None) -> list[dict]:
    """Ledger entries as the history page shows them: kind in words, the semester and who from the hashed body,
    and for a roll confirmation what it recorded for ``seat_id`` (attends, or left on a day for a reason)."""
    rows = []
    for e in entries:
        try:
            body = json.loads(e.get("body") or "{}")
        except ValueError:
            body = {}
        what = ""
        if e["kind"] == "roll_confirmed" and seat_id is not None:
            left = next((x for x in body.get("left") or [] if x.get("seat_id") == seat_id), None)
            what = f"离校 left {left['left_on']} ({left['code']})" if left else "在校 attends"
        elif e["kind"] in ("seat_ended", "adjustment"):
            what = str(body.get("reason") or "")
        rows.append({**e, "kind_name": KIND_NAMES.get(e["kind"], e["kind"]), "semester": body.get("semester") or "",
                     "by": body.get("by") or "", "what": what})
    return rows


async def _ledger_of(page: Page, **only: int) -> list[dict]:
    """One seat's or one settlement's ledger entries (``GET /ledger?seat_id=|settlement_id=``), in chain order."""
    return await all_pages(lambda after: page.gateway.get(page.who, "funding", "/ledger", limit=200, cursor=after,
                                                          **only), cap=LEDGER_CAP)


@router.get("/history")
async def history(page: Page = Auditor, application_no: str = "", settlement_id: str = "") -> Response:
    """The history of a purchased seat (by application number: its seats, each seat's roll status per semester
    (在校确认), every settlement line and adjustment, and each seat's ledger entries from funding's
    ``GET /ledger?seat_id=``) or of a settlement (its totals, its adjustments, the school's roll confirmations for
    the semester: who confirmed which pupils attend, when, with the ledger entry of each, and the settlement's own
    ledger entries, ``GET /ledger?settlement_id=``)."""
    pupil = settlement = roll = None
    adjustments: list[dict] = []
    seat_ledgers: dict[int, list[dict]] = {}
    settlement_ledger: list[dict] = []
    error = ""
    try:
        if application_no.strip():
            pupil = await page.gateway.get(page.who, "funding", f"/reports/pupils/{application_no.strip()}")
            ids = [s["id"] for s in pupil["seats"]]
            found = await asyncio.gather(*(_ledger_of(page, seat_id=i) for i in ids))
            seat_ledgers = {i: _entry_rows(entries, i) for i, entries in zip(ids, found)}
        if settlement_id.strip():
            if not settlement_id.strip().isdigit():
                raise ApiError(422, {"code": "invalid", "detail": "结算编号是整数 a settlement id is a number"})
            sid = int(settlement_id)
            settlement, adj, entries = await asyncio.gather(
                page.gateway.get(page.who, "funding", f"/settlements/{sid}", lines="false"),
                page.gateway.get(page.who, "funding", "/adjustments", settlement_id=sid),
                _ledger_of(page, settlement_id=sid))
            adjustments, settlement_ledger = adj["items"], _entry_rows(entries)
            roll = await page.gateway.get(page.who, "funding", f"/rolls/{settlement['school_code']}/"
                                          f"{settlement['semester']}", limit=1)
    except ApiError as exc:
        if exc.status in (403,) or exc.status >= 500:
            raise
        error = exc.detail
    return page.render("auditor_history.html", title="历史 History", application_no=application_no,
                       settlement_id=settlement_id, pupil=pupil, settlement=settlement, adjustments=adjustments,
                       roll=roll, seat_ledgers=seat_ledgers, settlement_ledger=settlement_ledger,
                       roll_names=ROLL_NAMES, error=error)
