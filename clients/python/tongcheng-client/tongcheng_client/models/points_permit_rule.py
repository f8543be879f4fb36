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

T = TypeVar("T", bound="PointsPermitRule")


@_attrs_define
class PointsPermitRule:
    """E1: one guardian holds a residence permit in the county, valid at C, ≥ ``min_full_years`` full years.

    Attributes:
        kind (Literal['guardian_residence_permit']):
        rule (str):
        in_county (bool | Unset):  Default: True.
        min_full_years (int | Unset):  Default: 1.
        permit_valid (bool | Unset):  Default: True.
    """

    kind: Literal["guardian_residence_permit"]
    rule: str
    in_county: bool | Unset = True
    min_full_years: int | Unset = 1
    permit_valid: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        rule = self.rule

        in_county = self.in_county

        min_full_years = self.min_full_years

        permit_valid = self.permit_valid

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "rule": rule,
            }
        )
        if in_county is not UNSET:
            field_dict["in_county"] = in_county
        if min_full_years is not UNSET:
            field_dict["min_full_years"] = min_full_years
        if permit_valid is not UNSET:
            field_dict["permit_valid"] = permit_valid

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = cast(Literal["guardian_residence_permit"], d.pop("kind"))
        if kind != "guardian_residence_permit":
            raise ValueError(
                f"kind must match const 'guardian_residence_permit', got '{kind}'"
            )

        rule = d.pop("rule")

        in_county = d.pop("in_county", UNSET)

        min_full_years = d.pop("min_full_years", UNSET)

        permit_valid = d.pop("permit_valid", UNSET)

        points_permit_rule = cls(
            kind=kind,
            rule=rule,
            in_county=in_county,
            min_full_years=min_full_years,
            permit_valid=permit_valid,
        )

        return points_permit_rule
