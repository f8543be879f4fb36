"""Imports of the bureau's spreadsheets into enrollment: schools, migrant seats, private plans (BRIEF §4 step 1).

Each row goes through the same use cases and checks as ``POST /schools``, ``PUT /schools/{code}``, ``PUT
.../seats/...``, ``PUT .../plans/...`` (school schema, catchment townships, approved capacity, phasing out...);
``common.sheets.run_import`` checks the whole file, reports every refused row, and writes all or nothing. A row
equal to the stored record changes nothing (so the same file again changes nothing); a changed row updates that
record only, and the change joins its history. Columns: the files of ``data/`` (``schools.csv``, ``seats.csv``,
``plans.csv``), by field name or Chinese label (``ALIASES``).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from common.identity import Identity
from common.sheets import RowRefused, Table, cell_int, cell_list, cell_pairs, run_import
from enrollment import schools
from enrollment.config import Settings
from enrollment.schemas import SchoolCreate, SchoolUpdate

KINDS = ("schools", "seats", "plans")
COLUMNS = {
    "schools": ("code", "name", "kind", "level", "township_code", "catchment_townships", "floor_area_m2",
                "land_area_m2", "classrooms", "current_pupils", "status"),
    "seats": ("school_code", "season", "grade", "migrant_seats"),
    "plans": ("school_code", "season", "grade", "planned"),
}
REQUIRED = {"schools": ("code", "name", "kind", "level", "township_code"),
            "seats": COLUMNS["seats"], "plans": COLUMNS["plans"]}
ALIASES = {"学校代码": "code", "学校名称": "name", "类型": "kind", "学段": "level", "所在乡镇": "township_code",
           "服务乡镇": "catchment_townships", "校舍面积": "floor_area_m2", "占地面积": "land_area_m2",
           "教室数": "classrooms", "在校生": "current_pupils", "状态": "status", "学校": "school_code",
           "学年": "season", "年级": "grade", "随迁子女学位": "migrant_seats", "招生计划": "planned"}


def _school_body(values: dict[str, str]) -> dict[str, Any]:
    body: dict[str, Any] = {k: values[k] for k in ("code", "name", "kind", "level", "township_code")
                            if values.get(k)}
    body["status"] = values.get("status") or "active"
    if values.get("catchment_townships"):
        body["catchment_townships"] = cell_list(values["catchment_townships"])
    for name in ("floor_area_m2", "land_area_m2"):
        if values.get(name):
            body[name] = values[name]
    for name in ("classrooms", "current_pupils"):
        if values.get(name):
            try:
                body[name] = cell_pairs(values[name])
            except ValueError as exc:
                raise RowRefused(name, "bad_value", str(exc)) from None
    return body


def _intake_key(values: dict[str, str]) -> tuple[str, ...]:
    return values.get("school_code", ""), values.get("season", ""), values.get("grade", "")


def _number(values: dict[str, str], name: str, low: int, high: int) -> int:
    value = cell_int(values.get(name, ""))
    if not isinstance(value, int) or not low <= value <= high:
        raise RowRefused(name, "not_a_number", f"{name} must be a whole number from {low} to {high}")
    return value


def import_rows(session: Session, table: Table, kind: str, *, who: Identity, now: datetime, settings: Settings,
                dry_run: bool) -> dict[str, Any]:
    """Check every row of ``table`` as ``kind`` (schools | seats | plans) and write all of them, or none (422
    ``import_refused`` listing every refused row; ``dry_run`` writes none either). See ``common.sheets``."""

    def school_row(values: dict[str, str]) -> str:
        body = _school_body(values)
        current = schools.find_school(session, body.get("code", ""))
        if current is None:
            schools.create_school(session, SchoolCreate.model_validate(body), now=now, who=who)
            return "created"
        update = SchoolUpdate.model_validate(body)
        probe = schools.school_value(current)
        wanted = {**probe, **update.model_dump(exclude={"code"})}
        if _same(probe, wanted):
            return "unchanged"
        schools.replace_school(session, current, update, now=now, who=who)
        return "updated"

    def intake_row(values: dict[str, str]) -> str:
        field = "migrant_seats" if kind == "seats" else "planned"
        code = values.get("school_code", "")
        if schools.find_school(session, code) is None:
            raise RowRefused("school_code", "school_not_found", f"no school {code!r}: import the schools first")
        season, grade = _number(values, "season", 2000, 2100), _number(values, "grade", 1, 9)
        number = _number(values, field, 0, 1_000_000_000)
        row = schools.intake(session, code, season, grade)
        if row is not None and row.seats == number:
            return "unchanged"
        if kind == "seats":
            schools.set_seats(session, code, season, grade, number, who=who, now=now)
        else:
            schools.set_plan(session, code, season, grade, number, who=who, now=now, settings=settings)
        return "created" if row is None else "updated"

    season_grades = {(cell_int(v.get("season", "")), cell_int(v.get("grade", ""))) for _, v in table.rows}
    schools.prefetch(session, {(s, g) for s, g in season_grades  # only plausible ones: the rows refuse the rest
                               if isinstance(s, int) and isinstance(g, int) and 2000 <= s <= 2100 and 1 <= g <= 9})
    if kind == "schools":
        return run_import(session, table, kind, school_row, key=lambda v: v.get("code", ""), dry_run=dry_run,
                          required=REQUIRED[kind])
    return run_import(session, table, kind, intake_row, key=_intake_key, dry_run=dry_run, required=REQUIRED[kind])


def _same(stored: dict[str, Any], wanted: dict[str, Any]) -> bool:
    """Stored school fields equal the row's (areas compared as numbers, catchment as a set)."""
    for name, value in wanted.items():
        have = stored.get(name)
        if name == "catchment_townships":
            if set(have or []) != set(value or []):
                return False
        elif name in ("floor_area_m2", "land_area_m2"):
            if (have is None) != (value is None) or (have is not None and Decimal(str(have)) != Decimal(str(value))):
                return False
        elif have != value:
            return False
    return True
