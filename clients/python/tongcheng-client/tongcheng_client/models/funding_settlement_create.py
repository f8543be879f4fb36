from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="FundingSettlementCreate")


@_attrs_define
class FundingSettlementCreate:
    """
    Attributes:
        school_code (str):
        semester (str):
    """

    school_code: str
    semester: str

    def to_dict(self) -> dict[str, Any]:
        school_code = self.school_code

        semester = self.semester

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "school_code": school_code,
                "semester": semester,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        school_code = d.pop("school_code")

        semester = d.pop("semester")

        funding_settlement_create = cls(
            school_code=school_code,
            semester=semester,
        )

        return funding_settlement_create
