"""The bureau's downloads (issue 16): a run's placements as per-school rosters, and the appeals with their
decisions, as tables for :mod:`common.sheet_writer` (XLSX and CSV). Personal data is masked as in the API's
listings: ID numbers and phones (``common.logging.mask_id`` / ``mask_phone``), and any ID number or phone inside
an appeal's free text (``mask_text``); names are shown, as a school needs them to expect its pupils. Functions take
a session and never commit.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from common.db import driver_rows
from common.logging import mask_id, mask_phone, mask_text
from common.sheet_writer import Columns
from common.townships import townships
from enrollment import appeals, appeals_flow, placement
from enrollment.models import Application, PlacementRow, School
from enrollment.runs import get_run

Table = tuple[str, Columns, list[dict[str, Any]]]

ROSTER_COLUMNS: Columns = [
    ("school_code", "学校代码"), ("school_name", "学校名称"), ("application_no", "申请号"),
    ("child_name", "学生姓名"), ("child_id_number", "身份证号(脱敏)"), ("child_birth_date", "出生日期"),
    ("township_code", "居住乡镇代码"), ("township_name", "居住乡镇（街道）"), ("guardian_name", "监护人"),
    ("guardian_phone", "联系电话(脱敏)"), ("round", "录取轮次"), ("purchased_seat", "政府购买学位"),
    ("tier", "梯度"), ("choice_rank", "志愿序号"), ("family_score", "家庭积分"), ("reason", "未录取原因"),
]
SUMMARY_COLUMNS: Columns = [
    ("school_code", "学校代码"), ("school_name", "学校名称"), ("kind", "类型"), ("township_code", "所在乡镇代码"),
    ("township_name", "所在乡镇（街道）"), ("placed", "录取人数"), ("round_1", "第一轮"), ("round_2", "第二轮"),
    ("round_3", "第三轮"),
]
APPEAL_COLUMNS: Columns = [
    ("id", "复核号"), ("run_id", "录取批次"), ("application_no", "申请号"), ("child_name", "学生姓名"),
    ("reason", "复核理由"), ("disputes", "复核事项"), ("state", "决定"), ("note", "决定说明"),
    ("lodged_at", "提出时间(北京时间)"), ("decided_by", "决定人"), ("decided_at", "决定时间(北京时间)"),
    ("progress", "进展"), ("department", "核验部门"), ("recheck_outcome", "复核核验结果"),
    ("family_score", "复核后积分"), ("included_run_id", "纳入批次"),
]
KIND_ZH = {"public": "公办", "private": "民办"}
UNPLACED_SHEET = "未录取"


def roster_rows(session: Session, run_id: int) -> tuple[Any, list[dict[str, Any]], dict[str, School]]:
    """Every placement of the run (placed and waiting) joined to its application, ordered by school, round and
    application number (waiting children last) → ``(run, rows by ROSTER_COLUMNS field, schools by code)``. 404
    ``run_not_found``."""
    run = get_run(session, run_id)
    scores = {a["id"]: a["family_score"] for a in json.loads(run.snapshot)["applicants"]}
    schools = {s.code: s for s in session.scalars(select(School))}
    towns = townships()
    stmt = (select(PlacementRow.application_no, PlacementRow.school_code, PlacementRow.round, PlacementRow.tier,
                   PlacementRow.choice_rank, PlacementRow.reason, Application.child_name, Application.child_id_number,
                   Application.child_birth_date, Application.township_code, Application.guardians)
            .join(Application, Application.application_no == PlacementRow.application_no)
            .where(PlacementRow.run_id == run_id))  # the driver's rows of the columns shown (issue 15)
    purchased = (placement.ROUND_PRIVATE, placement.ROUND_DISTRICT)
    rows = []
    # on SQLite the birth date comes as ISO text and the guardians as JSON text; psycopg gives a date and a list
    for (no, code, round_, tier, rank, reason, name, id_number, birth, township,
         guardians) in driver_rows(session, stmt):
        school = schools.get(code) if code else None
        guardians = json.loads(guardians) if isinstance(guardians, str) else guardians
        guardian = guardians[0] if guardians else {}
        score = scores.get(no)
        rows.append({
            "school_code": code, "school_name": school.name if school else None,
            "application_no": no, "child_name": name, "child_id_number": mask_id(id_number),
            "child_birth_date": date.fromisoformat(birth) if isinstance(birth, str) else birth,
            "township_code": township, "township_name": towns.get(township, {}).get("name_zh"),
            "guardian_name": guardian.get("name"), "guardian_phone": mask_phone(guardian.get("phone")),
            "round": round_, "purchased_seat": round_ in purchased if round_ else None, "tier": tier,
            "choice_rank": rank, "family_score": Decimal(score) if score is not None else None,
            "reason": reason})
    rows.sort(key=lambda r: (r["school_code"] is None, r["school_code"] or "", r["round"] or 0, r["application_no"]))
    return run, rows, schools


def sheet_name(code: str, name: str) -> str:
    """A school's sheet: its code and as much of its name as fits in 31 characters."""
    return f"{code} {name}"[:31]


