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

T = TypeVar("T", bound="EnrollmentDisputedRule")


@_attrs_define
class EnrollmentDisputedRule:
    """A placement rule the family disputes (tiers, catchment, the tie chain...): nothing to re-check, the bureau
    re-runs.

        Attributes:
            rule (str):
            type_ (Literal['placement_rule']):
    """

    rule: str
    type_: Literal["placement_rule"]

    def to_dict(self) -> dict[str, Any]:
        rule = self.rule

        type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "rule": rule,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        rule = d.pop("rule")

        type_ = cast(Literal["placement_rule"], d.pop("type"))
        if type_ != "placement_rule":
            raise ValueError(f"type must match const 'placement_rule', got '{type_}'")

        enrollment_disputed_rule = cls(
            rule=rule,
            type_=type_,
        )

        return enrollment_disputed_rule
