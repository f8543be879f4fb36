from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.verification_result_in_outcome import VerificationResultInOutcome
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.verification_result_in_facts_type_0 import (
        VerificationResultInFactsType0,
    )


T = TypeVar("T", bound="VerificationResultIn")


@_attrs_define
class VerificationResultIn:
    """``POST /requests/{id}/results``. ``facts`` is checked against the request's kind by the service.

    Attributes:
        outcome (VerificationResultInOutcome):
        facts (None | Unset | VerificationResultInFactsType0):
        note (None | str | Unset):
    """

    outcome: VerificationResultInOutcome
    facts: None | Unset | VerificationResultInFactsType0 = UNSET
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.verification_result_in_facts_type_0 import (
            VerificationResultInFactsType0,
        )

        outcome = self.outcome.value

        facts: dict[str, Any] | None | Unset
        if isinstance(self.facts, Unset):
            facts = UNSET
        elif isinstance(self.facts, VerificationResultInFactsType0):
            facts = self.facts.to_dict()
        else:
            facts = self.facts

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "outcome": outcome,
            }
        )
        if facts is not UNSET:
            field_dict["facts"] = facts
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.verification_result_in_facts_type_0 import (
            VerificationResultInFactsType0,
        )

        d = dict(src_dict)
        outcome = VerificationResultInOutcome(d.pop("outcome"))

        def _parse_facts(data: object) -> None | Unset | VerificationResultInFactsType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                facts_type_0 = VerificationResultInFactsType0.from_dict(data)

                return facts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VerificationResultInFactsType0, data)

        facts = _parse_facts(d.pop("facts", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        verification_result_in = cls(
            outcome=outcome,
            facts=facts,
            note=note,
        )

        return verification_result_in
