from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="EnrollmentTownshipSeatsIn")


@_attrs_define
class EnrollmentTownshipSeatsIn:
    """
    Attributes:
        grade (int): entry grade: 1 (primary) or 7 (junior)
        seats (int): extra public seats
        township_code (str):
    """

    grade: int
    seats: int
    township_code: str

    def to_dict(self) -> dict[str, Any]:
        grade = self.grade

        seats = self.seats

        township_code = self.township_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "grade": grade,
                "seats": seats,
                "township_code": township_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        grade = d.pop("grade")

        seats = d.pop("seats")

        township_code = d.pop("township_code")

        enrollment_township_seats_in = cls(
            grade=grade,
            seats=seats,
            township_code=township_code,
        )

        return enrollment_township_seats_in
