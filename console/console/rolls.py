"""The semester roll (在校确认, BRIEF §8, plan 三(四)): a private school's staff (role ``school``, bound to one school
code) or the bureau (for any school) sees the school's roll for a semester and confirms it: who attends, and for
each leaver the day they left (their last paid day) and why. Funding's ``/rolls`` decides everything (who may,
which seats, which days); the page only gathers the answers and shows the refusal next to the field.

Every confirmation is final for the pupils it names (a ledger entry; a settlement bills confirmed pupils only), so
the form goes to a "check your answers" page first and is sent from there.
"""

from __future__ import annotations

import asyncio
import re
from datetime import datetime
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from console.clients import ApiError
from console.tables import funding_semesters
from console.web import ROOT, SHANGHAI, Page, form_of, redirect, role

router = APIRouter(prefix=f"{ROOT}/rolls")
RollKeeper = Depends(role("bureau", "school"))
LEAVE_CODES = [("private_school", "转入其他民办学校 moved to another private school"),
               ("public_school", "转入公办学校（插班） moved to a public school"),
               ("left_district", "离开本区 left the district"), ("dropped_out", "辍学 dropped out")]
STATUS_NAMES = {"awaiting": "待确认 awaiting", "attends": "在校 attends", "left": "已离校 left"}
PAGE_SIZE = 500


def _default_semester(page: Page, semesters: list[dict]) -> str:
    """The semester under way (Asia/Shanghai), else the latest begun, else the season's autumn."""
    today = datetime.now(SHANGHAI).date().isoformat()
    begun = [s["code"] for s in semesters if str(s.get("starts_on", "")) <= today]
    return begun[-1] if begun else (semesters[0]["code"] if semesters else f"{page.settings.season}-autumn")


async def _choices(page: Page) -> tuple[list[dict], list[dict]]:
    """The semesters and (for the bureau) the private schools to choose from; a school's staff may list neither,
    so they type the semester and keep their own school."""
    if page.staff.role != "bureau":
        return [], []
    semesters, schools = await asyncio.gather(
        funding_semesters(page), page.gateway.get(page.who, "enrollment", "/schools", kind="private", limit=1000))
    return semesters, schools["items"]


def _roll_path(school_code: str, semester: str) -> str:
    return f"/rolls/{quote(school_code, safe='')}/{quote(semester, safe='')}"


@router.get("")
async def roll_page(page: Page = RollKeeper, school_code: str = "", semester: str = "", cursor: str = "",
                    confirmed: str = "") -> Response:
    """A school's roll for a semester: counts (expected, attends, left, awaiting), every confirmation so far (who,
    as which role, when), and its seats 500 a page with a choice each (attends / left with the day and reason).
    A school's staff see their own school (another school's answers 403, from funding)."""
    school_code = school_code.strip()[:32] or (page.staff.school_code or "")
    semester = semester.strip()[:32]

    async def read_roll(semester: str) -> dict | None:
        if not school_code:
            return None
        return await page.gateway.get(page.who, "funding", _roll_path(school_code, semester), limit=PAGE_SIZE,
                                      cursor=cursor or None)

    if semester:  # the choices and the roll at once
        (semesters, schools), roll = await asyncio.gather(_choices(page), read_roll(semester))
    else:
        semesters, schools = await _choices(page)
        semester = _default_semester(page, semesters)
        roll = await read_roll(semester)
    return _render(page, roll, semesters, schools, school_code, semester, {}, {}, cursor=cursor,
                   confirmed=confirmed == "1")


def _render(page: Page, roll: dict | None, semesters: list[dict], schools: list[dict], school_code: str,
            semester: str, form: dict, errors: dict[str, str], *, status: int = 200, cursor: str = "",
            confirmed: bool = False) -> Response:
    next_link = ""
    if roll and roll.get("next_cursor"):
        next_link = f"{ROOT}/rolls?" + urlencode({"school_code": school_code, "semester": semester,
                                                  "cursor": roll["next_cursor"]})
    return page.render("rolls.html", status=status, title="在校确认 Semester roll", roll=roll, semesters=semesters,
                       schools=schools, school_code=school_code, semester=semester, form=form, errors=errors,
                       leave_codes=LEAVE_CODES, status_names=STATUS_NAMES, next_link=next_link, cursor=cursor,
                       confirmed=confirmed)


