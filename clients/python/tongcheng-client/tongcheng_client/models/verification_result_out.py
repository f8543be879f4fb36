from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.verification_result_out_department import VerificationResultOutDepartment
from ..models.verification_result_out_outcome import VerificationResultOutOutcome

if TYPE_CHECKING:
    from ..models.verification_result_out_facts_type_0 import (
        VerificationResultOutFactsType0,
    )


T = TypeVar("T", bound="VerificationResultOut")


@_attrs_define
class VerificationResultOut:
    """
    Attributes:
        answered_at (datetime.datetime):
        department (VerificationResultOutDepartment):
        facts (None | VerificationResultOutFactsType0):
        id (int):
        note (None | str):
        outcome (VerificationResultOutOutcome):
        request_id (int):
        supersedes (int | None):
    """

    answered_at: datetime.datetime
    department: VerificationResultOutDepartment
    facts: None | VerificationResultOutFactsType0
    id: int
    note: None | str
    outcome: VerificationResultOutOutcome
    request_id: int
    supersedes: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.verification_result_out_facts_type_0 import (
            VerificationResultOutFactsType0,
        )

        answered_at = self.answered_at.isoformat()

        department = self.department.value

        facts: dict[str, Any] | None
        if isinstance(self.facts, VerificationResultOutFactsType0):
            facts = self.facts.to_dict()
        else:
            facts = self.facts

        id = self.id

        note: None | str
        note = self.note

        outcome = self.outcome.value

        request_id = self.request_id

        supersedes: int | None
        supersedes = self.supersedes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answered_at": answered_at,
                "department": department,
                "facts": facts,
                "id": id,
                "note": note,
                "outcome": outcome,
                "request_id": request_id,
                "supersedes": supersedes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.verification_result_out_facts_type_0 import (
            VerificationResultOutFactsType0,
        )

        d = dict(src_dict)
        answered_at = datetime.datetime.fromisoformat(d.pop("answered_at"))

        department = VerificationResultOutDepartment(d.pop("department"))

        def _parse_facts(data: object) -> None | VerificationResultOutFactsType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                facts_type_0 = VerificationResultOutFactsType0.from_dict(data)

                return facts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | VerificationResultOutFactsType0, data)

        facts = _parse_facts(d.pop("facts"))

        id = d.pop("id")

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        outcome = VerificationResultOutOutcome(d.pop("outcome"))

        request_id = d.pop("request_id")

        def _parse_supersedes(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        supersedes = _parse_supersedes(d.pop("supersedes"))

        verification_result_out = cls(
            answered_at=answered_at,
            department=department,
            facts=facts,
            id=id,
            note=note,
            outcome=outcome,
            request_id=request_id,
            supersedes=supersedes,
        )

        verification_result_out.additional_properties = d
        return verification_result_out

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
