from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.verification_request_brief_department import (
    VerificationRequestBriefDepartment,
)
from ..models.verification_request_brief_kind import VerificationRequestBriefKind
from ..models.verification_request_brief_state import VerificationRequestBriefState

T = TypeVar("T", bound="VerificationRequestBrief")


@_attrs_define
class VerificationRequestBrief:
    """
    Attributes:
        department (VerificationRequestBriefDepartment):
        guardian_no (int):
        id (int):
        kind (VerificationRequestBriefKind):
        state (VerificationRequestBriefState):
    """

    department: VerificationRequestBriefDepartment
    guardian_no: int
    id: int
    kind: VerificationRequestBriefKind
    state: VerificationRequestBriefState
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        department = self.department.value

        guardian_no = self.guardian_no

        id = self.id

        kind = self.kind.value

        state = self.state.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "department": department,
                "guardian_no": guardian_no,
                "id": id,
                "kind": kind,
                "state": state,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        department = VerificationRequestBriefDepartment(d.pop("department"))

        guardian_no = d.pop("guardian_no")

        id = d.pop("id")

        kind = VerificationRequestBriefKind(d.pop("kind"))

        state = VerificationRequestBriefState(d.pop("state"))

        verification_request_brief = cls(
            department=department,
            guardian_no=guardian_no,
            id=id,
            kind=kind,
            state=state,
        )

        verification_request_brief.additional_properties = d
        return verification_request_brief

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
