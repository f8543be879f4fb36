"""The suite's one vocabulary of partner departments, the kinds of fact they verify, the facts of record of each kind
and the claims a family makes (BRIEF §2, §4 steps 3–5; docs/api.md "Facts of record").

Everything that names a department or a fact kind reads it from here: the caller roles (:mod:`common.identity`),
verification's requests, queues and facts, points' fact fields and what-if facts, enrollment's claims, the stub
departments, the demo credentials, the staff accounts and the ``tongcheng`` command. The rules about them stay
with their services: which requests a case needs and whether an answer fits (``verification.rules``), how a fact
scores (``points.rules``, ``points.kinds``), how a stub department answers (``tongcheng.registry``).

**Adding a department** is one :class:`Department` row in :data:`DEPARTMENT_TABLE` and a :class:`FactKind` row in
:data:`FACT_KIND_TABLE` with its facts model (and its claim model when families claim it); then its rules where the
rules live. ``tests/suite/test_vocabulary.py`` adds one in a copy of this file and checks every consumer takes it.

Facts of record are typed per kind (:func:`parse_facts`, 422 naming ``facts.<field>``); the housing facts and
claims are discriminated by ``tenure``. A township code must lie in its county and, in Huangyan (331003), be one
of its townships; social insurance months are at most 1,200. USCCs are checked for shape only: the market
registry is the authority on a code it holds, even one whose check character fails (issue 3).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import AfterValidator, BaseModel, BeforeValidator, Field, PlainSerializer, Strict, TypeAdapter, \
    ValidationError, create_model, model_validator

from common.errors import pydantic_errors
from common.examples import attach as attach_examples
from common.ids import USCCShape
from common.refusals import refuse
from common.schemas import Count, Day, Flag, GuardianRef, StrictModel, text
from common.townships import COUNTY_CODE, check_township

# ---- field types shared by facts and claims ------------------------------------------------------------------

_PERCENT_TEXT = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,2})?")


def _percent(value: Any) -> Decimal:
    if not isinstance(value, str):
        raise refuse("percent_format", 'a percentage is a decimal string such as "50.00", never a JSON number')
    if not _PERCENT_TEXT.fullmatch(value):  # Decimal() alone would take "1_0", " 50", full-width digits
        raise refuse("percent_format", "a percentage is plain ASCII digits with at most 2 decimals, such as \"50.00\"")
    amount = Decimal(value)
    if not Decimal(0) < amount <= Decimal(100):
        raise refuse("percent_format", "a share is more than 0 and at most 100 percent")
    return amount.quantize(Decimal("0.01"))


Percent = Annotated[Decimal, BeforeValidator(_percent), PlainSerializer(lambda d: f"{d:.2f}", return_type=str)]
"""A share in percent as a decimal string with 2 places (``"50.00"``), 0 < share <= 100."""

CountyCode = Annotated[str, Strict(), Field(pattern=r"^[0-9]{6}$", description="county code, 331003 = Huangyan")]
TownshipCode = Annotated[str, Strict(), Field(pattern=r"^[0-9]{9,12}$", description="township statistical code")]


def normalize_certificate_no(value: str) -> str:
    """不动产权证书号 are opaque: fold full-width brackets and digits to ASCII (NFKC) and drop all spaces, so
    ``浙（2021）黄岩区不动产权第０００１２３４号`` and ``浙(2021)黄岩区不动产权第0001234号`` compare equal."""
    folded = unicodedata.normalize("NFKC", value)
    folded = "".join(folded.split())  # every whitespace character dropped (split() cuts at str.isspace())
    if not folded:
        raise refuse("text_characters", "certificate_no is empty")
    return folded


CertificateNo = Annotated[text(min_length=1, max_length=80), AfterValidator(normalize_certificate_no)]
"""不动产权证书 number: opaque, no check digit; full-width brackets and digits are folded to ASCII, spaces dropped;
NUL and other control characters refused (422)."""
DocumentNo = text(min_length=1, max_length=80, pattern=r"^\S(.*\S)?$")
"""A document number (lease, 租赁备案号): no leading or trailing spaces; NUL and control characters refused."""
Months = Annotated[Count, Field(le=1200)]
"""Continuous months of contributions: 0–1,200 (a hundred years)."""


class _InCounty(StrictModel):
    """A township code lies in its county and, in Huangyan (331003), is one of its townships."""

    @model_validator(mode="after")
    def _township_in_county(self) -> "_InCounty":
        county, township = getattr(self, "county_code", None), getattr(self, "township_code", None)
        if township is not None and not township.startswith(county or ""):
            raise refuse("township_county", f"township_code {township} is not in county {county}")
        if township is not None and county == COUNTY_CODE:
            check_township(township)
        return self


# ---- facts of record, per kind -------------------------------------------------------------------------------

class ResidencePermitFacts(_InCounty):
    """浙江省居住证 as the police hold it."""

    county_code: CountyCode
    status: Literal["valid", "suspended"]
    issued_on: Day
    continuous_since: Day
    township_code: TownshipCode | None = None


class SocialInsuranceFacts(StrictModel):
    """社保 pension contributions as HR & social security hold them (back-payments excluded)."""

    county_code: CountyCode
    active_at_cutoff: Flag
    continuous_months: Months
    since: Day


class OwnedHomeFacts(_InCounty):
    """不动产权证书 as the housing / natural-resources registry holds it."""

    tenure: Literal["owned"]
    certificate_no: CertificateNo
    share_percent: Percent
    acquired_on: Day
    county_code: CountyCode
    township_code: TownshipCode | None = None


class RentedHomeFacts(_InCounty):
    """租赁备案 as the housing department holds it."""

    tenure: Literal["rented"]
    lease_no: DocumentNo
    registered_on: Day
    county_code: CountyCode
    township_code: TownshipCode | None = None


HousingFacts = Annotated[Union[OwnedHomeFacts, RentedHomeFacts], Field(discriminator="tenure")]


class BusinessLicenseFacts(StrictModel):
    """营业执照 as the market registry holds it; the USCC is checked for shape only (the registry is the authority)."""

    uscc: USCCShape
    entity_type: Literal["individual", "company"]
    county_code: CountyCode
    status: Literal["active", "revoked", "cancelled"]
    established_on: Day
    holder_is_guardian: Flag


# ---- claims, per kind a family claims (``guardian_no`` = the guardian's position) -----------------------------

class OwnedHomeClaim(StrictModel):
    guardian_no: GuardianRef
    tenure: Literal["owned"]
    certificate_no: CertificateNo
    share_percent: Percent


class RentedHomeClaim(StrictModel):
    guardian_no: GuardianRef
    tenure: Literal["rented"]
    lease_no: DocumentNo


HousingClaim = Annotated[Union[OwnedHomeClaim, RentedHomeClaim], Field(discriminator="tenure")]


class BusinessLicenseClaim(StrictModel):
    guardian_no: GuardianRef
    uscc: USCCShape


# ---- the vocabulary ------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Department:
    """A partner department: ``code`` as roles, requests and credentials name it (``dept-<code>``), its names, and
    how a sentence names it (``said_zh`` / ``said_en``: points' explanations, "the police has not verified ..."; its
    names when not given)."""

    code: str
    name_zh: str
    name_en: str
    said_zh: str = ""
    said_en: str = ""

    @property
    def in_sentence(self) -> tuple[str, str]:
        """(中文, English) as a sentence names the department."""
        return self.said_zh or self.name_zh, self.said_en or self.name_en

    @property
    def name(self) -> str:
        """``公安 Police``."""
        return f"{self.name_zh} {self.name_en}"


@dataclass(frozen=True)
class FactKind:
    """A kind of fact one department verifies for each guardian.

    ``facts``: the model of its facts of record; ``fields``: their names in a fixed order (points' facts digest
    covers exactly these, in this order); ``dates``: the fields that are dates of record. ``claim``: the model of
    one guardian's claim, or ``None`` when the kind is asked of every guardian without a claim; ``claim_fields``:
    the claim's fields a ``confirmed`` answer repeats."""

    code: str
    department: str
    name_zh: str
    name_en: str
    facts: Any
    fields: tuple[str, ...]
    dates: tuple[str, ...]
    claim: Any = None
    claim_fields: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """``居住证 residence permit``."""
        return f"{self.name_zh} {self.name_en}"

    @property
    def claimed(self) -> bool:
        return self.claim is not None


