from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.points_what_if_guardian import PointsWhatIfGuardian


T = TypeVar("T", bound="PointsWhatIfIn")


@_attrs_define
class PointsWhatIfIn:
    """
    Attributes:
        child_birth_date (datetime.date): ISO date YYYY-MM-DD
        grade (int): entry grade: 1 (primary) or 7 (junior)
        guardians (list[PointsWhatIfGuardian]):
        rulebook_id (str):
    """

    child_birth_date: datetime.date
    grade: int
    guardians: list[PointsWhatIfGuardian]
    rulebook_id: str

    def to_dict(self) -> dict[str, Any]:
        child_birth_date = self.child_birth_date.isoformat()

        grade = self.grade

        guardians = []
        for guardians_item_data in self.guardians:
            guardians_item = guardians_item_data.to_dict()
            guardians.append(guardians_item)

        rulebook_id = self.rulebook_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "child_birth_date": child_birth_date,
                "grade": grade,
                "guardians": guardians,
                "rulebook_id": rulebook_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.points_what_if_guardian import PointsWhatIfGuardian

        d = dict(src_dict)
        child_birth_date = datetime.date.fromisoformat(d.pop("child_birth_date"))

        grade = d.pop("grade")

        guardians = []
        _guardians = d.pop("guardians")
        for guardians_item_data in _guardians:
            guardians_item = PointsWhatIfGuardian.from_dict(guardians_item_data)

            guardians.append(guardians_item)

        rulebook_id = d.pop("rulebook_id")

        points_what_if_in = cls(
            child_birth_date=child_birth_date,
            grade=grade,
            guardians=guardians,
            rulebook_id=rulebook_id,
        )

        return points_what_if_in
