from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.enrollment_seat_change_in import EnrollmentSeatChangeIn
    from ..models.enrollment_township_seats_in import EnrollmentTownshipSeatsIn


T = TypeVar("T", bound="EnrollmentPlanningIn")


@_attrs_define
class EnrollmentPlanningIn:
    """A planning what-if (issue 13): seat changes per school and grade, extra public seats per township and grade,
    and the semester whose tariffs cost the purchased seats (none: no cost).

        Attributes:
            season (int):
            seats (list[EnrollmentSeatChangeIn] | Unset):
            semester (None | str | Unset):
            township_seats (list[EnrollmentTownshipSeatsIn] | Unset):
    """

    season: int
    seats: list[EnrollmentSeatChangeIn] | Unset = UNSET
    semester: None | str | Unset = UNSET
    township_seats: list[EnrollmentTownshipSeatsIn] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        season = self.season

        seats: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.seats, Unset):
            seats = []
            for seats_item_data in self.seats:
                seats_item = seats_item_data.to_dict()
                seats.append(seats_item)

        semester: None | str | Unset
        if isinstance(self.semester, Unset):
            semester = UNSET
        else:
            semester = self.semester

        township_seats: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.township_seats, Unset):
            township_seats = []
            for township_seats_item_data in self.township_seats:
                township_seats_item = township_seats_item_data.to_dict()
                township_seats.append(township_seats_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "season": season,
            }
        )
        if seats is not UNSET:
            field_dict["seats"] = seats
        if semester is not UNSET:
            field_dict["semester"] = semester
        if township_seats is not UNSET:
            field_dict["township_seats"] = township_seats

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.enrollment_seat_change_in import EnrollmentSeatChangeIn
        from ..models.enrollment_township_seats_in import EnrollmentTownshipSeatsIn

        d = dict(src_dict)
        season = d.pop("season")

        _seats = d.pop("seats", UNSET)
        seats: list[EnrollmentSeatChangeIn] | Unset = UNSET
        if _seats is not UNSET:
            seats = []
            for seats_item_data in _seats:
                seats_item = EnrollmentSeatChangeIn.from_dict(seats_item_data)

                seats.append(seats_item)

        def _parse_semester(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        semester = _parse_semester(d.pop("semester", UNSET))

        _township_seats = d.pop("township_seats", UNSET)
        township_seats: list[EnrollmentTownshipSeatsIn] | Unset = UNSET
        if _township_seats is not UNSET:
            township_seats = []
            for township_seats_item_data in _township_seats:
                township_seats_item = EnrollmentTownshipSeatsIn.from_dict(
                    township_seats_item_data
                )

                township_seats.append(township_seats_item)

        enrollment_planning_in = cls(
            season=season,
            seats=seats,
            semester=semester,
            township_seats=township_seats,
        )

        return enrollment_planning_in
