"""The education bureau's pages (区教育局): season overview, runs (start, compare, publish, appeals, finalise),
reports with the 95 % chart, planning (seats short and the fewest extra public seats per township), schools and
seats.

Every page calls the services through the gateway as the signed-in person (``page.gateway``); every action is a
plain form post with the session's CSRF token (HTMX enhances the appeal decisions in place).
"""

from __future__ import annotations

import asyncio
from decimal import Decimal
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from common.townships import townships
from console.charts import bars
from console.clients import ApiError
from console.history import link as history_link
from console.tables import download, wants
from console.web import DEPARTMENT_NAMES, ROOT, Page, PageNotFound, form_of, local_time, redirect, role

router = APIRouter(prefix=f"{ROOT}/bureau")
Bureau = Depends(role("bureau"))
GRADES = (1, 7)
GRADE_NAMES = {1: "小学一年级 Grade 1", 7: "初中一年级 Grade 7"}
STATE_NAMES = {"draft": "草稿 draft", "published": "公示中 published", "final": "已定 final",
               "superseded": "已取代 superseded"}
MECHANISMS = [("deferred_acceptance", "延迟接受 deferred acceptance"),
              ("immediate_acceptance", "即时接受 immediate acceptance")]


def _season(page: Page, season: int | None) -> int:
    return season or page.settings.season


async def _runs(page: Page, season: int) -> dict[int, list[dict]]:
    answers = await asyncio.gather(*(page.gateway.get(page.who, "enrollment", "/runs", season=season, grade=g)
                                     for g in GRADES))
    return {g: a["items"] for g, a in zip(GRADES, answers)}


async def _season_report(page: Page, season: int) -> dict | None:
    try:
        return await page.gateway.get(page.who, "enrollment", f"/reports/seasons/{season}")
    except ApiError as exc:
        if exc.status in (404, 409, 422):
            return None
        raise


RUN_COLUMNS = [("id", "批次 run"), ("grade", "年级 grade"), ("state", "状态 state"), ("seed", "种子 seed"),
               ("mechanism", "机制 mechanism"), ("applicants", "申请 applicants"),
               ("placed_public", "公办 public"), ("placed_purchased", "购买学位 purchased"),
               ("waitlisted", "待安排 waitlisted"), ("window_ends_on", "公示截止 window ends"),
               ("created_at", "创建 created (北京时间)")]
OVERVIEW_TABLES = {
    "grades": [("grade", "年级 grade"), ("submitted", "已提交 submitted"), ("withdrawn", "已撤回 withdrawn"),
               ("applicants", "批次申请 applicants in the run"), ("provisional", "暂定 provisional"),
               ("public_share", "公办比例 public share %"), ("target", "目标 target %"),
               ("placed_public", "公办 public"), ("placed_purchased", "购买学位 purchased"),
               ("waitlisted", "待安排 waitlisted")],
    "runs": RUN_COLUMNS,
    "progress": [("department", "部门 department"), ("answered", "已核验 answered"), ("pending", "待核验 pending"),
                 ("oldest_pending_id", "最早待核验 oldest pending"),
                 ("oldest_pending_at", "最早待核验时间 oldest pending at (北京时间)")],
    "jobs": [("id", "任务 job"), ("grade", "年级 grade"), ("rulebook_id", "积分细则 rulebook"), ("state", "状态 state"),
             ("error", "错误 error"), ("done", "已算 done"), ("total", "共 total"), ("rescored", "重算 rescored"),
             ("created_at", "开始 started (北京时间)"), ("finished_at", "结束 finished (北京时间)")],
    "outbox": [("topic", "队列 topic"), ("pending", "待送 pending"), ("delivered", "已送 delivered"),
               ("failing", "失败 failing")],
}


def _run_rows(runs: dict[int, list[dict]]) -> list[dict]:
    return [{**r, **(r.get("counts") or {}), "state": STATE_NAMES.get(r["state"], r["state"]),
             "created_at": local_time(r.get("created_at"))} for g in GRADES for r in runs[g]]


