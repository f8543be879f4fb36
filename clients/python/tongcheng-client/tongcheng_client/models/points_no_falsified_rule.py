from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

T = TypeVar("T", bound="PointsNoFalsifiedRule")


@_attrs_define
class PointsNoFalsifiedRule:
    """E4: no verification result of any guardian is ``falsified`` (a veto).

    Attributes:
        kind (Literal['no_falsified']):
        rule (str):
    """

    kind: Literal["no_falsified"]
    rule: str

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        rule = self.rule

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "rule": rule,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = cast(Literal["no_falsified"], d.pop("kind"))
        if kind != "no_falsified":
            raise ValueError(f"kind must match const 'no_falsified', got '{kind}'")

        rule = d.pop("rule")

        points_no_falsified_rule = cls(
            kind=kind,
            rule=rule,
        )

        return points_no_falsified_rule
