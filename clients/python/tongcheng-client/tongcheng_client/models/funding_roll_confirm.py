from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.funding_leaver import FundingLeaver


T = TypeVar("T", bound="FundingRollConfirm")


@_attrs_define
class FundingRollConfirm:
    """Confirm a school's roll for a semester (at least one seat): ``attending`` seat ids (≤ 50 000) and
    ``left`` pupils (≤ 5 000).

        Attributes:
            attending (list[int] | Unset):
            left (list[FundingLeaver] | Unset):
    """

    attending: list[int] | Unset = UNSET
    left: list[FundingLeaver] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        attending: list[int] | Unset = UNSET
        if not isinstance(self.attending, Unset):
            attending = self.attending

        left: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.left, Unset):
            left = []
            for left_item_data in self.left:
                left_item = left_item_data.to_dict()
                left.append(left_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if attending is not UNSET:
            field_dict["attending"] = attending
        if left is not UNSET:
            field_dict["left"] = left

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.funding_leaver import FundingLeaver

        d = dict(src_dict)
        attending = cast(list[int], d.pop("attending", UNSET))

        _left = d.pop("left", UNSET)
        left: list[FundingLeaver] | Unset = UNSET
        if _left is not UNSET:
            left = []
            for left_item_data in _left:
                left_item = FundingLeaver.from_dict(left_item_data)

                left.append(left_item)

        funding_roll_confirm = cls(
            attending=attending,
            left=left,
        )

        return funding_roll_confirm
