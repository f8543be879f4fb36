from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.points_item_rule_kind import PointsItemRuleKind
from ..models.points_item_rule_unit import PointsItemRuleUnit
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.points_item_conditions import PointsItemConditions


T = TypeVar("T", bound="PointsItemRule")


@_attrs_define
class PointsItemRule:
    """One row of the per-guardian table: raw = fixed + rate × units (``full_year``: full years since the fact's
    date to C; ``month``: continuous months; ``none``: fixed only), points = min(raw, cap).

        Attributes:
            cap (float | str):
            kind (PointsItemRuleKind):
            conditions (PointsItemConditions | Unset): When an item counts. Omitted: ``in_county``, ``permit_valid``,
                ``active_at_cutoff`` are true; the rest are
                not checked. A condition that does not apply to the item's kind is refused (422).
            fixed (float | str | Unset):  Default: 0.0.
            item (None | str | Unset): name in the breakdown (default: the kind)
            rate (float | str | Unset):  Default: 0.0.
            unit (PointsItemRuleUnit | Unset):  Default: PointsItemRuleUnit.NONE.
    """

    cap: float | str
    kind: PointsItemRuleKind
    conditions: PointsItemConditions | Unset = UNSET
    fixed: float | str | Unset = 0.0
    item: None | str | Unset = UNSET
    rate: float | str | Unset = 0.0
    unit: PointsItemRuleUnit | Unset = PointsItemRuleUnit.NONE

    def to_dict(self) -> dict[str, Any]:
        cap: float | str
        cap = self.cap

        kind = self.kind.value

        conditions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.conditions, Unset):
            conditions = self.conditions.to_dict()

        fixed: float | str | Unset
        if isinstance(self.fixed, Unset):
            fixed = UNSET
        else:
            fixed = self.fixed

        item: None | str | Unset
        if isinstance(self.item, Unset):
            item = UNSET
        else:
            item = self.item

        rate: float | str | Unset
        if isinstance(self.rate, Unset):
            rate = UNSET
        else:
            rate = self.rate

        unit: str | Unset = UNSET
        if not isinstance(self.unit, Unset):
            unit = self.unit.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "cap": cap,
                "kind": kind,
            }
        )
        if conditions is not UNSET:
            field_dict["conditions"] = conditions
        if fixed is not UNSET:
            field_dict["fixed"] = fixed
        if item is not UNSET:
            field_dict["item"] = item
        if rate is not UNSET:
            field_dict["rate"] = rate
        if unit is not UNSET:
            field_dict["unit"] = unit

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.points_item_conditions import PointsItemConditions

        d = dict(src_dict)

        def _parse_cap(data: object) -> float | str:
            return cast(float | str, data)

        cap = _parse_cap(d.pop("cap"))

        kind = PointsItemRuleKind(d.pop("kind"))

        _conditions = d.pop("conditions", UNSET)
        conditions: PointsItemConditions | Unset
        if isinstance(_conditions, Unset):
            conditions = UNSET
        else:
            conditions = PointsItemConditions.from_dict(_conditions)

        def _parse_fixed(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        fixed = _parse_fixed(d.pop("fixed", UNSET))

        def _parse_item(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        item = _parse_item(d.pop("item", UNSET))

        def _parse_rate(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        rate = _parse_rate(d.pop("rate", UNSET))

        _unit = d.pop("unit", UNSET)
        unit: PointsItemRuleUnit | Unset
        if isinstance(_unit, Unset):
            unit = UNSET
        else:
            unit = PointsItemRuleUnit(_unit)

        points_item_rule = cls(
            cap=cap,
            kind=kind,
            conditions=conditions,
            fixed=fixed,
            item=item,
            rate=rate,
            unit=unit,
        )

        return points_item_rule
