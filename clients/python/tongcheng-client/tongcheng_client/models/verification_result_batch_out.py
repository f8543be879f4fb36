from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.verification_batch_item_out import VerificationBatchItemOut


T = TypeVar("T", bound="VerificationResultBatchOut")


@_attrs_define
class VerificationResultBatchOut:
    """
    Attributes:
        items (list[VerificationBatchItemOut]):
        rejected (int):
        stored (int):
    """

    items: list[VerificationBatchItemOut]
    rejected: int
    stored: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        rejected = self.rejected

        stored = self.stored

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "rejected": rejected,
                "stored": stored,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.verification_batch_item_out import VerificationBatchItemOut

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = VerificationBatchItemOut.from_dict(items_item_data)

            items.append(items_item)

        rejected = d.pop("rejected")

        stored = d.pop("stored")

        verification_result_batch_out = cls(
            items=items,
            rejected=rejected,
            stored=stored,
        )

        verification_result_batch_out.additional_properties = d
        return verification_result_batch_out

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
