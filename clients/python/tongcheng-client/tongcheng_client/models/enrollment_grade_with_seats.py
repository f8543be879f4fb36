from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EnrollmentGradeWithSeats")


@_attrs_define
class EnrollmentGradeWithSeats:
    """The whole grade when placement runs again with the extra seats: its share, and the purchased seats left and
    their semester cost at the semester's tariffs (schools without a tariff are not costed; see
    ``missing_tariffs``).

        Attributes:
            meets_target (bool):
            placed_public (int):
            placed_purchased (int):
            public_share (None | str):
            purchased_seats (int):
            semester_cost (str):
            waitlisted (int):
    """

    meets_target: bool
    placed_public: int
    placed_purchased: int
    public_share: None | str
    purchased_seats: int
    semester_cost: str
    waitlisted: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        meets_target = self.meets_target

        placed_public = self.placed_public

        placed_purchased = self.placed_purchased

        public_share: None | str
        public_share = self.public_share

        purchased_seats = self.purchased_seats

        semester_cost = self.semester_cost

        waitlisted = self.waitlisted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "meets_target": meets_target,
                "placed_public": placed_public,
                "placed_purchased": placed_purchased,
                "public_share": public_share,
                "purchased_seats": purchased_seats,
                "semester_cost": semester_cost,
                "waitlisted": waitlisted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        meets_target = d.pop("meets_target")

        placed_public = d.pop("placed_public")

        placed_purchased = d.pop("placed_purchased")

        def _parse_public_share(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        public_share = _parse_public_share(d.pop("public_share"))

        purchased_seats = d.pop("purchased_seats")

        semester_cost = d.pop("semester_cost")

        waitlisted = d.pop("waitlisted")

        enrollment_grade_with_seats = cls(
            meets_target=meets_target,
            placed_public=placed_public,
            placed_purchased=placed_purchased,
            public_share=public_share,
            purchased_seats=purchased_seats,
            semester_cost=semester_cost,
            waitlisted=waitlisted,
        )

        enrollment_grade_with_seats.additional_properties = d
        return enrollment_grade_with_seats

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
