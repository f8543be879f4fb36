"""Pydantic v2 models of the enrollment API (docs/api.md, enrollment section).

Write models subclass ``StrictModel`` (unknown fields refused). Claims are the model verification's ``POST /cases``
takes (:class:`common.vocabulary.Claims`, BRIEF §4 step 3), so that a stored application is never refused by
verification.
Areas are decimal strings with at most 2 places (``"3600.00"``; integers accepted), never JSON floats.
Grades and guardian numbers are strict integers (``true`` and ``1.0`` refused: common.schemas ``Grade``,
``GuardianRef``: a guardian named beyond 1 or 2 is ``unknown_guardian``); free text is ``PlainText`` with a length bound (``common.schemas.text``) (NUL, control characters and lone surrogates refused:
PostgreSQL cannot store NUL).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal, Union

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, Strict, model_validator

from common.examples import attach as attach_examples
from common.ids import IdNumber
from common.refusals import refuse
from common.schemas import DECIMAL_TEXT, Count, Day, Grade, GuardianRef, Phone, PersonName, RowId, StrictModel, text
from common.townships import check_township
from common.vocabulary import Claims, KindCode
from enrollment import examples
from enrollment.rules import LEVEL_GRADES, MAX_PRIVATE_CHOICES, MAX_PUBLIC_CHOICES

MAX_BATCH = 1000

Season = Annotated[int, Strict(), Field(ge=2000, le=2100, description="the season's year")]
Level = Literal["primary", "junior", "nine_year"]
"""A school's level (学段): primary (grades 1–6), junior (7–9) or nine-year (九年一贯制, 1–9)."""
SchoolStatus = Literal["active", "phasing_out", "closed"]
SCHOOL_CODE = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$"
SchoolCode = Annotated[str, Strict(), Field(pattern=SCHOOL_CODE)]
ApplicationNo = Annotated[str, Strict(), Field(min_length=1, max_length=40, pattern=r"^[\x21-\x7e]+$",
                                               description="application_no, e.g. HY2025-1-000123")]
TownshipCode = Annotated[str, Strict(), AfterValidator(check_township)]
Mechanism = Literal["deferred_acceptance", "immediate_acceptance"]

SchoolName = text(min_length=1, max_length=120)
RuleName = text(min_length=1, max_length=60)
Reason = text(min_length=1, max_length=4000)
Note = text(max_length=4000)


def _area(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise refuse("area_format", 'an area is a decimal string such as "3600.50" or an integer, never a JSON float')
    if isinstance(value, str) and (not DECIMAL_TEXT.fullmatch(value) or value.startswith("-")):
        raise refuse("area_format", "an area is a plain non-negative number of m² in ASCII digits")
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise refuse("area_format", 'an area is a decimal string such as "3600.50"') from None
    if not amount.is_finite() or amount < 0:
        raise refuse("area_format", "an area is a plain non-negative number of m²")
    if amount.as_tuple().exponent < -2:
        raise refuse("area_format", "an area has at most 2 decimals")
    if amount >= Decimal(10) ** 8:
        raise refuse("area_format", "area too large")
    return amount.quantize(Decimal("0.01"))


Area = Annotated[Decimal, BeforeValidator(_area), PlainSerializer(lambda d: f"{d:.2f}", return_type=str)]


def _grade_map(value: dict[str, int]) -> dict[str, int]:
    for key in value:
        if key not in {str(g) for g in range(1, 10)}:
            raise refuse("grade_unknown", f"grade keys are '1'..'9', got {key!r}")
    return dict(sorted(value.items(), key=lambda kv: int(kv[0])))


GradeMap = Annotated[dict[str, Annotated[int, Strict(), Field(ge=0, le=100_000)]], AfterValidator(_grade_map)]


# ---- schools -------------------------------------------------------------------------------------------------

class SchoolFields(StrictModel):
    """School fields (``PUT /schools/{code}`` replaces them). Private schools need the area and classroom fields;
    public schools need ``catchment_townships`` (BRIEF §6, §7)."""

    name: SchoolName
    kind: Literal["public", "private"]
    level: Level
    township_code: TownshipCode
    catchment_townships: list[TownshipCode] = Field(default_factory=list, max_length=19)
    floor_area_m2: Area | None = None
    land_area_m2: Area | None = None
    classrooms: GradeMap = Field(default_factory=dict)
    current_pupils: GradeMap = Field(default_factory=dict)
    status: SchoolStatus = "active"

    @model_validator(mode="after")
    def _by_kind(self) -> "SchoolFields":
        allowed = {str(g) for g in LEVEL_GRADES[self.level]}
        if self.kind == "private":
            if self.floor_area_m2 is None or self.land_area_m2 is None:
                raise refuse("school_fields", "a private school needs floor_area_m2 and land_area_m2")
            if self.catchment_townships:
                raise refuse("school_fields", "catchment_townships are for public schools only")
        else:
            private_only = (self.floor_area_m2, self.land_area_m2, self.classrooms or None, self.current_pupils or None)
            if any(v is not None for v in private_only):
                raise refuse("school_fields", "area, classroom and pupil fields are for private schools only")
        for name in ("classrooms", "current_pupils"):
            if bad := set(getattr(self, name)) - allowed:
                raise refuse("school_fields", f"{name}: grades {sorted(bad)} are not taught at a {self.level} school")
        if len(set(self.catchment_townships)) != len(self.catchment_townships):
            raise refuse("school_fields", "catchment_townships repeat a township")
        return self


class SchoolCreate(SchoolFields):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [examples.PRIVATE_SCHOOL,
                                                                              examples.PUBLIC_SCHOOL]})

    code: SchoolCode


