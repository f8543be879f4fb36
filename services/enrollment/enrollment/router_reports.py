"""HTTP endpoints for the reports of runs and seasons (plan 二(一), 三(二); BRIEF §1): JSON, one view as CSV, or the
whole report as a workbook (``common.sheet_writer``: Chinese headers over the field names, frozen, real numbers)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Response

from common.db import ReadSession
from common.identity import Caller
from common.schemas import ROW_ID_MAX, IntParam, json_ready
from enrollment import run_reports
from enrollment.deps import SettingsDep

router = APIRouter()
Bureau = Caller("bureau")
RunId = Annotated[IntParam, Path(ge=1, le=ROW_ID_MAX)]
Format = Literal["json", "csv", "xlsx"]
View = Literal["summary", "townships", "schools"]


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _answer(report: dict[str, Any], format: str, view: str, name: str) -> dict[str, Any] | Response:
    if format == "xlsx":  # the three tables as a workbook
        return Response(run_reports.report_xlsx(report), media_type=XLSX,
                        headers={"Content-Disposition": f'attachment; filename="{name}.xlsx"'})
    if format != "csv":
        return json_ready(report)  # the run's times in UTC with ``Z``, as every answer writes an instant
    return Response(run_reports.report_csv(report, view), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}-{view}.csv"'})


@router.get("/reports/runs/{run_id}", tags=["reports"], response_model=None)
def run_report(run_id: RunId, who: Bureau, session: ReadSession, settings: SettingsDep, format: Format = "json",
               view: View = "summary") -> dict[str, Any] | Response:
    """Per run: applicants, eligible, placed in public, placed by purchase, waitlisted; the public share of placed
    eligible children vs the target (95 %); by township demand vs public seats; by school seats, filled, cut-off;
    first choice / top 3 / none. ``format=csv`` gives one ``view`` (summary | townships | schools) as text/csv (a
Chinese header row, then the field names), ``format=xlsx`` the three as a workbook (汇总, 乡镇, 学校)."""
    return _answer(run_reports.run_report(session, run_id, settings), format, view, f"run-{run_id}")


@router.get("/reports/seasons/{season}", tags=["reports"], response_model=None)
def season_report(season: Annotated[IntParam, Path(ge=2000, le=2100)], who: Bureau, session: ReadSession,
                  settings: SettingsDep, format: Format = "json", view: View = "summary") -> dict[str, Any] | Response:
    """Per season: per grade (final runs, else the latest run, marked provisional) and in total; townships and
    schools per grade. ``format=csv`` gives one ``view`` as text/csv (a Chinese header row, then the field names),
    ``format=xlsx`` the whole report as a workbook."""
    return _answer(run_reports.season_report(session, season, settings), format, view, f"season-{season}")