def _overview_rows(table: str, *, runs, report, outbox, progress, applications, jobs) -> list[dict]:
    """The rows of one overview table, as the page shows them (times in Asia/Shanghai)."""
    if table == "grades":
        summaries = {g["grade"]: g for g in (report or {}).get("grades", [])}
        return [{**applications.get(g, {}), **(summaries.get(g, {}).get("summary") or {}), "grade": GRADE_NAMES[g],
                 "provisional": summaries.get(g, {}).get("provisional")} for g in GRADES]
    if table == "runs":
        return _run_rows(runs)
    if table == "progress":
        return [{**d, "department": DEPARTMENT_NAMES.get(d["department"], d["department"]),
                 "oldest_pending_at": local_time(d.get("oldest_pending_at"))} for d in progress]
    if table == "jobs":
        return [{**j, "created_at": local_time(j.get("created_at")), "finished_at": local_time(j.get("finished_at"))}
                for j in jobs]
    return [{"topic": topic, **t} for topic, t in (outbox.get("topics") or {}).items()]


@router.get("")
async def overview(page: Page = Bureau, season: int | None = None, table: str = "", format: str = "") -> Response:  # noqa: A002
    """Season overview (招生概览): applications by state per grade, runs per grade and their state, the public share
    against the target, verification progress per department with the oldest pending request, the latest scoring
    jobs, and the hand-over queues (outbox). Each table as a file: ``?table=grades|runs|progress|jobs|outbox&
    format=csv|xlsx``."""
    season = _season(page, season)
    gw, who = page.gateway, page.who
    runs, report, outbox, progress, counts, jobs = await asyncio.gather(
        _runs(page, season), _season_report(page, season), gw.get(who, "enrollment", "/outbox"),
        gw.get(who, "verification", "/progress", season=season),
        gw.get(who, "enrollment", f"/reports/applications/{season}"), gw.get(who, "points", "/scoring-jobs",
                                                                             season=season))
    data = {"runs": runs, "report": report, "outbox": outbox, "progress": progress["departments"],
            "applications": {g["grade"]: g for g in counts["grades"]}, "jobs": jobs["items"][:6]}
    if wants(OVERVIEW_TABLES, table, format):
        return download(f"tongcheng-{season}-overview-{table}", OVERVIEW_TABLES[table],
                        _overview_rows(table, **data), format)
    return page.render("bureau_overview.html", title="招生概览 Season overview", season=season,
                       grade_names=GRADE_NAMES, state_names=STATE_NAMES, departments=DEPARTMENT_NAMES, **data)


@router.get("/runs")
async def runs_page(page: Page = Bureau, season: int | None = None, table: str = "", format: str = "") -> Response:  # noqa: A002
    """Runs per grade (录取批次), newest first, and the form to start one; ``?table=runs&format=csv|xlsx`` the
    runs of both grades as a file."""
    season = _season(page, season)
    runs = await _runs(page, season)
    if wants({"runs": RUN_COLUMNS}, table, format):
        return download(f"tongcheng-{season}-runs", RUN_COLUMNS, _run_rows(runs), format)
    return page.render("bureau_runs.html", title="录取批次 Runs", season=season, runs=runs,
                       previews=await _previews(page, season), grade_names=GRADE_NAMES, state_names=STATE_NAMES,
                       mechanisms=MECHANISMS, errors={}, form={})


async def _previews(page: Page, season: int) -> dict[int, dict]:
    """Per grade, the upheld appeals a re-run started now would include and those still waiting for their
    department (enrollment ``GET /runs/preview``)."""
    got = await asyncio.gather(*(page.gateway.get(page.who, "enrollment", "/runs/preview", season=season, grade=g)
                                 for g in (1, 7)))
    return dict(zip((1, 7), got))


@router.post("/runs")
async def start_run(request: Request, page: Page = Bureau) -> Response:
    """Start a run (placement over a frozen snapshot) → its page; refused fields shown next to the field."""
    form = await form_of(request, page)
    errors: dict[str, str] = {}
    season = _int(form.get("season"), "season", errors) or page.settings.season
    grade = _int(form.get("grade"), "grade", errors)
    seed = str(form.get("seed") or "").strip()
    if not seed:
        errors["seed"] = "请填写随机种子（公开抽签用）。 Give the seed (published with the run)."
    if not errors:
        try:
            run = await page.gateway.post(page.who, "enrollment", "/runs",
                                          {"season": season, "grade": grade, "seed": seed,
                                           "mechanism": form.get("mechanism") or "deferred_acceptance"},
                                          key=_key(form))
            return redirect(f"{ROOT}/bureau/runs/{run['id']}", request)
        except ApiError as exc:
            if exc.status >= 500 or exc.status == 403:
                raise
            errors = exc.field_errors() or {"grade": exc.detail}
    return page.render("bureau_runs.html", status=422, title="录取批次 Runs", season=season,
                       runs=await _runs(page, season), previews=await _previews(page, season),
                       grade_names=GRADE_NAMES, state_names=STATE_NAMES,
                       mechanisms=MECHANISMS, errors=errors, form=form)


