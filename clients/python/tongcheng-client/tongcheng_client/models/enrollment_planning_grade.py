from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.enrollment_all_short_townships import EnrollmentAllShortTownships
    from ..models.enrollment_fewest_seats import EnrollmentFewestSeats
    from ..models.enrollment_planning_grade_seats_without_a_school import (
        EnrollmentPlanningGradeSeatsWithoutASchool,
    )
    from ..models.enrollment_planning_purchased import EnrollmentPlanningPurchased
    from ..models.enrollment_planning_summary import EnrollmentPlanningSummary
    from ..models.enrollment_planning_township import EnrollmentPlanningTownship


T = TypeVar("T", bound="EnrollmentPlanningGrade")


@_attrs_define
class EnrollmentPlanningGrade:
    """One grade placed again over its latest run's frozen snapshot with the seats asked.

    Attributes:
        all_short_townships (EnrollmentAllShortTownships | None):
        fewest_extra_public_seats (list[EnrollmentFewestSeats]):
        grade (int):
        purchased (EnrollmentPlanningPurchased):
        run_id (int | None):
        seats_without_a_school (EnrollmentPlanningGradeSeatsWithoutASchool): extra seats asked for townships no active
            public school serves
        summary (EnrollmentPlanningSummary): A grade's head counts as a run report gives them
            (``enrollment.reports.summary``).
        townships (list[EnrollmentPlanningTownship]):
    """

    all_short_townships: EnrollmentAllShortTownships | None
    fewest_extra_public_seats: list[EnrollmentFewestSeats]
    grade: int
    purchased: EnrollmentPlanningPurchased
    run_id: int | None
    seats_without_a_school: EnrollmentPlanningGradeSeatsWithoutASchool
    summary: EnrollmentPlanningSummary
    townships: list[EnrollmentPlanningTownship]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.enrollment_all_short_townships import EnrollmentAllShortTownships

        all_short_townships: dict[str, Any] | None
        if isinstance(self.all_short_townships, EnrollmentAllShortTownships):
            all_short_townships = self.all_short_townships.to_dict()
        else:
            all_short_townships = self.all_short_townships

        fewest_extra_public_seats = []
        for fewest_extra_public_seats_item_data in self.fewest_extra_public_seats:
            fewest_extra_public_seats_item = (
                fewest_extra_public_seats_item_data.to_dict()
            )
            fewest_extra_public_seats.append(fewest_extra_public_seats_item)

        grade = self.grade

        purchased = self.purchased.to_dict()

        run_id: int | None
        run_id = self.run_id

        seats_without_a_school = self.seats_without_a_school.to_dict()

        summary = self.summary.to_dict()

        townships = []
        for townships_item_data in self.townships:
            townships_item = townships_item_data.to_dict()
            townships.append(townships_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "all_short_townships": all_short_townships,
                "fewest_extra_public_seats": fewest_extra_public_seats,
                "grade": grade,
                "purchased": purchased,
                "run_id": run_id,
                "seats_without_a_school": seats_without_a_school,
                "summary": summary,
                "townships": townships,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.enrollment_all_short_townships import EnrollmentAllShortTownships
        from ..models.enrollment_fewest_seats import EnrollmentFewestSeats
        from ..models.enrollment_planning_grade_seats_without_a_school import (
            EnrollmentPlanningGradeSeatsWithoutASchool,
        )
        from ..models.enrollment_planning_purchased import EnrollmentPlanningPurchased
        from ..models.enrollment_planning_summary import EnrollmentPlanningSummary
        from ..models.enrollment_planning_township import EnrollmentPlanningTownship

        d = dict(src_dict)

        def _parse_all_short_townships(
            data: object,
        ) -> EnrollmentAllShortTownships | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                all_short_townships_type_0 = EnrollmentAllShortTownships.from_dict(data)

                return all_short_townships_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EnrollmentAllShortTownships | None, data)

        all_short_townships = _parse_all_short_townships(d.pop("all_short_townships"))

        fewest_extra_public_seats = []
        _fewest_extra_public_seats = d.pop("fewest_extra_public_seats")
        for fewest_extra_public_seats_item_data in _fewest_extra_public_seats:
            fewest_extra_public_seats_item = EnrollmentFewestSeats.from_dict(
                fewest_extra_public_seats_item_data
            )

            fewest_extra_public_seats.append(fewest_extra_public_seats_item)

        grade = d.pop("grade")

        purchased = EnrollmentPlanningPurchased.from_dict(d.pop("purchased"))

        def _parse_run_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        run_id = _parse_run_id(d.pop("run_id"))

        seats_without_a_school = EnrollmentPlanningGradeSeatsWithoutASchool.from_dict(
            d.pop("seats_without_a_school")
        )

        summary = EnrollmentPlanningSummary.from_dict(d.pop("summary"))

        townships = []
        _townships = d.pop("townships")
        for townships_item_data in _townships:
            townships_item = EnrollmentPlanningTownship.from_dict(townships_item_data)

            townships.append(townships_item)

        enrollment_planning_grade = cls(
            all_short_townships=all_short_townships,
            fewest_extra_public_seats=fewest_extra_public_seats,
            grade=grade,
            purchased=purchased,
            run_id=run_id,
            seats_without_a_school=seats_without_a_school,
            summary=summary,
            townships=townships,
        )

        enrollment_planning_grade.additional_properties = d
        return enrollment_planning_grade

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
