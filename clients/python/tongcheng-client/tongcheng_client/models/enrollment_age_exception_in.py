from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="EnrollmentAgeExceptionIn")


@_attrs_define
class EnrollmentAgeExceptionIn:
    """``POST /age-exceptions`` (bureau): the child of ``child_id_number`` may apply for ``grade`` in ``season``
    though older than the grade's range (BRIEF §5 E3); ``reason`` says why (e.g. 因病休学一年).

        Attributes:
            child_id_number (str): 居民身份证号码 (GB 11643)
            grade (int): entry grade: 1 (primary) or 7 (junior)
            reason (str):
            season (int): the season's year
    """

    child_id_number: str
    grade: int
    reason: str
    season: int

    def to_dict(self) -> dict[str, Any]:
        child_id_number = self.child_id_number

        grade = self.grade

        reason = self.reason

        season = self.season

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "child_id_number": child_id_number,
                "grade": grade,
                "reason": reason,
                "season": season,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        child_id_number = d.pop("child_id_number")

        grade = d.pop("grade")

        reason = d.pop("reason")

        season = d.pop("season")

        enrollment_age_exception_in = cls(
            child_id_number=child_id_number,
            grade=grade,
            reason=reason,
            season=season,
        )

        return enrollment_age_exception_in
