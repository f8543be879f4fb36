from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FundingAdjustmentRead")


@_attrs_define
class FundingAdjustmentRead:
    """
    Attributes:
        amount_after (str): yuan, decimal string with 2 places
        amount_before (str): yuan, decimal string with 2 places
        corrected_end_date (datetime.date):
        days_after (int):
        days_before (int):
        delta (str): yuan, decimal string with 2 places
        id (int):
        ledger_seq (int):
        previous_end_date (datetime.date | None):
        reason (str):
        recorded_at (datetime.datetime):
        recorded_by (str):
        seat_id (int):
        settlement_id (int):
    """

    amount_after: str
    amount_before: str
    corrected_end_date: datetime.date
    days_after: int
    days_before: int
    delta: str
    id: int
    ledger_seq: int
    previous_end_date: datetime.date | None
    reason: str
    recorded_at: datetime.datetime
    recorded_by: str
    seat_id: int
    settlement_id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_after = self.amount_after

        amount_before = self.amount_before

        corrected_end_date = self.corrected_end_date.isoformat()

        days_after = self.days_after

        days_before = self.days_before

        delta = self.delta

        id = self.id

        ledger_seq = self.ledger_seq

        previous_end_date: None | str
        if isinstance(self.previous_end_date, datetime.date):
            previous_end_date = self.previous_end_date.isoformat()
        else:
            previous_end_date = self.previous_end_date

        reason = self.reason

        recorded_at = self.recorded_at.isoformat()

        recorded_by = self.recorded_by

        seat_id = self.seat_id

        settlement_id = self.settlement_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount_after": amount_after,
                "amount_before": amount_before,
                "corrected_end_date": corrected_end_date,
                "days_after": days_after,
                "days_before": days_before,
                "delta": delta,
                "id": id,
                "ledger_seq": ledger_seq,
                "previous_end_date": previous_end_date,
                "reason": reason,
                "recorded_at": recorded_at,
                "recorded_by": recorded_by,
                "seat_id": seat_id,
                "settlement_id": settlement_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount_after = d.pop("amount_after")

        amount_before = d.pop("amount_before")

        corrected_end_date = datetime.date.fromisoformat(d.pop("corrected_end_date"))

        days_after = d.pop("days_after")

        days_before = d.pop("days_before")

        delta = d.pop("delta")

        id = d.pop("id")

        ledger_seq = d.pop("ledger_seq")

        def _parse_previous_end_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_end_date_type_0 = datetime.date.fromisoformat(data)

                return previous_end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        previous_end_date = _parse_previous_end_date(d.pop("previous_end_date"))

        reason = d.pop("reason")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        recorded_by = d.pop("recorded_by")

        seat_id = d.pop("seat_id")

        settlement_id = d.pop("settlement_id")

        funding_adjustment_read = cls(
            amount_after=amount_after,
            amount_before=amount_before,
            corrected_end_date=corrected_end_date,
            days_after=days_after,
            days_before=days_before,
            delta=delta,
            id=id,
            ledger_seq=ledger_seq,
            previous_end_date=previous_end_date,
            reason=reason,
            recorded_at=recorded_at,
            recorded_by=recorded_by,
            seat_id=seat_id,
            settlement_id=settlement_id,
        )

        funding_adjustment_read.additional_properties = d
        return funding_adjustment_read

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
