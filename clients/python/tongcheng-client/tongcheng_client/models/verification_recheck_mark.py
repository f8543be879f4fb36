from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VerificationRecheckMark")


@_attrs_define
class VerificationRecheckMark:
    """An open re-check (复核) on a request: the upheld appeal asking it and the family's ground (issue 13).

    Attributes:
        appeal_ref (str):
        ground (None | str):
        requested_at (datetime.datetime):
    """

    appeal_ref: str
    ground: None | str
    requested_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        appeal_ref = self.appeal_ref

        ground: None | str
        ground = self.ground

        requested_at = self.requested_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appeal_ref": appeal_ref,
                "ground": ground,
                "requested_at": requested_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        appeal_ref = d.pop("appeal_ref")

        def _parse_ground(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        ground = _parse_ground(d.pop("ground"))

        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))

        verification_recheck_mark = cls(
            appeal_ref=appeal_ref,
            ground=ground,
            requested_at=requested_at,
        )

        verification_recheck_mark.additional_properties = d
        return verification_recheck_mark

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
