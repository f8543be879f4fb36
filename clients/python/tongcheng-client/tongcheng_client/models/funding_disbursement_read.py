from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FundingDisbursementRead")


@_attrs_define
class FundingDisbursementRead:
    """
    Attributes:
        amount (str): yuan, decimal string with 2 places
        id (int):
        ledger_seq (int):
        paid_on (datetime.date):
        recorded_at (datetime.datetime):
        recorded_by (str):
        reference (str):
        settlement_id (int):
    """

    amount: str
    id: int
    ledger_seq: int
    paid_on: datetime.date
    recorded_at: datetime.datetime
    recorded_by: str
    reference: str
    settlement_id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        id = self.id

        ledger_seq = self.ledger_seq

        paid_on = self.paid_on.isoformat()

        recorded_at = self.recorded_at.isoformat()

        recorded_by = self.recorded_by

        reference = self.reference

        settlement_id = self.settlement_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "id": id,
                "ledger_seq": ledger_seq,
                "paid_on": paid_on,
                "recorded_at": recorded_at,
                "recorded_by": recorded_by,
                "reference": reference,
                "settlement_id": settlement_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount")

        id = d.pop("id")

        ledger_seq = d.pop("ledger_seq")

        paid_on = datetime.date.fromisoformat(d.pop("paid_on"))

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        recorded_by = d.pop("recorded_by")

        reference = d.pop("reference")

        settlement_id = d.pop("settlement_id")

        funding_disbursement_read = cls(
            amount=amount,
            id=id,
            ledger_seq=ledger_seq,
            paid_on=paid_on,
            recorded_at=recorded_at,
            recorded_by=recorded_by,
            reference=reference,
            settlement_id=settlement_id,
        )

        funding_disbursement_read.additional_properties = d
        return funding_disbursement_read

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