class SchoolUpdate(SchoolFields):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [examples.PRIVATE_SCHOOL]})

    code: SchoolCode | None = None


class SchoolOut(BaseModel):
    """School; private schools add ``approved_capacity`` (核定规模, pupils) and ``approved_capacity_inputs``
    ``{approved, by_floor, by_land, by_classrooms, binding, floor_area_m2, land_area_m2, classrooms, norms}``;
    ``intakes`` lists seats (public) or plans (private) per season and grade."""

    model_config = ConfigDict(json_schema_extra={"examples": [examples.SCHOOL_OUT]})

    code: str
    name: str
    kind: str
    level: str
    township_code: str
    catchment_townships: list[str]
    floor_area_m2: str | None
    land_area_m2: str | None
    classrooms: dict[str, int]
    current_pupils: dict[str, int]
    status: str
    version: int
    approved_capacity: int | None = None
    approved_capacity_inputs: dict[str, Any] | None = None
    intakes: list[dict[str, int]] = Field(default_factory=list, description="[{season, grade, seats}]")


class SeatsIn(StrictModel):
    migrant_seats: Count


class PlanIn(StrictModel):
    planned: Count


class IntakeOut(BaseModel):
    school_code: str
    season: int
    grade: int
    kind: str
    migrant_seats: int | None = None
    planned: int | None = None
    approved_capacity: int | None = None


# ---- applications --------------------------------------------------------------------------------------------

Relation = text(min_length=1, max_length=20, pattern=r"^\S(.*\S)?$", words=True)


class Child(StrictModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [examples.CHILD]})

    name: PersonName
    id_number: IdNumber
    birth_date: Day


class Guardian(StrictModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [examples.FATHER]})

    name: PersonName
    id_number: IdNumber
    relation: Relation
    phone: Phone


class ApplicationIn(StrictModel):
    """``POST /applications``: field types here; the rules across fields (birth date = the ID number's, distinct
    guardians, claims naming existing guardians) are ``rules.check_application``, the choices against the
    schools ``rules.check_choices`` — both give a field and a stable code."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [examples.APPLICATION]})

    season: Season
    grade: Grade
    child: Child
    guardians: list[Guardian] = Field(min_length=1, max_length=2)
    township_code: TownshipCode
    public_choices: list[SchoolCode] = Field(default_factory=list, max_length=MAX_PUBLIC_CHOICES)
    private_choices: list[SchoolCode] = Field(default_factory=list, max_length=MAX_PRIVATE_CHOICES)
    claims: Claims = Field(default_factory=Claims)


class AgeExceptionIn(StrictModel):
    """``POST /age-exceptions`` (bureau): the child of ``child_id_number`` may apply for ``grade`` in ``season``
    though older than the grade's range (BRIEF §5 E3); ``reason`` says why (e.g. 因病休学一年)."""

    season: Season
    grade: Grade
    child_id_number: IdNumber
    reason: Annotated[text(min_length=1, max_length=500), Field(examples=["因病推迟一年入学，有医院证明"])]


