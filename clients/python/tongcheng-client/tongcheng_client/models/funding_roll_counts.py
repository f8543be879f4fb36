from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FundingRollCounts")


@_attrs_define
class FundingRollCounts:
    """
    Attributes:
        attends (int):
        awaiting (int):
        expected (int): the school's seats that meet the semester in its grades
        left (int):
    """

    attends: int
    awaiting: int
    expected: int
    left: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attends = self.attends

        awaiting = self.awaiting

        expected = self.expected

        left = self.left

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attends": attends,
                "awaiting": awaiting,
                "expected": expected,
                "left": left,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        attends = d.pop("attends")

        awaiting = d.pop("awaiting")

        expected = d.pop("expected")

        left = d.pop("left")

        funding_roll_counts = cls(
            attends=attends,
            awaiting=awaiting,
            expected=expected,
            left=left,
        )

        funding_roll_counts.additional_properties = d
        return funding_roll_counts

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
