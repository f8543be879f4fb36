from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.enrollment_decision_in_decision import EnrollmentDecisionInDecision
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.enrollment_disputed_fact import EnrollmentDisputedFact
    from ..models.enrollment_disputed_rule import EnrollmentDisputedRule


T = TypeVar("T", bound="EnrollmentDecisionIn")


@_attrs_define
class EnrollmentDecisionIn:
    """
    Attributes:
        decision (EnrollmentDecisionInDecision):
        disputes (EnrollmentDisputedFact | EnrollmentDisputedRule | None | Unset):
        note (str | Unset):  Default: ''.
    """

    decision: EnrollmentDecisionInDecision
    disputes: EnrollmentDisputedFact | EnrollmentDisputedRule | None | Unset = UNSET
    note: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        from ..models.enrollment_disputed_fact import EnrollmentDisputedFact
        from ..models.enrollment_disputed_rule import EnrollmentDisputedRule

        decision = self.decision.value

        disputes: dict[str, Any] | None | Unset
        if isinstance(self.disputes, Unset):
            disputes = UNSET
        elif isinstance(self.disputes, EnrollmentDisputedFact) or isinstance(
            self.disputes, EnrollmentDisputedRule
        ):
            disputes = self.disputes.to_dict()
        else:
            disputes = self.disputes

        note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "decision": decision,
            }
        )
        if disputes is not UNSET:
            field_dict["disputes"] = disputes
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.enrollment_disputed_fact import EnrollmentDisputedFact
        from ..models.enrollment_disputed_rule import EnrollmentDisputedRule

        d = dict(src_dict)
        decision = EnrollmentDecisionInDecision(d.pop("decision"))

        def _parse_disputes(
            data: object,
        ) -> EnrollmentDisputedFact | EnrollmentDisputedRule | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                disputes_type_0_type_0 = EnrollmentDisputedFact.from_dict(data)

                return disputes_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                disputes_type_0_type_1 = EnrollmentDisputedRule.from_dict(data)

                return disputes_type_0_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                EnrollmentDisputedFact | EnrollmentDisputedRule | None | Unset, data
            )

        disputes = _parse_disputes(d.pop("disputes", UNSET))

        note = d.pop("note", UNSET)

        enrollment_decision_in = cls(
            decision=decision,
            disputes=disputes,
            note=note,
        )

        return enrollment_decision_in
