"""Models of the ledger, budget and report endpoints: ledger entries and their verification, the budget (in and
out), totals and the per-pupil report. Money out: ``"3000.00"`` strings made from integer fen."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from common.examples import attach as attach_examples
from common.schemas import NonNegativeMoney, StrictModel, fen_to_yuan
from funding import examples
from funding.schemas import SeatRead, Yuan, yuan


class LedgerEntryRead(BaseModel):
    """``body`` is the stored canonical text exactly: ``hash = SHA-256(bytes.fromhex(prev_hash) || body)``."""

    seq: int
    kind: str
    settlement_id: int | None
    amount: Yuan
    recorded_at: datetime
    body: str
    prev_hash: str
    hash: str

    @classmethod
    def of(cls, e: Any) -> "LedgerEntryRead":
        return cls(seq=e.seq, kind=e.kind, settlement_id=e.settlement_id, amount=fen_to_yuan(e.amount_fen),
                   recorded_at=e.recorded_at, body=bytes(e.body).decode("utf-8", "replace"),
                   prev_hash=e.prev_hash, hash=e.hash)


class BrokenRead(BaseModel):
    seq: int
    reason: str
    detail: str


class Mismatch(BaseModel):
    record: Literal["settlement", "adjustment", "disbursement", "roll_confirmation", "ledger_seats"]
    id: int
    seq: int | None
    reason: str


class VerifyRead(BaseModel):
    """``ok`` = the chain is intact (``first_broken`` null) and the records agree with it (``mismatches`` empty)."""

    ok: bool
    entries: int
    head_hash: str
    first_broken: BrokenRead | None
    records_checked: int = Field(description="settlements, adjustments and disbursements compared with the ledger")
    mismatches: list[Mismatch]
    checked_at: datetime


class BudgetPut(StrictModel):
    appropriation: NonNegativeMoney


class BudgetRead(BaseModel):
    """Appropriation vs settled (approved settlements + adjustments) vs paid, for the semesters starting in
    ``year``."""

    year: int
    appropriation: Yuan | None
    settled: Yuan
    paid: Yuan
    remaining: Yuan | None = Field(description="appropriation − settled")
    semesters: list[str]
    version: int | None
    updated_by: str | None
    updated_at: datetime | None

    @classmethod
    def of(cls, b: dict[str, Any]) -> BudgetRead:
        """From :func:`funding.budget.budget_view` (money in fen)."""
        appropriation = b["appropriation_fen"]
        return cls(year=b["year"], appropriation=yuan(appropriation), settled=fen_to_yuan(b["settled_fen"]),
                   paid=fen_to_yuan(b["paid_fen"]),
                   remaining=None if appropriation is None else fen_to_yuan(appropriation - b["settled_fen"]),
                   semesters=b["semesters"], version=b["version"], updated_by=b["updated_by"],
                   updated_at=b["updated_at"])


class TotalRow(BaseModel):
    semester: str
    school_code: str
    settlement_id: int
    state: str
    seats: int
    tariff: Yuan
    total: Yuan
    adjustments: Yuan
    paid: Yuan
    due: Yuan


class SemesterTotal(BaseModel):
    semester: str
    schools: int
    seats: int
    approved_total: Yuan = Field(description="approved and paid settlements, with their adjustments")
    draft_total: Yuan
    paid: Yuan
    due: Yuan


class Totals(BaseModel):
    items: list[TotalRow]
    by_semester: list[SemesterTotal]


class PupilLine(BaseModel):
    settlement_id: int
    semester: str
    school_code: str
    state: str
    seat_id: int
    days: int
    semester_days: int
    amount: Yuan
    adjustments: Yuan


class PupilRoll(BaseModel):
    """A seat's roll status for one semester (在校确认); ``awaiting`` until a confirmation names it."""

    seat_id: int
    semester: str
    school_code: str
    status: Literal["attends", "left", "awaiting"]
    left_on: date | None
    code: str | None
    confirmation_id: int | None
    confirmed_by: str | None
    confirmed_role: str | None
    confirmed_at: datetime | None
    ledger_seq: int | None


class PupilReport(BaseModel):
    application_no: str
    seats: list[SeatRead]
    lines: list[PupilLine]
    rolls: list[PupilRoll] = Field(description="each seat's roll status per semester it meets (在校确认)")
    total: Yuan = Field(description="approved and paid lines with their adjustments: what the district owes or paid")
    draft_total: Yuan = Field(description="draft lines, not yet approved (they may still change)")


class SchoolForecastRead(BaseModel):
    school_code: str
    level: str
    continuing: int = Field(description="seats started before the semester whose pupil is in the school's grades")
    new_intake: int = Field(description="seats from the season's private placements starting during the semester")
    completing: int = Field(description="continuing seats whose last semester this is (top grade)")
    seats: int
    tariff: str | None = Field(description="yuan per pupil per semester")
    tariff_source: Literal["decided", "carried", "none"]
    amount: str = Field(description="seats × tariff, yuan")


class SemesterForecastRead(BaseModel):
    semester: str
    starts_on: date
    ends_on: date
    seats: int
    amount: str
    schools: list[SchoolForecastRead]


class BudgetForecastRead(BaseModel):
    year: int
    appropriation: str | None
    settled: str = Field(description="approved and paid settlements (with adjustments) of the year's other semesters")
    forecast: str
    remaining: str | None = Field(description="appropriation − settled − forecast")


class ForecastRead(BaseModel):
    """Next school year's cost (BRIEF §8): per semester and school, and against each budget year it touches."""

    school_year: int
    total: str
    semesters: list[SemesterForecastRead]
    budget: list[BudgetForecastRead]

    @classmethod
    def of(cls, f: dict[str, Any]) -> "ForecastRead":
        def y(fen: int | None) -> str | None:
            return None if fen is None else fen_to_yuan(fen)

        semesters = [SemesterForecastRead(
            semester=s.code, starts_on=s.period.starts_on, ends_on=s.period.ends_on, seats=s.seats,
            amount=fen_to_yuan(s.amount_fen),
            schools=[SchoolForecastRead(school_code=x.school_code, level=x.level, continuing=x.continuing,
                                        new_intake=x.new_intake, completing=x.completing, seats=x.seats,
                                        tariff=y(x.tariff_fen), tariff_source=x.tariff_source,
                                        amount=fen_to_yuan(x.amount_fen)) for x in s.schools])
            for s in f["semesters"]]
        budget = [BudgetForecastRead(year=b["year"], appropriation=y(b["appropriation_fen"]),
                                     settled=fen_to_yuan(b["settled_fen"]), forecast=fen_to_yuan(b["forecast_fen"]),
                                     remaining=y(b["remaining_fen"])) for b in f["budget"]]
        return cls(school_year=f["school_year"], total=fen_to_yuan(sum(s.amount_fen for s in f["semesters"])),
                   semesters=semesters, budget=budget)


attach_examples(globals(), examples.VALUES)  # every model's example (issue 17; funding/examples.py)
