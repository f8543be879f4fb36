from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.points_item_read import PointsItemRead


T = TypeVar("T", bound="PointsGuardianRead")


@_attrs_define
class PointsGuardianRead:
    """
    Attributes:
        counts (bool): the total takes part in the family score: true when the family is eligible
        guardian_no (int):
        items (list[PointsItemRead]):
        note (None | str): what the guardian or the family misses ("does not meet E1: ..."); null when the guardian
            meets every guardian rule of an eligible family
        total (str):
    """

    counts: bool
    guardian_no: int
    items: list[PointsItemRead]
    note: None | str
    total: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        counts = self.counts

        guardian_no = self.guardian_no

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        note: None | str
        note = self.note

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "counts": counts,
                "guardian_no": guardian_no,
                "items": items,
                "note": note,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.points_item_read import PointsItemRead

        d = dict(src_dict)
        counts = d.pop("counts")

        guardian_no = d.pop("guardian_no")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = PointsItemRead.from_dict(items_item_data)

            items.append(items_item)

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        total = d.pop("total")

        points_guardian_read = cls(
            counts=counts,
            guardian_no=guardian_no,
            items=items,
            note=note,
            total=total,
        )

        points_guardian_read.additional_properties = d
        return points_guardian_read

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
