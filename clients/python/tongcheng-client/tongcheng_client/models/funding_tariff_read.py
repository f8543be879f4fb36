from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.funding_tariff_read_standard_source import FundingTariffReadStandardSource

T = TypeVar("T", bound="FundingTariffRead")


@_attrs_define
class FundingTariffRead:
    """
    Attributes:
        decided_at (datetime.datetime):
        decided_by (str):
        note (None | str):
        operating_cost_per_pupil (str): yuan, decimal string with 2 places
        original_fee (str): yuan, decimal string with 2 places
        school_code (str):
        semester (str):
        standard (str): yuan, decimal string with 2 places
        standard_source (FundingTariffReadStandardSource):
        suggestion (str): yuan, decimal string with 2 places
        version (int):
    """

    decided_at: datetime.datetime
    decided_by: str
    note: None | str
    operating_cost_per_pupil: str
    original_fee: str
    school_code: str
    semester: str
    standard: str
    standard_source: FundingTariffReadStandardSource
    suggestion: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        decided_at = self.decided_at.isoformat()

        decided_by = self.decided_by

        note: None | str
        note = self.note

        operating_cost_per_pupil = self.operating_cost_per_pupil

        original_fee = self.original_fee

        school_code = self.school_code

        semester = self.semester

        standard = self.standard

        standard_source = self.standard_source.value

        suggestion = self.suggestion

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "decided_at": decided_at,
                "decided_by": decided_by,
                "note": note,
                "operating_cost_per_pupil": operating_cost_per_pupil,
                "original_fee": original_fee,
                "school_code": school_code,
                "semester": semester,
                "standard": standard,
                "standard_source": standard_source,
                "suggestion": suggestion,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        decided_at = datetime.datetime.fromisoformat(d.pop("decided_at"))

        decided_by = d.pop("decided_by")

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        operating_cost_per_pupil = d.pop("operating_cost_per_pupil")

        original_fee = d.pop("original_fee")

        school_code = d.pop("school_code")

        semester = d.pop("semester")

        standard = d.pop("standard")

        standard_source = FundingTariffReadStandardSource(d.pop("standard_source"))

        suggestion = d.pop("suggestion")

        version = d.pop("version")

        funding_tariff_read = cls(
            decided_at=decided_at,
            decided_by=decided_by,
            note=note,
            operating_cost_per_pupil=operating_cost_per_pupil,
            original_fee=original_fee,
            school_code=school_code,
            semester=semester,
            standard=standard,
            standard_source=standard_source,
            suggestion=suggestion,
            version=version,
        )

        funding_tariff_read.additional_properties = d
        return funding_tariff_read

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
