from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FundingSemesterRead")


@_attrs_define
class FundingSemesterRead:
    """
    Attributes:
        code (str):
        created_at (datetime.datetime):
        created_by (str):
        days (int):
        ends_on (datetime.date):
        name (str):
        starts_on (datetime.date):
    """

    code: str
    created_at: datetime.datetime
    created_by: str
    days: int
    ends_on: datetime.date
    name: str
    starts_on: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        created_at = self.created_at.isoformat()

        created_by = self.created_by

        days = self.days

        ends_on = self.ends_on.isoformat()

        name = self.name

        starts_on = self.starts_on.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "created_at": created_at,
                "created_by": created_by,
                "days": days,
                "ends_on": ends_on,
                "name": name,
                "starts_on": starts_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = d.pop("created_by")

        days = d.pop("days")

        ends_on = datetime.date.fromisoformat(d.pop("ends_on"))

        name = d.pop("name")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        funding_semester_read = cls(
            code=code,
            created_at=created_at,
            created_by=created_by,
            days=days,
            ends_on=ends_on,
            name=name,
            starts_on=starts_on,
        )

        funding_semester_read.additional_properties = d
        return funding_semester_read

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