DEPARTMENT_TABLE: list[Department] = [
    Department("police", "公安", "Police", said_en="the police"),
    Department("hrss", "人社", "HR & social security", said_zh="人力社保"),
    Department("housing", "住建", "Housing", said_zh="住建/自然资源部门", said_en="the housing department"),
    Department("market", "市场监管", "Market supervision", said_en="market supervision"),
]

FACT_KIND_TABLE: list[FactKind] = [
    FactKind("residence_permit", "police", "居住证", "residence permit", ResidencePermitFacts,
             ("county_code", "status", "issued_on", "continuous_since", "township_code"),
             ("issued_on", "continuous_since")),
    FactKind("social_insurance", "hrss", "社保缴费", "social insurance", SocialInsuranceFacts,
             ("county_code", "active_at_cutoff", "continuous_months", "since"), ("since",)),
    FactKind("housing", "housing", "住房", "housing", HousingFacts,
             ("tenure", "certificate_no", "share_percent", "acquired_on", "lease_no", "registered_on", "county_code",
              "township_code"), ("acquired_on", "registered_on"),
             claim=HousingClaim, claim_fields=("tenure", "certificate_no", "share_percent", "lease_no")),
    FactKind("business_license", "market", "营业执照", "business licence", BusinessLicenseFacts,
             ("uscc", "entity_type", "county_code", "status", "established_on", "holder_is_guardian"),
             ("established_on",), claim=BusinessLicenseClaim, claim_fields=("uscc",)),
]

