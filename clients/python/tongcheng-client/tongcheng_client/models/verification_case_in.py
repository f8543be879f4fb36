from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.verification_claims import VerificationClaims
    from ..models.verification_guardian_in import VerificationGuardianIn


T = TypeVar("T", bound="VerificationCaseIn")


@_attrs_define
class VerificationCaseIn:
    """``POST /cases``: one application with its guardians and claims (BRIEF §4 step 3).

    Attributes:
        application_no (str):
        child_birth_date (datetime.date): ISO date YYYY-MM-DD
        grade (int): entry grade: 1 (primary) or 7 (junior)
        guardians (list[VerificationGuardianIn]):
        season (int):
        claims (VerificationClaims | Unset): What a family claims, per claimed kind: one claim per guardian.
    """

    application_no: str
    child_birth_date: datetime.date
    grade: int
    guardians: list[VerificationGuardianIn]
    season: int
    claims: VerificationClaims | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        application_no = self.application_no

        child_birth_date = self.child_birth_date.isoformat()

        grade = self.grade

        guardians = []
        for guardians_item_data in self.guardians:
            guardians_item = guardians_item_data.to_dict()
            guardians.append(guardians_item)

        season = self.season

        claims: dict[str, Any] | Unset = UNSET
        if not isinstance(self.claims, Unset):
            claims = self.claims.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "application_no": application_no,
                "child_birth_date": child_birth_date,
                "grade": grade,
                "guardians": guardians,
                "season": season,
            }
        )
        if claims is not UNSET:
            field_dict["claims"] = claims

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.verification_claims import VerificationClaims
        from ..models.verification_guardian_in import VerificationGuardianIn

        d = dict(src_dict)
        application_no = d.pop("application_no")

        child_birth_date = datetime.date.fromisoformat(d.pop("child_birth_date"))

        grade = d.pop("grade")

        guardians = []
        _guardians = d.pop("guardians")
        for guardians_item_data in _guardians:
            guardians_item = VerificationGuardianIn.from_dict(guardians_item_data)

            guardians.append(guardians_item)

        season = d.pop("season")

        _claims = d.pop("claims", UNSET)
        claims: VerificationClaims | Unset
        if isinstance(_claims, Unset):
            claims = UNSET
        else:
            claims = VerificationClaims.from_dict(_claims)

        verification_case_in = cls(
            application_no=application_no,
            child_birth_date=child_birth_date,
            grade=grade,
            guardians=guardians,
            season=season,
            claims=claims,
        )

        return verification_case_in
