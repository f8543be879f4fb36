from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FundingTariffPut")


@_attrs_define
class FundingTariffPut:
    """购买学位标准 inputs (yuan per pupil per semester). ``standard`` omitted → the suggestion, i.e. the lower of
    operating cost and original fee.

        Attributes:
            operating_cost_per_pupil (float | str):
            original_fee (float | str):
            note (None | str | Unset):
            standard (float | None | str | Unset):
    """

    operating_cost_per_pupil: float | str
    original_fee: float | str
    note: None | str | Unset = UNSET
    standard: float | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        operating_cost_per_pupil: float | str
        operating_cost_per_pupil = self.operating_cost_per_pupil

        original_fee: float | str
        original_fee = self.original_fee

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        standard: float | None | str | Unset
        if isinstance(self.standard, Unset):
            standard = UNSET
        else:
            standard = self.standard

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "operating_cost_per_pupil": operating_cost_per_pupil,
                "original_fee": original_fee,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if standard is not UNSET:
            field_dict["standard"] = standard

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_operating_cost_per_pupil(data: object) -> float | str:
            return cast(float | str, data)

        operating_cost_per_pupil = _parse_operating_cost_per_pupil(
            d.pop("operating_cost_per_pupil")
        )

        def _parse_original_fee(data: object) -> float | str:
            return cast(float | str, data)

        original_fee = _parse_original_fee(d.pop("original_fee"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_standard(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        standard = _parse_standard(d.pop("standard", UNSET))

        funding_tariff_put = cls(
            operating_cost_per_pupil=operating_cost_per_pupil,
            original_fee=original_fee,
            note=note,
            standard=standard,
        )

        return funding_tariff_put
