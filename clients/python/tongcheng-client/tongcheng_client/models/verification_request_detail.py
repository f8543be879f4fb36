from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.verification_request_detail_department import (
    VerificationRequestDetailDepartment,
)
from ..models.verification_request_detail_kind import VerificationRequestDetailKind
from ..models.verification_request_detail_state import VerificationRequestDetailState
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.verification_recheck_mark import VerificationRecheckMark
    from ..models.verification_request_detail_claim import (
        VerificationRequestDetailClaim,
    )
    from ..models.verification_result_out import VerificationResultOut


T = TypeVar("T", bound="VerificationRequestDetail")


@_attrs_define
class VerificationRequestDetail:
    """
    Attributes:
        answered_at (datetime.datetime | None):
        application_no (str):
        claim (VerificationRequestDetailClaim):
        created_at (datetime.datetime):
        department (VerificationRequestDetailDepartment):
        grade (int):
        guardian_no (int):
        history (list[VerificationResultOut]):
        id (int):
        kind (VerificationRequestDetailKind):
        season (int):
        state (VerificationRequestDetailState):
        subject_id_number (str):
        subject_name (str):
        recheck (None | Unset | VerificationRecheckMark):
    """

    answered_at: datetime.datetime | None
    application_no: str
    claim: VerificationRequestDetailClaim
    created_at: datetime.datetime
    department: VerificationRequestDetailDepartment
    grade: int
    guardian_no: int
    history: list[VerificationResultOut]
    id: int
    kind: VerificationRequestDetailKind
    season: int
    state: VerificationRequestDetailState
    subject_id_number: str
    subject_name: str
    recheck: None | Unset | VerificationRecheckMark = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.verification_recheck_mark import VerificationRecheckMark

        answered_at: None | str
        if isinstance(self.answered_at, datetime.datetime):
            answered_at = self.answered_at.isoformat()
        else:
            answered_at = self.answered_at

        application_no = self.application_no

        claim = self.claim.to_dict()

        created_at = self.created_at.isoformat()

        department = self.department.value

        grade = self.grade

        guardian_no = self.guardian_no

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        id = self.id

        kind = self.kind.value

        season = self.season

        state = self.state.value

        subject_id_number = self.subject_id_number

        subject_name = self.subject_name

        recheck: dict[str, Any] | None | Unset
        if isinstance(self.recheck, Unset):
            recheck = UNSET
        elif isinstance(self.recheck, VerificationRecheckMark):
            recheck = self.recheck.to_dict()
        else:
            recheck = self.recheck

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answered_at": answered_at,
                "application_no": application_no,
                "claim": claim,
                "created_at": created_at,
                "department": department,
                "grade": grade,
                "guardian_no": guardian_no,
                "history": history,
                "id": id,
                "kind": kind,
                "season": season,
                "state": state,
                "subject_id_number": subject_id_number,
                "subject_name": subject_name,
            }
        )
        if recheck is not UNSET:
            field_dict["recheck"] = recheck

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.verification_recheck_mark import VerificationRecheckMark
        from ..models.verification_request_detail_claim import (
            VerificationRequestDetailClaim,
        )
        from ..models.verification_result_out import VerificationResultOut

        d = dict(src_dict)

        def _parse_answered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answered_at_type_0 = datetime.datetime.fromisoformat(data)

                return answered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        answered_at = _parse_answered_at(d.pop("answered_at"))

        application_no = d.pop("application_no")

        claim = VerificationRequestDetailClaim.from_dict(d.pop("claim"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        department = VerificationRequestDetailDepartment(d.pop("department"))

        grade = d.pop("grade")

        guardian_no = d.pop("guardian_no")

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = VerificationResultOut.from_dict(history_item_data)

            history.append(history_item)

        id = d.pop("id")

        kind = VerificationRequestDetailKind(d.pop("kind"))

        season = d.pop("season")

        state = VerificationRequestDetailState(d.pop("state"))

        subject_id_number = d.pop("subject_id_number")

        subject_name = d.pop("subject_name")

        def _parse_recheck(data: object) -> None | Unset | VerificationRecheckMark:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recheck_type_0 = VerificationRecheckMark.from_dict(data)

                return recheck_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VerificationRecheckMark, data)

        recheck = _parse_recheck(d.pop("recheck", UNSET))

        verification_request_detail = cls(
            answered_at=answered_at,
            application_no=application_no,
            claim=claim,
            created_at=created_at,
            department=department,
            grade=grade,
            guardian_no=guardian_no,
            history=history,
            id=id,
            kind=kind,
            season=season,
            state=state,
            subject_id_number=subject_id_number,
            subject_name=subject_name,
            recheck=recheck,
        )

        verification_request_detail.additional_properties = d
        return verification_request_detail

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
