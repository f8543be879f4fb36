from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EnrollmentPlanningTotals")


@_attrs_define
class EnrollmentPlanningTotals:
    """
    Attributes:
        missing_tariffs (list[str]):
        seats (int):
        semester_cost (str):
    """

    missing_tariffs: list[str]
    seats: int
    semester_cost: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        missing_tariffs = self.missing_tariffs

        seats = self.seats

        semester_cost = self.semester_cost

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "missing_tariffs": missing_tariffs,
                "seats": seats,
                "semester_cost": semester_cost,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        missing_tariffs = cast(list[str], d.pop("missing_tariffs"))

        seats = d.pop("seats")

        semester_cost = d.pop("semester_cost")

        enrollment_planning_totals = cls(
            missing_tariffs=missing_tariffs,
            seats=seats,
            semester_cost=semester_cost,
        )

        enrollment_planning_totals.additional_properties = d
        return enrollment_planning_totals

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
