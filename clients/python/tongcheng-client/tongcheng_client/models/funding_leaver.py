from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.funding_leaver_code import FundingLeaverCode
from ..types import UNSET, Unset

T = TypeVar("T", bound="FundingLeaver")


@_attrs_define
class FundingLeaver:
    """A pupil who left during the semester: ``left_on`` = the last day attended (paid to that day, inclusive);
    ``code``: private_school (转学; with ``to_school_code`` the new seat opens there the next day), public_school
    (插班: the seat ends that day), left_district, dropped_out.

        Attributes:
            code (FundingLeaverCode):
            left_on (datetime.date): ISO date YYYY-MM-DD
            seat_id (int):
            note (None | str | Unset):
            to_school_code (None | str | Unset):
    """

    code: FundingLeaverCode
    left_on: datetime.date
    seat_id: int
    note: None | str | Unset = UNSET
    to_school_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        code = self.code.value

        left_on = self.left_on.isoformat()

        seat_id = self.seat_id

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        to_school_code: None | str | Unset
        if isinstance(self.to_school_code, Unset):
            to_school_code = UNSET
        else:
            to_school_code = self.to_school_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "left_on": left_on,
                "seat_id": seat_id,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if to_school_code is not UNSET:
            field_dict["to_school_code"] = to_school_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = FundingLeaverCode(d.pop("code"))

        left_on = datetime.date.fromisoformat(d.pop("left_on"))

        seat_id = d.pop("seat_id")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_to_school_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        to_school_code = _parse_to_school_code(d.pop("to_school_code", UNSET))

        funding_leaver = cls(
            code=code,
            left_on=left_on,
            seat_id=seat_id,
            note=note,
            to_school_code=to_school_code,
        )

        return funding_leaver
