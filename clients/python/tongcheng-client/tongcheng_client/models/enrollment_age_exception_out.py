from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EnrollmentAgeExceptionOut")


@_attrs_define
class EnrollmentAgeExceptionOut:
    """An age exception as recorded: ``child_id_number`` masked, ``recorded_by`` the bureau caller, and when.

    Attributes:
        child_id_number (str):
        grade (int):
        id (int):
        reason (str):
        recorded_at (datetime.datetime):
        recorded_by (str):
        season (int):
    """

    child_id_number: str
    grade: int
    id: int
    reason: str
    recorded_at: datetime.datetime
    recorded_by: str
    season: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        child_id_number = self.child_id_number

        grade = self.grade

        id = self.id

        reason = self.reason

        recorded_at = self.recorded_at.isoformat()

        recorded_by = self.recorded_by

        season = self.season

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "child_id_number": child_id_number,
                "grade": grade,
                "id": id,
                "reason": reason,
                "recorded_at": recorded_at,
                "recorded_by": recorded_by,
                "season": season,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        child_id_number = d.pop("child_id_number")

        grade = d.pop("grade")

        id = d.pop("id")

        reason = d.pop("reason")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        recorded_by = d.pop("recorded_by")

        season = d.pop("season")

        enrollment_age_exception_out = cls(
            child_id_number=child_id_number,
            grade=grade,
            id=id,
            reason=reason,
            recorded_at=recorded_at,
            recorded_by=recorded_by,
            season=season,
        )

        enrollment_age_exception_out.additional_properties = d
        return enrollment_age_exception_out

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