async def _run(page: Page, run_id: int) -> dict:
    return await page.gateway.get(page.who, "enrollment", f"/runs/{run_id}")


@router.get("/runs/{run_id}")
async def run_page(run_id: int, page: Page = Bureau) -> Response:
    """One run: counts, state, what can be done next, its appeals (复核) with a decision form each, and the other
    runs of its grade to compare with."""
    run = await _run(page, run_id)
    appeals, others = await asyncio.gather(
        page.gateway.get(page.who, "enrollment", "/appeals", run_id=run_id),
        page.gateway.get(page.who, "enrollment", "/runs", season=run["season"], grade=run["grade"]))
    return page.render("bureau_run.html", title=f"录取批次 Run {run_id}", run=run, appeals=appeals["items"],
                       others=[r for r in others["items"] if r["id"] != run_id], state_names=STATE_NAMES,
                       grade_names=GRADE_NAMES, errors={})


GATE_CHECKS = {  # the run's checks (enrollment.evidence.gate), in its order: label, the numbers shown
    "digest": ("输入摘要可复算 input digest recomputes", ("stated",)),
    "reproduced": ("重新安置结果一致 placement reproduces", ("differing",)),
    "accounted": ("申请 = 录取 + 未录取 applicants = placed + unplaced",
                  ("applicants", "placed", "unplaced", "missing", "unknown", "unplaced_without_reason",
                   "ineligible_placed")),
    "capacity": ("不超学位 no school over its seats", ("schools",)),
    "own_choices": ("只录取本人志愿 placed on their own list", ("round_1", "round_2", "round_3", "off_list")),
    "cutoffs": ("分数线一致 cut-offs agree", ("schools", "differing")),
    "stability": ("无阻塞对 no blocking pairs", ("blocking_pairs",)),
}


def gate_rows(checks: list[dict]) -> list[dict]:
    """The gate's checks as rows to show: ``{name, label, passed, numbers ("applicants 120 · placed 100 …"),
    first}``; the API's verdict as given (nothing re-decided here)."""
    rows = []
    for check in checks or []:
        label, keys = GATE_CHECKS.get(check.get("name"), (check.get("name"), ()))
        numbers = [f"{k} {check[k]}" for k in keys if check.get(k) is not None]
        if check.get("name") == "capacity" and check.get("over"):
            numbers.append(f"over {len(check['over'])}")
        rows.append({"name": check.get("name"), "label": label, "passed": bool(check.get("passed")),
                     "numbers": " · ".join(str(n) for n in numbers), "first": check.get("first") or ""})
    return rows


def _render_publish(page: Page, run: dict, *, status: int = 200, errors: dict | None = None,
                    window_days: Any = 5, refused: list[dict] | None = None) -> Response:
    gate = run.get("gate") or {}
    return page.render("bureau_publish.html", status=status, title=f"公示 Publish run {run['id']}", run=run,
                       errors=errors or {}, window_days=window_days, gate=gate, checks=gate_rows(gate.get("checks")),
                       refused=gate_rows(refused) if refused is not None else None)


@router.get("/runs/{run_id}/publish")
async def publish_confirm(run_id: int, page: Page = Bureau) -> Response:
    """The confirmation page before publishing (公示): what will happen, and the run's stored gate checks
    (applicants = placed + unplaced, capacities, own lists, blocking pairs, digest …) with their numbers."""
    return _render_publish(page, await _run(page, run_id))


