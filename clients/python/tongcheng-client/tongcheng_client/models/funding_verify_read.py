from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.funding_broken_read import FundingBrokenRead
    from ..models.funding_mismatch import FundingMismatch


T = TypeVar("T", bound="FundingVerifyRead")


@_attrs_define
class FundingVerifyRead:
    """``ok`` = the chain is intact (``first_broken`` null) and the records agree with it (``mismatches`` empty).

    Attributes:
        checked_at (datetime.datetime):
        entries (int):
        first_broken (FundingBrokenRead | None):
        head_hash (str):
        mismatches (list[FundingMismatch]):
        ok (bool):
        records_checked (int): settlements, adjustments and disbursements compared with the ledger
    """

    checked_at: datetime.datetime
    entries: int
    first_broken: FundingBrokenRead | None
    head_hash: str
    mismatches: list[FundingMismatch]
    ok: bool
    records_checked: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.funding_broken_read import FundingBrokenRead

        checked_at = self.checked_at.isoformat()

        entries = self.entries

        first_broken: dict[str, Any] | None
        if isinstance(self.first_broken, FundingBrokenRead):
            first_broken = self.first_broken.to_dict()
        else:
            first_broken = self.first_broken

        head_hash = self.head_hash

        mismatches = []
        for mismatches_item_data in self.mismatches:
            mismatches_item = mismatches_item_data.to_dict()
            mismatches.append(mismatches_item)

        ok = self.ok

        records_checked = self.records_checked

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "checked_at": checked_at,
                "entries": entries,
                "first_broken": first_broken,
                "head_hash": head_hash,
                "mismatches": mismatches,
                "ok": ok,
                "records_checked": records_checked,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.funding_broken_read import FundingBrokenRead
        from ..models.funding_mismatch import FundingMismatch

        d = dict(src_dict)
        checked_at = datetime.datetime.fromisoformat(d.pop("checked_at"))

        entries = d.pop("entries")

        def _parse_first_broken(data: object) -> FundingBrokenRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                first_broken_type_0 = FundingBrokenRead.from_dict(data)

                return first_broken_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FundingBrokenRead | None, data)

        first_broken = _parse_first_broken(d.pop("first_broken"))

        head_hash = d.pop("head_hash")

        mismatches = []
        _mismatches = d.pop("mismatches")
        for mismatches_item_data in _mismatches:
            mismatches_item = FundingMismatch.from_dict(mismatches_item_data)

            mismatches.append(mismatches_item)

        ok = d.pop("ok")

        records_checked = d.pop("records_checked")

        funding_verify_read = cls(
            checked_at=checked_at,
            entries=entries,
            first_broken=first_broken,
            head_hash=head_hash,
            mismatches=mismatches,
            ok=ok,
            records_checked=records_checked,
        )

        funding_verify_read.additional_properties = d
        return funding_verify_read

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
