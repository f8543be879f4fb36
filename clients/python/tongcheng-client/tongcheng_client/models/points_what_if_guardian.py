from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.points_what_if_facts import PointsWhatIfFacts


T = TypeVar("T", bound="PointsWhatIfGuardian")


@_attrs_define
class PointsWhatIfGuardian:
    """
    Attributes:
        guardian_no (int): 1 or 2: the guardian's position
        facts (PointsWhatIfFacts | Unset):
    """

    guardian_no: int
    facts: PointsWhatIfFacts | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        guardian_no = self.guardian_no

        facts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.facts, Unset):
            facts = self.facts.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "guardian_no": guardian_no,
            }
        )
        if facts is not UNSET:
            field_dict["facts"] = facts

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.points_what_if_facts import PointsWhatIfFacts

        d = dict(src_dict)
        guardian_no = d.pop("guardian_no")

        _facts = d.pop("facts", UNSET)
        facts: PointsWhatIfFacts | Unset
        if isinstance(_facts, Unset):
            facts = UNSET
        else:
            facts = PointsWhatIfFacts.from_dict(_facts)

        points_what_if_guardian = cls(
            guardian_no=guardian_no,
            facts=facts,
        )

        return points_what_if_guardian
