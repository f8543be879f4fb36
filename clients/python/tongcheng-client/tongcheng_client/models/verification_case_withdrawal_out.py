from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.verification_request_brief import VerificationRequestBrief


T = TypeVar("T", bound="VerificationCaseWithdrawalOut")


@_attrs_define
class VerificationCaseWithdrawalOut:
    """``POST /cases/{application_no}/withdrawal``: when the case was withdrawn, its requests (all ``withdrawn``).

    Attributes:
        application_no (str):
        requests (list[VerificationRequestBrief]):
        withdrawn_at (datetime.datetime):
    """

    application_no: str
    requests: list[VerificationRequestBrief]
    withdrawn_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_no = self.application_no

        requests = []
        for requests_item_data in self.requests:
            requests_item = requests_item_data.to_dict()
            requests.append(requests_item)

        withdrawn_at = self.withdrawn_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_no": application_no,
                "requests": requests,
                "withdrawn_at": withdrawn_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.verification_request_brief import VerificationRequestBrief

        d = dict(src_dict)
        application_no = d.pop("application_no")

        requests = []
        _requests = d.pop("requests")
        for requests_item_data in _requests:
            requests_item = VerificationRequestBrief.from_dict(requests_item_data)

            requests.append(requests_item)

        withdrawn_at = datetime.datetime.fromisoformat(d.pop("withdrawn_at"))

        verification_case_withdrawal_out = cls(
            application_no=application_no,
            requests=requests,
            withdrawn_at=withdrawn_at,
        )

        verification_case_withdrawal_out.additional_properties = d
        return verification_case_withdrawal_out

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
