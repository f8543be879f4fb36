"""Request and response models of the points service (pydantic v2). Write models refuse unknown fields.

Points are decimal strings with at most 2 places (``"0.20"``), never JSON numbers. A rulebook's numbers, conditions,
eligibility rules, family rule and tie-break chain are data (BRIEF §5); ``rules.py`` applies them.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal, Union

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, Strict, model_validator

from common.examples import attach as attach_examples
from common.refusals import refuse
from common.schemas import DECIMAL_TEXT, Count, Day, Flag, Grade, GuardianNo, StrictModel, day_in_shanghai
from common.vocabulary import what_if_facts_model
from points import examples

ITEM_KIND = Literal["base", "residence", "social_insurance", "owned_home", "rented_home", "business"]
TIE_BREAK_KEY = Literal["family_score", "other_guardian_score", "earliest_continuous_since", "lottery"]


Season = Annotated[int, Strict(), Field(ge=2000, le=2100)]


def _text(value: str) -> str:
    if value != value.strip():
        raise refuse("text_characters", "no leading or trailing spaces")
    for ch in value:
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            raise refuse("text_characters", f"contains a control or invalid character U+{ord(ch):04X}")
    return unicodedata.normalize("NFC", value)


Text = Annotated[str, Strict(), Field(min_length=1, max_length=200), AfterValidator(_text)]
"""Free text: no NUL, control or unassigned characters (PostgreSQL cannot store NUL), no outer spaces."""


def _points(value: Any) -> Decimal:
    if not isinstance(value, str):
        raise refuse("points_format", 'points must be a decimal string such as "0.20", never a JSON number')
    if not DECIMAL_TEXT.fullmatch(value):
        raise refuse("points_format", "points must be plain ASCII digits with an optional '-' and at most 2 decimals")
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise refuse("points_format", 'points must be a decimal string such as "0.20"') from None
    if not amount.is_finite() or value != value.strip() or "e" in value.lower() or value.startswith("+"):
        raise refuse("points_format", "points must be plain digits with an optional '-' and at most 2 decimals")
    if amount.as_tuple().exponent < -2:
        raise refuse("points_format", "points have at most 2 decimals")
    if abs(amount) >= 10**6:
        raise refuse("points_format", "points too large")
    return amount.quantize(Decimal("0.01"))


Points = Annotated[Decimal, BeforeValidator(_points), Field(ge=0), PlainSerializer(lambda d: f"{d:.2f}", return_type=str)]
"""Non-negative points as a decimal string with at most 2 places; serialised with exactly 2 (``"24.00"``)."""

Percent = Annotated[Decimal, BeforeValidator(_points), Field(ge=0, le=100),
                    PlainSerializer(lambda d: f"{d:.2f}", return_type=str)]
RulebookId = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
RuleLabel = Annotated[str, Field(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9_]+$")]
ItemName = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[a-z][a-z0-9_]*$")]
CountyCode = Annotated[str, Field(pattern=r"^\d{6}$")]


# --- rulebook -------------------------------------------------------------------------------------------------------

class PermitRule(StrictModel):
    """E1: one guardian holds a residence permit in the county, valid at C, ≥ ``min_full_years`` full years."""

    rule: RuleLabel
    kind: Literal["guardian_residence_permit"]
    in_county: Flag = True
    permit_valid: Flag = True
    min_full_years: Count = 1


class InsuranceRule(StrictModel):
    """E2: the same guardian has social insurance in the county, active at C, ≥ ``min_months`` continuous months."""

    rule: RuleLabel
    kind: Literal["guardian_social_insurance"]
    in_county: Flag = True
    active_at_cutoff: Flag = True
    min_months: Count = 12


class ChildAgeRule(StrictModel):
    """E3: the child's age in full years on ``on_month``/``on_day`` of the season year ≥ ``min_age[grade]``."""

    rule: RuleLabel
    kind: Literal["child_age"]
    min_age: dict[Literal["1", "7"], Count] = Field(min_length=1)
    on_month: int = Field(default=8, ge=1, le=12, strict=True)
    on_day: int = Field(default=31, ge=1, le=31, strict=True)


