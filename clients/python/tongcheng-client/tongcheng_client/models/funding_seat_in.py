from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.funding_seat_in_school_level_type_0 import FundingSeatInSchoolLevelType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="FundingSeatIn")


@_attrs_define
class FundingSeatIn:
    """One placed pupil. ``grade``: the pupil's grade on ``start_date``. ``school_level``: the school's level in
    enrollment's register (primary: grades 1–6, junior: 7–9, nine_year: 1–9); it fixes the grades a seat there is
    paid for. Omitted: a school funding does not know yet is primary for grades 1–6, junior for 7–9.

        Attributes:
            application_no (str):
            grade (int):
            pupil_id_number (str): 居民身份证号码 (GB 11643)
            pupil_name (str):
            school_code (str):
            start_date (datetime.date): ISO date YYYY-MM-DD
            school_level (FundingSeatInSchoolLevelType0 | None | Unset):
    """

    application_no: str
    grade: int
    pupil_id_number: str
    pupil_name: str
    school_code: str
    start_date: datetime.date
    school_level: FundingSeatInSchoolLevelType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        application_no = self.application_no

        grade = self.grade

        pupil_id_number = self.pupil_id_number

        pupil_name = self.pupil_name

        school_code = self.school_code

        start_date = self.start_date.isoformat()

        school_level: None | str | Unset
        if isinstance(self.school_level, Unset):
            school_level = UNSET
        elif isinstance(self.school_level, FundingSeatInSchoolLevelType0):
            school_level = self.school_level.value
        else:
            school_level = self.school_level

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "application_no": application_no,
                "grade": grade,
                "pupil_id_number": pupil_id_number,
                "pupil_name": pupil_name,
                "school_code": school_code,
                "start_date": start_date,
            }
        )
        if school_level is not UNSET:
            field_dict["school_level"] = school_level

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        application_no = d.pop("application_no")

        grade = d.pop("grade")

        pupil_id_number = d.pop("pupil_id_number")

        pupil_name = d.pop("pupil_name")

        school_code = d.pop("school_code")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        def _parse_school_level(
            data: object,
        ) -> FundingSeatInSchoolLevelType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                school_level_type_0 = FundingSeatInSchoolLevelType0(data)

                return school_level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FundingSeatInSchoolLevelType0 | None | Unset, data)

        school_level = _parse_school_level(d.pop("school_level", UNSET))

        funding_seat_in = cls(
            application_no=application_no,
            grade=grade,
            pupil_id_number=pupil_id_number,
            pupil_name=pupil_name,
            school_code=school_code,
            start_date=start_date,
            school_level=school_level,
        )

        return funding_seat_in
