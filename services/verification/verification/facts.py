"""Facts of record per request kind (BRIEF §4 step 4, docs/api.md "Facts of record") and the field types they share
with the claims.

The facts union is discriminated by kind (:data:`FactsEnvelope`, :func:`parse_facts`); the housing facts are
themselves discriminated by ``tenure``. USCCs are checked for shape only: the market registry is the authority on a
code it holds, even one whose check character fails (issue 3).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any, Literal, Union

from pydantic import AfterValidator, BaseModel, BeforeValidator, Field, PlainSerializer, Strict, TypeAdapter, \
    ValidationError, model_validator

from common.ids import USCCShape
from common.schemas import Count, Day, Flag, PlainText, StrictModel
from common.townships import COUNTY_CODE, check_township
from verification.errors import FactsInvalid
from verification.rules import normalize_certificate_no

Kind = Literal["residence_permit", "social_insurance", "housing", "business_license"]
Outcome = Literal["confirmed", "mismatch", "not_found", "falsified"]
State = Literal["pending", "answered", "superseded"]
Department = Literal["police", "hrss", "housing", "market"]
_PERCENT_TEXT = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,2})?")


def _percent(value: Any) -> Decimal:
    if not isinstance(value, str):
        raise ValueError('a percentage is a decimal string such as "50.00", never a JSON number')
    if not _PERCENT_TEXT.fullmatch(value):  # Decimal() alone would take "1_0", " 50", full-width digits
        raise ValueError("a percentage is plain ASCII digits with at most 2 decimals, such as \"50.00\"")
    amount = Decimal(value)
    if not Decimal(0) < amount <= Decimal(100):
        raise ValueError("a share is more than 0 and at most 100 percent")
    return amount.quantize(Decimal("0.01"))


Percent = Annotated[Decimal, BeforeValidator(_percent), PlainSerializer(lambda d: f"{d:.2f}", return_type=str)]
"""A share in percent as a decimal string with 2 places (``"50.00"``), 0 < share <= 100."""

CountyCode = Annotated[str, Strict(), Field(pattern=r"^[0-9]{6}$", description="county code, 331003 = Huangyan")]
TownshipCode = Annotated[str, Strict(), Field(pattern=r"^[0-9]{9,12}$", description="township statistical code")]
CertificateNo = Annotated[PlainText, Field(min_length=1, max_length=80), AfterValidator(normalize_certificate_no)]
"""不动产权证书 number: opaque, no check digit; full-width brackets and digits are folded to ASCII, spaces dropped;
NUL and other control characters refused (422)."""
DocumentNo = Annotated[PlainText, Field(min_length=1, max_length=80, pattern=r"^\S(.*\S)?$")]
"""A document number (lease, 租赁备案号): no leading or trailing spaces; NUL and control characters refused."""


class _InCounty(StrictModel):
    """A township code must be one of Huangyan's when the record is in county 331003."""

    @model_validator(mode="after")
    def _township_in_county(self) -> "_InCounty":
        county, township = getattr(self, "county_code", None), getattr(self, "township_code", None)
        if township is not None and county == COUNTY_CODE:
            check_township(township)
        if township is not None and not township.startswith(county or ""):
            raise ValueError(f"township_code {township} is not in county {county}")
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
    continuous_months: Annotated[Count, Field(le=1200)]
    since: Day


class OwnedHomeFacts(_InCounty):
    tenure: Literal["owned"]
    certificate_no: CertificateNo
    share_percent: Percent
    acquired_on: Day
    county_code: CountyCode
    township_code: TownshipCode | None = None


class RentedHomeFacts(_InCounty):
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


class _FactsOf(BaseModel):
    """The facts union discriminated by kind: ``{"kind": ..., "facts": ...}`` (used to validate by request kind)."""

    kind: Kind


class ResidencePermitEnvelope(_FactsOf):
    kind: Literal["residence_permit"]
    facts: ResidencePermitFacts


class SocialInsuranceEnvelope(_FactsOf):
    kind: Literal["social_insurance"]
    facts: SocialInsuranceFacts


class HousingEnvelope(_FactsOf):
    kind: Literal["housing"]
    facts: HousingFacts


class BusinessLicenseEnvelope(_FactsOf):
    kind: Literal["business_license"]
    facts: BusinessLicenseFacts


FactsEnvelope = Annotated[Union[ResidencePermitEnvelope, SocialInsuranceEnvelope, HousingEnvelope,
                                BusinessLicenseEnvelope], Field(discriminator="kind")]
FACTS_ADAPTER: TypeAdapter[Any] = TypeAdapter(FactsEnvelope)


def parse_facts(kind: str, facts: Any) -> dict[str, Any]:
    """Type ``facts`` by the request's ``kind`` → JSON-ready dict, or 422 ``invalid_facts`` naming the first bad field
    (``facts.status``, ``facts.share_percent`` ...)."""
    try:
        envelope = FACTS_ADAPTER.validate_python({"kind": kind, "facts": facts})
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = [str(p) for p in err["loc"][1:] if p not in ("owned", "rented")]
        field = ".".join(loc) or "facts"
        raise FactsInvalid(f"{field}: {err['msg']}", field=field) from None
    return envelope.facts.model_dump(mode="json")

