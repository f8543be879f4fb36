from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="FundingDisbursementCreate")


@_attrs_define
class FundingDisbursementCreate:
    """拨付: the payment reference, the amount (must equal the amount due) and the day paid.

    Attributes:
        amount (float | str):
        paid_on (datetime.date): ISO date YYYY-MM-DD
        reference (str):
    """

    amount: float | str
    paid_on: datetime.date
    reference: str

    def to_dict(self) -> dict[str, Any]:
        amount: float | str
        amount = self.amount

        paid_on = self.paid_on.isoformat()

        reference = self.reference

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "paid_on": paid_on,
                "reference": reference,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_amount(data: object) -> float | str:
            return cast(float | str, data)

        amount = _parse_amount(d.pop("amount"))

        paid_on = datetime.date.fromisoformat(d.pop("paid_on"))

        reference = d.pop("reference")

        funding_disbursement_create = cls(
            amount=amount,
            paid_on=paid_on,
            reference=reference,
        )

        return funding_disbursement_create
