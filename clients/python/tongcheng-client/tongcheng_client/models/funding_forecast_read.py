from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.funding_budget_forecast_read import FundingBudgetForecastRead
    from ..models.funding_semester_forecast_read import FundingSemesterForecastRead


T = TypeVar("T", bound="FundingForecastRead")


@_attrs_define
class FundingForecastRead:
    """Next school year's cost (BRIEF §8): per semester and school, and against each budget year it touches.

    Attributes:
        budget (list[FundingBudgetForecastRead]):
        school_year (int):
        semesters (list[FundingSemesterForecastRead]):
        total (str):
    """

    budget: list[FundingBudgetForecastRead]
    school_year: int
    semesters: list[FundingSemesterForecastRead]
    total: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        budget = []
        for budget_item_data in self.budget:
            budget_item = budget_item_data.to_dict()
            budget.append(budget_item)

        school_year = self.school_year

        semesters = []
        for semesters_item_data in self.semesters:
            semesters_item = semesters_item_data.to_dict()
            semesters.append(semesters_item)

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "budget": budget,
                "school_year": school_year,
                "semesters": semesters,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.funding_budget_forecast_read import FundingBudgetForecastRead
        from ..models.funding_semester_forecast_read import FundingSemesterForecastRead

        d = dict(src_dict)
        budget = []
        _budget = d.pop("budget")
        for budget_item_data in _budget:
            budget_item = FundingBudgetForecastRead.from_dict(budget_item_data)

            budget.append(budget_item)

        school_year = d.pop("school_year")

        semesters = []
        _semesters = d.pop("semesters")
        for semesters_item_data in _semesters:
            semesters_item = FundingSemesterForecastRead.from_dict(semesters_item_data)

            semesters.append(semesters_item)

        total = d.pop("total")

        funding_forecast_read = cls(
            budget=budget,
            school_year=school_year,
            semesters=semesters,
            total=total,
        )

        funding_forecast_read.additional_properties = d
        return funding_forecast_read

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