DEPARTMENTS: tuple[str, ...] = tuple(d.code for d in DEPARTMENT_TABLE)
"""Department codes in table order (``police``, ``hrss``, ``housing``, ``market``)."""
DEPARTMENT_BY_CODE: dict[str, Department] = {d.code: d for d in DEPARTMENT_TABLE}
FACT_KINDS: dict[str, FactKind] = {k.code: k for k in FACT_KIND_TABLE}
KINDS: tuple[str, ...] = tuple(FACT_KINDS)
"""Fact kinds in table order: a case's requests are planned by guardian, then in this order."""
DEPARTMENT_OF: dict[str, str] = {k.code: k.department for k in FACT_KIND_TABLE}
"""kind → the department that verifies it."""
KINDS_OF: dict[str, tuple[str, ...]] = {d: tuple(k for k in KINDS if DEPARTMENT_OF[k] == d) for d in DEPARTMENTS}
"""department → the kinds it verifies."""
ALWAYS: tuple[str, ...] = tuple(k.code for k in FACT_KIND_TABLE if not k.claimed)
"""Kinds asked of every guardian; the others only where a family claims them."""
CLAIMED: tuple[str, ...] = tuple(k.code for k in FACT_KIND_TABLE if k.claimed)
FACT_FIELDS: dict[str, tuple[str, ...]] = {k.code: k.fields for k in FACT_KIND_TABLE}
FACT_DATES: tuple[str, ...] = tuple(dict.fromkeys(d for k in FACT_KIND_TABLE for d in k.dates))
"""Every field that is a date of record, in any kind."""
CLAIM_FIELDS: dict[str, tuple[str, ...]] = {k.code: k.claim_fields for k in FACT_KIND_TABLE}

DepartmentCode = Literal[DEPARTMENTS]  # type: ignore[valid-type]
KindCode = Literal[KINDS]  # type: ignore[valid-type]
Outcome = Literal["confirmed", "mismatch", "not_found", "falsified"]
OUTCOMES: tuple[str, ...] = get_args(Outcome)

MAX_CLAIMS = 2  # one claim per guardian and kind, two guardians at most
Claims = create_model(
    "Claims", __base__=StrictModel, __doc__="What a family claims, per claimed kind: one claim per guardian.",
    **{k.code: (list[k.claim], Field(default_factory=list, max_length=MAX_CLAIMS)) for k in FACT_KIND_TABLE
       if k.claimed})
"""``{housing: [HousingClaim], business_license: [BusinessLicenseClaim]}``: one field per claimed kind (a list of at
most two claims, default empty). Enrollment takes it with an application and verification with a case."""

