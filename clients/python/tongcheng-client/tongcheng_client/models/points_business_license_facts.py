from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.points_business_license_facts_entity_type import (
    PointsBusinessLicenseFactsEntityType,
)
from ..models.points_business_license_facts_status import (
    PointsBusinessLicenseFactsStatus,
)

T = TypeVar("T", bound="PointsBusinessLicenseFacts")


@_attrs_define
class PointsBusinessLicenseFacts:
    """营业执照 as the market registry holds it; the USCC is checked for shape only (the registry is the authority).

    Attributes:
        county_code (str): county code, 331003 = Huangyan
        entity_type (PointsBusinessLicenseFactsEntityType):
        established_on (datetime.date): ISO date YYYY-MM-DD
        holder_is_guardian (bool):
        status (PointsBusinessLicenseFactsStatus):
        uscc (str):
    """

    county_code: str
    entity_type: PointsBusinessLicenseFactsEntityType
    established_on: datetime.date
    holder_is_guardian: bool
    status: PointsBusinessLicenseFactsStatus
    uscc: str

    def to_dict(self) -> dict[str, Any]:
        county_code = self.county_code

        entity_type = self.entity_type.value

        established_on = self.established_on.isoformat()

        holder_is_guardian = self.holder_is_guardian

        status = self.status.value

        uscc = self.uscc

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "county_code": county_code,
                "entity_type": entity_type,
                "established_on": established_on,
                "holder_is_guardian": holder_is_guardian,
                "status": status,
                "uscc": uscc,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        county_code = d.pop("county_code")

        entity_type = PointsBusinessLicenseFactsEntityType(d.pop("entity_type"))

        established_on = datetime.date.fromisoformat(d.pop("established_on"))

        holder_is_guardian = d.pop("holder_is_guardian")

        status = PointsBusinessLicenseFactsStatus(d.pop("status"))

        uscc = d.pop("uscc")

        points_business_license_facts = cls(
            county_code=county_code,
            entity_type=entity_type,
            established_on=established_on,
            holder_is_guardian=holder_is_guardian,
            status=status,
            uscc=uscc,
        )

        return points_business_license_facts
