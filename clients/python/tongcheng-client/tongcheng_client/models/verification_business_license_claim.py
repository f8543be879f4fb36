from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="VerificationBusinessLicenseClaim")


@_attrs_define
class VerificationBusinessLicenseClaim:
    """
    Attributes:
        guardian_no (int): 1 or 2: the guardian this names (its guardian_no)
        uscc (str):
    """

    guardian_no: int
    uscc: str

    def to_dict(self) -> dict[str, Any]:
        guardian_no = self.guardian_no

        uscc = self.uscc

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "guardian_no": guardian_no,
                "uscc": uscc,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        guardian_no = d.pop("guardian_no")

        uscc = d.pop("uscc")

        verification_business_license_claim = cls(
            guardian_no=guardian_no,
            uscc=uscc,
        )

        return verification_business_license_claim
