from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FundingTotalRow")


@_attrs_define
class FundingTotalRow:
    """
    Attributes:
        adjustments (str): yuan, decimal string with 2 places
        due (str): yuan, decimal string with 2 places
        paid (str): yuan, decimal string with 2 places
        school_code (str):
        seats (int):
        semester (str):
        settlement_id (int):
        state (str):
        tariff (str): yuan, decimal string with 2 places
        total (str): yuan, decimal string with 2 places
    """

    adjustments: str
    due: str
    paid: str
    school_code: str
    seats: int
    semester: str
    settlement_id: int
    state: str
    tariff: str
    total: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        adjustments = self.adjustments

        due = self.due

        paid = self.paid

        school_code = self.school_code

        seats = self.seats

        semester = self.semester

        settlement_id = self.settlement_id

        state = self.state

        tariff = self.tariff

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "adjustments": adjustments,
                "due": due,
                "paid": paid,
                "school_code": school_code,
                "seats": seats,
                "semester": semester,
                "settlement_id": settlement_id,
                "state": state,
                "tariff": tariff,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        adjustments = d.pop("adjustments")

        due = d.pop("due")

        paid = d.pop("paid")

        school_code = d.pop("school_code")

        seats = d.pop("seats")

        semester = d.pop("semester")

        settlement_id = d.pop("settlement_id")

        state = d.pop("state")

        tariff = d.pop("tariff")

        total = d.pop("total")

        funding_total_row = cls(
            adjustments=adjustments,
            due=due,
            paid=paid,
            school_code=school_code,
            seats=seats,
            semester=semester,
            settlement_id=settlement_id,
            state=state,
            tariff=tariff,
            total=total,
        )

        funding_total_row.additional_properties = d
        return funding_total_row

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