def answers(form: dict[str, Any], seat_ids: list[int], errors: dict[str, str]) -> dict[str, Any]:
    """The form's choices as funding takes them: ``{attending: [seat_id], left: [{seat_id, left_on, code}]}``
    (a seat left at "no change" is not named). A leaver without a day or a reason → an error next to that field."""
    attending: list[int] = []
    left: list[dict[str, Any]] = []
    codes = {c for c, _ in LEAVE_CODES}
    for sid in seat_ids:
        choice = str(form.get(f"status-{sid}") or "")
        if choice == "attends":
            attending.append(sid)
        elif choice == "left":
            left_on = str(form.get(f"left_on-{sid}") or "").strip()
            code = str(form.get(f"code-{sid}") or "")
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", left_on):
                errors[f"left_on-{sid}"] = "请填写离校日期（最后在校日）YYYY-MM-DD。 Give the last day attended."
            if code not in codes:
                errors[f"code-{sid}"] = "请选择离校原因。 Choose why the pupil left."
            left.append({"seat_id": sid, "left_on": left_on, "code": code})
    if not attending and not left and not errors:
        errors["roll"] = "请至少确认一名学生。 Confirm at least one pupil (attends or left)."
    return {"attending": attending, "left": left}


def _api_errors(exc: ApiError, body: dict[str, Any]) -> dict[str, str]:
    """Funding's refusal next to the seat it names: a field ``left.N.left_on`` / ``left.N.code`` → that leaver's
    field; a refusal naming a leaver's seat (``left_on for seat 12 must lie between …``, 409 ``seat_ended``) → its
    day field; ``seat_ids`` (not on the roll) and anything else → the form's own error."""
    leavers = {str(item["seat_id"]) for item in body["left"]}
    out: dict[str, str] = {}
    for field, message in (exc.field_errors() or {"roll": exc.detail}).items():
        m = re.fullmatch(r"left\.(\d+)\.(left_on|code)", field)
        seat = re.search(r"\bseat (\d+)", message)
        if m and int(m.group(1)) < len(body["left"]):
            out[f"{m.group(2)}-{body['left'][int(m.group(1))]['seat_id']}"] = message
        elif seat and seat.group(1) in leavers:
            out[f"left_on-{seat.group(1)}"] = message
        else:
            out["roll"] = message if field in ("roll", "", "body") else f"{field}: {message}"
    if exc.body.get("seat_ids"):
        out["roll"] = f"{exc.detail} (seats {', '.join(str(s) for s in exc.body['seat_ids'])})"
    return out


@router.post("")
async def confirm(request: Request, page: Page = RollKeeper) -> Response:
    """``step=check``: the "check your answers" page (who attends, who left on which day and why; nothing sent).
    ``step=edit``: back to the form as filled in. ``step=confirm``: ``POST /rolls/{school}/{semester}/confirmations`` (Idempotency-Key the form's key) → the roll
    with a notice; a refusal (403 another school; 422 a seat not on the roll, a day outside the semester; 409 a
    leaver already ended on another day) is shown next to the field, nothing confirmed."""
    form = await form_of(request, page)
    school_code = str(form.get("school_code") or "").strip()[:32]
    semester = str(form.get("semester") or "").strip()[:32]
    seat_ids = [int(x) for x in re.findall(r"\d+", str(form.get("seat_ids") or ""))][:PAGE_SIZE]
    errors: dict[str, str] = {}
    status = 422
    body = answers(form, seat_ids, errors)
    if form.get("step") == "edit":  # back from the check page: the form as it was filled in
        errors, status = {}, 200
    if not errors and form.get("step") == "confirm":
        try:
            await page.gateway.post(page.who, "funding", f"{_roll_path(school_code, semester)}/confirmations", body,
                                    key=str(form.get("key") or "")[:64] or None)
            return redirect(f"{ROOT}/rolls?" + urlencode({"school_code": school_code, "semester": semester,
                                                          "confirmed": "1"}), request)
        except ApiError as exc:
            if exc.status >= 500 or exc.status in (403, 404):
                raise
            errors, status = _api_errors(exc, body), exc.status
    roll = await page.gateway.get(page.who, "funding", _roll_path(school_code, semester), limit=PAGE_SIZE,
                                  cursor=str(form.get("cursor") or "") or None)
    if not errors and form.get("step") != "edit":  # step=check: the summary to confirm from
        names = {i["seat_id"]: i for i in roll["items"]}
        return page.render("rolls_check.html", title="核对在校确认 Check the roll", roll=roll, body=body,
                           seats=names, form=form, school_code=school_code, semester=semester,
                           leave_codes=dict(LEAVE_CODES))
    semesters, schools = await _choices(page)
    return _render(page, roll, semesters, schools, school_code, semester, form, errors,
                   status=status,
                   cursor=str(form.get("cursor") or ""))
