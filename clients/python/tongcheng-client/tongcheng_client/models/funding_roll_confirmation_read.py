from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FundingRollConfirmationRead")


@_attrs_define
class FundingRollConfirmationRead:
    """
    Attributes:
        attending (int):
        confirmed_at (datetime.datetime):
        confirmed_by (str):
        confirmed_role (str):
        entries_digest (str):
        id (int):
        ledger_seq (int):
        left (int):
        unchanged (int):
    """

    attending: int
    confirmed_at: datetime.datetime
    confirmed_by: str
    confirmed_role: str
    entries_digest: str
    id: int
    ledger_seq: int
    left: int
    unchanged: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attending = self.attending

        confirmed_at = self.confirmed_at.isoformat()

        confirmed_by = self.confirmed_by

        confirmed_role = self.confirmed_role

        entries_digest = self.entries_digest

        id = self.id

        ledger_seq = self.ledger_seq

        left = self.left

        unchanged = self.unchanged

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attending": attending,
                "confirmed_at": confirmed_at,
                "confirmed_by": confirmed_by,
                "confirmed_role": confirmed_role,
                "entries_digest": entries_digest,
                "id": id,
                "ledger_seq": ledger_seq,
                "left": left,
                "unchanged": unchanged,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        attending = d.pop("attending")

        confirmed_at = datetime.datetime.fromisoformat(d.pop("confirmed_at"))

        confirmed_by = d.pop("confirmed_by")

        confirmed_role = d.pop("confirmed_role")

        entries_digest = d.pop("entries_digest")

        id = d.pop("id")

        ledger_seq = d.pop("ledger_seq")

        left = d.pop("left")

        unchanged = d.pop("unchanged")

        funding_roll_confirmation_read = cls(
            attending=attending,
            confirmed_at=confirmed_at,
            confirmed_by=confirmed_by,
            confirmed_role=confirmed_role,
            entries_digest=entries_digest,
            id=id,
            ledger_seq=ledger_seq,
            left=left,
            unchanged=unchanged,
        )

        funding_roll_confirmation_read.additional_properties = d
        return funding_roll_confirmation_read

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
