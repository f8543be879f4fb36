from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FundingPupilLine")


@_attrs_define
class FundingPupilLine:
    """
    Attributes:
        adjustments (str): yuan, decimal string with 2 places
        amount (str): yuan, decimal string with 2 places
        days (int):
        school_code (str):
        seat_id (int):
        semester (str):
        semester_days (int):
        settlement_id (int):
        state (str):
    """

    adjustments: str
    amount: str
    days: int
    school_code: str
    seat_id: int
    semester: str
    semester_days: int
    settlement_id: int
    state: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adjustments = self.adjustments

        amount = self.amount

        days = self.days

        school_code = self.school_code

        seat_id = self.seat_id

        semester = self.semester

        semester_days = self.semester_days

        settlement_id = self.settlement_id

        state = self.state

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adjustments": adjustments,
                "amount": amount,
                "days": days,
                "school_code": school_code,
                "seat_id": seat_id,
                "semester": semester,
                "semester_days": semester_days,
                "settlement_id": settlement_id,
                "state": state,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        adjustments = d.pop("adjustments")

        amount = d.pop("amount")

        days = d.pop("days")

        school_code = d.pop("school_code")

        seat_id = d.pop("seat_id")

        semester = d.pop("semester")

        semester_days = d.pop("semester_days")

        settlement_id = d.pop("settlement_id")

        state = d.pop("state")

        funding_pupil_line = cls(
            adjustments=adjustments,
            amount=amount,
            days=days,
            school_code=school_code,
            seat_id=seat_id,
            semester=semester,
            semester_days=semester_days,
            settlement_id=settlement_id,
            state=state,
        )

        funding_pupil_line.additional_properties = d
        return funding_pupil_line

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
