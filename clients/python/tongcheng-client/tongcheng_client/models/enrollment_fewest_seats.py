from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.enrollment_fewest_seats_reason_code_type_0 import (
    EnrollmentFewestSeatsReasonCodeType0,
)

if TYPE_CHECKING:
    from ..models.enrollment_grade_with_seats import EnrollmentGradeWithSeats
    from ..models.enrollment_seats_at_school import EnrollmentSeatsAtSchool
    from ..models.enrollment_shares import EnrollmentShares


T = TypeVar("T", bound="EnrollmentFewestSeats")


@_attrs_define
class EnrollmentFewestSeats:
    """The fewest extra public seats (新增公办学位) in one township short of the target (学位缺口 > 0) with which
    placement, run again over the frozen snapshot, brings the township's public share to the target — on top of
    the seats the what-if asked for, with every other township as asked. The seats go to the active public schools
    serving the township (located there or with it in their catchment), one at a time by Sainte-Laguë on their
    seats (``seats_by_school``): asking the what-if for ``township_seats`` of the township's asked seats plus
    ``extra_public_seats`` places exactly as here.

        Attributes:
            exact (bool): minimality proved (deferred acceptance); false under immediate acceptance, where more seats can
                place fewer: the number reaches the target and one fewer does not, a smaller one might
            extra_public_seats (int | None): 新增公办学位: the fewest extra seats that reach the target; null when no number does
                (``reason_code``)
            grade (EnrollmentGradeWithSeats | None): the grade with the extra seats
            one_fewer (EnrollmentShares | None): the township with one seat fewer: short of the target
            placements_run (int): how many times the search placed the grade again
            reached (EnrollmentShares | None): the township with the extra seats
            reaches_target (bool):
            reason (None | str):
            reason_code (EnrollmentFewestSeatsReasonCodeType0 | None):
            seats_by_school (list[EnrollmentSeatsAtSchool]):
            shortfall (int): 学位缺口 (lower bound): children placed by purchase who would need a public seat; each extra seat
                places at most one more child in a public school
            township_code (None | str):
            township_name (None | str):
            unlimited (EnrollmentShares | None): the township with unlimited seats at its public schools: the most any
                number of seats can do
    """

    exact: bool
    extra_public_seats: int | None
    grade: EnrollmentGradeWithSeats | None
    one_fewer: EnrollmentShares | None
    placements_run: int
    reached: EnrollmentShares | None
    reaches_target: bool
    reason: None | str
    reason_code: EnrollmentFewestSeatsReasonCodeType0 | None
    seats_by_school: list[EnrollmentSeatsAtSchool]
    shortfall: int
    township_code: None | str
    township_name: None | str
    unlimited: EnrollmentShares | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.enrollment_grade_with_seats import EnrollmentGradeWithSeats
        from ..models.enrollment_shares import EnrollmentShares

        exact = self.exact

        extra_public_seats: int | None
        extra_public_seats = self.extra_public_seats

        grade: dict[str, Any] | None
        if isinstance(self.grade, EnrollmentGradeWithSeats):
            grade = self.grade.to_dict()
        else:
            grade = self.grade

        one_fewer: dict[str, Any] | None
        if isinstance(self.one_fewer, EnrollmentShares):
            one_fewer = self.one_fewer.to_dict()
        else:
            one_fewer = self.one_fewer

        placements_run = self.placements_run

        reached: dict[str, Any] | None
        if isinstance(self.reached, EnrollmentShares):
            reached = self.reached.to_dict()
        else:
            reached = self.reached

        reaches_target = self.reaches_target

        reason: None | str
        reason = self.reason

        reason_code: None | str
        if isinstance(self.reason_code, EnrollmentFewestSeatsReasonCodeType0):
            reason_code = self.reason_code.value
        else:
            reason_code = self.reason_code

        seats_by_school = []
        for seats_by_school_item_data in self.seats_by_school:
            seats_by_school_item = seats_by_school_item_data.to_dict()
            seats_by_school.append(seats_by_school_item)

        shortfall = self.shortfall

        township_code: None | str
        township_code = self.township_code

        township_name: None | str
        township_name = self.township_name

        unlimited: dict[str, Any] | None
        if isinstance(self.unlimited, EnrollmentShares):
            unlimited = self.unlimited.to_dict()
        else:
            unlimited = self.unlimited

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "exact": exact,
                "extra_public_seats": extra_public_seats,
                "grade": grade,
                "one_fewer": one_fewer,
                "placements_run": placements_run,
                "reached": reached,
                "reaches_target": reaches_target,
                "reason": reason,
                "reason_code": reason_code,
                "seats_by_school": seats_by_school,
                "shortfall": shortfall,
                "township_code": township_code,
                "township_name": township_name,
                "unlimited": unlimited,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.enrollment_grade_with_seats import EnrollmentGradeWithSeats
        from ..models.enrollment_seats_at_school import EnrollmentSeatsAtSchool
        from ..models.enrollment_shares import EnrollmentShares

        d = dict(src_dict)
        exact = d.pop("exact")

        def _parse_extra_public_seats(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        extra_public_seats = _parse_extra_public_seats(d.pop("extra_public_seats"))

        def _parse_grade(data: object) -> EnrollmentGradeWithSeats | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                grade_type_0 = EnrollmentGradeWithSeats.from_dict(data)

                return grade_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EnrollmentGradeWithSeats | None, data)

        grade = _parse_grade(d.pop("grade"))

        def _parse_one_fewer(data: object) -> EnrollmentShares | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                one_fewer_type_0 = EnrollmentShares.from_dict(data)

                return one_fewer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EnrollmentShares | None, data)

        one_fewer = _parse_one_fewer(d.pop("one_fewer"))

        placements_run = d.pop("placements_run")

        def _parse_reached(data: object) -> EnrollmentShares | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reached_type_0 = EnrollmentShares.from_dict(data)

                return reached_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EnrollmentShares | None, data)

        reached = _parse_reached(d.pop("reached"))

        reaches_target = d.pop("reaches_target")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_reason_code(
            data: object,
        ) -> EnrollmentFewestSeatsReasonCodeType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reason_code_type_0 = EnrollmentFewestSeatsReasonCodeType0(data)

                return reason_code_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EnrollmentFewestSeatsReasonCodeType0 | None, data)

        reason_code = _parse_reason_code(d.pop("reason_code"))

        seats_by_school = []
        _seats_by_school = d.pop("seats_by_school")
        for seats_by_school_item_data in _seats_by_school:
            seats_by_school_item = EnrollmentSeatsAtSchool.from_dict(
                seats_by_school_item_data
            )

            seats_by_school.append(seats_by_school_item)

        shortfall = d.pop("shortfall")

        def _parse_township_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        township_code = _parse_township_code(d.pop("township_code"))

        def _parse_township_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        township_name = _parse_township_name(d.pop("township_name"))

        def _parse_unlimited(data: object) -> EnrollmentShares | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                unlimited_type_0 = EnrollmentShares.from_dict(data)

                return unlimited_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EnrollmentShares | None, data)

        unlimited = _parse_unlimited(d.pop("unlimited"))

        enrollment_fewest_seats = cls(
            exact=exact,
            extra_public_seats=extra_public_seats,
            grade=grade,
            one_fewer=one_fewer,
            placements_run=placements_run,
            reached=reached,
            reaches_target=reaches_target,
            reason=reason,
            reason_code=reason_code,
            seats_by_school=seats_by_school,
            shortfall=shortfall,
            township_code=township_code,
            township_name=township_name,
            unlimited=unlimited,
        )

        enrollment_fewest_seats.additional_properties = d
        return enrollment_fewest_seats

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
