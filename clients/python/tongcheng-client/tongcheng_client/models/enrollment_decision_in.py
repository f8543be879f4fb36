from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.enrollment_decision_in_decision import EnrollmentDecisionInDecision
from ..types import UNSET, Unset

T = TypeVar("T", bound="EnrollmentDecisionIn")


@_attrs_define
class EnrollmentDecisionIn:
    """
    Attributes:
        decision (EnrollmentDecisionInDecision):
        note (str | Unset):  Default: ''.
    """

    decision: EnrollmentDecisionInDecision
    note: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        decision = self.decision.value

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decision": decision,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        decision = EnrollmentDecisionInDecision(d.pop("decision"))

        note = d.pop("note", UNSET)

        enrollment_decision_in = cls(
            decision=decision,
            note=note,
        )

        return enrollment_decision_in
