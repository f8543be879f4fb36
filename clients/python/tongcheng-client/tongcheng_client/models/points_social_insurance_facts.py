from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PointsSocialInsuranceFacts")


@_attrs_define
class PointsSocialInsuranceFacts:
    """社保 pension contributions as HR & social security hold them (back-payments excluded).

    Attributes:
        active_at_cutoff (bool):
        continuous_months (int):
        county_code (str): county code, 331003 = Huangyan
        since (datetime.date): ISO date YYYY-MM-DD
    """

    active_at_cutoff: bool
    continuous_months: int
    county_code: str
    since: datetime.date

    def to_dict(self) -> dict[str, Any]:
        active_at_cutoff = self.active_at_cutoff

        continuous_months = self.continuous_months

        county_code = self.county_code

        since = self.since.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "active_at_cutoff": active_at_cutoff,
                "continuous_months": continuous_months,
                "county_code": county_code,
                "since": since,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        active_at_cutoff = d.pop("active_at_cutoff")

        continuous_months = d.pop("continuous_months")

        county_code = d.pop("county_code")

        since = datetime.date.fromisoformat(d.pop("since"))

        points_social_insurance_facts = cls(
            active_at_cutoff=active_at_cutoff,
            continuous_months=continuous_months,
            county_code=county_code,
            since=since,
        )

        return points_social_insurance_facts
