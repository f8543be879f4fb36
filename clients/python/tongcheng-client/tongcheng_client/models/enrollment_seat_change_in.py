from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="EnrollmentSeatChangeIn")


@_attrs_define
class EnrollmentSeatChangeIn:
    """
    Attributes:
        change (int): seats added (negative: removed)
        grade (int): entry grade: 1 (primary) or 7 (junior)
        school_code (str):
    """

    change: int
    grade: int
    school_code: str

    def to_dict(self) -> dict[str, Any]:
        change = self.change

        grade = self.grade

        school_code = self.school_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "change": change,
                "grade": grade,
                "school_code": school_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        change = d.pop("change")

        grade = d.pop("grade")

        school_code = d.pop("school_code")

        enrollment_seat_change_in = cls(
            change=change,
            grade=grade,
            school_code=school_code,
        )

        return enrollment_seat_change_in
