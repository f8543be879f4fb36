"""HTTP endpoints that only read: the ledger, the budget, reports and exports (BRIEF §8: auditors read everything
in funding, write nothing; finance sets the budget in :mod:`funding.router`). Money: decimal strings in yuan; ID
numbers masked."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response

from common import access
from common.db import ReadSession, WriteSession, utcnow
from common.identity import Caller
from common.schemas import ApplicationNoParam, ROW_ID_MAX, IntParam, fen_to_yuan
from common import paging
from common.paging import Cursor, Limit
from funding import budget, exports, forecast, ledger_store, monitoring, reports
from funding.errors import SeatNotFound, UnknownView
from funding.report_schemas import (BrokenRead, BudgetRead, ForecastRead, LedgerEntryRead, PupilLine, PupilReport,
                                    PupilRoll, SemesterTotal, TotalRow, Totals, VerifyRead)
from funding.models import access_log
from funding.schemas import CODE, SeatRead

router = APIRouter()
router.include_router(access.router(access_log, prefix="FUNDING_"))  # GET /access-log, POST /access-log/purge

READERS = ("auditor", "finance", "bureau")
SemesterQ = Annotated[str | None, Query(min_length=1, max_length=32, pattern=CODE)]
SchoolQ = Annotated[str | None, Query(min_length=1, max_length=32, pattern=CODE)]
Year = Annotated[IntParam, Path(ge=2000, le=2100)]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# ---- ledger ----------------------------------------------------------------------------------------------------

@router.get("/ledger", tags=["ledger"])
def list_ledger(who: Caller(*READERS), session: ReadSession, limit: Limit = 100, cursor: Cursor = None,
                seat_id: Annotated[IntParam | None, Query(ge=1, le=ROW_ID_MAX, description=(
                    "only the entries of this purchased seat (购买学位): its end, adjustments, the roll "
                    "confirmations (在校确认) that list it, the approved settlements that bill it, its completion"))] = None,
                settlement_id: Annotated[IntParam | None, Query(ge=1, le=ROW_ID_MAX, description=(
                    "only the entries of this settlement (结算): its approval, adjustments and payments"))] = None,
                ) -> dict[str, Any]:
    """Ledger entries by ``seq`` → page of ``{seq, kind, settlement_id, amount, recorded_at, body, prev_hash,
    hash}``; ``body`` is the exact hashed text. ``seat_id`` and/or ``settlement_id`` keep only one seat's or one
    settlement's entries (both: those of both), still in chain order and paged the same way (indexed: a page
    costs the same on a ledger of any length). An id with no entry gives an empty page, not a 404; 422
    ``validation_error`` for an id outside 1 … 2³¹−1."""
    rows = ledger_store.list_ledger(session, after=paging.after_id("ledger", cursor), limit=limit, seat_id=seat_id,
                                    settlement_id=settlement_id)
    return paging.page(rows, limit, "ledger", key=lambda e: e.seq, view=LedgerEntryRead.of)


@router.get("/ledger/verify", response_model=VerifyRead, tags=["ledger"])
def verify_ledger(who: Caller(*READERS), session: ReadSession, request: Request) -> VerifyRead:
    """Walk the whole chain now → ``{ok, entries, head_hash, first_broken: null | {seq, reason, detail},
    records_checked, mismatches: [{record, id, seq, reason}], checked_at}`` (chain reasons: ``seq_gap``,
    ``prev_hash_mismatch``, ``hash_mismatch``, ``body_unreadable``, ``column_mismatch``, ``head_mismatch``;
    mismatches: settlements, lines, adjustments or payments that disagree with their ledger entries)."""
    result = ledger_store.verify_ledger(session)
    checked, mismatches = ledger_store.reconcile(session)
    monitoring.record(request.app, result.ok and not mismatches, result.entries)  # /metrics: the last verification
    broken = result.first_broken
    return VerifyRead(ok=result.ok and not mismatches, entries=result.entries, head_hash=result.head_hash,
                      first_broken=BrokenRead(seq=broken.seq, reason=broken.reason, detail=broken.detail)
                      if broken else None, records_checked=checked, mismatches=mismatches, checked_at=utcnow())


# ---- budget ----------------------------------------------------------------------------------------------------

@router.get("/budget/{year}", response_model=BudgetRead, tags=["budget"])
def get_budget(year: Year, who: Caller(*READERS), session: ReadSession) -> BudgetRead:
    """Appropriation vs settled (approved settlements and their adjustments) vs paid, for the semesters that
    start in ``year``; ``appropriation`` is null until finance sets it."""
    return BudgetRead.of(budget.budget_view(session, year))


@router.get("/forecast/{year}", response_model=ForecastRead, tags=["budget"])
def get_forecast(year: Year, request: Request, who: Caller(*READERS), session: ReadSession) -> ForecastRead:
    """Finance plans (BRIEF §8): school year ``year`` (``<year>-autumn`` and ``<year+1>-spring``) projected from the
    seats held now — per semester and school the continuing seats (grades advanced, those past the top grade
    gone, ``completing`` the ones in their last semester), the new intake from the season's private placements,
    the tariff (``decided``, or the school's latest ``carried`` forward) and seats × tariff — with the total against
    each budget year it touches (``remaining`` = appropriation − settled − forecast). Yuan strings, exact to the
    fen (integer fen inside, never a float)."""
    return ForecastRead.of(forecast.forecast_year(session, year, request.app.state.settings))


# ---- reports ---------------------------------------------------------------------------------------------------

@router.get("/reports/totals", response_model=Totals, tags=["reports"])
def totals(who: Caller(*READERS), session: ReadSession, semester: SemesterQ = None,
           school_code: SchoolQ = None) -> Totals:
    """Totals by school and semester (each settlement: total, adjustments, paid, due) and by semester."""
    t = reports.totals(session, semester=semester, school_code=school_code)
    items = [TotalRow(semester=i["semester"], school_code=i["school_code"], settlement_id=i["settlement_id"],
                      state=i["state"], seats=i["seats"], tariff=fen_to_yuan(i["tariff_fen"]),
                      total=fen_to_yuan(i["total_fen"]), adjustments=fen_to_yuan(i["adjustments_fen"]),
                      paid=fen_to_yuan(i["paid_fen"]), due=fen_to_yuan(i["due_fen"])) for i in t["items"]]
    by = [SemesterTotal(semester=s["semester"], schools=s["schools"], seats=s["seats"],
                        approved_total=fen_to_yuan(s["approved_total_fen"]),
                        draft_total=fen_to_yuan(s["draft_total_fen"]), paid=fen_to_yuan(s["paid_fen"]),
                        due=fen_to_yuan(s["due_fen"])) for s in t["by_semester"]]
    return Totals(items=items, by_semester=by)


@router.get("/reports/pupils/{application_no}", response_model=PupilReport, tags=["reports"])
def pupil_report(application_no: Annotated[ApplicationNoParam, Path()],
                 who: Caller(*READERS), session: WriteSession) -> PupilReport:
    """One pupil (ID masked): their seats, each seat's roll status per semester (``rolls``: attends, left or
    awaiting, with the confirmation and its ledger entry) and every settlement line and adjustment for them; 404 when the
    application has no purchased seat. The pupil's personal data: the read is recorded in the access log (one
    INSERT in this transaction, the season taken as the year of the first seat's start; a 404 records nothing)."""
    r = reports.pupil(session, application_no)
    if not r["seats"]:
        raise SeatNotFound(f"no purchased seat for application {application_no}")
    access.record(session, access_log, who, application_no=application_no,
                  season=min(s.start_date for s in r["seats"]).year, endpoint="GET /reports/pupils/{application_no}")
    session.commit()
    lines = [PupilLine(**{k: v for k, v in x.items() if not k.endswith("_fen")}, amount=fen_to_yuan(x["amount_fen"]),
                       adjustments=fen_to_yuan(x["adjustments_fen"])) for x in r["lines"]]
    return PupilReport(application_no=application_no, seats=[SeatRead.of(s) for s in r["seats"]], lines=lines,
                       rolls=[PupilRoll(**x) for x in r["rolls"]],
                       total=fen_to_yuan(r["total_fen"]), draft_total=fen_to_yuan(r["draft_total_fen"]))


