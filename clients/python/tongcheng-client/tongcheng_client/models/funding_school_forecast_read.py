from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.funding_school_forecast_read_tariff_source import (
    FundingSchoolForecastReadTariffSource,
)

T = TypeVar("T", bound="FundingSchoolForecastRead")


@_attrs_define
class FundingSchoolForecastRead:
    """
    Attributes:
        amount (str): seats × tariff, yuan
        completing (int): continuing seats whose last semester this is (top grade)
        continuing (int): seats started before the semester whose pupil is in the school's grades
        level (str):
        new_intake (int): seats from the season's private placements starting during the semester
        school_code (str):
        seats (int):
        tariff (None | str): yuan per pupil per semester
        tariff_source (FundingSchoolForecastReadTariffSource):
    """

    amount: str
    completing: int
    continuing: int
    level: str
    new_intake: int
    school_code: str
    seats: int
    tariff: None | str
    tariff_source: FundingSchoolForecastReadTariffSource
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        completing = self.completing

        continuing = self.continuing

        level = self.level

        new_intake = self.new_intake

        school_code = self.school_code

        seats = self.seats

        tariff: None | str
        tariff = self.tariff

        tariff_source = self.tariff_source.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "completing": completing,
                "continuing": continuing,
                "level": level,
                "new_intake": new_intake,
                "school_code": school_code,
                "seats": seats,
                "tariff": tariff,
                "tariff_source": tariff_source,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount")

        completing = d.pop("completing")

        continuing = d.pop("continuing")

        level = d.pop("level")

        new_intake = d.pop("new_intake")

        school_code = d.pop("school_code")

        seats = d.pop("seats")

        def _parse_tariff(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        tariff = _parse_tariff(d.pop("tariff"))

        tariff_source = FundingSchoolForecastReadTariffSource(d.pop("tariff_source"))

        funding_school_forecast_read = cls(
            amount=amount,
            completing=completing,
            continuing=continuing,
            level=level,
            new_intake=new_intake,
            school_code=school_code,
            seats=seats,
            tariff=tariff,
            tariff_source=tariff_source,
        )

        funding_school_forecast_read.additional_properties = d
        return funding_school_forecast_read

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
