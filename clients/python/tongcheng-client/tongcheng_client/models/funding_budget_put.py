from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="FundingBudgetPut")


@_attrs_define
class FundingBudgetPut:
    """
    Attributes:
        appropriation (float | str):
    """

    appropriation: float | str

    def to_dict(self) -> dict[str, Any]:
        appropriation: float | str
        appropriation = self.appropriation

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "appropriation": appropriation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_appropriation(data: object) -> float | str:
            return cast(float | str, data)

        appropriation = _parse_appropriation(d.pop("appropriation"))

        funding_budget_put = cls(
            appropriation=appropriation,
        )

        return funding_budget_put
