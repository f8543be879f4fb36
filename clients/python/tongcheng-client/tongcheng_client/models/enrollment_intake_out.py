from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EnrollmentIntakeOut")


@_attrs_define
class EnrollmentIntakeOut:
    """
    Attributes:
        grade (int):
        kind (str):
        school_code (str):
        season (int):
        approved_capacity (int | None | Unset):
        migrant_seats (int | None | Unset):
        planned (int | None | Unset):
    """

    grade: int
    kind: str
    school_code: str
    season: int
    approved_capacity: int | None | Unset = UNSET
    migrant_seats: int | None | Unset = UNSET
    planned: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grade = self.grade

        kind = self.kind

        school_code = self.school_code

        season = self.season

        approved_capacity: int | None | Unset
        if isinstance(self.approved_capacity, Unset):
            approved_capacity = UNSET
        else:
            approved_capacity = self.approved_capacity

        migrant_seats: int | None | Unset
        if isinstance(self.migrant_seats, Unset):
            migrant_seats = UNSET
        else:
            migrant_seats = self.migrant_seats

        planned: int | None | Unset
        if isinstance(self.planned, Unset):
            planned = UNSET
        else:
            planned = self.planned

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grade": grade,
                "kind": kind,
                "school_code": school_code,
                "season": season,
            }
        )
        if approved_capacity is not UNSET:
            field_dict["approved_capacity"] = approved_capacity
        if migrant_seats is not UNSET:
            field_dict["migrant_seats"] = migrant_seats
        if planned is not UNSET:
            field_dict["planned"] = planned

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        grade = d.pop("grade")

        kind = d.pop("kind")

        school_code = d.pop("school_code")

        season = d.pop("season")

        def _parse_approved_capacity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        approved_capacity = _parse_approved_capacity(d.pop("approved_capacity", UNSET))

        def _parse_migrant_seats(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        migrant_seats = _parse_migrant_seats(d.pop("migrant_seats", UNSET))

        def _parse_planned(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        planned = _parse_planned(d.pop("planned", UNSET))

        enrollment_intake_out = cls(
            grade=grade,
            kind=kind,
            school_code=school_code,
            season=season,
            approved_capacity=approved_capacity,
            migrant_seats=migrant_seats,
            planned=planned,
        )

        enrollment_intake_out.additional_properties = d
        return enrollment_intake_out

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
