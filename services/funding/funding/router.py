"""HTTP endpoints of the funding service (政府购买学位, plan 三(四), BRIEF §8): semesters, tariffs, purchased
seats, settlements, approvals, disbursements and adjustments. Each parses, calls the service layer, commits once
(``commit_idempotent`` for POSTs) and returns a schema. Money: decimal strings in yuan; ID numbers masked."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Path, Query, Request, Response, UploadFile
from sqlalchemy.orm import Session

from common.db import ReadSession, WriteSession
from common.idempotency import IdempotencyKey, commit_idempotent
from common.identity import Caller, Identity
from common.schemas import IntParam, yuan_to_fen
from common.versioning import IfMatch, set_etag
from common.sheets import read_table
from common import paging
from common.paging import Cursor, Limit
from funding import budget, imports, roll, seats, semesters, settlements, tariffs
from funding.models import idempotency_keys
from funding.report_schemas import BudgetPut, BudgetRead
from funding.schemas import (CODE, AdjustmentCreate, AdjustmentRead, DisbursementCreate, DisbursementRead, Handover,
                             HandoverResult, RunResult, SeatEnd, SeatEndResult, SeatRead, SeatTransfer,
                             SeatTransferred, SemesterCreate, SemesterPage, SemesterRead, SettlementCreate,
                             SettlementRead, SettlementRun, TariffPut, TariffRead)

router = APIRouter()
Year = Annotated[IntParam, Path(ge=2000, le=2100)]

READERS = ("bureau", "finance", "auditor")
SchoolPath = Annotated[str, Path(min_length=1, max_length=32, pattern=CODE)]
SemesterPath = Annotated[str, Path(min_length=1, max_length=32, pattern=CODE)]
SchoolQ = Annotated[str | None, Query(min_length=1, max_length=32, pattern=CODE)]
SemesterQ = Annotated[str | None, Query(min_length=1, max_length=32, pattern=CODE)]
IdPath = Annotated[IntParam, Path(ge=1, le=2**31 - 1)]
IdQ = Annotated[IntParam | None, Query(ge=1, le=2**31 - 1)]


def _keyed(session: Session, request: Request, who: Identity, key: str | None, body: Any, effect: Any,
           status_code: int = 200) -> Response:
    """``commit_idempotent`` on funding's key table (the answer's ``ETag`` comes from its ``version`` there)."""
    return commit_idempotent(session, idempotency_keys, request, who, key, body, effect, status_code=status_code)


# ---- semesters -------------------------------------------------------------------------------------------------

@router.post("/semesters", status_code=201, response_model=SemesterRead, tags=["semesters"])
def create_semester(body: SemesterCreate, request: Request, who: Caller("bureau"), session: WriteSession,
                    key: IdempotencyKey = None) -> Response:
    """Configure a semester ``{code, name?, starts_on?, ends_on?}`` (both ends inclusive; without dates the
    defaults 1 Sep – 31 Jan / 1 Feb – 15 Jul apply to ``<year>-autumn`` / ``<year>-spring``). 409
    ``semester_exists``."""
    def effect() -> SemesterRead:
        s = semesters.create_semester(session, body, who, request.app.state.settings)
        return _semester(s)

    return _keyed(session, request, who, key, body, effect, status_code=201)


def _semester(s: Any) -> SemesterRead:
    return SemesterRead(code=s.code, name=s.name, starts_on=s.starts_on, ends_on=s.ends_on,
                        days=(s.ends_on - s.starts_on).days + 1, created_by=s.created_by, created_at=s.created_at)


@router.get("/semesters", tags=["semesters"], response_model=SemesterPage)
def list_semesters(who: Caller(*READERS), session: ReadSession, limit: Limit = 100,
                   cursor: Cursor = None) -> SemesterPage:
    """The configured semesters, by start date → ``{items: [Semester], next_cursor}``. 422 ``invalid_cursor`` for
    a cursor this list did not give."""
    rows, nxt = semesters.list_semesters(session, limit=limit, cursor=cursor)
    return SemesterPage(items=[_semester(s) for s in rows], next_cursor=nxt)


@router.get("/semesters/{code}", tags=["semesters"], response_model=SemesterRead)
def read_semester(code: SemesterPath, who: Caller(*READERS, "service:enrollment"), session: ReadSession
                  ) -> SemesterRead:
    """One semester (学期) → Semester ``{code, name, starts_on, ends_on, days, created_by, created_at}``; 404
    ``semester_not_found``. Enrollment's planning what-if asks it before costing purchased seats at its tariffs."""
    return _semester(semesters.get_semester(session, code))