@router.post("/runs/{run_id}/publish")
async def publish(run_id: int, request: Request, page: Page = Bureau) -> Response:
    """Publish the draft run (If-Match its version) with the window in working days. Enrollment checks the run
    again from what it stored; 409 ``gate_failed`` is shown as the named failed checks (the run stays a draft)."""
    form = await form_of(request, page)
    errors: dict[str, str] = {}
    refused = None
    days = _int(form.get("window_days"), "window_days", errors)
    if not errors:
        try:
            await page.gateway.post(page.who, "enrollment", f"/runs/{run_id}/publish", {"window_days": days},
                                    if_match=str(form.get("version") or "") or None)
            return redirect(f"{ROOT}/bureau/runs/{run_id}", request)
        except ApiError as exc:
            if exc.status >= 500 or exc.status in (403, 404):
                raise
            if exc.code == "gate_failed":
                refused = list(exc.body.get("failed") or [])
            else:
                errors = exc.field_errors() or {"window_days": exc.detail}
    return _render_publish(page, await _run(page, run_id), status=409 if refused is not None else 422,
                           errors=errors, window_days=form.get("window_days"), refused=refused)


@router.get("/runs/{run_id}/finalise")
async def finalise_confirm(run_id: int, page: Page = Bureau) -> Response:
    """The confirmation page before finalising (定案)."""
    run = await _run(page, run_id)
    appeals = await page.gateway.get(page.who, "enrollment", "/appeals", run_id=run_id)
    pending = [a for a in appeals["items"] if a["state"] == "lodged"]
    return page.render("bureau_finalise.html", title=f"定案 Finalise run {run_id}", run=run, pending=pending,
                       error="")


@router.post("/runs/{run_id}/finalise")
async def finalise(run_id: int, request: Request, page: Page = Bureau) -> Response:
    """Finalise the published run (If-Match): places become final, purchased seats go to funding."""
    form = await form_of(request, page)
    try:
        await page.gateway.post(page.who, "enrollment", f"/runs/{run_id}/finalise",
                                if_match=str(form.get("version") or "") or None)
        return redirect(f"{ROOT}/bureau/runs/{run_id}", request)
    except ApiError as exc:
        if exc.status >= 500 or exc.status in (403, 404):
            raise
        run = await _run(page, run_id)
        appeals = await page.gateway.get(page.who, "enrollment", "/appeals", run_id=run_id)
        return page.render("bureau_finalise.html", status=409, title=f"定案 Finalise run {run_id}", run=run,
                           pending=[a for a in appeals["items"] if a["state"] == "lodged"], error=exc.detail)


def _disputes(form: Any) -> dict | None:
    """What the decision form names as disputed (upholding): ``{type: "fact", guardian_no, kind}``, ``{type:
    "placement_rule", rule}``, or None (as the family named it). Enrollment checks it (422 shown by the row)."""
    kind = str(form.get("dispute_type") or "")
    if kind == "fact":
        guardian = str(form.get("guardian_no") or "1")
        return {"type": "fact", "guardian_no": int(guardian) if guardian.isdigit() else guardian,
                "kind": str(form.get("fact_kind") or "")}
    if kind == "placement_rule":
        return {"type": "placement_rule", "rule": str(form.get("rule") or "").strip()}
    return None


@router.post("/appeals/{appeal_id}/decision")
async def decide(appeal_id: int, request: Request, page: Page = Bureau) -> Response:
    """Decide an appeal (复核): upheld or rejected, with a note. With HTMX the appeal's row is answered in place."""
    form = await form_of(request, page)
    run_id = _int(form.get("run_id"), "run_id", {})
    error = ""
    decision = str(form.get("decision") or "")
    if decision not in ("upheld", "rejected"):
        error = "请选择复核结果。 Choose upheld or rejected."
    else:
        try:
            body = {"decision": decision, "note": str(form.get("note") or "")[:500]}
            if decision == "upheld" and (named := _disputes(form)) is not None:
                body["disputes"] = named
            appeal = await page.gateway.post(page.who, "enrollment", f"/appeals/{appeal_id}/decision", body)
        except ApiError as exc:
            if exc.status >= 500 or exc.status in (403, 404):
                raise
            error = exc.detail
    if request.headers.get("hx-request"):
        if error:
            appeals = await page.gateway.get(page.who, "enrollment", "/appeals", run_id=run_id)
            appeal = next(a for a in appeals["items"] if a["id"] == appeal_id)
        return page.render("bureau_appeal_row.html", status=200, appeal=appeal, error=error)
    if error:
        run = await _run(page, run_id)
        appeals = await page.gateway.get(page.who, "enrollment", "/appeals", run_id=run_id)
        return page.render("bureau_run.html", status=422, title=f"录取批次 Run {run_id}", run=run,
                           appeals=appeals["items"], others=[], state_names=STATE_NAMES, grade_names=GRADE_NAMES,
                           errors={f"appeal-{appeal_id}": error})
    return redirect(f"{ROOT}/bureau/runs/{run_id}", request)


