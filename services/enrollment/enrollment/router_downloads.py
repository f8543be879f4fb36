"""The bureau's downloads (issue 16; ``enrollment.downloads``): a run's rosters per school and the appeals with their
decisions, as XLSX or CSV written by ``common.sheet_writer``. Bureau and auditors; each download is recorded in the
access log (who took whose names, ``application_no`` null: the run's or the appeals' whole list)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response

from common import access
from common.db import WriteSession
from common.identity import Caller
from common.schemas import ROW_ID_MAX, SHANGHAI, IntParam
from common.sheet_writer import csv_bytes, workbook
from enrollment import downloads
from enrollment.models import access_log

router = APIRouter()
Keeper = Caller("bureau", "auditor")
FileFormat = Annotated[Literal["xlsx", "csv"], Query(description="xlsx (default) or csv")]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _file(data: bytes, fmt: str, stem: str) -> Response:
    name = f"{stem}-{datetime.now(SHANGHAI):%Y%m%d}.{fmt}"
    media = XLSX if fmt == "xlsx" else "text/csv; charset=utf-8"
    return Response(data, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/reports/runs/{run_id}/rosters", tags=["reports"], response_class=Response,
            responses={200: {"content": {XLSX: {}, "text/csv": {}}}})
def run_rosters(run_id: Annotated[IntParam, Path(ge=1, le=ROW_ID_MAX)], who: Keeper, session: WriteSession,
                format: FileFormat = "xlsx") -> Response:
    """A run's placements as rosters (录取名册): ``xlsx`` — 汇总 (per school: name beside code, kind, township,
    placed, by round), one sheet per school (``<code> <name>``: application number, child's name, ID number masked,
    birth date, township, first guardian's name and phone masked, round, purchased seat, tier, choice rank, family
    score), 未录取 (those not placed, with the reason); ``csv`` — the whole run as one table (school columns empty
    for the waiting). Chinese headers over the field names, frozen. 404 ``run_not_found``. Recorded in the access
    log (endpoint names the run)."""
    if format == "xlsx":
        run, sheets = downloads.rosters(session, run_id)
        data = workbook(sheets)
    else:
        run, columns, rows = downloads.roster_table(session, run_id)
        data = csv_bytes(columns, rows)
    access.record(session, access_log, who, application_no=None, season=run.season,
                  endpoint=f"GET /reports/runs/{run_id}/rosters ({format})")
    session.commit()
    return _file(data, format, f"run-{run_id}-rosters")


@router.get("/reports/appeals", tags=["reports"], response_class=Response,
            responses={200: {"content": {XLSX: {}, "text/csv": {}}}})
def appeals_file(who: Keeper, session: WriteSession, format: FileFormat = "xlsx",
                 run_id: Annotated[IntParam | None, Query(ge=1, le=ROW_ID_MAX)] = None) -> Response:
    """The appeals (复核) and their decisions, oldest first (of one run with ``run_id``): number, run, application
    number and child's name, the family's reason (ID numbers and phones in it masked), what it disputes, decision
    and its note, who decided and when (Asia/Shanghai), where it stands (department re-check, score after it, the
    run that included it). One sheet 复核 / one CSV table. Recorded in the access log."""
    rows = downloads.appeal_rows(session, run_id)
    data = (workbook([("复核", downloads.APPEAL_COLUMNS, rows)]) if format == "xlsx"
            else csv_bytes(downloads.APPEAL_COLUMNS, rows))
    access.record(session, access_log, who, application_no=None, season=None,
                  endpoint=f"GET /reports/appeals ({format}{f', run {run_id}' if run_id else ''})")
    session.commit()
    return _file(data, format, f"appeals{f'-run-{run_id}' if run_id else ''}")
