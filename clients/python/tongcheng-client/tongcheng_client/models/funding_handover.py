from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.funding_seat_in import FundingSeatIn


T = TypeVar("T", bound="FundingHandover")


@_attrs_define
class FundingHandover:
    """Placed pupils handed over by enrollment when a run is finalised (≤ 1000 seats per call).

    Attributes:
        seats (list[FundingSeatIn]):
        run_id (None | str | Unset):
    """

    seats: list[FundingSeatIn]
    run_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        seats = []
        for seats_item_data in self.seats:
            seats_item = seats_item_data.to_dict()
            seats.append(seats_item)

        run_id: None | str | Unset
        if isinstance(self.run_id, Unset):
            run_id = UNSET
        else:
            run_id = self.run_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "seats": seats,
            }
        )
        if run_id is not UNSET:
            field_dict["run_id"] = run_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.funding_seat_in import FundingSeatIn

        d = dict(src_dict)
        seats = []
        _seats = d.pop("seats")
        for seats_item_data in _seats:
            seats_item = FundingSeatIn.from_dict(seats_item_data)

            seats.append(seats_item)

        def _parse_run_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        run_id = _parse_run_id(d.pop("run_id", UNSET))

        funding_handover = cls(
            seats=seats,
            run_id=run_id,
        )

        return funding_handover
