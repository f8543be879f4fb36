from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.funding_pupil_roll_status import FundingPupilRollStatus

T = TypeVar("T", bound="FundingPupilRoll")


@_attrs_define
class FundingPupilRoll:
    """A seat's roll status for one semester (在校确认); ``awaiting`` until a confirmation names it.

    Attributes:
        code (None | str):
        confirmation_id (int | None):
        confirmed_at (datetime.datetime | None):
        confirmed_by (None | str):
        confirmed_role (None | str):
        ledger_seq (int | None):
        left_on (datetime.date | None):
        school_code (str):
        seat_id (int):
        semester (str):
        status (FundingPupilRollStatus):
    """

    code: None | str
    confirmation_id: int | None
    confirmed_at: datetime.datetime | None
    confirmed_by: None | str
    confirmed_role: None | str
    ledger_seq: int | None
    left_on: datetime.date | None
    school_code: str
    seat_id: int
    semester: str
    status: FundingPupilRollStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code: None | str
        code = self.code

        confirmation_id: int | None
        confirmation_id = self.confirmation_id

        confirmed_at: None | str
        if isinstance(self.confirmed_at, datetime.datetime):
            confirmed_at = self.confirmed_at.isoformat()
        else:
            confirmed_at = self.confirmed_at

        confirmed_by: None | str
        confirmed_by = self.confirmed_by

        confirmed_role: None | str
        confirmed_role = self.confirmed_role

        ledger_seq: int | None
        ledger_seq = self.ledger_seq

        left_on: None | str
        if isinstance(self.left_on, datetime.date):
            left_on = self.left_on.isoformat()
        else:
            left_on = self.left_on

        school_code = self.school_code

        seat_id = self.seat_id

        semester = self.semester

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "confirmation_id": confirmation_id,
                "confirmed_at": confirmed_at,
                "confirmed_by": confirmed_by,
                "confirmed_role": confirmed_role,
                "ledger_seq": ledger_seq,
                "left_on": left_on,
                "school_code": school_code,
                "seat_id": seat_id,
                "semester": semester,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        code = _parse_code(d.pop("code"))

        def _parse_confirmation_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        confirmation_id = _parse_confirmation_id(d.pop("confirmation_id"))

        def _parse_confirmed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                confirmed_at_type_0 = datetime.datetime.fromisoformat(data)

                return confirmed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        confirmed_at = _parse_confirmed_at(d.pop("confirmed_at"))

        def _parse_confirmed_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        confirmed_by = _parse_confirmed_by(d.pop("confirmed_by"))

        def _parse_confirmed_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        confirmed_role = _parse_confirmed_role(d.pop("confirmed_role"))

        def _parse_ledger_seq(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        ledger_seq = _parse_ledger_seq(d.pop("ledger_seq"))

        def _parse_left_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                left_on_type_0 = datetime.date.fromisoformat(data)

                return left_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        left_on = _parse_left_on(d.pop("left_on"))

        school_code = d.pop("school_code")

        seat_id = d.pop("seat_id")

        semester = d.pop("semester")

        status = FundingPupilRollStatus(d.pop("status"))

        funding_pupil_roll = cls(
            code=code,
            confirmation_id=confirmation_id,
            confirmed_at=confirmed_at,
            confirmed_by=confirmed_by,
            confirmed_role=confirmed_role,
            ledger_seq=ledger_seq,
            left_on=left_on,
            school_code=school_code,
            seat_id=seat_id,
            semester=semester,
            status=status,
        )

        funding_pupil_roll.additional_properties = d
        return funding_pupil_roll

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
