"""Request and response models of the funding service. Money in: ``Money`` decimal strings (yuan, ≤ 2 places,
JSON numbers refused); money out: ``"3000.00"`` strings made from integer fen; ID numbers out: masked."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, Field, Strict, model_validator

from common.examples import attach as attach_examples
from common.ids import IdNumber
from common.logging import mask_id  # noqa: F401  (re-exported for reports and settlements)
from common.refusals import refuse
from common.schemas import BIDI_CONTROLS, Day, NonNegativeMoney, PersonName, PositiveMoney, RowId, StrictModel, fen_to_yuan
from funding import examples

CODE = r"^[A-Za-z0-9][A-Za-z0-9_-]*$"
SchoolCode = Annotated[str, Strict(), Field(min_length=1, max_length=32, pattern=CODE)]
SemesterCode = Annotated[str, Strict(), Field(min_length=1, max_length=32, pattern=CODE,
                                              examples=["2025-autumn", "2026-spring"])]
ApplicationNo = Annotated[str, Strict(), Field(min_length=1, max_length=40, pattern=CODE)]
Grade = Annotated[int, Strict(), Field(ge=1, le=9)]
Yuan = Annotated[str, Field(description="yuan, decimal string with 2 places", examples=["3000.00"])]


def _text(value: str) -> str:
    if value != value.strip():
        raise refuse("text_characters", "text must not start or end with spaces")
    for ch in value:
        if (unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") and ch not in "\n") or ch in BIDI_CONTROLS:
            raise refuse("text_characters", f"text contains a control, bidi or invalid character U+{ord(ch):04X}")
    return value


Text = Annotated[str, Strict(), Field(min_length=1, max_length=500), AfterValidator(_text)]
Reference = Annotated[str, Strict(), Field(min_length=1, max_length=64), AfterValidator(_text)]


def yuan(fen: int | None) -> str | None:
    return None if fen is None else fen_to_yuan(fen)


# ---- semesters and tariffs -------------------------------------------------------------------------------------

class SemesterCreate(StrictModel):
    """A semester; without dates, ``"<year>-autumn"`` runs 1 Sep – 31 Jan and ``"<year>-spring"`` 1 Feb – 15 Jul
    (the configured defaults)."""

    code: SemesterCode
    name: Text | None = None
    starts_on: Day | None = None
    ends_on: Day | None = None

    @model_validator(mode="after")
    def _both_or_neither(self) -> "SemesterCreate":
        if (self.starts_on is None) != (self.ends_on is None):
            raise refuse("date_order", "give both starts_on and ends_on, or neither for the defaults")
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise refuse("date_order", "ends_on is before starts_on")
        return self


class SemesterRead(BaseModel):
    code: str
    name: str
    starts_on: date
    ends_on: date
    days: int
    created_by: str
    created_at: datetime


class SemesterPage(BaseModel):
    items: list[SemesterRead]
    next_cursor: str | None


class TariffPut(StrictModel):
    """购买学位标准 inputs (yuan per pupil per semester). ``standard`` omitted → the suggestion, i.e. the lower of
    operating cost and original fee."""

    operating_cost_per_pupil: NonNegativeMoney
    original_fee: NonNegativeMoney
    standard: NonNegativeMoney | None = None
    note: Text | None = None


class TariffRead(BaseModel):
    school_code: str
    semester: str
    version: int
    operating_cost_per_pupil: Yuan
    original_fee: Yuan
    suggestion: Yuan
    standard: Yuan
    standard_source: Literal["decided", "suggestion"]
    note: str | None
    decided_by: str
    decided_at: datetime

    @classmethod
    def of(cls, t: Any) -> "TariffRead":
        return cls(school_code=t.school_code, semester=t.semester_code, version=t.version,
                   operating_cost_per_pupil=fen_to_yuan(t.operating_cost_fen),
                   original_fee=fen_to_yuan(t.original_fee_fen),
                   suggestion=fen_to_yuan(t.suggestion_fen), standard=fen_to_yuan(t.standard_fen),
                   standard_source="decided" if t.standard_given else "suggestion", note=t.note,
                   decided_by=t.decided_by, decided_at=t.decided_at)


# ---- purchased seats -------------------------------------------------------------------------------------------

SchoolLevel = Literal["primary", "junior", "nine_year"]
LeaveCode = Literal["private_school", "public_school", "left_district", "dropped_out", "other"]


class SeatIn(StrictModel):
    """One placed pupil. ``grade``: the pupil's grade on ``start_date``. ``school_level``: the school's level in
    enrollment's register (primary: grades 1–6, junior: 7–9, nine_year: 1–9); it fixes the grades a seat there is
    paid for. Omitted: a school funding does not know yet is primary for grades 1–6, junior for 7–9."""

    application_no: ApplicationNo
    pupil_name: PersonName
    pupil_id_number: IdNumber
    school_code: SchoolCode
    grade: Grade
    start_date: Day
    school_level: SchoolLevel | None = None


class Handover(StrictModel):
    """Placed pupils handed over by enrollment when a run is finalised (≤ 1000 seats per call)."""

    run_id: Reference | None = None
    seats: list[SeatIn] = Field(min_length=1, max_length=1000)


class HandoverItem(BaseModel):
    application_no: str
    school_code: str
    start_date: date
    seat_id: int
    status: Literal["created", "existing"]


class HandoverResult(BaseModel):
    created: int
    existing: int
    items: list[HandoverItem]


class SeatRead(BaseModel):
    id: int
    application_no: str
    pupil_name: str
    pupil_id_number: str = Field(description="masked: county and last four digits")
    school_code: str
    grade: int
    start_date: date
    end_date: date | None
    end_reason: str | None
    end_code: str | None = Field(description="completed, private_school, public_school, left_district, "
                                             "dropped_out or other")
    ended_by: str | None
    ended_at: datetime | None
    run_id: str | None
    previous_seat_id: int | None
    created_at: datetime

    @classmethod
    def of(cls, s: Any) -> "SeatRead":
        return cls(id=s.id, application_no=s.application_no, pupil_name=s.pupil_name,
                   pupil_id_number=mask_id(s.pupil_id_number), school_code=s.school_code, grade=s.grade,
                   start_date=s.start_date, end_date=s.end_date, end_reason=s.end_reason, end_code=s.end_code,
                   ended_by=s.ended_by, ended_at=s.ended_at, run_id=s.run_id,
                   previous_seat_id=s.previous_seat_id, created_at=s.created_at)


class SeatEnd(StrictModel):
    """The pupil's last day (inclusive) and why: ``code`` public_school (插班: placed mid-year in a public school,
    the seat ends that day), left_district, dropped_out, private_school (prefer the transfer, which opens the new
    seat), other (the default)."""

    end_date: Day
    reason: Text
    code: LeaveCode | None = None


class SeatEndResult(BaseModel):
    seat: SeatRead
    affected_settlements: list[int] = Field(
        description="approved or paid settlements that counted this seat past its new end date: "
                    "each needs an adjustment (POST /adjustments)")


class SeatTransfer(StrictModel):
    to_school_code: SchoolCode
    on: Day
    reason: Text | None = None


class SeatTransferred(BaseModel):
    ended: SeatRead
    opened: SeatRead
    affected_settlements: list[int]


# ---- the semester roll (在校确认) ---------------------------------------------------------------------------------

class Leaver(StrictModel):
    """A pupil who left during the semester: ``left_on`` = the last day attended (paid to that day, inclusive);
    ``code``: private_school (转学; with ``to_school_code`` the new seat opens there the next day), public_school
    (插班: the seat ends that day), left_district, dropped_out."""

    seat_id: RowId
    left_on: Day
    code: Literal["private_school", "public_school", "left_district", "dropped_out"]
    to_school_code: SchoolCode | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _to_school_only_for_a_transfer(self) -> "Leaver":
        if self.to_school_code is not None and self.code != "private_school":
            raise refuse("leave_code", "to_school_code goes with code private_school only")
        return self


class RollConfirm(StrictModel):
    """Confirm a school's roll for a semester (at least one seat): ``attending`` seat ids (≤ 50 000) and
    ``left`` pupils (≤ 5 000)."""

    attending: list[RowId] = Field(default_factory=list, max_length=50_000)
    left: list[Leaver] = Field(default_factory=list, max_length=5_000)

    @model_validator(mode="after")
    def _something(self) -> "RollConfirm":
        if not self.attending and not self.left:
            raise refuse("roll_empty", "name at least one seat: attending or left")
        return self


class RollConfirmationRead(BaseModel):
    id: int
    confirmed_by: str
    confirmed_role: str
    confirmed_at: datetime
    attending: int
    left: int
    unchanged: int
    entries_digest: str
    ledger_seq: int

    @classmethod
    def of(cls, c: Any) -> "RollConfirmationRead":
        return cls(id=c.id, confirmed_by=c.confirmed_by, confirmed_role=c.confirmed_role,
                   confirmed_at=c.confirmed_at, attending=c.attending, left=c.left, unchanged=c.unchanged,
                   entries_digest=c.entries_digest, ledger_seq=c.ledger_seq)


class RollEntryRead(BaseModel):
    seat_id: int
    application_no: str
    pupil: Pupil
    grade: int = Field(description="the pupil's grade this semester")
    start_date: date
    end_date: date | None
    status: Literal["awaiting", "attends", "left"]
    left_on: date | None
    code: str | None


class RollCounts(BaseModel):
    expected: int = Field(description="the school's seats that meet the semester in its grades")
    attends: int
    left: int
    awaiting: int


class RollRead(BaseModel):
    """A school's roll for a semester: counts, every confirmation (who, when), a page of its seats."""

    school_code: str
    semester: str
    version: int
    counts: RollCounts
    confirmations: list[RollConfirmationRead]
    items: list[RollEntryRead]
    next_cursor: str | None

    @classmethod
    def of(cls, v: dict[str, Any]) -> "RollRead":
        items = [RollEntryRead(pupil=Pupil(name=i["pupil_name"], id_number=mask_id(i["pupil_id_number"])),
                               **{k: i[k] for k in ("seat_id", "application_no", "grade", "start_date", "end_date",
                                                    "status", "left_on", "code")}) for i in v["items"]]
        return cls(school_code=v["school_code"], semester=v["semester"], version=v["version"],
                   counts=RollCounts(**v["counts"]),
                   confirmations=[RollConfirmationRead.of(c) for c in v["confirmations"]], items=items,
                   next_cursor=v["next_cursor"])


