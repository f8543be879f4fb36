from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.points_child_age_rule_min_age import PointsChildAgeRuleMinAge


T = TypeVar("T", bound="PointsChildAgeRule")


@_attrs_define
class PointsChildAgeRule:
    """E3: the child's age in full years on ``on_month``/``on_day`` of the season year ≥ ``min_age[grade]``.

    Attributes:
        kind (Literal['child_age']):
        min_age (PointsChildAgeRuleMinAge):
        rule (str):
        on_day (int | Unset):  Default: 31.
        on_month (int | Unset):  Default: 8.
    """

    kind: Literal["child_age"]
    min_age: PointsChildAgeRuleMinAge
    rule: str
    on_day: int | Unset = 31
    on_month: int | Unset = 8

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        min_age = self.min_age.to_dict()

        rule = self.rule

        on_day = self.on_day

        on_month = self.on_month

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "min_age": min_age,
                "rule": rule,
            }
        )
        if on_day is not UNSET:
            field_dict["on_day"] = on_day
        if on_month is not UNSET:
            field_dict["on_month"] = on_month

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.points_child_age_rule_min_age import PointsChildAgeRuleMinAge

        d = dict(src_dict)
        kind = cast(Literal["child_age"], d.pop("kind"))
        if kind != "child_age":
            raise ValueError(f"kind must match const 'child_age', got '{kind}'")

        min_age = PointsChildAgeRuleMinAge.from_dict(d.pop("min_age"))

        rule = d.pop("rule")

        on_day = d.pop("on_day", UNSET)

        on_month = d.pop("on_month", UNSET)

        points_child_age_rule = cls(
            kind=kind,
            min_age=min_age,
            rule=rule,
            on_day=on_day,
            on_month=on_month,
        )

        return points_child_age_rule
