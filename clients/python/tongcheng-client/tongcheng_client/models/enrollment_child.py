from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="EnrollmentChild")


@_attrs_define
class EnrollmentChild:
    """
    Attributes:
        birth_date (datetime.date): ISO date YYYY-MM-DD
        id_number (str): 居民身份证号码 (GB 11643)
        name (str):
    """

    birth_date: datetime.date
    id_number: str
    name: str

    def to_dict(self) -> dict[str, Any]:
        birth_date = self.birth_date.isoformat()

        id_number = self.id_number

        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "birth_date": birth_date,
                "id_number": id_number,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        birth_date = datetime.date.fromisoformat(d.pop("birth_date"))

        id_number = d.pop("id_number")

        name = d.pop("name")

        enrollment_child = cls(
            birth_date=birth_date,
            id_number=id_number,
            name=name,
        )

        return enrollment_child
