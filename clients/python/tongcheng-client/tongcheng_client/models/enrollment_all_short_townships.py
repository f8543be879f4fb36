from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.enrollment_all_short_townships_extra_public_seats import (
        EnrollmentAllShortTownshipsExtraPublicSeats,
    )


T = TypeVar("T", bound="EnrollmentAllShortTownships")


@_attrs_define
class EnrollmentAllShortTownships:
    """Every reachable short township's extra seats added at once (seats added for one township can go to children
    of another, so a township may come out different from its own search; ``townships_still_short`` lists those
    short then).

        Attributes:
            extra_public_seats (EnrollmentAllShortTownshipsExtraPublicSeats):
            meets_target (bool):
            placed_public (int):
            placed_purchased (int):
            public_share (None | str):
            purchased_seats (int):
            semester_cost (str):
            total_extra_public_seats (int):
            townships_still_short (list[str]):
            waitlisted (int):
    """

    extra_public_seats: EnrollmentAllShortTownshipsExtraPublicSeats
    meets_target: bool
    placed_public: int
    placed_purchased: int
    public_share: None | str
    purchased_seats: int
    semester_cost: str
    total_extra_public_seats: int
    townships_still_short: list[str]
    waitlisted: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        extra_public_seats = self.extra_public_seats.to_dict()

        meets_target = self.meets_target

        placed_public = self.placed_public

        placed_purchased = self.placed_purchased

        public_share: None | str
        public_share = self.public_share

        purchased_seats = self.purchased_seats

        semester_cost = self.semester_cost

        total_extra_public_seats = self.total_extra_public_seats

        townships_still_short = self.townships_still_short

        waitlisted = self.waitlisted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "extra_public_seats": extra_public_seats,
                "meets_target": meets_target,
                "placed_public": placed_public,
                "placed_purchased": placed_purchased,
                "public_share": public_share,
                "purchased_seats": purchased_seats,
                "semester_cost": semester_cost,
                "total_extra_public_seats": total_extra_public_seats,
                "townships_still_short": townships_still_short,
                "waitlisted": waitlisted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.enrollment_all_short_townships_extra_public_seats import (
            EnrollmentAllShortTownshipsExtraPublicSeats,
        )

        d = dict(src_dict)
        extra_public_seats = EnrollmentAllShortTownshipsExtraPublicSeats.from_dict(
            d.pop("extra_public_seats")
        )

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

        total_extra_public_seats = d.pop("total_extra_public_seats")

        townships_still_short = cast(list[str], d.pop("townships_still_short"))

        waitlisted = d.pop("waitlisted")

        enrollment_all_short_townships = cls(
            extra_public_seats=extra_public_seats,
            meets_target=meets_target,
            placed_public=placed_public,
            placed_purchased=placed_purchased,
            public_share=public_share,
            purchased_seats=purchased_seats,
            semester_cost=semester_cost,
            total_extra_public_seats=total_extra_public_seats,
            townships_still_short=townships_still_short,
            waitlisted=waitlisted,
        )

        enrollment_all_short_townships.additional_properties = d
        return enrollment_all_short_townships

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
