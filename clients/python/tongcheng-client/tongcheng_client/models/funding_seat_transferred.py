from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.funding_seat_read import FundingSeatRead


T = TypeVar("T", bound="FundingSeatTransferred")


@_attrs_define
class FundingSeatTransferred:
    """
    Attributes:
        affected_settlements (list[int]):
        ended (FundingSeatRead):
        opened (FundingSeatRead):
    """

    affected_settlements: list[int]
    ended: FundingSeatRead
    opened: FundingSeatRead
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        affected_settlements = self.affected_settlements

        ended = self.ended.to_dict()

        opened = self.opened.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "affected_settlements": affected_settlements,
                "ended": ended,
                "opened": opened,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.funding_seat_read import FundingSeatRead

        d = dict(src_dict)
        affected_settlements = cast(list[int], d.pop("affected_settlements"))

        ended = FundingSeatRead.from_dict(d.pop("ended"))

        opened = FundingSeatRead.from_dict(d.pop("opened"))

        funding_seat_transferred = cls(
            affected_settlements=affected_settlements,
            ended=ended,
            opened=opened,
        )

        funding_seat_transferred.additional_properties = d
        return funding_seat_transferred

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