class RollConfirmed(BaseModel):
    school_code: str
    semester: str
    version: int
    confirmation: RollConfirmationRead


# ---- settlements -----------------------------------------------------------------------------------------------

class SettlementCreate(StrictModel):
    school_code: SchoolCode
    semester: SemesterCode


class SettlementRun(StrictModel):
    semester: SemesterCode


class Pupil(BaseModel):
    name: str
    id_number: str = Field(description="masked")


class LineRead(BaseModel):
    seat_id: int
    application_no: str
    pupil: Pupil
    days: int
    semester_days: int
    amount: Yuan


class AwaitingRead(BaseModel):
    seat_id: int
    application_no: str
    pupil: Pupil


class SettlementRead(BaseModel):
    """A settlement; ``amount_due`` = total + adjustments − paid. ``lines`` on single reads only."""

    id: int
    school_code: str
    semester: str
    state: Literal["draft", "approved", "paid"]
    tariff: Yuan
    tariff_version: int
    semester_days: int
    total: Yuan
    line_count: int
    awaiting_confirmation: int = Field(description="seats in the school's grades not yet on its confirmed roll when "
                                                   "computed: not billed; billed by an adjustment once confirmed")
    adjustments_total: Yuan
    paid_total: Yuan
    amount_due: Yuan
    version: int
    computed_by: str
    computed_at: datetime
    approved_by: str | None
    approved_at: datetime | None
    lines: list[LineRead] | None = None
    awaiting: list[AwaitingRead] | None = Field(default=None, description="with the lines: the seats awaiting "
                                                                          "confirmation on the roll now")


