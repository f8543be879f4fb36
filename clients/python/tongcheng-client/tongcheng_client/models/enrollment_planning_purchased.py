from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.enrollment_purchased_by_school import EnrollmentPurchasedBySchool


T = TypeVar("T", bound="EnrollmentPlanningPurchased")


@_attrs_define
class EnrollmentPlanningPurchased:
    """
    Attributes:
        by_school (list[EnrollmentPurchasedBySchool]):
        seats (int):
        semester_cost (str):
    """

    by_school: list[EnrollmentPurchasedBySchool]
    seats: int
    semester_cost: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        by_school = []
        for by_school_item_data in self.by_school:
            by_school_item = by_school_item_data.to_dict()
            by_school.append(by_school_item)

        seats = self.seats

        semester_cost = self.semester_cost

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "by_school": by_school,
                "seats": seats,
                "semester_cost": semester_cost,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.enrollment_purchased_by_school import EnrollmentPurchasedBySchool

        d = dict(src_dict)
        by_school = []
        _by_school = d.pop("by_school")
        for by_school_item_data in _by_school:
            by_school_item = EnrollmentPurchasedBySchool.from_dict(by_school_item_data)

            by_school.append(by_school_item)

        seats = d.pop("seats")

        semester_cost = d.pop("semester_cost")

        enrollment_planning_purchased = cls(
            by_school=by_school,
            seats=seats,
            semester_cost=semester_cost,
        )

        enrollment_planning_purchased.additional_properties = d
        return enrollment_planning_purchased

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