@router.get("/runs/{run_id}/diff")
async def diff(run_id: int, page: Page = Bureau, against: int | None = None) -> Response:
    """Compare two runs (who moves): counts, reasons and every application whose place changed (i13's
    ``GET /runs/{id}/diff``)."""
    run = await _run(page, run_id)
    try:
        answer = await page.gateway.get(page.who, "enrollment", f"/runs/{run_id}/diff", against=against)
    except ApiError as exc:
        if exc.code == "not_found" and exc.status == 404:  # the route itself is not served yet
            raise PageNotFound("运行对比尚未提供（等待 enrollment 的 /runs/{id}/diff）。 Comparing runs waits on "
                               "enrollment's run diff endpoint.") from None
        if exc.status in (404, 422):
            return page.render("error.html", status=exc.status, title="无法对比 Cannot compare", detail=exc.detail)
        raise
    return page.render("bureau_diff.html", title=f"对比 Compare run {run_id}", run=run, diff=answer)


REPORT_TABLES = {
    "townships": [("grade", "年级 grade"), ("township_code", "乡镇街道代码 township"), ("township_name", "名称 name"),
                  ("demand", "需求 demand"), ("public_seats", "公办学位 public seats"),
                  ("placed_public", "公办录取 placed public"), ("placed_purchased", "购买学位 purchased"),
                  ("waitlisted", "待安排 waitlisted"), ("shortfall", "缺口 seats short"),
                  ("public_share", "公办比例 public share %")],
    "schools": [("grade", "年级 grade"), ("school_code", "学校代码 school"), ("name", "名称 name"),
                ("kind", "类型 kind"), ("township_code", "乡镇街道 township"), ("seats", "学位 seats"),
                ("filled", "已录取 filled"), ("free", "空余 free"), ("first_choice_demand", "第一志愿 first choice"),
                ("cutoff_score", "录取分数线 cut-off score"), ("cutoff_tier", "分数线层级 cut-off tier")],
    "grades": [("grade", "年级 grade"), ("provisional", "暂定 provisional"), ("applicants", "申请 applicants"),
               ("eligible", "符合条件 eligible"), ("placed_public", "公办 public"),
               ("placed_purchased", "购买学位 purchased"), ("waitlisted", "待安排 waitlisted"),
               ("public_share", "公办比例 public share %"), ("target", "目标 target %"),
               ("meets_target", "达标 meets target")],
}


def _report_rows(report: dict, view: str) -> list[dict]:
    if view == "grades":
        return [{"grade": g["grade"], "provisional": g.get("provisional"), **(g.get("summary") or {})}
                for g in report.get("grades", [])]
    return list(report.get(view, []))


@router.get("/reports")
async def reports(page: Page = Bureau, season: int | None = None, view: str = "", format: str = "") -> Response:  # noqa: A002
    """Reports (统计报表): the public-school share against 95 % per grade and township as a chart, seats short per
    township as a chart, cut-offs per school; each table as CSV or XLSX (``?view=…&format=csv|xlsx``)."""
    season = _season(page, season)
    report = await _season_report(page, season)
    if view and format in ("csv", "xlsx") and view in REPORT_TABLES:
        return download(f"tongcheng-{season}-{view}", REPORT_TABLES[view], _report_rows(report or {}, view), format)
    charts: dict[str, Any] = {}
    if report:
        target = Decimal(str((report.get("summary") or {}).get("target") or "95"))
        share_rows = [(f"{GRADE_NAMES[g['grade']]}{' (暂定)' if g.get('provisional') else ''}",
                       [_dec(g["summary"].get("public_share"))]) for g in report["grades"] if g.get("summary")]
        share_rows += [(f"{t['township_name'] or t['township_code'] or '—'} · {t['grade']}",
                        [_dec(t.get("public_share"))]) for t in report["townships"]]
        charts["share"] = bars("公办学校就读比例 Public-school share (%)", share_rows, series=["公办比例 share"],
                               maximum=100, target=target, unit="%")
        short = [(f"{t['township_name'] or t['township_code'] or '—'} · {t['grade']}", [t["shortfall"]])
                 for t in report["townships"] if t["shortfall"]]
        charts["short"] = bars("各乡镇街道学位缺口 Seats short per township", short,
                               series=["缺口 seats short"]) if short else None
        charts["target"] = target
    return page.render("bureau_reports.html", title="统计报表 Reports", season=season, report=report,
                       charts=charts, grade_names=GRADE_NAMES, tables=REPORT_TABLES,
                       rows={v: _report_rows(report or {}, v) for v in REPORT_TABLES})


