from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.funding_pupil import FundingPupil


T = TypeVar("T", bound="FundingLineRead")


@_attrs_define
class FundingLineRead:
    """
    Attributes:
        amount (str): yuan, decimal string with 2 places
        application_no (str):
        days (int):
        pupil (FundingPupil):
        seat_id (int):
        semester_days (int):
    """

    amount: str
    application_no: str
    days: int
    pupil: FundingPupil
    seat_id: int
    semester_days: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        application_no = self.application_no

        days = self.days

        pupil = self.pupil.to_dict()

        seat_id = self.seat_id

        semester_days = self.semester_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "application_no": application_no,
                "days": days,
                "pupil": pupil,
                "seat_id": seat_id,
                "semester_days": semester_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.funding_pupil import FundingPupil

        d = dict(src_dict)
        amount = d.pop("amount")

        application_no = d.pop("application_no")

        days = d.pop("days")

        pupil = FundingPupil.from_dict(d.pop("pupil"))

        seat_id = d.pop("seat_id")

        semester_days = d.pop("semester_days")

        funding_line_read = cls(
            amount=amount,
            application_no=application_no,
            days=days,
            pupil=pupil,
            seat_id=seat_id,
            semester_days=semester_days,
        )

        funding_line_read.additional_properties = d
        return funding_line_read

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