class NoFalsifiedRule(StrictModel):
    """E4: no verification result of any guardian is ``falsified`` (a veto)."""

    rule: RuleLabel
    kind: Literal["no_falsified"]


EligibilityRule = Annotated[Union[PermitRule, InsuranceRule, ChildAgeRule, NoFalsifiedRule],
                            Field(discriminator="kind")]


class ItemConditions(StrictModel):
    """When an item counts. Omitted: ``in_county``, ``permit_valid``, ``active_at_cutoff`` are true; the rest are
    not checked. A condition that does not apply to the item's kind is refused (422)."""

    in_county: Flag | None = None
    permit_valid: Flag | None = None
    active_at_cutoff: Flag | None = None
    min_share_percent: Percent | None = None
    license_status: list[Literal["active", "revoked", "cancelled"]] | None = None
    holder_is_guardian: Flag | None = None
    requires: list[RuleLabel] | None = Field(default=None, description="guardian rules the guardian must meet")
    only_without: list[ItemName] | None = Field(default=None, description="earlier items that must score nothing")


class ItemRule(StrictModel):
    """One row of the per-guardian table: raw = fixed + rate × units (``full_year``: full years since the fact's
    date to C; ``month``: continuous months; ``none``: fixed only), points = min(raw, cap)."""

    item: ItemName | None = Field(default=None, description="name in the breakdown (default: the kind)")
    kind: ITEM_KIND
    fixed: Points = Decimal("0.00")
    rate: Points = Decimal("0.00")
    unit: Literal["none", "full_year", "month"] = "none"
    cap: Points
    conditions: ItemConditions = Field(default_factory=ItemConditions)

    @model_validator(mode="after")
    def _name(self) -> "ItemRule":
        self.item = self.item or self.kind
        return self


class FamilyRule(StrictModel):
    combine: Literal["max_guardian"] = "max_guardian"


