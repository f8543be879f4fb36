from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="EnrollmentGuardian")


@_attrs_define
class EnrollmentGuardian:
    """
    Attributes:
        id_number (str): 居民身份证号码 (GB 11643)
        name (str):
        phone (str):
        relation (str):
    """

    id_number: str
    name: str
    phone: str
    relation: str

    def to_dict(self) -> dict[str, Any]:
        id_number = self.id_number

        name = self.name

        phone = self.phone

        relation = self.relation

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id_number": id_number,
                "name": name,
                "phone": phone,
                "relation": relation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id_number = d.pop("id_number")

        name = d.pop("name")

        phone = d.pop("phone")

        relation = d.pop("relation")

        enrollment_guardian = cls(
            id_number=id_number,
            name=name,
            phone=phone,
            relation=relation,
        )

        return enrollment_guardian
