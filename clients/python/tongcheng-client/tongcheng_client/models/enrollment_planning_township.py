from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EnrollmentPlanningTownship")


@_attrs_define
class EnrollmentPlanningTownship:
    """One township's row (docs/policy.md §10) with the seats as asked.

    Attributes:
        demand (int):
        meets_target (bool):
        needs_more_seats (bool):
        placed_public (int):
        placed_purchased (int):
        public_seats (int):
        public_share (None | str):
        shortfall (int): 学位缺口: the fewest more children in public schools that would reach the target — a lower bound of
            the extra seats needed
        township_code (None | str):
        township_name (None | str):
        waitlisted (int):
    """

    demand: int
    meets_target: bool
    needs_more_seats: bool
    placed_public: int
    placed_purchased: int
    public_seats: int
    public_share: None | str
    shortfall: int
    township_code: None | str
    township_name: None | str
    waitlisted: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        demand = self.demand

        meets_target = self.meets_target

        needs_more_seats = self.needs_more_seats

        placed_public = self.placed_public

        placed_purchased = self.placed_purchased

        public_seats = self.public_seats

        public_share: None | str
        public_share = self.public_share

        shortfall = self.shortfall

        township_code: None | str
        township_code = self.township_code

        township_name: None | str
        township_name = self.township_name

        waitlisted = self.waitlisted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "demand": demand,
                "meets_target": meets_target,
                "needs_more_seats": needs_more_seats,
                "placed_public": placed_public,
                "placed_purchased": placed_purchased,
                "public_seats": public_seats,
                "public_share": public_share,
                "shortfall": shortfall,
                "township_code": township_code,
                "township_name": township_name,
                "waitlisted": waitlisted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        demand = d.pop("demand")

        meets_target = d.pop("meets_target")

        needs_more_seats = d.pop("needs_more_seats")

        placed_public = d.pop("placed_public")

        placed_purchased = d.pop("placed_purchased")

        public_seats = d.pop("public_seats")

        def _parse_public_share(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        public_share = _parse_public_share(d.pop("public_share"))

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

        waitlisted = d.pop("waitlisted")

        enrollment_planning_township = cls(
            demand=demand,
            meets_target=meets_target,
            needs_more_seats=needs_more_seats,
            placed_public=placed_public,
            placed_purchased=placed_purchased,
            public_seats=public_seats,
            public_share=public_share,
            shortfall=shortfall,
            township_code=township_code,
            township_name=township_name,
            waitlisted=waitlisted,
        )

        enrollment_planning_township.additional_properties = d
        return enrollment_planning_township

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