class RulebookBody(StrictModel):
    """A season's points rules (积分细则). ``cutoff_date`` defaults to 30 April of the season year."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [examples.RULEBOOK]})

    season: Season
    name: Text
    cutoff_date: Day | None = None
    county_code: CountyCode = "331003"
    eligibility: list[EligibilityRule] = Field(max_length=20)
    items: list[ItemRule] = Field(min_length=1, max_length=40)
    family: FamilyRule = Field(default_factory=FamilyRule)
    tie_break: list[TIE_BREAK_KEY] = Field(
        default_factory=lambda: ["family_score", "other_guardian_score", "earliest_continuous_since", "lottery"],
        min_length=1, max_length=4)

    @model_validator(mode="after")
    def _default_cutoff(self) -> "RulebookBody":
        if self.cutoff_date is None:
            self.cutoff_date = date(self.season, 4, 30)
        return self

    def spec(self) -> dict[str, Any]:
        """The stored JSON form (without id)."""
        return self.model_dump(mode="json", exclude={"id"}, exclude_none=True)


class RulebookCreate(RulebookBody):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [examples.RULEBOOK_REVISION]})

    id: RulebookId | None = Field(default=None, description="default: HY-<season>-v<n>")


class RulebookUpdate(RulebookBody):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [examples.RULEBOOK_REVISION_EDIT]})

    id: RulebookId | None = Field(default=None, description="when given, must be the id in the path")


class RulebookRead(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [examples.RULEBOOK_READ]})

    id: str
    state: Literal["draft", "published"]
    version: int
    season: int
    name: str
    cutoff_date: date
    county_code: str
    eligibility: list[dict[str, Any]]
    items: list[dict[str, Any]]
    family: dict[str, Any]
    tie_break: list[str]
    created_by: str
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None


# --- what-if --------------------------------------------------------------------------------------------------------

WhatIfFacts = what_if_facts_model()
"""Hypothetical facts of record, taken as ``confirmed``: per kind the facts model verification takes
(:mod:`common.vocabulary`, the same refusals); homes and licences may be a list."""


class WhatIfGuardian(StrictModel):
    guardian_no: GuardianNo
    facts: WhatIfFacts = Field(default_factory=WhatIfFacts)


class WhatIfIn(StrictModel):
    rulebook_id: RulebookId
    grade: Grade
    child_birth_date: Day
    guardians: list[WhatIfGuardian] = Field(min_length=1, max_length=2)

    @model_validator(mode="after")
    def _distinct(self) -> "WhatIfIn":
        if len({g.guardian_no for g in self.guardians}) != len(self.guardians):
            raise refuse("duplicate_guardian", "guardian_no must be distinct")
        if self.child_birth_date > day_in_shanghai():
            raise refuse("birth_date_range", f"child_birth_date {self.child_birth_date} lies in the future")
        return self


# --- scores and jobs ------------------------------------------------------------------------------------------------

class TieBreakRead(BaseModel):
    other_guardian_score: str
    earliest_continuous_since: date | None


class CheckRead(BaseModel):
    rule: str
    met: bool
    reason: str = Field(description="stable code (permit_ok, permit_too_recent, insurance_too_short, age_ok...)")
    guardian_no: int | None = None
    explanation: str = Field(description="the reason in plain words, 中文 / English, with the rulebook's numbers")


class ItemRead(BaseModel):
    item: str
    fact: dict[str, Any] | None
    result_id: Any
    department: str | None
    raw: str
    points: str
    cap: str
    reason: str = Field(description="stable code (ok, capped, pending, result_mismatch, dated_after_cutoff...)")
    working: str | None = Field(description='the arithmetic of a counted item: "20.00 + 4 full years × 1.00 = 24.00",'
                                            ' "150 months × 0.20 = 30.00, capped at 24.00", "fixed 40.00"; null '
                                            'when the item did not count')
    explanation: str = Field(description="the reason in plain words, 中文 / English")


class GuardianRead(BaseModel):
    guardian_no: int
    total: str
    items: list[ItemRead]
    counts: bool = Field(description="the total takes part in the family score: true when the family is eligible")
    note: str | None = Field(description="what the guardian or the family misses (\"does not meet E1: ...\"); null "
                                         "when the guardian meets every guardian rule of an eligible family")


class ScoreSummary(BaseModel):
    application_no: str | None
    season: int
    grade: int
    rulebook_id: str
    cutoff_date: date
    eligible: bool
    family_score: str = Field(description='points, decimal string "87.20"')
    tie_break: TieBreakRead
    residence_township_code: str | None
    facts_digest: str
    scored_at: datetime | None


class ScoreRead(ScoreSummary):
    eligibility: list[CheckRead]
    guardians: list[GuardianRead]


class RulebookPage(BaseModel):
    items: list[RulebookRead]
    next_cursor: str | None


class ScorePage(BaseModel):
    items: list[ScoreSummary]
    next_cursor: str | None


class JobIn(StrictModel):
    season: Season
    grade: Grade
    rulebook_id: RulebookId | None = Field(default=None, description="default: the season's latest published")
    full: Flag = Field(default=False, description="fetch every case, not only those changed since the last job")


class JobRead(BaseModel):
    id: int
    season: int
    grade: int
    rulebook_id: str
    state: Literal["running", "done", "failed"]
    total: int
    done: int
    rescored: int
    unchanged: int
    error: str | None
    changed_after: int | None
    last_seq: int | None
    created_at: datetime
    finished_at: datetime | None


class JobList(BaseModel):
    """The season's latest scoring jobs, newest first (one page: ``next_cursor`` is always null)."""

    items: list[JobRead]
    next_cursor: str | None = None


attach_examples(globals(), examples.VALUES)  # every model's example (issue 17; points/examples.py)
