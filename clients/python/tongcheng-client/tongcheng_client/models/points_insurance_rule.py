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

from ..types import UNSET, Unset

T = TypeVar("T", bound="PointsInsuranceRule")


@_attrs_define
class PointsInsuranceRule:
    """E2: the same guardian has social insurance in the county, active at C, ≥ ``min_months`` continuous months.

    Attributes:
        kind (Literal['guardian_social_insurance']):
        rule (str):
        active_at_cutoff (bool | Unset):  Default: True.
        in_county (bool | Unset):  Default: True.
        min_months (int | Unset):  Default: 12.
    """

    kind: Literal["guardian_social_insurance"]
    rule: str
    active_at_cutoff: bool | Unset = True
    in_county: bool | Unset = True
    min_months: int | Unset = 12

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        rule = self.rule

        active_at_cutoff = self.active_at_cutoff

        in_county = self.in_county

        min_months = self.min_months

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "rule": rule,
            }
        )
        if active_at_cutoff is not UNSET:
            field_dict["active_at_cutoff"] = active_at_cutoff
        if in_county is not UNSET:
            field_dict["in_county"] = in_county
        if min_months is not UNSET:
            field_dict["min_months"] = min_months

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = cast(Literal["guardian_social_insurance"], d.pop("kind"))
        if kind != "guardian_social_insurance":
            raise ValueError(
                f"kind must match const 'guardian_social_insurance', got '{kind}'"
            )

        rule = d.pop("rule")

        active_at_cutoff = d.pop("active_at_cutoff", UNSET)

        in_county = d.pop("in_county", UNSET)

        min_months = d.pop("min_months", UNSET)

        points_insurance_rule = cls(
            kind=kind,
            rule=rule,
            active_at_cutoff=active_at_cutoff,
            in_county=in_county,
            min_months=min_months,
        )

        return points_insurance_rule