PLANNING_COLUMNS = [("township", "乡镇（街道） township"), ("shortfall", "学位缺口 seats short"),
                    ("extra_public_seats", "新增公办学位 extra public seats"),
                    ("reached", "达标后公办比例 share with them %"), ("one_fewer", "少一个 with one fewer %"),
                    ("where", "学位分配 where they go"), ("purchased_seats", "年级购买学位 grade's purchased seats"),
                    ("semester_cost", "学期费用（元） semester cost (yuan)")]


def _planning_rows(grade: dict) -> list[dict]:
    """One row per township short of the target: the fewest extra public seats, or why none reach it."""
    rows = []
    for f in grade.get("fewest_extra_public_seats") or []:
        found = f.get("extra_public_seats") is not None
        rows.append({"township": f.get("township_name") or f.get("township_code") or "—",
                     "shortfall": f.get("shortfall"),
                     "extra_public_seats": f["extra_public_seats"] if found else "无法达标 unreachable",
                     "reached": (f.get("reached") or {}).get("public_share") if found else f.get("reason"),
                     "one_fewer": (f.get("one_fewer") or {}).get("public_share"),
                     "where": "、".join(f"{s['school_code']} +{s['seats']}" for s in f.get("seats_by_school") or []),
                     "purchased_seats": (f.get("grade") or {}).get("purchased_seats"),
                     "semester_cost": (f.get("grade") or {}).get("semester_cost")})
    return rows


@router.get("/planning")
async def planning(page: Page = Bureau, season: int | None = None, semester: str = "", township: str = "",
                   grade: int = 1, seats: int = 0) -> Response:
    """Planning (学位规划): how many seats, where, at what cost — the bureau's what-if (issue 13's
    ``POST /planning/what-if``, nothing stored) over each grade's latest run: the public share against the target,
    the purchased seats and their semester cost at ``semester``'s tariffs, and per township short of the target its
    seats short (学位缺口) and the fewest extra public seats (新增公办学位) that reach it. ``township``, ``grade`` and
    ``seats`` ask for extra public seats in one township first. The API's refusal is shown next to the form."""
    season = _season(page, season)
    body: dict[str, Any] = {"season": season}
    if semester:
        body["semester"] = semester
    if township and seats:
        body["township_seats"] = [{"township_code": township, "grade": grade, "seats": seats}]
    answer, problem = None, None
    try:
        answer = await page.gateway.post(page.who, "enrollment", "/planning/what-if", body)
    except ApiError as exc:
        if exc.status not in (404, 422, 503):
            raise
        problem = exc.detail
    towns = [(code, row["name_zh"]) for code, row in townships().items()]
    return page.render("bureau_planning.html", title="学位规划 Planning", season=season, answer=answer,
                       problem=problem, grade_names=GRADE_NAMES, columns=PLANNING_COLUMNS,
                       rows={g["grade"]: _planning_rows(g) for g in (answer or {}).get("grades", [])},
                       form={"semester": semester, "township": township, "grade": grade, "seats": seats or ""},
                       townships=[("", "—")] + towns)


IMPORTS = {"schools": ("enrollment", "学校 schools"), "seats": ("enrollment", "随迁子女学位 migrant seats"),
           "plans": ("enrollment", "民办招生计划 private plans"), "semesters": ("funding", "学期 semesters"),
           "tariffs": ("funding", "购买学位标准 tariffs")}
MAX_UPLOAD = 900_000  # under the gateway's and the services' 1 MB body limit, with room for the form


@router.get("/imports")
async def import_form(page: Page = Bureau) -> Response:
    """Upload the same CSV/XLSX files the CLI imports (schools, seats, plans, semesters, tariffs)."""
    return page.render("bureau_imports.html", title="导入 Upload records", kinds=IMPORTS, kind="schools",
                       errors={}, result=None, refused=None)


