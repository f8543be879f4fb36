from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PointsRentedHomeFacts")


@_attrs_define
class PointsRentedHomeFacts:
    """租赁备案 as the housing department holds it.

    Attributes:
        county_code (str): county code, 331003 = Huangyan
        lease_no (str):
        registered_on (datetime.date): ISO date YYYY-MM-DD
        tenure (Literal['rented']):
        township_code (None | str | Unset):
    """

    county_code: str
    lease_no: str
    registered_on: datetime.date
    tenure: Literal["rented"]
    township_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        county_code = self.county_code

        lease_no = self.lease_no

        registered_on = self.registered_on.isoformat()

        tenure = self.tenure

        township_code: None | str | Unset
        if isinstance(self.township_code, Unset):
            township_code = UNSET
        else:
            township_code = self.township_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "county_code": county_code,
                "lease_no": lease_no,
                "registered_on": registered_on,
                "tenure": tenure,
            }
        )
        if township_code is not UNSET:
            field_dict["township_code"] = township_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        county_code = d.pop("county_code")

        lease_no = d.pop("lease_no")

        registered_on = datetime.date.fromisoformat(d.pop("registered_on"))

        tenure = cast(Literal["rented"], d.pop("tenure"))
        if tenure != "rented":
            raise ValueError(f"tenure must match const 'rented', got '{tenure}'")

        def _parse_township_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        township_code = _parse_township_code(d.pop("township_code", UNSET))

        points_rented_home_facts = cls(
            county_code=county_code,
            lease_no=lease_no,
            registered_on=registered_on,
            tenure=tenure,
            township_code=township_code,
        )

        return points_rented_home_facts
