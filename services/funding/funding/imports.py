"""Imports of the bureau's spreadsheets into funding: semesters and tariffs (BRIEF §8, plan 三(四)).

Each row goes through the same use cases and checks as ``POST /semesters`` and ``PUT /tariffs/{school}/{semester}``
(money as decimal yuan, never float; a settled semester's tariff cannot change); ``common.sheets.run_import``
checks the whole file, reports every refused row, and writes all or nothing. A tariff row equal to the current
version (inputs, standard, note) and a semester row equal to the configured one change nothing; a changed tariff
row decides a new version of that tariff only. A configured semester cannot be re-dated (422 ``semester_exists``).
Columns: ``data/tariffs.csv``, ``data/semesters.csv``, by field name or Chinese label (``ALIASES``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from common.identity import Identity
from common.schemas import yuan_to_fen
from common.sheets import RowRefused, Table, run_import
from funding import semesters, tariffs
from funding.config import Settings
from funding.models import Semester
from funding.schemas import SemesterCreate, TariffPut

KINDS = ("semesters", "tariffs")
REQUIRED = {"semesters": ("code",), "tariffs": ("school_code", "semester", "operating_cost_per_pupil", "original_fee")}
ALIASES = {"学期代码": "code", "学期名称": "name", "开始日期": "starts_on", "结束日期": "ends_on", "学校代码": "school_code",
           "学期": "semester", "生均办学成本": "operating_cost_per_pupil", "原收费标准": "original_fee",
           "购买学位标准": "standard", "备注": "note"}


def _body(values: dict[str, str], names: tuple[str, ...]) -> dict[str, Any]:
    return {k: values[k] for k in names if values.get(k)}


def import_rows(session: Session, table: Table, kind: str, *, who: Identity, settings: Settings,
                dry_run: bool) -> dict[str, Any]:
    """Check every row of ``table`` as ``kind`` (semesters | tariffs) and write all of them, or none (422
    ``import_refused`` listing every refused row; ``dry_run`` writes none either). See ``common.sheets``."""

    def semester_row(values: dict[str, str]) -> str:
        body = SemesterCreate.model_validate(_body(values, ("code", "name", "starts_on", "ends_on")))
        current = session.get(Semester, body.code)
        if current is None:
            semesters.create_semester(session, body, who, settings)
            return "created"
        same = ((body.starts_on is None or (body.starts_on, body.ends_on) == (current.starts_on, current.ends_on))
                and (body.name is None or body.name == current.name))
        if not same:
            raise RowRefused("starts_on", "semester_exists",
                             f"semester {body.code} is configured as {current.name} {current.starts_on}–"
                             f"{current.ends_on}; a configured semester is not re-dated")
        return "unchanged"

    def tariff_row(values: dict[str, str]) -> str:
        body = TariffPut.model_validate(_body(values, ("operating_cost_per_pupil", "original_fee", "standard",
                                                       "note")))
        school, semester = values["school_code"], values["semester"]
        if session.get(Semester, semester) is None:
            raise RowRefused("semester", "semester_not_found", f"no semester {semester!r}: import the semesters first")
        current = tariffs.current_tariff(session, school, semester)
        if current is not None and (
                current.operating_cost_fen, current.original_fee_fen, current.note) == (
                yuan_to_fen(body.operating_cost_per_pupil), yuan_to_fen(body.original_fee), body.note) and (
                current.standard_fen == (min(current.operating_cost_fen, current.original_fee_fen)
                                         if body.standard is None else yuan_to_fen(body.standard))):
            return "unchanged"
        tariffs.put_tariff(session, school, semester, body, who, tariffs.open_decision(session, school, semester))
        return "created" if current is None else "updated"

    if kind == "semesters":
        return run_import(session, table, kind, semester_row, key=lambda v: v.get("code", ""), dry_run=dry_run,
                          required=REQUIRED[kind])
    return run_import(session, table, kind, tariff_row, key=lambda v: (v.get("school_code"), v.get("semester")),
                      dry_run=dry_run, required=REQUIRED[kind])
