"""A partner department's clerk (公安 / 市场监管 / 住建 / 人社): my queue only, paged and filterable; a request's
claim side by side with the form for the result; a posted result corrected, with its history.

The queue and the requests come from verification through the gateway as the clerk, whose department the
gateway's token names: another department's request answers 404 there, so it does here. Names and ID numbers are
shown masked (``张*``, ``3310**********1234``) even though the owning department's API answer has them whole.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from common.logging import mask_id
from common.vocabulary import FACT_KIND_TABLE, KINDS, fact_inputs
from console.clients import ApiError
from console.tables import all_pages, download, wants
from console.web import ROOT, Page, form_of, local_time, mask_name, redirect, role

router = APIRouter(prefix=f"{ROOT}/clerk")
Clerk = Depends(role("department"))
KIND_NAMES = {k.code: k.name for k in FACT_KIND_TABLE}
OUTCOMES = [("confirmed", "核实一致 confirmed (facts of record)"), ("mismatch", "不一致 mismatch (facts of record)"),
            ("not_found", "查无记录 not found"), ("falsified", "伪造 falsified")]
# The words of each fact field on the form; which fields a kind takes, their input types and allowed values come
# from the facts models (common.vocabulary.fact_inputs). A field without words here is shown by its name.
FIELD_LABELS = {"county_code": "县区代码 county code", "status": "状态 status", "issued_on": "签发日期 issued on",
                "continuous_since": "连续居住起始 continuous since", "township_code": "乡镇街道代码 township code",
                "active_at_cutoff": "截止日在缴 active at cut-off", "continuous_months": "连续缴费月数 continuous months",
                "since": "起始日期 since", "tenure": "产权类型 tenure", "certificate_no": "不动产权证号 certificate no.",
                "share_percent": "产权份额 share %", "acquired_on": "取得日期 acquired on",
                "lease_no": "租赁备案号 lease no.", "registered_on": "备案日期 registered on",
                "uscc": "统一社会信用代码 USCC", "entity_type": "主体类型 entity type",
                "established_on": "成立日期 established on", "holder_is_guardian": "监护人为经营者 holder is guardian"}
_INPUT = {"date": "date", "number": "number", "flag": "text", "text": "text"}


def _form_fields(kind: str) -> list[tuple[str, str, str]]:
    """``(field, label, input type)`` of the facts of record ``kind`` takes (docs/api.md, verification); closed
    fields and flags name their values in the label (``状态 status (valid / suspended)``)."""
    out = []
    for name, shape, choices in fact_inputs(kind):
        hint = choices or (("true", "false") if shape == "flag" else ())
        label = FIELD_LABELS.get(name, name) + (f" ({' / '.join(hint)})" if hint else "")
        out.append((name, label, _INPUT[shape]))
    return out


FACT_FIELDS: dict[str, list[tuple[str, str, str]]] = {kind: _form_fields(kind) for kind in KINDS}
"""kind → the form's ``(field, label, input type)`` rows."""


QUEUE_COLUMNS = [("id", "编号 id"), ("kind", "类型 kind"), ("application_no", "申请号 application"),
                 ("guardian_no", "监护人序号 guardian no."), ("subject_name", "监护人 guardian"),
                 ("subject_id_number", "证件号 ID number"), ("created_at", "提交 created (北京时间)")]


def _queue_rows(items: list[dict]) -> list[dict]:
    """The queue as the page shows it: names and ID numbers masked, kinds named, times in Asia/Shanghai."""
    return [{**r, "kind": KIND_NAMES.get(r["kind"], r["kind"]), "subject_name": mask_name(r.get("subject_name")),
             "subject_id_number": mask_id(r.get("subject_id_number") or ""),
             "created_at": local_time(r.get("created_at"))} for r in items]


