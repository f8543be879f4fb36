from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.verification_recheck_out_department import (
    VerificationRecheckOutDepartment,
)
from ..models.verification_recheck_out_kind import VerificationRecheckOutKind

if TYPE_CHECKING:
    from ..models.verification_result_out import VerificationResultOut


T = TypeVar("T", bound="VerificationRecheckOut")


@_attrs_define
class VerificationRecheckOut:
    """
    Attributes:
        application_no (str):
        department (VerificationRecheckOutDepartment):
        ground (None | str):
        guardian_no (int):
        kind (VerificationRecheckOutKind):
        open_ (bool):
        ref (str):
        request_id (int):
        requested_at (datetime.datetime | None):
        result (None | VerificationResultOut):
    """

    application_no: str
    department: VerificationRecheckOutDepartment
    ground: None | str
    guardian_no: int
    kind: VerificationRecheckOutKind
    open_: bool
    ref: str
    request_id: int
    requested_at: datetime.datetime | None
    result: None | VerificationResultOut
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.verification_result_out import VerificationResultOut

        application_no = self.application_no

        department = self.department.value

        ground: None | str
        ground = self.ground

        guardian_no = self.guardian_no

        kind = self.kind.value

        open_ = self.open_

        ref = self.ref

        request_id = self.request_id

        requested_at: None | str
        if isinstance(self.requested_at, datetime.datetime):
            requested_at = self.requested_at.isoformat()
        else:
            requested_at = self.requested_at

        result: dict[str, Any] | None
        if isinstance(self.result, VerificationResultOut):
            result = self.result.to_dict()
        else:
            result = self.result

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_no": application_no,
                "department": department,
                "ground": ground,
                "guardian_no": guardian_no,
                "kind": kind,
                "open": open_,
                "ref": ref,
                "request_id": request_id,
                "requested_at": requested_at,
                "result": result,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.verification_result_out import VerificationResultOut

        d = dict(src_dict)
        application_no = d.pop("application_no")

        department = VerificationRecheckOutDepartment(d.pop("department"))

        def _parse_ground(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ground = _parse_ground(d.pop("ground"))

        guardian_no = d.pop("guardian_no")

        kind = VerificationRecheckOutKind(d.pop("kind"))

        open_ = d.pop("open")

        ref = d.pop("ref")

        request_id = d.pop("request_id")

        def _parse_requested_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                requested_at_type_0 = datetime.datetime.fromisoformat(data)

                return requested_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        requested_at = _parse_requested_at(d.pop("requested_at"))

        def _parse_result(data: object) -> None | VerificationResultOut:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = VerificationResultOut.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | VerificationResultOut, data)

        result = _parse_result(d.pop("result"))

        verification_recheck_out = cls(
            application_no=application_no,
            department=department,
            ground=ground,
            guardian_no=guardian_no,
            kind=kind,
            open_=open_,
            ref=ref,
            request_id=request_id,
            requested_at=requested_at,
            result=result,
        )

        verification_recheck_out.additional_properties = d
        return verification_recheck_out

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
