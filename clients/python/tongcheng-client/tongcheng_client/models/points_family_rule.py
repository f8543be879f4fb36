from __future__ import annotations

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

T = TypeVar("T", bound="PointsFamilyRule")


@_attrs_define
class PointsFamilyRule:
    """
    Attributes:
        combine (Literal['max_guardian'] | Unset):  Default: 'max_guardian'.
    """

    combine: Literal["max_guardian"] | Unset = "max_guardian"

    def to_dict(self) -> dict[str, Any]:
        combine = self.combine

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if combine is not UNSET:
            field_dict["combine"] = combine

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        combine = cast(Literal["max_guardian"] | Unset, d.pop("combine", UNSET))
        if combine != "max_guardian" and not isinstance(combine, Unset):
            raise ValueError(
                f"combine must match const 'max_guardian', got '{combine}'"
            )

        points_family_rule = cls(
            combine=combine,
        )

        return points_family_rule
