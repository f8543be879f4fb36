from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.funding_seat_read import FundingSeatRead


T = TypeVar("T", bound="FundingSeatEndResult")


@_attrs_define
class FundingSeatEndResult:
    """
    Attributes:
        affected_settlements (list[int]): approved or paid settlements that counted this seat past its new end date:
            each needs an adjustment (POST /adjustments)
        seat (FundingSeatRead):
    """

    affected_settlements: list[int]
    seat: FundingSeatRead
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        affected_settlements = self.affected_settlements

        seat = self.seat.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "affected_settlements": affected_settlements,
                "seat": seat,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.funding_seat_read import FundingSeatRead

        d = dict(src_dict)
        affected_settlements = cast(list[int], d.pop("affected_settlements"))

        seat = FundingSeatRead.from_dict(d.pop("seat"))

        funding_seat_end_result = cls(
            affected_settlements=affected_settlements,
            seat=seat,
        )

        funding_seat_end_result.additional_properties = d
        return funding_seat_end_result

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