class AgeExceptionOut(BaseModel):
    """An age exception as recorded: ``child_id_number`` masked, ``recorded_by`` the bureau caller, and when."""

    id: int
    season: int
    grade: int
    child_id_number: str
    reason: str
    recorded_by: str
    recorded_at: datetime


class ApplicationBatchIn(StrictModel):
    """Items stay loose here so that one bad item is reported, not the whole batch refused."""

    items: list[dict[str, Any]] = Field(min_length=1, max_length=MAX_BATCH)


class ApplicationOut(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [examples.APPLICATION_OUT]})

    application_no: str
    season: int
    grade: int
    state: str  # submitted | withdrawn
    child: dict[str, Any]
    guardians: list[dict[str, Any]]
    township_code: str
    public_choices: list[str]
    private_choices: list[str]
    claims: dict[str, Any]
    submitted_at: datetime
    withdrawn_at: datetime | None
    version: int
    previous_application_no: str | None = None  # the withdrawn application this one follows (issue 17)
    next_application_no: str | None = None  # after a withdrawal: the child's application that followed


class BatchItemOut(BaseModel):
    index: int
    status: Literal["created", "duplicate", "rejected"]
    application_no: str | None = None
    existing_application_no: str | None = None
    code: str | None = None
    detail: str | None = None
    field: str | None = None
    errors: list[dict[str, str]] | None = None  # a refused item's fields with their rule codes (docs/api.md)


class BatchOut(BaseModel):
    created: int
    duplicates: int
    rejected: int
    items: list[BatchItemOut]


class Page(BaseModel):
    items: list[Any]
    next_cursor: str | None = None


# ---- runs, appeals -------------------------------------------------------------------------------------------

Seed = Annotated[Union[Annotated[int, Strict(), Field(ge=0, le=2**63)],
                       Annotated[str, Strict(), Field(min_length=1, max_length=100, pattern=r"^[\x21-\x7e]+$")]],
                 AfterValidator(str)]


class RunIn(StrictModel):
    """``POST /runs``: the seed is published with the round (lottery key = SHA-256 of ``"{seed}:{application_no}"``)."""

    season: Season
    grade: Grade
    mechanism: Mechanism = "deferred_acceptance"
    seed: Seed


class PublishIn(StrictModel):
    window_days: Annotated[int, Strict(), Field(ge=1, le=60)] | None = None


class RunOut(BaseModel):
    id: int
    season: int
    grade: int
    seq: int
    mechanism: str
    seed: str
    rulebook_id: str | None
    input_digest: str
    state: str
    window_ends_on: date | None
    window_calendar: Literal["official", "weekdays"] | None = Field(
        description="how the publication window was counted: official State Council arrangement, or "
                          "Monday–Friday for a year this build does not know; null before publication")
    counts: dict[str, Any]
    created_at: datetime
    published_at: datetime | None
    finalised_at: datetime | None
    superseded_by: int | None
    version: int
    code_version: str | None = Field(None, description="the code that placed the run: package version and the "
                                                         "engine's source hash")
    gate: dict[str, Any] | None = Field(None, description="publication gate: {passed, checked_at, checks: [{name, "
                                                          "passed, first, <numbers>}]} (issue 13)")
    certificate: dict[str, Any] | None = Field(None, description="stability certificate: {blocking_pairs, examples, "
                                                                 "required, method, cutoffs}")


class PlacementOut(BaseModel):
    run_id: int
    application_no: str
    placed: bool
    round: int | None
    school_code: str | None
    tier: int | None
    choice_rank: int | None
    purchased_seat: bool
    reason: str | None


class PlacementLookupOut(PlacementOut):
    run_state: str
    school_name: str | None
    window_ends_on: date | None


class DisputedFact(StrictModel):
    """A fact of one guardian the family disputes (issue 13): upholding the appeal asks the kind's department to
    check it again."""

    type: Literal["fact"]
    guardian_no: GuardianRef
    kind: KindCode


class DisputedRule(StrictModel):
    """A placement rule the family disputes (tiers, catchment, the tie chain...): nothing to re-check, the bureau
    re-runs."""

    type: Literal["placement_rule"]
    rule: RuleName


