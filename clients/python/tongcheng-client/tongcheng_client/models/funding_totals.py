from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.funding_semester_total import FundingSemesterTotal
    from ..models.funding_total_row import FundingTotalRow


T = TypeVar("T", bound="FundingTotals")


@_attrs_define
class FundingTotals:
    """
    Attributes:
        by_semester (list[FundingSemesterTotal]):
        items (list[FundingTotalRow]):
    """

    by_semester: list[FundingSemesterTotal]
    items: list[FundingTotalRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by_semester = []
        for by_semester_item_data in self.by_semester:
            by_semester_item = by_semester_item_data.to_dict()
            by_semester.append(by_semester_item)

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by_semester": by_semester,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.funding_semester_total import FundingSemesterTotal
        from ..models.funding_total_row import FundingTotalRow

        d = dict(src_dict)
        by_semester = []
        _by_semester = d.pop("by_semester")
        for by_semester_item_data in _by_semester:
            by_semester_item = FundingSemesterTotal.from_dict(by_semester_item_data)

            by_semester.append(by_semester_item)

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = FundingTotalRow.from_dict(items_item_data)

            items.append(items_item)

        funding_totals = cls(
            by_semester=by_semester,
            items=items,
        )

        funding_totals.additional_properties = d
        return funding_totals

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
