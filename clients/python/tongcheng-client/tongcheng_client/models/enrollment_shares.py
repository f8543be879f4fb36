from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EnrollmentShares")


@_attrs_define
class EnrollmentShares:
    """A township's (or grade's) eligible children by outcome, and its public share against the target.

    Attributes:
        meets_target (bool):
        placed_public (int):
        placed_purchased (int):
        public_share (None | str):
        waitlisted (int):
    """

    meets_target: bool
    placed_public: int
    placed_purchased: int
    public_share: None | str
    waitlisted: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        meets_target = self.meets_target

        placed_public = self.placed_public

        placed_purchased = self.placed_purchased

        public_share: None | str
        public_share = self.public_share

        waitlisted = self.waitlisted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "meets_target": meets_target,
                "placed_public": placed_public,
                "placed_purchased": placed_purchased,
                "public_share": public_share,
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

        waitlisted = d.pop("waitlisted")

        enrollment_shares = cls(
            meets_target=meets_target,
            placed_public=placed_public,
            placed_purchased=placed_purchased,
            public_share=public_share,
            waitlisted=waitlisted,
        )

        enrollment_shares.additional_properties = d
        return enrollment_shares

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