@router.get("/semesters/{code}/history", tags=["semesters"])
def semester_history(code: SemesterPath, who: Caller(*READERS), session: ReadSession, limit: Limit = 100,
                     cursor: Cursor = None) -> dict[str, Any]:
    """Who configured a semester, and when: a page of changes as for tariffs (``after``: ``{code, name, starts_on,
    ends_on}``); 404 ``semester_not_found``."""
    return semesters.semester_history(session, code, limit=limit, cursor=cursor)


# ---- imports ---------------------------------------------------------------------------------------------------

@router.post("/imports/{kind}", tags=["imports"])
def import_file(kind: Literal["semesters", "tariffs"], request: Request, who: Caller("bureau"),
                session: WriteSession, file: Annotated[UploadFile, File(description="a .csv or .xlsx file")],
                dry_run: Annotated[bool, Query(description="check every row, write nothing")] = False
                ) -> dict[str, Any]:
    """Import the bureau's file of semesters or tariffs (multipart/form-data, field ``file``; CSV or XLSX with a
    sheet named ``kind`` or one sheet; columns as ``data/semesters.csv`` / ``data/tariffs.csv``). Every row is
    checked first; any refused row → 422 ``import_refused`` with ``refused: [{sheet, row, column, value, code,
    reason_en, reason_zh}]``, nothing written. Else ``{kind, sheet, rows, created, updated, unchanged, dry_run,
    written, message}`` (the same file twice: nothing changes, ``written: false``)."""
    table = read_table(file.file.read(), file.filename or "", kind, imports.ALIASES)
    return imports.import_rows(session, table, kind, who=who, settings=request.app.state.settings, dry_run=dry_run)


# ---- tariffs ---------------------------------------------------------------------------------------------------

@router.put("/tariffs/{school_code}/{semester}", response_model=TariffRead, tags=["tariffs"])
def put_tariff(school_code: SchoolPath, semester: SemesterPath, body: TariffPut, response: Response,
               who: Caller("bureau"), session: WriteSession, if_match: IfMatch) -> TariffRead:
    """Decide a school's 购买学位标准 for a semester (yuan per pupil): ``{operating_cost_per_pupil, original_fee,
    standard?, note?}``; suggestion = the lower of the two inputs and is the standard when none is given. Each PUT
    is a new version (ETag ``"v<N>"``, If-Match honoured). 409 ``semester_settled`` once that school's settlement
    is approved (before If-Match is looked at); 404 ``semester_not_found``."""
    current = tariffs.open_decision(session, school_code, semester)
    if_match.check(current.version if current else 0)
    tariff = tariffs.put_tariff(session, school_code, semester, body, who, current)
    out = TariffRead.of(tariff)
    session.commit()
    set_etag(response, out.version)
    return out


@router.get("/tariffs", tags=["tariffs"])
def list_tariffs(who: Caller(*READERS, "service:enrollment"), session: ReadSession, semester: SemesterQ = None,
                 school_code: SchoolQ = None, limit: Limit = 100, cursor: Cursor = None) -> dict[str, Any]:
    """Current tariffs (latest version each) → page of Tariff. Services read them too (enrollment's planning
    what-if costs purchased seats at them)."""
    rows = tariffs.list_tariffs(session, semester=semester, school_code=school_code,
                                after=paging.after_id("tariffs", cursor), limit=limit)
    return paging.page(rows, limit, "tariffs", key=lambda t: t.id, view=TariffRead.of)


@router.get("/tariffs/{school_code}/{semester}/history", tags=["tariffs"])
def tariff_history(school_code: SchoolPath, semester: SemesterPath, who: Caller(*READERS), session: ReadSession,
                   limit: Limit = 100, cursor: Cursor = None) -> dict[str, Any]:
    """Who changed a school's tariff for a semester, oldest first: ``{items: [{id, resource: "tariff", key:
    "SCHOOL/SEMESTER", action, actor (role:subject), at (Asia/Shanghai), at_utc, before, after (Tariff without
    decided_by/at)}], next_cursor}``; 404 ``tariff_not_found``."""
    return tariffs.tariff_history(session, school_code, semester, limit=limit, cursor=cursor)


# ---- purchased seats -------------------------------------------------------------------------------------------

@router.post("/purchased-seats/handover", response_model=HandoverResult, tags=["purchased seats"])
def handover(body: Handover, request: Request, who: Caller("service:enrollment", "bureau"), session: WriteSession,
             key: IdempotencyKey = None) -> Response:
    """Purchased seats from a finalised run: ``{run_id, seats: [{application_no, pupil_name, pupil_id_number,
    school_code, grade, start_date}]}`` (≤ 1000) → ``{created, existing, items}``. The same seat (application_no +
    school + start date) handed over again creates nothing."""
    return _keyed(session, request, who, key, body, lambda: HandoverResult(**seats.handover(session, body, who)))


