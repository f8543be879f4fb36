"""Pydantic v2 models of the verification API (docs/api.md, verification section): cases, results, reads.

Write models refuse unknown fields. ID numbers pass the full GB 11643 check (``common.ids.IdNumber``: lowercase
``x`` stored as ``X``); USCCs in claims are checked for shape only, like the market's facts (see ``facts``).
Facts of record are typed per kind in :mod:`verification.facts`; result bodies carry them as plain objects until
the service knows the request's kind. The claims of a case are :class:`common.vocabulary.Claims`, the model
enrollment takes with an application.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, field_validator, model_validator

from common.examples import attach as attach_examples
from common.ids import IdNumber
from common.refusals import refuse
from common.schemas import Day, Grade, GuardianNo, GuardianRef, PersonName, StrictModel, day_in_shanghai, text
from common.vocabulary import CLAIMED, Claims
from verification import examples
from verification.facts import Department, Kind, Outcome, State

MAX_BATCH = 1000
MAX_ID = 2**31 - 1  # ids and seqs are 32-bit integer columns; larger values are refused at the edge
ApplicationNo = Annotated[str, Strict(), Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9-]{0,39}$")]

Note = text(max_length=2000)


# ---- cases ---------------------------------------------------------------------------------------------------

class GuardianIn(StrictModel):
    guardian_no: GuardianNo
    name: PersonName
    id_number: IdNumber


class CaseIn(StrictModel):
    """``POST /cases``: one application with its guardians and claims (BRIEF §4 step 3)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [examples.CASE]})

    application_no: ApplicationNo
    season: Annotated[int, Strict(), Field(ge=2000, le=2100)]
    grade: Grade
    child_birth_date: Day
    guardians: list[GuardianIn] = Field(min_length=1, max_length=2)
    claims: Claims = Field(default_factory=Claims)

    @field_validator("child_birth_date")
    @classmethod
    def _born(cls, value: date) -> date:
        if value > day_in_shanghai() or value.year < 1990:  # the Asia/Shanghai day, not the server's
            raise refuse("birth_date_range", "child_birth_date is in the future or implausibly early")
        return value

    @field_validator("guardians")
    @classmethod
    def _distinct(cls, guardians: list[GuardianIn]) -> list[GuardianIn]:
        if len({g.guardian_no for g in guardians}) != len(guardians):
            raise refuse("duplicate_guardian", "guardian_no repeats")
        if len({g.id_number for g in guardians}) != len(guardians):
            raise refuse("duplicate_guardian", "two guardians share one ID number")
        return guardians

    @model_validator(mode="after")
    def _claims_name_guardians(self) -> "CaseIn":
        numbers = [g.guardian_no for g in self.guardians]
        for kind in CLAIMED:
            claimed = [c.guardian_no for c in getattr(self.claims, kind)]
            if unknown := set(claimed) - set(numbers):
                raise refuse("unknown_guardian",
                             f"claims.{kind} names guardian_no {sorted(unknown)} not among the guardians")
            if len(set(claimed)) != len(claimed):
                raise refuse("duplicate_claim", f"claims.{kind}: one claim per guardian")
        return self


class CaseBatchIn(StrictModel):
    items: list[CaseIn] = Field(min_length=1, max_length=MAX_BATCH)


class RequestBrief(BaseModel):
    id: int
    kind: Kind
    department: Department
    guardian_no: int
    state: State


class CaseOut(BaseModel):
    application_no: str
    requests: list[RequestBrief]


class CaseWithdrawalOut(BaseModel):
    """``POST /cases/{application_no}/withdrawal``: when the case was withdrawn, its requests (all ``withdrawn``)."""

    application_no: str
    withdrawn_at: datetime
    requests: list[RequestBrief]


class CaseBatchOut(BaseModel):
    """``created`` new cases, ``existing`` replays (``amended`` of which changed their claims)."""

    created: int
    existing: int
    amended: int
    application_nos: list[str]


# ---- results -------------------------------------------------------------------------------------------------

class ResultIn(StrictModel):
    """``POST /requests/{id}/results``. ``facts`` is checked against the request's kind by the service."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [examples.RESULT]})

    outcome: Outcome
    facts: dict[str, Any] | None = None
    note: Note | None = None


class ResultItemIn(ResultIn):
    request_id: Annotated[int, Strict(), Field(ge=1, le=MAX_ID)]


class ResultBatchIn(StrictModel):
    """Items stay loose dicts here so that one bad item is reported, not the whole batch refused."""

    items: list[dict[str, Any]] = Field(min_length=1, max_length=MAX_BATCH)


class ResultOut(BaseModel):
    id: int
    request_id: int
    outcome: Outcome
    facts: dict[str, Any] | None
    note: str | None
    department: Department
    answered_at: datetime
    supersedes: int | None


class BatchItemOut(BaseModel):
    request_id: int | None  # a rejected item whose request_id is not an integer echoes None
    status: Literal["stored", "rejected"]
    result_id: int | None = None
    code: str | None = None
    detail: str | None = None
    errors: list[dict[str, str]] | None = None  # a refused item's fields with their rule codes (docs/api.md)


class ResultBatchOut(BaseModel):
    stored: int
    rejected: int
    items: list[BatchItemOut]


class RecheckMark(BaseModel):
    """An open re-check (复核) on a request: the upheld appeal asking it and the family's ground (issue 13)."""

    appeal_ref: str
    ground: str | None
    requested_at: datetime


class RecheckIn(StrictModel):
    """``POST /rechecks``: check one fact of one guardian again for an upheld appeal (enrollment's outbox)."""

    ref: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9:-]{0,59}$", description="the appeal, e.g. "
                              "enrollment-appeal-12; idempotent by it")]
    application_no: ApplicationNo
    guardian_no: GuardianRef
    kind: Kind
    ground: Annotated[text(min_length=1, max_length=4000), Field(description="the family's ground (申诉理由)")]


class RecheckOut(BaseModel):
    ref: str
    request_id: int
    application_no: str
    guardian_no: int
    kind: Kind
    department: Department
    ground: str | None
    open: bool
    requested_at: datetime | None
    result: ResultOut | None


class RequestOut(BaseModel):
    """A request; ``subject_id_number`` and ``subject_name`` are whole only for the owning department."""

    id: int
    kind: Kind
    department: Department
    season: int
    grade: int
    application_no: str
    guardian_no: int
    subject_name: str
    subject_id_number: str
    claim: dict[str, Any]
    state: State
    created_at: datetime
    answered_at: datetime | None
    recheck: RecheckMark | None = None


class RequestDetail(RequestOut):
    history: list[ResultOut]


class RequestPage(BaseModel):
    items: list[RequestOut]
    next_cursor: str | None = None


class GuardianFacts(BaseModel):
    guardian_no: int
    results: dict[Kind, ResultOut | None]
    pending: list[Kind]


class CaseFacts(BaseModel):
    """What points scores from: current results per guardian and kind, no ID numbers or names."""

    application_no: str
    season: int
    grade: int
    child_birth_date: date
    seq: int
    digest: str
    guardians: list[GuardianFacts]


class CaseFactsPage(BaseModel):
    items: list[CaseFacts]
    next_cursor: str | None = None


attach_examples(globals(), examples.VALUES)  # every model's example (issue 17; verification/examples.py)
