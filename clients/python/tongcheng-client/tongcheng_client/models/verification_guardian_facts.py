from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.verification_guardian_facts_pending_item import (
    VerificationGuardianFactsPendingItem,
)

if TYPE_CHECKING:
    from ..models.verification_guardian_facts_results import (
        VerificationGuardianFactsResults,
    )


T = TypeVar("T", bound="VerificationGuardianFacts")


@_attrs_define
class VerificationGuardianFacts:
    """
    Attributes:
        guardian_no (int):
        pending (list[VerificationGuardianFactsPendingItem]):
        results (VerificationGuardianFactsResults):
    """

    guardian_no: int
    pending: list[VerificationGuardianFactsPendingItem]
    results: VerificationGuardianFactsResults
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        guardian_no = self.guardian_no

        pending = []
        for pending_item_data in self.pending:
            pending_item = pending_item_data.value
            pending.append(pending_item)

        results = self.results.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "guardian_no": guardian_no,
                "pending": pending,
                "results": results,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.verification_guardian_facts_results import (
            VerificationGuardianFactsResults,
        )

        d = dict(src_dict)
        guardian_no = d.pop("guardian_no")

        pending = []
        _pending = d.pop("pending")
        for pending_item_data in _pending:
            pending_item = VerificationGuardianFactsPendingItem(pending_item_data)

            pending.append(pending_item)

        results = VerificationGuardianFactsResults.from_dict(d.pop("results"))

        verification_guardian_facts = cls(
            guardian_no=guardian_no,
            pending=pending,
            results=results,
        )

        verification_guardian_facts.additional_properties = d
        return verification_guardian_facts

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