class AppealIn(StrictModel):
    run_id: RowId
    application_no: ApplicationNo
    reason: Reason
    disputes: Annotated[Union[DisputedFact, DisputedRule], Field(discriminator="type")] | None = None


class DecisionIn(StrictModel):
    decision: Literal["upheld", "rejected"]
    note: Note = ""
    # upholding: what the bureau found disputed (replaces what the family named; a fact is checked like at lodging)
    disputes: Annotated[Union[DisputedFact, DisputedRule], Field(discriminator="type")] | None = None


class AppealOut(BaseModel):
    id: int
    run_id: int
    application_no: str
    reason: str
    state: str  # lodged | upheld | rejected
    note: str | None
    lodged_at: datetime
    decided_at: datetime | None
    decided_by: str | None
    disputes: dict[str, Any] | None = None
    progress: Literal["waiting_for_department", "rescored", "ready_for_rerun", "included_in_run"] | None = None
    department: str | None = None
    recheck: dict[str, Any] | None = None
    score: dict[str, Any] | None = None
    included_run_id: int | None = None
    last_error: str | None = None


class OutboxStatus(BaseModel):
    """``pending`` = not yet delivered (``failing`` ⊆ pending: the last attempt failed); by topic as well."""

    pending: int
    delivered: int
    failing: int
    last_error: str | None
    topics: dict[str, dict[str, int]]


class StatusQueryIn(StrictModel):
    """Bulk status (issue 13): up to 1,000 application numbers; repeats are answered once."""

    application_nos: Annotated[list[ApplicationNo], Field(min_length=1, max_length=1000)]


class WebhookIn(StrictModel):
    """``POST /webhooks`` (issue 13): where to push the feed's events; ``after``: an event id to start after
    (default: the latest now, so only events from now on; 0: every event)."""

    url: Annotated[str, Strict(), Field(max_length=500, pattern=r"^https?://[^\s/?#]+[^\s]*$",
                                        description="http(s) URL that takes a POST of each event")]
    after: Annotated[int, Strict(), Field(ge=0, le=2**31 - 1)] | None = None


# ---- finding a child (enrollment.search) ------------------------------------------------------------------------

class SearchIn(StrictModel):
    """Bureau search: every given filter must match; ID number and phone match exactly (keyed hash)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"season": 2025, "child_id_number": examples.CHILD["id_number"]}, {"phone": "13805761234"}]})

    season: Annotated[int, Strict(), Field(ge=2000, le=2100)] | None = None
    grade: Grade | None = None
    application_no: ApplicationNo | None = None
    child_id_number: IdNumber | None = None
    phone: Phone | None = None
    school_code: SchoolCode | None = None
    township_code: TownshipCode | None = None
    state: Literal["submitted", "withdrawn"] | None = None
    limit: Annotated[int, Strict(), Field(ge=1, le=1000)] = 100
    cursor: Annotated[str, Strict()] | None = None  # common.paging checks it: 422 invalid_cursor


class LookupIn(StrictModel):
    """The platform's look-up of its own applications by the child's ID number."""

    child_id_number: IdNumber
    season: Annotated[int, Strict(), Field(ge=2000, le=2100)] | None = None


class SeatChangeIn(StrictModel):
    school_code: Annotated[str, Strict(), Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    grade: Grade
    change: Annotated[int, Strict(), Field(ge=-10_000, le=10_000, description="seats added (negative: removed)")]


class TownshipSeatsIn(StrictModel):
    township_code: Annotated[str, Strict(), Field(pattern=r"^[0-9]{9}$")]
    grade: Grade
    seats: Annotated[int, Strict(), Field(ge=0, le=10_000, description="extra public seats")]


class PlanningIn(StrictModel):
    """A planning what-if (issue 13): seat changes per school and grade, extra public seats per township and grade,
    and the semester whose tariffs cost the purchased seats (none: no cost)."""

    season: Annotated[int, Strict(), Field(ge=2000, le=2100)]
    semester: Annotated[str, Strict(), Field(min_length=1, max_length=32, pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]*$",
                                             examples=["2025-autumn"])] | None = None
    seats: Annotated[list[SeatChangeIn], Field(max_length=1000)] = []
    township_seats: Annotated[list[TownshipSeatsIn], Field(max_length=1000)] = []


attach_examples(globals(), examples.VALUES)  # every model's example (issue 17; enrollment/examples.py)