@router.get("/queue")
async def queue(page: Page = Clerk, season: int | None = None, kind: str = "", cursor: str = "",
                limit: int = 50, table: str = "", format: str = "") -> Response:  # noqa: A002
    """My department's pending requests, oldest first, 50 a page; ``kind`` filters every page (verification's
    ``GET /queue?kind=``, so the next page's link keeps it). An unknown kind is shown as no filter.
    ``?table=queue&format=csv|xlsx``: the whole filtered queue (every page, up to 50,000) as a file, masked."""
    season = season or page.settings.season
    kind = kind if kind in KIND_NAMES else ""
    if wants({"queue": QUEUE_COLUMNS}, table, format):
        items = await all_pages(lambda after: page.gateway.get(page.who, "verification", "/queue", season=season,
                                                               limit=1000, cursor=after, kind=kind or None))
        return download(f"tongcheng-{season}-queue{'-' + kind if kind else ''}", QUEUE_COLUMNS, _queue_rows(items),
                        format)
    answer = await page.gateway.get(page.who, "verification", "/queue", season=season, limit=min(max(limit, 1), 200),
                                    cursor=cursor or None, kind=kind or None)
    items = answer["items"]
    return page.render("clerk_queue.html", title="核验队列 My queue", season=season, items=items,
                       next_cursor=answer.get("next_cursor"), kind=kind, kinds=KIND_NAMES)


@router.get("/requests/{request_id}")
async def request_page(request_id: int, page: Page = Clerk) -> Response:
    """One request: the claim beside the result form, and every result posted so far (oldest first)."""
    req = await page.gateway.get(page.who, "verification", f"/requests/{request_id}")
    return _render_request(page, req, {}, {})


def _render_request(page: Page, req: dict, form: dict, errors: dict[str, str], status: int = 200) -> Response:
    current = next((r for r in reversed(req.get("history") or []) if r.get("id")), None)
    facts = dict((current or {}).get("facts") or {}) if not form else {}
    for key, value in form.items():
        if key.startswith("fact_"):
            facts[key[5:]] = value
    return page.render("clerk_request.html", status=status, title=f"核验请求 Request {req['id']}", req=req,
                       kinds=KIND_NAMES, outcomes=OUTCOMES, fields=FACT_FIELDS.get(req["kind"], []),
                       facts={k: ("" if v is None else (json.dumps(v) if isinstance(v, bool) else v))
                              for k, v in facts.items()},
                       outcome=form.get("outcome") or (current or {}).get("outcome") or "",
                       note=form.get("note") or "", errors=errors, answered=current)


def _facts(kind: str, form: dict[str, Any], errors: dict[str, str]) -> dict[str, Any]:
    """The form's fact fields as the API takes them: empty fields left out, numbers and true/false typed."""
    facts: dict[str, Any] = {}
    for field, _, kind_of in FACT_FIELDS.get(kind, []):
        raw = str(form.get(f"fact_{field}") or "").strip()
        if not raw:
            continue
        if raw in ("true", "false"):
            facts[field] = raw == "true"
        elif kind_of == "number":
            try:
                facts[field] = int(raw)
            except ValueError:
                errors[f"facts.{field}"] = "请填写整数。 Give a whole number."
        elif kind_of == "date":
            try:
                facts[field] = date.fromisoformat(raw).isoformat()
            except ValueError:
                errors[f"facts.{field}"] = "日期格式 YYYY-MM-DD。 A date as YYYY-MM-DD."
        else:
            facts[field] = raw
    return facts


@router.post("/requests/{request_id}/results")
async def post_result(request_id: int, request: Request, page: Page = Clerk) -> Response:
    """Post (or correct) the result: outcome, facts of record, note. Refused fields are shown next to each field;
    the form's key makes a double submit one result (Idempotency-Key)."""
    form = await form_of(request, page)
    req = await page.gateway.get(page.who, "verification", f"/requests/{request_id}")
    errors: dict[str, str] = {}
    outcome = str(form.get("outcome") or "")
    if outcome not in dict(OUTCOMES):
        errors["outcome"] = "请选择核验结果。 Choose the outcome."
    facts = _facts(req["kind"], form, errors)
    if not errors:
        body: dict[str, Any] = {"outcome": outcome, "facts": facts if outcome != "not_found" else None}
        if outcome == "falsified" and not facts:
            body["facts"] = None
        if str(form.get("note") or "").strip():
            body["note"] = str(form["note"]).strip()[:500]
        try:
            await page.gateway.post(page.who, "verification", f"/requests/{request_id}/results", body,
                                    key=str(form.get("key") or "")[:64] or None)
            return redirect(f"{ROOT}/clerk/requests/{request_id}?posted=1", request)
        except ApiError as exc:
            if exc.status >= 500 or exc.status in (403, 404):
                raise
            errors = exc.field_errors() or {"outcome": exc.detail}
            if exc.code in ("contradicts_claim", "invalid_facts") and not any(k.startswith("facts") for k in errors):
                errors = {"facts": exc.detail}
    return _render_request(page, req, form, errors, status=422)
