from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.funding_settlement_read import FundingSettlementRead
    from ..models.funding_skipped_school import FundingSkippedSchool


T = TypeVar("T", bound="FundingRunResult")


@_attrs_define
class FundingRunResult:
    """
    Attributes:
        drafted (list[FundingSettlementRead]):
        semester (str):
        skipped (list[FundingSkippedSchool]):
    """

    drafted: list[FundingSettlementRead]
    semester: str
    skipped: list[FundingSkippedSchool]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        drafted = []
        for drafted_item_data in self.drafted:
            drafted_item = drafted_item_data.to_dict()
            drafted.append(drafted_item)

        semester = self.semester

        skipped = []
        for skipped_item_data in self.skipped:
            skipped_item = skipped_item_data.to_dict()
            skipped.append(skipped_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "drafted": drafted,
                "semester": semester,
                "skipped": skipped,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.funding_settlement_read import FundingSettlementRead
        from ..models.funding_skipped_school import FundingSkippedSchool

        d = dict(src_dict)
        drafted = []
        _drafted = d.pop("drafted")
        for drafted_item_data in _drafted:
            drafted_item = FundingSettlementRead.from_dict(drafted_item_data)

            drafted.append(drafted_item)

        semester = d.pop("semester")

        skipped = []
        _skipped = d.pop("skipped")
        for skipped_item_data in _skipped:
            skipped_item = FundingSkippedSchool.from_dict(skipped_item_data)

            skipped.append(skipped_item)

        funding_run_result = cls(
            drafted=drafted,
            semester=semester,
            skipped=skipped,
        )

        funding_run_result.additional_properties = d
        return funding_run_result

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