_FACTS_ADAPTERS: dict[str, TypeAdapter[Any]] = {k.code: TypeAdapter(k.facts) for k in FACT_KIND_TABLE}


class FactsError(ValueError):
    """Facts that do not fit their kind's model: ``field`` the dotted field (``facts.share_percent``), ``errors``
    each refused field with its rule code (:func:`common.errors.pydantic_errors`)."""

    def __init__(self, message: str, field: str, errors: list[dict[str, str]] | None = None):
        super().__init__(message)
        self.field = field
        self.errors = errors


def _facts_field(loc: tuple) -> str:
    """``facts.share_percent`` from a loc (a housing record's ``owned`` / ``rented`` tag left out)."""
    return ".".join(["facts", *(str(p) for p in loc if p not in ("owned", "rented"))])


def parse_facts(kind: str, facts: Any) -> dict[str, Any]:
    """Type ``facts`` by ``kind`` → JSON-ready dict, or :class:`FactsError` naming the first bad field
    (``facts.status``, ``facts.share_percent`` ...; a housing record's ``owned`` / ``rented`` tag left out)."""
    try:
        model = _FACTS_ADAPTERS[kind].validate_python(facts)
    except KeyError:
        raise FactsError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}", field="kind") from None
    except ValidationError as exc:
        errors = pydantic_errors(exc.errors(), field_of=_facts_field)
        first = errors[0]
        raise FactsError(f"{first['field']}: {first['message']}", field=first["field"], errors=errors) from None
    return model.model_dump(mode="json")


def what_if_facts_model(base: type[BaseModel] = StrictModel) -> type[BaseModel]:
    """The facts a what-if takes for one guardian: per kind its facts model, optional; a claimed kind (homes,
    licences) may be a list of records. The same models as :func:`parse_facts`, so the two refuse alike."""
    fields: dict[str, Any] = {}
    for k in FACT_KIND_TABLE:
        fields[k.code] = (Union[k.facts, list[k.facts], None] if k.claimed else Union[k.facts, None], None)
    return create_model("WhatIfFacts", __base__=base, **fields)


def _variants(kind: str) -> tuple[type[BaseModel], ...]:
    """The facts models of ``kind``: one, or one per ``tenure`` for housing."""
    facts = FACT_KINDS[kind].facts
    return get_args(get_args(facts)[0]) if get_args(facts) else (facts,)


def fact_inputs(kind: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """The fields of ``kind``'s facts as a form asks them, in :data:`FACT_FIELDS` order: ``(name, shape, choices)``
    with shape ``date`` / ``number`` / ``flag`` / ``text`` and the allowed values of a closed field (every
    ``tenure``'s values for housing), read from the facts models."""
    out = []
    for name in FACT_FIELDS[kind]:
        shape, choices = "text", []
        for model in _variants(kind):
            if name not in model.model_fields:
                continue
            annotation = model.model_fields[name].annotation
            args = [a for a in get_args(annotation) if a is not type(None)] if get_origin(annotation) is Union \
                else [annotation]
            base = args[0]
            if get_origin(base) is Literal:
                choices += [c for c in get_args(base) if c not in choices]
            elif base is date:
                shape = "date"
            elif base is bool:
                shape = "flag"
            elif base is int:
                shape = "number"
        out.append((name, shape, tuple(choices)))
    return out


def _check_table() -> None:
    """Refuse, at import, a table whose rows disagree: unknown departments, repeated codes, declared fields or dates
    that are not the facts model's."""
    if len(DEPARTMENTS) != len(DEPARTMENT_TABLE) or len(KINDS) != len(FACT_KIND_TABLE):
        raise RuntimeError("a department or fact kind code repeats in common.vocabulary")
    for k in FACT_KIND_TABLE:
        if k.department not in DEPARTMENT_BY_CODE:
            raise RuntimeError(f"fact kind {k.code} names unknown department {k.department}")
        declared = {name for m in _variants(k.code) for name in m.model_fields}
        if set(k.fields) != declared or not set(k.dates) <= declared:
            raise RuntimeError(f"fact kind {k.code}: fields {k.fields} / dates {k.dates} are not its model's "
                               f"{sorted(declared)}")


_check_table()


attach_examples(globals(), {})  # facts and claims: the family of common.examples (issue 17)
