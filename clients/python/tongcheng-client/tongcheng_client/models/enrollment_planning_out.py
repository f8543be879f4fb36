from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.enrollment_planning_grade import EnrollmentPlanningGrade
    from ..models.enrollment_planning_totals import EnrollmentPlanningTotals


T = TypeVar("T", bound="EnrollmentPlanningOut")


@_attrs_define
class EnrollmentPlanningOut:
    """The planning what-if's answer (学位规划): nothing is stored (``stored`` is always false).

    Attributes:
        grades (list[EnrollmentPlanningGrade]):
        purchased (EnrollmentPlanningTotals):
        season (int):
        semester (None | str):
        stored (bool):
        target (str):
    """

    grades: list[EnrollmentPlanningGrade]
    purchased: EnrollmentPlanningTotals
    season: int
    semester: None | str
    stored: bool
    target: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        grades = []
        for grades_item_data in self.grades:
            grades_item = grades_item_data.to_dict()
            grades.append(grades_item)

        purchased = self.purchased.to_dict()

        season = self.season

        semester: None | str
        semester = self.semester

        stored = self.stored

        target = self.target

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "grades": grades,
                "purchased": purchased,
                "season": season,
                "semester": semester,
                "stored": stored,
                "target": target,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.enrollment_planning_grade import EnrollmentPlanningGrade
        from ..models.enrollment_planning_totals import EnrollmentPlanningTotals

        d = dict(src_dict)
        grades = []
        _grades = d.pop("grades")
        for grades_item_data in _grades:
            grades_item = EnrollmentPlanningGrade.from_dict(grades_item_data)

            grades.append(grades_item)

        purchased = EnrollmentPlanningTotals.from_dict(d.pop("purchased"))

        season = d.pop("season")

        def _parse_semester(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        semester = _parse_semester(d.pop("semester"))

        stored = d.pop("stored")

        target = d.pop("target")

        enrollment_planning_out = cls(
            grades=grades,
            purchased=purchased,
            season=season,
            semester=semester,
            stored=stored,
            target=target,
        )

        enrollment_planning_out.additional_properties = d
        return enrollment_planning_out

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
