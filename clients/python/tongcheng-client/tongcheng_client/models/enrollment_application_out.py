from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.enrollment_application_out_child import EnrollmentApplicationOutChild
    from ..models.enrollment_application_out_claims import (
        EnrollmentApplicationOutClaims,
    )
    from ..models.enrollment_application_out_guardians_item import (
        EnrollmentApplicationOutGuardiansItem,
    )


T = TypeVar("T", bound="EnrollmentApplicationOut")


@_attrs_define
class EnrollmentApplicationOut:
    """
    Attributes:
        application_no (str):
        child (EnrollmentApplicationOutChild):
        claims (EnrollmentApplicationOutClaims):
        grade (int):
        guardians (list[EnrollmentApplicationOutGuardiansItem]):
        private_choices (list[str]):
        public_choices (list[str]):
        season (int):
        state (str):
        submitted_at (datetime.datetime):
        township_code (str):
        version (int):
        withdrawn_at (datetime.datetime | None):
        next_application_no (None | str | Unset):
        previous_application_no (None | str | Unset):
    """

    application_no: str
    child: EnrollmentApplicationOutChild
    claims: EnrollmentApplicationOutClaims
    grade: int
    guardians: list[EnrollmentApplicationOutGuardiansItem]
    private_choices: list[str]
    public_choices: list[str]
    season: int
    state: str
    submitted_at: datetime.datetime
    township_code: str
    version: int
    withdrawn_at: datetime.datetime | None
    next_application_no: None | str | Unset = UNSET
    previous_application_no: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_no = self.application_no

        child = self.child.to_dict()

        claims = self.claims.to_dict()

        grade = self.grade

        guardians = []
        for guardians_item_data in self.guardians:
            guardians_item = guardians_item_data.to_dict()
            guardians.append(guardians_item)

        private_choices = self.private_choices

        public_choices = self.public_choices

        season = self.season

        state = self.state

        submitted_at = self.submitted_at.isoformat()

        township_code = self.township_code

        version = self.version

        withdrawn_at: None | str
        if isinstance(self.withdrawn_at, datetime.datetime):
            withdrawn_at = self.withdrawn_at.isoformat()
        else:
            withdrawn_at = self.withdrawn_at

        next_application_no: None | str | Unset
        if isinstance(self.next_application_no, Unset):
            next_application_no = UNSET
        else:
            next_application_no = self.next_application_no

        previous_application_no: None | str | Unset
        if isinstance(self.previous_application_no, Unset):
            previous_application_no = UNSET
        else:
            previous_application_no = self.previous_application_no

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_no": application_no,
                "child": child,
                "claims": claims,
                "grade": grade,
                "guardians": guardians,
                "private_choices": private_choices,
                "public_choices": public_choices,
                "season": season,
                "state": state,
                "submitted_at": submitted_at,
                "township_code": township_code,
                "version": version,
                "withdrawn_at": withdrawn_at,
            }
        )
        if next_application_no is not UNSET:
            field_dict["next_application_no"] = next_application_no
        if previous_application_no is not UNSET:
            field_dict["previous_application_no"] = previous_application_no

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.enrollment_application_out_child import (
            EnrollmentApplicationOutChild,
        )
        from ..models.enrollment_application_out_claims import (
            EnrollmentApplicationOutClaims,
        )
        from ..models.enrollment_application_out_guardians_item import (
            EnrollmentApplicationOutGuardiansItem,
        )

        d = dict(src_dict)
        application_no = d.pop("application_no")

        child = EnrollmentApplicationOutChild.from_dict(d.pop("child"))

        claims = EnrollmentApplicationOutClaims.from_dict(d.pop("claims"))

        grade = d.pop("grade")

        guardians = []
        _guardians = d.pop("guardians")
        for guardians_item_data in _guardians:
            guardians_item = EnrollmentApplicationOutGuardiansItem.from_dict(
                guardians_item_data
            )

            guardians.append(guardians_item)

        private_choices = cast(list[str], d.pop("private_choices"))

        public_choices = cast(list[str], d.pop("public_choices"))

        season = d.pop("season")

        state = d.pop("state")

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

        township_code = d.pop("township_code")

        version = d.pop("version")

        def _parse_withdrawn_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                withdrawn_at_type_0 = datetime.datetime.fromisoformat(data)

                return withdrawn_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        withdrawn_at = _parse_withdrawn_at(d.pop("withdrawn_at"))

        def _parse_next_application_no(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_application_no = _parse_next_application_no(
            d.pop("next_application_no", UNSET)
        )

        def _parse_previous_application_no(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        previous_application_no = _parse_previous_application_no(
            d.pop("previous_application_no", UNSET)
        )

        enrollment_application_out = cls(
            application_no=application_no,
            child=child,
            claims=claims,
            grade=grade,
            guardians=guardians,
            private_choices=private_choices,
            public_choices=public_choices,
            season=season,
            state=state,
            submitted_at=submitted_at,
            township_code=township_code,
            version=version,
            withdrawn_at=withdrawn_at,
            next_application_no=next_application_no,
            previous_application_no=previous_application_no,
        )

        enrollment_application_out.additional_properties = d
        return enrollment_application_out

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
