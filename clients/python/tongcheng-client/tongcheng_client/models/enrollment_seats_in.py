from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="EnrollmentSeatsIn")


@_attrs_define
class EnrollmentSeatsIn:
    """
    Attributes:
        migrant_seats (int):
    """

    migrant_seats: int

    def to_dict(self) -> dict[str, Any]:
        migrant_seats = self.migrant_seats

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "migrant_seats": migrant_seats,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        migrant_seats = d.pop("migrant_seats")

        enrollment_seats_in = cls(
            migrant_seats=migrant_seats,
        )

        return enrollment_seats_in
