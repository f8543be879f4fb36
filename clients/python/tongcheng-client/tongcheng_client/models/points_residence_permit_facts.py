from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.points_residence_permit_facts_status import (
    PointsResidencePermitFactsStatus,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="PointsResidencePermitFacts")


@_attrs_define
class PointsResidencePermitFacts:
    """浙江省居住证 as the police hold it.

    Attributes:
        continuous_since (datetime.date): ISO date YYYY-MM-DD
        county_code (str): county code, 331003 = Huangyan
        issued_on (datetime.date): ISO date YYYY-MM-DD
        status (PointsResidencePermitFactsStatus):
        township_code (None | str | Unset):
    """

    continuous_since: datetime.date
    county_code: str
    issued_on: datetime.date
    status: PointsResidencePermitFactsStatus
    township_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        continuous_since = self.continuous_since.isoformat()

        county_code = self.county_code

        issued_on = self.issued_on.isoformat()

        status = self.status.value

        township_code: None | str | Unset
        if isinstance(self.township_code, Unset):
            township_code = UNSET
        else:
            township_code = self.township_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "continuous_since": continuous_since,
                "county_code": county_code,
                "issued_on": issued_on,
                "status": status,
            }
        )
        if township_code is not UNSET:
            field_dict["township_code"] = township_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        continuous_since = datetime.date.fromisoformat(d.pop("continuous_since"))

        county_code = d.pop("county_code")

        issued_on = datetime.date.fromisoformat(d.pop("issued_on"))

        status = PointsResidencePermitFactsStatus(d.pop("status"))

        def _parse_township_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        township_code = _parse_township_code(d.pop("township_code", UNSET))

        points_residence_permit_facts = cls(
            continuous_since=continuous_since,
            county_code=county_code,
            issued_on=issued_on,
            status=status,
            township_code=township_code,
        )

        return points_residence_permit_facts
