from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.funding_roll_entry_read_status import FundingRollEntryReadStatus

if TYPE_CHECKING:
    from ..models.funding_pupil import FundingPupil


T = TypeVar("T", bound="FundingRollEntryRead")


@_attrs_define
class FundingRollEntryRead:
    """
    Attributes:
        application_no (str):
        code (None | str):
        end_date (datetime.date | None):
        grade (int): the pupil's grade this semester
        left_on (datetime.date | None):
        pupil (FundingPupil):
        seat_id (int):
        start_date (datetime.date):
        status (FundingRollEntryReadStatus):
    """

    application_no: str
    code: None | str
    end_date: datetime.date | None
    grade: int
    left_on: datetime.date | None
    pupil: FundingPupil
    seat_id: int
    start_date: datetime.date
    status: FundingRollEntryReadStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_no = self.application_no

        code: None | str
        code = self.code

        end_date: None | str
        if isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        grade = self.grade

        left_on: None | str
        if isinstance(self.left_on, datetime.date):
            left_on = self.left_on.isoformat()
        else:
            left_on = self.left_on

        pupil = self.pupil.to_dict()

        seat_id = self.seat_id

        start_date = self.start_date.isoformat()

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_no": application_no,
                "code": code,
                "end_date": end_date,
                "grade": grade,
                "left_on": left_on,
                "pupil": pupil,
                "seat_id": seat_id,
                "start_date": start_date,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.funding_pupil import FundingPupil

        d = dict(src_dict)
        application_no = d.pop("application_no")

        def _parse_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        code = _parse_code(d.pop("code"))

        def _parse_end_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        end_date = _parse_end_date(d.pop("end_date"))

        grade = d.pop("grade")

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

        pupil = FundingPupil.from_dict(d.pop("pupil"))

        seat_id = d.pop("seat_id")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        status = FundingRollEntryReadStatus(d.pop("status"))

        funding_roll_entry_read = cls(
            application_no=application_no,
            code=code,
            end_date=end_date,
            grade=grade,
            left_on=left_on,
            pupil=pupil,
            seat_id=seat_id,
            start_date=start_date,
            status=status,
        )

        funding_roll_entry_read.additional_properties = d
        return funding_roll_entry_read

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
