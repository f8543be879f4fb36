from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="VerificationGuardianIn")


@_attrs_define
class VerificationGuardianIn:
    """
    Attributes:
        guardian_no (int): 1 or 2: the guardian's position
        id_number (str): 居民身份证号码 (GB 11643)
        name (str):
    """

    guardian_no: int
    id_number: str
    name: str

    def to_dict(self) -> dict[str, Any]:
        guardian_no = self.guardian_no

        id_number = self.id_number

        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "guardian_no": guardian_no,
                "id_number": id_number,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        guardian_no = d.pop("guardian_no")

        id_number = d.pop("id_number")

        name = d.pop("name")

        verification_guardian_in = cls(
            guardian_no=guardian_no,
            id_number=id_number,
            name=name,
        )

        return verification_guardian_in
