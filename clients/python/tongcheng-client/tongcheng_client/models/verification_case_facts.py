from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.verification_guardian_facts import VerificationGuardianFacts


T = TypeVar("T", bound="VerificationCaseFacts")


@_attrs_define
class VerificationCaseFacts:
    """What points scores from: current results per guardian and kind, no ID numbers or names.

    Attributes:
        application_no (str):
        child_birth_date (datetime.date):
        digest (str):
        grade (int):
        guardians (list[VerificationGuardianFacts]):
        season (int):
        seq (int):
    """

    application_no: str
    child_birth_date: datetime.date
    digest: str
    grade: int
    guardians: list[VerificationGuardianFacts]
    season: int
    seq: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_no = self.application_no

        child_birth_date = self.child_birth_date.isoformat()

        digest = self.digest

        grade = self.grade

        guardians = []
        for guardians_item_data in self.guardians:
            guardians_item = guardians_item_data.to_dict()
            guardians.append(guardians_item)

        season = self.season

        seq = self.seq

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_no": application_no,
                "child_birth_date": child_birth_date,
                "digest": digest,
                "grade": grade,
                "guardians": guardians,
                "season": season,
                "seq": seq,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.verification_guardian_facts import VerificationGuardianFacts

        d = dict(src_dict)
        application_no = d.pop("application_no")

        child_birth_date = datetime.date.fromisoformat(d.pop("child_birth_date"))

        digest = d.pop("digest")

        grade = d.pop("grade")

        guardians = []
        _guardians = d.pop("guardians")
        for guardians_item_data in _guardians:
            guardians_item = VerificationGuardianFacts.from_dict(guardians_item_data)

            guardians.append(guardians_item)

        season = d.pop("season")

        seq = d.pop("seq")

        verification_case_facts = cls(
            application_no=application_no,
            child_birth_date=child_birth_date,
            digest=digest,
            grade=grade,
            guardians=guardians,
            season=season,
            seq=seq,
        )

        verification_case_facts.additional_properties = d
        return verification_case_facts

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
