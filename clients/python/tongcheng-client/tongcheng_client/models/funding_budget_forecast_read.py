from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FundingBudgetForecastRead")


@_attrs_define
class FundingBudgetForecastRead:
    """
    Attributes:
        appropriation (None | str):
        forecast (str):
        remaining (None | str): appropriation − settled − forecast
        settled (str): approved and paid settlements (with adjustments) of the year's other semesters
        year (int):
    """

    appropriation: None | str
    forecast: str
    remaining: None | str
    settled: str
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        appropriation: None | str
        appropriation = self.appropriation

        forecast = self.forecast

        remaining: None | str
        remaining = self.remaining

        settled = self.settled

        year = self.year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appropriation": appropriation,
                "forecast": forecast,
                "remaining": remaining,
                "settled": settled,
                "year": year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_appropriation(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        appropriation = _parse_appropriation(d.pop("appropriation"))

        forecast = d.pop("forecast")

        def _parse_remaining(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        remaining = _parse_remaining(d.pop("remaining"))

        settled = d.pop("settled")

        year = d.pop("year")

        funding_budget_forecast_read = cls(
            appropriation=appropriation,
            forecast=forecast,
            remaining=remaining,
            settled=settled,
            year=year,
        )

        funding_budget_forecast_read.additional_properties = d
        return funding_budget_forecast_read

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
