"""Change history (变更记录) for the bureau and the auditor: who changed a school, its migrant seats, its private plan,
a tariff, a semester or a rulebook, when (Asia/Shanghai) and from what to what.

The console keeps no history of its own: each record's ``GET .../history`` (``common.history``, in enrollment,
funding and points) is read through the gateway as the signed-in person, a page at a time, and shown field by
field (what changed, before → after). A record the service does not know is said next to the field that names it.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from console.clients import ApiError
from console.web import ROOT, Page, role

router = APIRouter(prefix=f"{ROOT}/history")
Keeper = Depends(role("bureau", "auditor"))
# resource → (label, the fields that name one record, the service)
RESOURCES: dict[str, tuple[str, tuple[str, ...], str]] = {
    "school": ("学校 school", ("school_code",), "enrollment"),
    "seats": ("随迁子女学位 migrant seats", ("school_code", "season", "grade"), "enrollment"),
    "plan": ("民办招生计划 private plan", ("school_code", "season", "grade"), "enrollment"),
    "tariff": ("购买学位标准 tariff", ("school_code", "semester"), "funding"),
    "semester": ("学期 semester", ("semester",), "funding"),
    "rulebook": ("积分细则 rulebook", ("rulebook_id",), "points"),
}
FIELD_LABELS = {"school_code": "学校代码 School code", "season": "招生年度 Season", "grade": "年级 Grade",
                "semester": "学期 Semester", "rulebook_id": "积分细则编号 Rulebook id"}
ACTIONS = {"create": "创建 created", "update": "修改 changed", "publish": "发布 published"}
MAX_SHOWN = 400  # characters of one value shown; the whole value stays in the API's answer


def _path(resource: str, key: dict[str, str]) -> str:
    """The record's history endpoint; every user-given segment quoted (no ``/`` or ``..`` reaches the path)."""
    q = {k: quote(v, safe="") for k, v in key.items()}
    return {"school": "/schools/{school_code}/history",
            "seats": "/schools/{school_code}/seats/{season}/{grade}/history",
            "plan": "/schools/{school_code}/plans/{season}/{grade}/history",
            "tariff": "/tariffs/{school_code}/{semester}/history",
            "semester": "/semesters/{semester}/history",
            "rulebook": "/rulebooks/{rulebook_id}/history"}[resource].format(**q)


def _text(value: Any) -> str:
    if value is None:
        return "—"
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…"


def changes(before: Any, after: Any) -> list[dict[str, str]]:
    """What one change changed, field by field: ``[{field, before, after}]`` (values as compact text). A record
    kept as a dict is compared key by key (only the keys that differ: a creation lists the fields it set, not the
    empty ones); any other value is one row."""
    if isinstance(before, dict) or isinstance(after, dict):
        old, new = before if isinstance(before, dict) else {}, after if isinstance(after, dict) else {}
        return [{"field": k, "before": _text(old.get(k)) if before is not None else "—", "after": _text(new.get(k))}
                for k in sorted(old.keys() | new.keys()) if old.get(k) != new.get(k)]
    return [{"field": "", "before": _text(before), "after": _text(after)}]


def _key_of(resource: str, params: dict[str, str], errors: dict[str, str]) -> dict[str, str]:
    key = {}
    for name in RESOURCES[resource][1]:
        value = params.get(name, "").strip()[:40]
        if not value:
            errors[name] = f"请填写{FIELD_LABELS[name].split()[0]}。 Give the {FIELD_LABELS[name].split(' ', 1)[1]}."
        elif name in ("season", "grade") and not value.isdigit():
            errors[name] = "请填写整数。 Give a whole number."
        key[name] = value
    return key


@router.get("")
async def history(request: Request, page: Page = Keeper, resource: str = "", cursor: str = "") -> Response:
    """The history of one record: ``?resource=school|seats|plan|tariff|semester|rulebook`` with the fields naming
    it (``school_code``, ``season``, ``grade``, ``semester``, ``rulebook_id``), 100 changes a page, oldest first.
    Without a resource: the form. A missing field or a record the service does not know: said next to the field
    (422 / 404 page status), nothing else shown."""
    params = {k: str(v) for k, v in request.query_params.items()}
    errors: dict[str, str] = {}
    answer = None
    status = 200
    if resource and resource not in RESOURCES:
        errors["resource"] = "请选择记录类型。 Choose what kind of record."
    elif resource:
        key = _key_of(resource, params, errors)
        if not errors:
            try:
                answer = await page.gateway.get(page.who, RESOURCES[resource][2], _path(resource, key),
                                                limit=100, cursor=cursor or None)
            except ApiError as exc:
                if exc.status >= 500 or exc.status == 403:
                    raise
                status = exc.status if exc.status in (404, 422) else 409
                named = RESOURCES[resource][1]
                errors[exc.field if exc.field in named else ("resource" if exc.field == "cursor" else named[0])] = \
                    exc.detail
    if errors:
        status = 404 if status == 404 else 422
    rows = [{**c, "changes": changes(c.get("before"), c.get("after")),
             "action_name": ACTIONS.get(c.get("action"), c.get("action"))} for c in (answer or {}).get("items", [])]
    next_link = ""
    if answer and answer.get("next_cursor"):
        keep = {k: v for k, v in params.items() if k != "cursor"}
        next_link = f"{ROOT}/history?{urlencode({**keep, 'cursor': answer['next_cursor']})}"
    return page.render("history.html", status=status, title="变更记录 Change history", resources=RESOURCES,
                       resources_options=[(k, v[0]) for k, v in RESOURCES.items()], labels=FIELD_LABELS, resource=resource, params=params, errors=errors, rows=rows,
                       answered=answer is not None, next_link=next_link)


def link(resource: str, **key: Any) -> str:
    """The console's history page of one record (for links from other pages)."""
    return f"{ROOT}/history?{urlencode({'resource': resource, **{k: v for k, v in key.items()}})}"
