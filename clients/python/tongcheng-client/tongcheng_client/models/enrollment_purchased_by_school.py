from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EnrollmentPurchasedBySchool")


@_attrs_define
class EnrollmentPurchasedBySchool:
    """
    Attributes:
        cost (None | str):
        school_code (str):
        seats (int):
        tariff (None | str):
    """

    cost: None | str
    school_code: str
    seats: int
    tariff: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cost: None | str
        cost = self.cost

        school_code = self.school_code

        seats = self.seats

        tariff: None | str
        tariff = self.tariff

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cost": cost,
                "school_code": school_code,
                "seats": seats,
                "tariff": tariff,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_cost(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        cost = _parse_cost(d.pop("cost"))

        school_code = d.pop("school_code")

        seats = d.pop("seats")

        def _parse_tariff(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tariff = _parse_tariff(d.pop("tariff"))

        enrollment_purchased_by_school = cls(
            cost=cost,
            school_code=school_code,
            seats=seats,
            tariff=tariff,
        )

        enrollment_purchased_by_school.additional_properties = d
        return enrollment_purchased_by_school

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
