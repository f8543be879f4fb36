from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.verification_result_batch_in_items_item import (
        VerificationResultBatchInItemsItem,
    )


T = TypeVar("T", bound="VerificationResultBatchIn")


@_attrs_define
class VerificationResultBatchIn:
    """Items stay loose dicts here so that one bad item is reported, not the whole batch refused.

    Attributes:
        items (list[VerificationResultBatchInItemsItem]):
    """

    items: list[VerificationResultBatchInItemsItem]

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.verification_result_batch_in_items_item import (
            VerificationResultBatchInItemsItem,
        )

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = VerificationResultBatchInItemsItem.from_dict(items_item_data)

            items.append(items_item)

        verification_result_batch_in = cls(
            items=items,
        )

        return verification_result_batch_in