@router.get("/purchased-seats", tags=["purchased seats"])
def list_seats(request: Request, who: Caller(*READERS), session: ReadSession, school_code: SchoolQ = None,
               semester: SemesterQ = None, limit: Limit = 100, cursor: Cursor = None) -> dict[str, Any]:
    """Seats (ID numbers masked), optionally of one school and/or those meeting a semester with their pupil in the
    school's grades then → page of Seat."""
    rows = seats.list_seats(session, school_code=school_code, semester=semester,
                              after=paging.after_id("purchased-seats", cursor), limit=limit,
                              settings=request.app.state.settings)
    return paging.page(rows, limit, "purchased-seats", key=lambda s: s.id, view=SeatRead.of)


@router.post("/purchased-seats/{seat_id}/end", response_model=SeatEndResult, tags=["purchased seats"])
def end_seat(seat_id: IdPath, body: SeatEnd, request: Request, who: Caller("bureau"), session: WriteSession,
             key: IdempotencyKey = None) -> Response:
    """The pupil left: ``{end_date, reason}`` (last day attended). Returns the seat and the approved settlements
    that counted it past that day (correct them with ``POST /adjustments``). 409 ``seat_ended``."""
    def effect() -> SeatEndResult:
        seat, affected = seats.end_seat(session, seat_id, body, who)
        return SeatEndResult(seat=SeatRead.of(seat), affected_settlements=affected)

    return _keyed(session, request, who, key, body, effect)


@router.post("/purchased-seats/{seat_id}/transfer", status_code=201, response_model=SeatTransferred,
             tags=["purchased seats"])
def transfer_seat(seat_id: IdPath, body: SeatTransfer, request: Request, who: Caller("bureau"), session: WriteSession,
                  key: IdempotencyKey = None) -> Response:
    """Move the pupil to ``to_school_code`` on ``on``: this seat ends the day before and a new one opens."""
    def effect() -> SeatTransferred:
        ended, opened, affected = seats.transfer_seat(session, seat_id, body, who, request.app.state.settings)
        return SeatTransferred(ended=SeatRead.of(ended), opened=SeatRead.of(opened), affected_settlements=affected)

    return _keyed(session, request, who, key, body, effect, status_code=201)


# ---- settlements -----------------------------------------------------------------------------------------------

@router.post("/settlements", status_code=201, response_model=SettlementRead, tags=["settlements"])
def create_settlement(body: SettlementCreate, request: Request, who: Caller("bureau", "finance"),
                      session: WriteSession, key: IdempotencyKey = None) -> Response:
    """Compute the draft 结算 of one school for one semester (recomputing a draft replaces it) → Settlement with
    lines: the seats in the school's grades on its confirmed roll; ``awaiting`` lists those not yet confirmed (not
    billed). 409 ``tariff_missing``; 409 ``semester_settled`` once approved."""
    def effect() -> SettlementRead:
        row = settlements.compute_draft(session, body.school_code, body.semester, who, request.app.state.settings)
        return settlements.describe(session, row, with_lines=True, settings=request.app.state.settings)

    return _keyed(session, request, who, key, body, effect, status_code=201)


@router.post("/settlements/run", response_model=RunResult, tags=["settlements"])
def run_settlements(body: SettlementRun, request: Request, who: Caller("bureau", "finance"), session: WriteSession,
                    key: IdempotencyKey = None) -> Response:
    """Draft every school with seats in the semester → ``{semester, drafted: [Settlement without lines],
    skipped: [{school_code, code, detail}]}``."""
    def effect() -> RunResult:
        drafted, skipped = settlements.run_semester(session, body.semester, who, request.app.state.settings)
        return RunResult(semester=body.semester, skipped=skipped,
                         drafted=[settlements.describe(session, r, with_lines=False, money=(0, 0)) for r in drafted])

    return _keyed(session, request, who, key, body, effect)


@router.get("/settlements", tags=["settlements"])
def list_settlements(who: Caller(*READERS, "school"), session: ReadSession, semester: SemesterQ = None,
                     school_code: SchoolQ = None, state: Literal["draft", "approved", "paid"] | None = None,
                     limit: Limit = 100, cursor: Cursor = None) -> dict[str, Any]:
    """Settlements without their lines → page of Settlement (a ``school`` caller sees its own school's only)."""
    if who.role == "school":
        roll.check_school(who, school_code or who.school)
        school_code = who.school
    rows = settlements.list_settlements(session, semester=semester, school_code=school_code, state=state,
                                     after=paging.after_id("settlements", cursor), limit=limit)
    rows, nxt = paging.cut(rows, limit, "settlements", key=lambda r: r.id)
    money = settlements.money_of(session, [r.id for r in rows])
    return {"items": [settlements.describe(session, r, with_lines=False, money=money[r.id]) for r in rows],
            "next_cursor": nxt}


