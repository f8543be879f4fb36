from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.funding_seat_end_code_type_0 import FundingSeatEndCodeType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="FundingSeatEnd")


@_attrs_define
class FundingSeatEnd:
    """The pupil's last day (inclusive) and why: ``code`` public_school (插班: placed mid-year in a public school,
    the seat ends that day), left_district, dropped_out, private_school (prefer the transfer, which opens the new
    seat), other (the default).

        Attributes:
            end_date (datetime.date): ISO date YYYY-MM-DD
            reason (str):
            code (FundingSeatEndCodeType0 | None | Unset):
    """

    end_date: datetime.date
    reason: str
    code: FundingSeatEndCodeType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        end_date = self.end_date.isoformat()

        reason = self.reason

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        elif isinstance(self.code, FundingSeatEndCodeType0):
            code = self.code.value
        else:
            code = self.code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "end_date": end_date,
                "reason": reason,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        end_date = datetime.date.fromisoformat(d.pop("end_date"))

        reason = d.pop("reason")

        def _parse_code(data: object) -> FundingSeatEndCodeType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                code_type_0 = FundingSeatEndCodeType0(data)

                return code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FundingSeatEndCodeType0 | None | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        funding_seat_end = cls(
            end_date=end_date,
            reason=reason,
            code=code,
        )

        return funding_seat_end
