from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FundingSemesterTotal")


@_attrs_define
class FundingSemesterTotal:
    """
    Attributes:
        approved_total (str): approved and paid settlements, with their adjustments
        draft_total (str): yuan, decimal string with 2 places
        due (str): yuan, decimal string with 2 places
        paid (str): yuan, decimal string with 2 places
        schools (int):
        seats (int):
        semester (str):
    """

    approved_total: str
    draft_total: str
    due: str
    paid: str
    schools: int
    seats: int
    semester: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approved_total = self.approved_total

        draft_total = self.draft_total

        due = self.due

        paid = self.paid

        schools = self.schools

        seats = self.seats

        semester = self.semester

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approved_total": approved_total,
                "draft_total": draft_total,
                "due": due,
                "paid": paid,
                "schools": schools,
                "seats": seats,
                "semester": semester,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        approved_total = d.pop("approved_total")

        draft_total = d.pop("draft_total")

        due = d.pop("due")

        paid = d.pop("paid")

        schools = d.pop("schools")

        seats = d.pop("seats")

        semester = d.pop("semester")

        funding_semester_total = cls(
            approved_total=approved_total,
            draft_total=draft_total,
            due=due,
            paid=paid,
            schools=schools,
            seats=seats,
            semester=semester,
        )

        funding_semester_total.additional_properties = d
        return funding_semester_total

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
