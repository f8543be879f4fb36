from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.funding_school_forecast_read import FundingSchoolForecastRead


T = TypeVar("T", bound="FundingSemesterForecastRead")


@_attrs_define
class FundingSemesterForecastRead:
    """
    Attributes:
        amount (str):
        ends_on (datetime.date):
        schools (list[FundingSchoolForecastRead]):
        seats (int):
        semester (str):
        starts_on (datetime.date):
    """

    amount: str
    ends_on: datetime.date
    schools: list[FundingSchoolForecastRead]
    seats: int
    semester: str
    starts_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        ends_on = self.ends_on.isoformat()

        schools = []
        for schools_item_data in self.schools:
            schools_item = schools_item_data.to_dict()
            schools.append(schools_item)

        seats = self.seats

        semester = self.semester

        starts_on = self.starts_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "ends_on": ends_on,
                "schools": schools,
                "seats": seats,
                "semester": semester,
                "starts_on": starts_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.funding_school_forecast_read import FundingSchoolForecastRead

        d = dict(src_dict)
        amount = d.pop("amount")

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        schools = []
        _schools = d.pop("schools")
        for schools_item_data in _schools:
            schools_item = FundingSchoolForecastRead.from_dict(schools_item_data)

            schools.append(schools_item)

        seats = d.pop("seats")

        semester = d.pop("semester")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        funding_semester_forecast_read = cls(
            amount=amount,
            ends_on=ends_on,
            schools=schools,
            seats=seats,
            semester=semester,
            starts_on=starts_on,
        )

        funding_semester_forecast_read.additional_properties = d
        return funding_semester_forecast_read

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