class SkippedSchool(BaseModel):
    school_code: str
    code: str
    detail: str


class RunResult(BaseModel):
    semester: str
    drafted: list[SettlementRead]
    skipped: list[SkippedSchool]


class DisbursementCreate(StrictModel):
    """拨付: the payment reference, the amount (must equal the amount due) and the day paid."""

    reference: Reference
    amount: PositiveMoney
    paid_on: Day


class DisbursementRead(BaseModel):
    id: int
    settlement_id: int
    reference: str
    amount: Yuan
    paid_on: date
    recorded_by: str
    recorded_at: datetime
    ledger_seq: int

    @classmethod
    def of(cls, d: Any) -> "DisbursementRead":
        return cls(id=d.id, settlement_id=d.settlement_id, reference=d.reference, amount=fen_to_yuan(d.amount_fen),
                   paid_on=d.paid_on, recorded_by=d.recorded_by, recorded_at=d.recorded_at, ledger_seq=d.ledger_seq)


class AdjustmentCreate(StrictModel):
    """A correction to an approved settlement for one seat: the pupil's corrected last day (the day before the
    seat started = never attended)."""

    settlement_id: RowId
    seat_id: RowId
    corrected_end_date: Day
    reason: Text


class AdjustmentRead(BaseModel):
    id: int
    settlement_id: int
    seat_id: int
    previous_end_date: date | None
    corrected_end_date: date
    days_before: int
    days_after: int
    amount_before: Yuan
    amount_after: Yuan
    delta: Yuan
    reason: str
    recorded_by: str
    recorded_at: datetime
    ledger_seq: int

    @classmethod
    def of(cls, a: Any) -> "AdjustmentRead":
        return cls(id=a.id, settlement_id=a.settlement_id, seat_id=a.seat_id, previous_end_date=a.previous_end_date,
                   corrected_end_date=a.corrected_end_date, days_before=a.days_before, days_after=a.days_after,
                   amount_before=fen_to_yuan(a.amount_before_fen), amount_after=fen_to_yuan(a.amount_after_fen),
                   delta=fen_to_yuan(a.delta_fen), reason=a.reason, recorded_by=a.recorded_by,
                   recorded_at=a.recorded_at, ledger_seq=a.ledger_seq)


attach_examples(globals(), examples.VALUES)  # every model's example (issue 17; funding/examples.py)
