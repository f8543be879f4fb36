from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="EnrollmentPlanIn")


@_attrs_define
class EnrollmentPlanIn:
    """
    Attributes:
        planned (int):
    """

    planned: int

    def to_dict(self) -> dict[str, Any]:
        planned = self.planned

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "planned": planned,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        planned = d.pop("planned")

        enrollment_plan_in = cls(
            planned=planned,
        )

        return enrollment_plan_in
