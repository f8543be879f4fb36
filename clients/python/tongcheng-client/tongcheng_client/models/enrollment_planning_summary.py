from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EnrollmentPlanningSummary")


@_attrs_define
class EnrollmentPlanningSummary:
    """A grade's head counts as a run report gives them (``enrollment.reports.summary``).

    Attributes:
        applicants (int):
        eligible (int):
        eligible_waitlisted (int):
        first_choice (int):
        meets_target (bool):
        no_choice (int):
        placed_district (int):
        placed_private_choice (int):
        placed_public (int): 公办学校录取: placed in round 1
        placed_purchased (int): 政府购买学位: placed in rounds 2 and 3
        public_share (None | str): 公办占比: placed_public / (placed_public + placed_purchased), percent
        target (str):
        top_3 (int):
        waitlisted (int):
    """

    applicants: int
    eligible: int
    eligible_waitlisted: int
    first_choice: int
    meets_target: bool
    no_choice: int
    placed_district: int
    placed_private_choice: int
    placed_public: int
    placed_purchased: int
    public_share: None | str
    target: str
    top_3: int
    waitlisted: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        applicants = self.applicants

        eligible = self.eligible

        eligible_waitlisted = self.eligible_waitlisted

        first_choice = self.first_choice

        meets_target = self.meets_target

        no_choice = self.no_choice

        placed_district = self.placed_district

        placed_private_choice = self.placed_private_choice

        placed_public = self.placed_public

        placed_purchased = self.placed_purchased

        public_share: None | str
        public_share = self.public_share

        target = self.target

        top_3 = self.top_3

        waitlisted = self.waitlisted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "applicants": applicants,
                "eligible": eligible,
                "eligible_waitlisted": eligible_waitlisted,
                "first_choice": first_choice,
                "meets_target": meets_target,
                "no_choice": no_choice,
                "placed_district": placed_district,
                "placed_private_choice": placed_private_choice,
                "placed_public": placed_public,
                "placed_purchased": placed_purchased,
                "public_share": public_share,
                "target": target,
                "top_3": top_3,
                "waitlisted": waitlisted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        applicants = d.pop("applicants")

        eligible = d.pop("eligible")

        eligible_waitlisted = d.pop("eligible_waitlisted")

        first_choice = d.pop("first_choice")

        meets_target = d.pop("meets_target")

        no_choice = d.pop("no_choice")

        placed_district = d.pop("placed_district")

        placed_private_choice = d.pop("placed_private_choice")

        placed_public = d.pop("placed_public")

        placed_purchased = d.pop("placed_purchased")

        def _parse_public_share(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        public_share = _parse_public_share(d.pop("public_share"))

        target = d.pop("target")

        top_3 = d.pop("top_3")

        waitlisted = d.pop("waitlisted")

        enrollment_planning_summary = cls(
            applicants=applicants,
            eligible=eligible,
            eligible_waitlisted=eligible_waitlisted,
            first_choice=first_choice,
            meets_target=meets_target,
            no_choice=no_choice,
            placed_district=placed_district,
            placed_private_choice=placed_private_choice,
            placed_public=placed_public,
            placed_purchased=placed_purchased,
            public_share=public_share,
            target=target,
            top_3=top_3,
            waitlisted=waitlisted,
        )

        enrollment_planning_summary.additional_properties = d
        return enrollment_planning_summary

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
