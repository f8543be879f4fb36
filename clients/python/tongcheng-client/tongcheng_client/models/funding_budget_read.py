from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FundingBudgetRead")


@_attrs_define
class FundingBudgetRead:
    """Appropriation vs settled (approved settlements + adjustments) vs paid, for the semesters starting in
    ``year``.

        Attributes:
            appropriation (None | str):
            paid (str): yuan, decimal string with 2 places
            remaining (None | str): appropriation − settled
            semesters (list[str]):
            settled (str): yuan, decimal string with 2 places
            updated_at (datetime.datetime | None):
            updated_by (None | str):
            version (int | None):
            year (int):
    """

    appropriation: None | str
    paid: str
    remaining: None | str
    semesters: list[str]
    settled: str
    updated_at: datetime.datetime | None
    updated_by: None | str
    version: int | None
    year: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        appropriation: None | str
        appropriation = self.appropriation

        paid = self.paid

        remaining: None | str
        remaining = self.remaining

        semesters = self.semesters

        settled = self.settled

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        updated_by: None | str
        updated_by = self.updated_by

        version: int | None
        version = self.version

        year = self.year

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appropriation": appropriation,
                "paid": paid,
                "remaining": remaining,
                "semesters": semesters,
                "settled": settled,
                "updated_at": updated_at,
                "updated_by": updated_by,
                "version": version,
                "year": year,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_appropriation(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        appropriation = _parse_appropriation(d.pop("appropriation"))

        paid = d.pop("paid")

        def _parse_remaining(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        remaining = _parse_remaining(d.pop("remaining"))

        semesters = cast(list[str], d.pop("semesters"))

        settled = d.pop("settled")

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        def _parse_updated_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        updated_by = _parse_updated_by(d.pop("updated_by"))

        def _parse_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        version = _parse_version(d.pop("version"))

        year = d.pop("year")

        funding_budget_read = cls(
            appropriation=appropriation,
            paid=paid,
            remaining=remaining,
            semesters=semesters,
            settled=settled,
            updated_at=updated_at,
            updated_by=updated_by,
            version=version,
            year=year,
        )

        funding_budget_read.additional_properties = d
        return funding_budget_read

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