def rosters(session: Session, run_id: int) -> tuple[Any, list[Table]]:
    """``(run, sheets)``: the run as a workbook's sheets: 汇总 (per school: placed, by round), one sheet per school
    with a placement (named by :func:`sheet_name`, in code order), then 未录取 (those the run did not place, with
    the reason)."""
    run, rows, schools = roster_rows(session, run_id)
    towns = townships()
    per_school: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        per_school.setdefault(r["school_code"] or "", []).append(r)
    summary = []
    for code in sorted(c for c in per_school if c):
        s, placed = schools.get(code), per_school[code]
        summary.append({"school_code": code, "school_name": s.name if s else None,
                        "kind": KIND_ZH.get(s.kind, s.kind) if s else None,
                        "township_code": s.township_code if s else None,
                        "township_name": towns.get(s.township_code, {}).get("name_zh") if s else None,
                        "placed": len(placed), **{f"round_{n}": sum(r["round"] == n for r in placed)
                                                  for n in (1, 2, 3)}})
    sheets: list[Table] = [("汇总", SUMMARY_COLUMNS, summary)]
    school_columns = [c for c in ROSTER_COLUMNS if c[0] != "reason"]
    for row in summary:
        sheets.append((sheet_name(row["school_code"], row["school_name"] or ""), school_columns,
                       per_school[row["school_code"]]))
    waiting = [c for c in ROSTER_COLUMNS if c[0] not in ("school_code", "school_name", "round", "purchased_seat",
                                                          "tier", "choice_rank")]
    sheets.append((UNPLACED_SHEET, waiting, per_school.get("", [])))
    return run, sheets


def roster_table(session: Session, run_id: int) -> tuple[Any, Columns, list[dict[str, Any]]]:
    """The whole run as one table (the CSV): ``(run, ROSTER_COLUMNS, rows)``."""
    run, rows, _ = roster_rows(session, run_id)
    return run, ROSTER_COLUMNS, rows


def appeal_rows(session: Session, run_id: int | None) -> list[dict[str, Any]]:
    """The appeals (of one run, or all), oldest first, with their decisions and where each stands; the child's
    name beside the application number; free text masked."""
    items = [appeals_flow.view(a) for a in appeals.list_appeals(session, run_id)]
    names = dict(session.execute(select(Application.application_no, Application.child_name).where(
        Application.application_no.in_({a["application_no"] for a in items}))).all()) if items else {}
    out = []
    for a in items:
        d = a["disputes"] or {}
        disputes = (f"事实 fact: {d.get('kind')} (监护人 {d.get('guardian_no')})" if d.get("type") == "fact" else
                    f"规则 rule: {d.get('rule')}" if d else None)
        score = (a["score"] or {}).get("family_score")
        out.append({**a, "child_name": names.get(a["application_no"]), "reason": mask_text(a["reason"] or ""),
                    "note": mask_text(a["note"]) if a["note"] else None, "disputes": disputes,
                    "recheck_outcome": (a["recheck"] or {}).get("outcome"),
                    "family_score": Decimal(score) if score is not None else None})
    return out