# ---- exports ---------------------------------------------------------------------------------------------------

def _filename(stem: str, semester: str | None) -> str:
    return f"funding-{stem}{'-' + semester if semester else ''}-{datetime.now():%Y%m%d}"


@router.get("/exports/auditor.xlsx", tags=["exports"], response_class=Response,
            responses={200: {"content": {XLSX: {}}}})
def export_xlsx(who: Caller(*READERS), session: ReadSession, semester: SemesterQ = None) -> Response:
    """The auditor's workbook: one sheet per view (settlements, lines, seats, tariffs, adjustments,
    disbursements, ledger, verification, totals, budget); amounts are numbers with format ``0.00``."""
    data = exports.to_xlsx(reports.view(session, name, semester=semester) for name in reports.VIEWS)
    return Response(data, media_type=XLSX,
                    headers={"Content-Disposition": f'attachment; filename="{_filename("auditor", semester)}.xlsx"'})


@router.get("/exports/{view}.csv", tags=["exports"], response_class=Response,
            responses={200: {"content": {"text/csv": {}}}})
def export_csv(view: str, who: Caller(*READERS), session: ReadSession, semester: SemesterQ = None) -> Response:
    """One view as UTF-8 CSV (amounts as yuan strings with 2 places); views: settlements, lines, seats, tariffs,
    adjustments, disbursements, ledger, verification, totals, budget. 404 ``unknown_view``."""
    if view not in reports.VIEWS:
        raise UnknownView(f"no view {view!r}; views: {', '.join(reports.VIEWS)}")
    data = exports.to_csv(reports.view(session, view, semester=semester))
    return Response(data, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{_filename(view, semester)}.csv"'})

