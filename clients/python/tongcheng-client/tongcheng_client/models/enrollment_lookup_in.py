from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EnrollmentLookupIn")


@_attrs_define
class EnrollmentLookupIn:
    """The platform's look-up of its own applications by the child's ID number.

    Attributes:
        child_id_number (str): 居民身份证号码 (GB 11643)
        season (int | None | Unset):
    """

    child_id_number: str
    season: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        child_id_number = self.child_id_number

        season: int | None | Unset
        if isinstance(self.season, Unset):
            season = UNSET
        else:
            season = self.season

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "child_id_number": child_id_number,
            }
        )
        if season is not UNSET:
            field_dict["season"] = season

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        child_id_number = d.pop("child_id_number")

        def _parse_season(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        season = _parse_season(d.pop("season", UNSET))

        enrollment_lookup_in = cls(
            child_id_number=child_id_number,
            season=season,
        )

        return enrollment_lookup_in
