from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="FundingAdjustmentCreate")


@_attrs_define
class FundingAdjustmentCreate:
    """A correction to an approved settlement for one seat: the pupil's corrected last day (the day before the
    seat started = never attended).

        Attributes:
            corrected_end_date (datetime.date): ISO date YYYY-MM-DD
            reason (str):
            seat_id (int):
            settlement_id (int):
    """

    corrected_end_date: datetime.date
    reason: str
    seat_id: int
    settlement_id: int

    def to_dict(self) -> dict[str, Any]:
        corrected_end_date = self.corrected_end_date.isoformat()

        reason = self.reason

        seat_id = self.seat_id

        settlement_id = self.settlement_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "corrected_end_date": corrected_end_date,
                "reason": reason,
                "seat_id": seat_id,
                "settlement_id": settlement_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        corrected_end_date = datetime.date.fromisoformat(d.pop("corrected_end_date"))

        reason = d.pop("reason")

        seat_id = d.pop("seat_id")

        settlement_id = d.pop("settlement_id")

        funding_adjustment_create = cls(
            corrected_end_date=corrected_end_date,
            reason=reason,
            seat_id=seat_id,
            settlement_id=settlement_id,
        )

        return funding_adjustment_create
