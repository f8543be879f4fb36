from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FundingSeatTransfer")


@_attrs_define
class FundingSeatTransfer:
    """
    Attributes:
        on (datetime.date): ISO date YYYY-MM-DD
        to_school_code (str):
        reason (None | str | Unset):
    """

    on: datetime.date
    to_school_code: str
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        on = self.on.isoformat()

        to_school_code = self.to_school_code

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "on": on,
                "to_school_code": to_school_code,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        on = datetime.date.fromisoformat(d.pop("on"))

        to_school_code = d.pop("to_school_code")

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        funding_seat_transfer = cls(
            on=on,
            to_school_code=to_school_code,
            reason=reason,
        )

        return funding_seat_transfer
