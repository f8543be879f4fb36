from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.points_item_read_fact_type_0 import PointsItemReadFactType0


T = TypeVar("T", bound="PointsItemRead")


@_attrs_define
class PointsItemRead:
    """
    Attributes:
        cap (str):
        department (None | str):
        explanation (str): the reason in plain words, 中文 / English
        fact (None | PointsItemReadFactType0):
        item (str):
        points (str):
        raw (str):
        reason (str): stable code (ok, capped, pending, result_mismatch, dated_after_cutoff...)
        result_id (Any):
        working (None | str): the arithmetic of a counted item: "20.00 + 4 full years × 1.00 = 24.00", "150 months ×
            0.20 = 30.00, capped at 24.00", "fixed 40.00"; null when the item did not count
    """

    cap: str
    department: None | str
    explanation: str
    fact: None | PointsItemReadFactType0
    item: str
    points: str
    raw: str
    reason: str
    result_id: Any
    working: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.points_item_read_fact_type_0 import PointsItemReadFactType0

        cap = self.cap

        department: None | str
        department = self.department

        explanation = self.explanation

        fact: dict[str, Any] | None
        if isinstance(self.fact, PointsItemReadFactType0):
            fact = self.fact.to_dict()
        else:
            fact = self.fact

        item = self.item

        points = self.points

        raw = self.raw

        reason = self.reason

        result_id = self.result_id

        working: None | str
        working = self.working

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cap": cap,
                "department": department,
                "explanation": explanation,
                "fact": fact,
                "item": item,
                "points": points,
                "raw": raw,
                "reason": reason,
                "result_id": result_id,
                "working": working,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.points_item_read_fact_type_0 import PointsItemReadFactType0

        d = dict(src_dict)
        cap = d.pop("cap")

        def _parse_department(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        department = _parse_department(d.pop("department"))

        explanation = d.pop("explanation")

        def _parse_fact(data: object) -> None | PointsItemReadFactType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                fact_type_0 = PointsItemReadFactType0.from_dict(data)

                return fact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PointsItemReadFactType0, data)

        fact = _parse_fact(d.pop("fact"))

        item = d.pop("item")

        points = d.pop("points")

        raw = d.pop("raw")

        reason = d.pop("reason")

        result_id = d.pop("result_id")

        def _parse_working(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        working = _parse_working(d.pop("working"))

        points_item_read = cls(
            cap=cap,
            department=department,
            explanation=explanation,
            fact=fact,
            item=item,
            points=points,
            raw=raw,
            reason=reason,
            result_id=result_id,
            working=working,
        )

        points_item_read.additional_properties = d
        return points_item_read

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
