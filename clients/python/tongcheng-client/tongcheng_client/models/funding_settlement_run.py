from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="FundingSettlementRun")


@_attrs_define
class FundingSettlementRun:
    """
    Attributes:
        semester (str):
    """

    semester: str

    def to_dict(self) -> dict[str, Any]:
        semester = self.semester

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "semester": semester,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        semester = d.pop("semester")

        funding_settlement_run = cls(
            semester=semester,
        )

        return funding_settlement_run
