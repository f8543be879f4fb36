from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.enrollment_child import EnrollmentChild
    from ..models.enrollment_claims import EnrollmentClaims
    from ..models.enrollment_guardian import EnrollmentGuardian


T = TypeVar("T", bound="EnrollmentApplicationIn")


@_attrs_define
class EnrollmentApplicationIn:
    """``POST /applications``: field types here; the rules across fields (birth date = the ID number's, distinct
    guardians, claims naming existing guardians) are ``rules.check_application``, the choices against the
    schools ``rules.check_choices`` — both give a field and a stable code.

        Attributes:
            child (EnrollmentChild):
            grade (int): entry grade: 1 (primary) or 7 (junior)
            guardians (list[EnrollmentGuardian]):
            season (int): the season's year
            township_code (str):
            claims (EnrollmentClaims | Unset): What a family claims, per claimed kind: one claim per guardian.
            private_choices (list[str] | Unset):
            public_choices (list[str] | Unset):
    """

    child: EnrollmentChild
    grade: int
    guardians: list[EnrollmentGuardian]
    season: int
    township_code: str
    claims: EnrollmentClaims | Unset = UNSET
    private_choices: list[str] | Unset = UNSET
    public_choices: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        child = self.child.to_dict()

        grade = self.grade

        guardians = []
        for guardians_item_data in self.guardians:
            guardians_item = guardians_item_data.to_dict()
            guardians.append(guardians_item)

        season = self.season

        township_code = self.township_code

        claims: dict[str, Any] | Unset = UNSET
        if not isinstance(self.claims, Unset):
            claims = self.claims.to_dict()

        private_choices: list[str] | Unset = UNSET
        if not isinstance(self.private_choices, Unset):
            private_choices = self.private_choices

        public_choices: list[str] | Unset = UNSET
        if not isinstance(self.public_choices, Unset):
            public_choices = self.public_choices

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "child": child,
                "grade": grade,
                "guardians": guardians,
                "season": season,
                "township_code": township_code,
            }
        )
        if claims is not UNSET:
            field_dict["claims"] = claims
        if private_choices is not UNSET:
            field_dict["private_choices"] = private_choices
        if public_choices is not UNSET:
            field_dict["public_choices"] = public_choices

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.enrollment_child import EnrollmentChild
        from ..models.enrollment_claims import EnrollmentClaims
        from ..models.enrollment_guardian import EnrollmentGuardian

        d = dict(src_dict)
        child = EnrollmentChild.from_dict(d.pop("child"))

        grade = d.pop("grade")

        guardians = []
        _guardians = d.pop("guardians")
        for guardians_item_data in _guardians:
            guardians_item = EnrollmentGuardian.from_dict(guardians_item_data)

            guardians.append(guardians_item)

        season = d.pop("season")

        township_code = d.pop("township_code")

        _claims = d.pop("claims", UNSET)
        claims: EnrollmentClaims | Unset
        if isinstance(_claims, Unset):
            claims = UNSET
        else:
            claims = EnrollmentClaims.from_dict(_claims)

        private_choices = cast(list[str], d.pop("private_choices", UNSET))

        public_choices = cast(list[str], d.pop("public_choices", UNSET))

        enrollment_application_in = cls(
            child=child,
            grade=grade,
            guardians=guardians,
            season=season,
            township_code=township_code,
            claims=claims,
            private_choices=private_choices,
            public_choices=public_choices,
        )

        return enrollment_application_in