@router.get("/settlements/{settlement_id}", response_model=SettlementRead, tags=["settlements"])
def get_settlement(settlement_id: IdPath, request: Request, response: Response, who: Caller(*READERS, "school"),
                   session: ReadSession, lines: bool = True) -> SettlementRead:
    """One settlement with its lines and the seats awaiting confirmation on the roll (``?lines=false`` to leave
    them out); ETag ``"v<N>"``. 403 for another school's credential."""
    row = settlements.get_settlement(session, settlement_id)
    roll.check_school(who, row.school_code)
    out = settlements.describe(session, row, with_lines=lines, settings=request.app.state.settings)
    set_etag(response, out.version)
    return out


@router.post("/settlements/{settlement_id}/approve", response_model=SettlementRead, tags=["settlements"])
def approve(settlement_id: IdPath, request: Request, who: Caller("finance"), session: WriteSession,
            if_match: IfMatch, key: IdempotencyKey = None) -> Response:
    """Finance approves a draft → approved, immutable, with a ledger entry. If-Match ``"v<N>"`` (stale → 412);
    409 ``settlement_not_draft`` (e.g. a colleague approved it first); 409 ``settlement_outdated`` when the tariff
    or seats changed since the draft."""
    def effect() -> SettlementRead:
        row = settlements.draft_to_approve(session, settlement_id)
        if_match.check(row.version)
        row = settlements.approve(session, row, who, request.app.state.settings)
        return settlements.describe(session, row, with_lines=False)

    return _keyed(session, request, who, key, {"settlement_id": settlement_id}, effect)


@router.post("/settlements/{settlement_id}/disbursements", status_code=201, response_model=DisbursementRead,
             tags=["settlements"])
def disburse(settlement_id: IdPath, body: DisbursementCreate, request: Request, who: Caller("finance"),
             session: WriteSession, key: IdempotencyKey = None) -> Response:
    """Finance records the payment ``{reference, amount, paid_on}``; the amount must equal the amount due
    (422 ``amount_mismatch`` naming it) → paid, with a ledger entry."""
    return _keyed(session, request, who, key, body,
                  lambda: DisbursementRead.of(settlements.disburse(session, settlement_id, body, who)), status_code=201)


# ---- budget ----------------------------------------------------------------------------------------------------

@router.put("/budget/{year}", response_model=BudgetRead, tags=["budget"])
def put_budget(year: Year, body: BudgetPut, response: Response, who: Caller("finance"),
               session: WriteSession) -> BudgetRead:
    """Finance sets the year's appropriation ``{appropriation}`` (yuan) → the budget view (as ``GET /budget/{year}``
    answers it, :mod:`funding.router_reports`)."""
    budget.put_budget(session, year, yuan_to_fen(body.appropriation), who)
    out = BudgetRead.of(budget.budget_view(session, year))
    session.commit()
    set_etag(response, out.version or 0)
    return out


# ---- adjustments -----------------------------------------------------------------------------------------------

@router.post("/adjustments", status_code=201, response_model=AdjustmentRead, tags=["adjustments"])
def create_adjustment(body: AdjustmentCreate, request: Request, who: Caller("finance", "bureau"),
                      session: WriteSession, key: IdempotencyKey = None) -> Response:
    """Correct an approved settlement for one seat: ``{settlement_id, seat_id, corrected_end_date, reason}`` →
    Adjustment with the delta (yuan, negative when less is owed) and its ledger entry."""
    return _keyed(session, request, who, key, body,
                  lambda: AdjustmentRead.of(settlements.adjust(session, body, who)), status_code=201)


@router.get("/adjustments", tags=["adjustments"])
def list_adjustments(who: Caller(*READERS), session: ReadSession, settlement_id: IdQ = None,
                     limit: Limit = 100, cursor: Cursor = None) -> dict[str, Any]:
    """Adjustments, oldest first → page of Adjustment."""
    rows = settlements.list_adjustments(session, settlement_id=settlement_id,
                                        after=paging.after_id("adjustments", cursor), limit=limit)
    return paging.page(rows, limit, "adjustments", key=lambda a: a.id, view=AdjustmentRead.of)
