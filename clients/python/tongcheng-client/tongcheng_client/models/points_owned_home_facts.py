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

T = TypeVar("T", bound="PointsOwnedHomeFacts")


@_attrs_define
class PointsOwnedHomeFacts:
    """不动产权证书 as the housing / natural-resources registry holds it.

    Attributes:
        acquired_on (datetime.date): ISO date YYYY-MM-DD
        certificate_no (str):
        county_code (str): county code, 331003 = Huangyan
        share_percent (float | str):
        tenure (Literal['owned']):
        township_code (None | str | Unset):
    """

    acquired_on: datetime.date
    certificate_no: str
    county_code: str
    share_percent: float | str
    tenure: Literal["owned"]
    township_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        acquired_on = self.acquired_on.isoformat()

        certificate_no = self.certificate_no

        county_code = self.county_code

        share_percent: float | str
        share_percent = self.share_percent

        tenure = self.tenure

        township_code: None | str | Unset
        if isinstance(self.township_code, Unset):
            township_code = UNSET
        else:
            township_code = self.township_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "acquired_on": acquired_on,
                "certificate_no": certificate_no,
                "county_code": county_code,
                "share_percent": share_percent,
                "tenure": tenure,
            }
        )
        if township_code is not UNSET:
            field_dict["township_code"] = township_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        acquired_on = datetime.date.fromisoformat(d.pop("acquired_on"))

        certificate_no = d.pop("certificate_no")

        county_code = d.pop("county_code")

        def _parse_share_percent(data: object) -> float | str:
            return cast(float | str, data)

        share_percent = _parse_share_percent(d.pop("share_percent"))

        tenure = cast(Literal["owned"], d.pop("tenure"))
        if tenure != "owned":
            raise ValueError(f"tenure must match const 'owned', got '{tenure}'")

        def _parse_township_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        township_code = _parse_township_code(d.pop("township_code", UNSET))

        points_owned_home_facts = cls(
            acquired_on=acquired_on,
            certificate_no=certificate_no,
            county_code=county_code,
            share_percent=share_percent,
            tenure=tenure,
            township_code=township_code,
        )

        return points_owned_home_facts
