from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.funding_handover_item_status import FundingHandoverItemStatus

T = TypeVar("T", bound="FundingHandoverItem")


@_attrs_define
class FundingHandoverItem:
    """
    Attributes:
        application_no (str):
        school_code (str):
        seat_id (int):
        start_date (datetime.date):
        status (FundingHandoverItemStatus):
    """

    application_no: str
    school_code: str
    seat_id: int
    start_date: datetime.date
    status: FundingHandoverItemStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_no = self.application_no

        school_code = self.school_code

        seat_id = self.seat_id

        start_date = self.start_date.isoformat()

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_no": application_no,
                "school_code": school_code,
                "seat_id": seat_id,
                "start_date": start_date,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        application_no = d.pop("application_no")

        school_code = d.pop("school_code")

        seat_id = d.pop("seat_id")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        status = FundingHandoverItemStatus(d.pop("status"))

        funding_handover_item = cls(
            application_no=application_no,
            school_code=school_code,
            seat_id=seat_id,
            start_date=start_date,
            status=status,
        )

        funding_handover_item.additional_properties = d
        return funding_handover_item

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
