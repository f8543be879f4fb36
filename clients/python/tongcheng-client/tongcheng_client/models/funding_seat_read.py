from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FundingSeatRead")


@_attrs_define
class FundingSeatRead:
    """
    Attributes:
        application_no (str):
        created_at (datetime.datetime):
        end_code (None | str): completed, private_school, public_school, left_district, dropped_out or other
        end_date (datetime.date | None):
        end_reason (None | str):
        ended_at (datetime.datetime | None):
        ended_by (None | str):
        grade (int):
        id (int):
        previous_seat_id (int | None):
        pupil_id_number (str): masked: county and last four digits
        pupil_name (str):
        run_id (None | str):
        school_code (str):
        start_date (datetime.date):
    """

    application_no: str
    created_at: datetime.datetime
    end_code: None | str
    end_date: datetime.date | None
    end_reason: None | str
    ended_at: datetime.datetime | None
    ended_by: None | str
    grade: int
    id: int
    previous_seat_id: int | None
    pupil_id_number: str
    pupil_name: str
    run_id: None | str
    school_code: str
    start_date: datetime.date
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_no = self.application_no

        created_at = self.created_at.isoformat()

        end_code: None | str
        end_code = self.end_code

        end_date: None | str
        if isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        end_reason: None | str
        end_reason = self.end_reason

        ended_at: None | str
        if isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        ended_by: None | str
        ended_by = self.ended_by

        grade = self.grade

        id = self.id

        previous_seat_id: int | None
        previous_seat_id = self.previous_seat_id

        pupil_id_number = self.pupil_id_number

        pupil_name = self.pupil_name

        run_id: None | str
        run_id = self.run_id

        school_code = self.school_code

        start_date = self.start_date.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_no": application_no,
                "created_at": created_at,
                "end_code": end_code,
                "end_date": end_date,
                "end_reason": end_reason,
                "ended_at": ended_at,
                "ended_by": ended_by,
                "grade": grade,
                "id": id,
                "previous_seat_id": previous_seat_id,
                "pupil_id_number": pupil_id_number,
                "pupil_name": pupil_name,
                "run_id": run_id,
                "school_code": school_code,
                "start_date": start_date,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        application_no = d.pop("application_no")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_end_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        end_code = _parse_end_code(d.pop("end_code"))

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

        def _parse_end_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        end_reason = _parse_end_reason(d.pop("end_reason"))

        def _parse_ended_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ended_at = _parse_ended_at(d.pop("ended_at"))

        def _parse_ended_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ended_by = _parse_ended_by(d.pop("ended_by"))

        grade = d.pop("grade")

        id = d.pop("id")

        def _parse_previous_seat_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        previous_seat_id = _parse_previous_seat_id(d.pop("previous_seat_id"))

        pupil_id_number = d.pop("pupil_id_number")

        pupil_name = d.pop("pupil_name")

        def _parse_run_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        run_id = _parse_run_id(d.pop("run_id"))

        school_code = d.pop("school_code")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        funding_seat_read = cls(
            application_no=application_no,
            created_at=created_at,
            end_code=end_code,
            end_date=end_date,
            end_reason=end_reason,
            ended_at=ended_at,
            ended_by=ended_by,
            grade=grade,
            id=id,
            previous_seat_id=previous_seat_id,
            pupil_id_number=pupil_id_number,
            pupil_name=pupil_name,
            run_id=run_id,
            school_code=school_code,
            start_date=start_date,
        )

        funding_seat_read.additional_properties = d
        return funding_seat_read

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
