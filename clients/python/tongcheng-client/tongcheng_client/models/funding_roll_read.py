from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.funding_roll_confirmation_read import FundingRollConfirmationRead
    from ..models.funding_roll_counts import FundingRollCounts
    from ..models.funding_roll_entry_read import FundingRollEntryRead


T = TypeVar("T", bound="FundingRollRead")


@_attrs_define
class FundingRollRead:
    """A school's roll for a semester: counts, every confirmation (who, when), a page of its seats.

    Attributes:
        confirmations (list[FundingRollConfirmationRead]):
        counts (FundingRollCounts):
        items (list[FundingRollEntryRead]):
        next_cursor (None | str):
        school_code (str):
        semester (str):
        version (int):
    """

    confirmations: list[FundingRollConfirmationRead]
    counts: FundingRollCounts
    items: list[FundingRollEntryRead]
    next_cursor: None | str
    school_code: str
    semester: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        confirmations = []
        for confirmations_item_data in self.confirmations:
            confirmations_item = confirmations_item_data.to_dict()
            confirmations.append(confirmations_item)

        counts = self.counts.to_dict()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        next_cursor: None | str
        next_cursor = self.next_cursor

        school_code = self.school_code

        semester = self.semester

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "confirmations": confirmations,
                "counts": counts,
                "items": items,
                "next_cursor": next_cursor,
                "school_code": school_code,
                "semester": semester,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.funding_roll_confirmation_read import FundingRollConfirmationRead
        from ..models.funding_roll_counts import FundingRollCounts
        from ..models.funding_roll_entry_read import FundingRollEntryRead

        d = dict(src_dict)
        confirmations = []
        _confirmations = d.pop("confirmations")
        for confirmations_item_data in _confirmations:
            confirmations_item = FundingRollConfirmationRead.from_dict(
                confirmations_item_data
            )

            confirmations.append(confirmations_item)

        counts = FundingRollCounts.from_dict(d.pop("counts"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = FundingRollEntryRead.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        school_code = d.pop("school_code")

        semester = d.pop("semester")

        version = d.pop("version")

        funding_roll_read = cls(
            confirmations=confirmations,
            counts=counts,
            items=items,
            next_cursor=next_cursor,
            school_code=school_code,
            semester=semester,
            version=version,
        )

        funding_roll_read.additional_properties = d
        return funding_roll_read

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