@router.post("/imports")
async def upload(request: Request, page: Page = Bureau) -> Response:
    """Send the file to the service's import endpoint (``POST /imports/{kind}``, as the signed-in bureau person).
    Every refused row comes back (sheet, row, column, value, reason) and then nothing was written; a dry run
    checks without writing."""
    form = await form_of(request, page)
    kind = str(form.get("kind") or "")
    errors: dict[str, str] = {}
    upload_file = form.get("file")
    content = await upload_file.read(MAX_UPLOAD + 1) if hasattr(upload_file, "read") else b""
    if kind not in IMPORTS:
        errors["kind"] = "请选择导入内容。 Choose what the file holds."
    if not content:
        errors["file"] = "请选择 CSV 或 XLSX 文件。 Choose a CSV or XLSX file."
    elif len(content) > MAX_UPLOAD:
        errors["file"] = "文件超过 900 KB，请分批导入。 The file is over 900 KB: split it."
    result = refused = None
    status = 422
    if not errors:
        try:
            result = await page.gateway.upload(page.who, IMPORTS[kind][0], f"/imports/{kind}",
                                               getattr(upload_file, "filename", "") or f"{kind}.csv", content,
                                               params={"dry_run": "true" if form.get("dry_run") else None})
            status = 200
        except ApiError as exc:
            if exc.status >= 500 or exc.status in (403, 404):
                raise
            if exc.code == "import_refused":
                refused = {"rows": exc.body.get("refused") or [], "detail": exc.detail}
            else:
                errors["file"] = exc.detail
    return page.render("bureau_imports.html", status=status, title="导入 Upload records", kinds=IMPORTS, kind=kind,
                       errors=errors, result=result, refused=refused)


SCHOOL_COLUMNS = [("code", "学校代码 code"), ("name", "名称 name"), ("kind", "类型 kind"), ("level", "学段 level"),
                  ("township_code", "乡镇街道 township"), ("status", "状态 status"),
                  ("approved_capacity", "核定规模 approved capacity"), ("intakes", "学位/计划 seats or plan")]
SCHOOL_WORDS = {"kind": {"public": "公办 public", "private": "民办 private"},
                "level": {"primary": "小学 primary", "junior": "初中 junior", "nine_year": "九年一贯制 nine-year"}}
"""How the schools page and its downloads show the register's codes for kind and level (学段: 九年一贯制 is grades 1–9)."""


@router.get("/schools")
async def schools(page: Page = Bureau, kind: str = "", cursor: str = "", season: int | None = None,
                  format: str = "") -> Response:  # noqa: A002
    """Schools, migrant seats (随迁子女学位) and private plans (招生计划), a page of 100 at a time."""
    season = _season(page, season)
    answer = await page.gateway.get(page.who, "enrollment", "/schools", kind=kind or None,
                                    limit=1000 if format else 100, cursor=cursor or None)
    rows = []
    for s in answer["items"]:
        mine = [i for i in s.get("intakes", []) if i["season"] == season]
        intakes = ", ".join(f"{i['grade']}年级 {i['seats']}" for i in mine)
        record = "seats" if s.get("kind") == "public" else "plan"
        changes = [("学校 school", history_link("school", school_code=s["code"]))]
        changes += [(f"{i['grade']}年级 grade {i['grade']}", history_link(record, school_code=s["code"], season=season,
                                                                       grade=i["grade"])) for i in mine]
        words = {key: SCHOOL_WORDS[key].get(s.get(key), s.get(key)) for key in SCHOOL_WORDS}
        rows.append({**s, **words, "intakes": intakes, "changes": changes})
    if format in ("csv", "xlsx"):
        return download(f"tongcheng-schools-{season}", SCHOOL_COLUMNS, rows, format)
    return page.render("bureau_schools.html", title="学校与学位 Schools and seats", season=season, rows=rows,
                       columns=SCHOOL_COLUMNS, next_cursor=answer.get("next_cursor"), kind=kind)


def _int(value: Any, field: str, errors: dict[str, str]) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        errors[field] = "请填写整数。 Give a whole number."
        return None


def _dec(value: Any) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


def _key(form: dict) -> str | None:
    key = str(form.get("key") or "")
    return key[:64] if key else None
