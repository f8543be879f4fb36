from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.funding_pupil_line import FundingPupilLine
    from ..models.funding_pupil_roll import FundingPupilRoll
    from ..models.funding_seat_read import FundingSeatRead


T = TypeVar("T", bound="FundingPupilReport")


@_attrs_define
class FundingPupilReport:
    """
    Attributes:
        application_no (str):
        draft_total (str): draft lines, not yet approved (they may still change)
        lines (list[FundingPupilLine]):
        rolls (list[FundingPupilRoll]): each seat's roll status per semester it meets (在校确认)
        seats (list[FundingSeatRead]):
        total (str): approved and paid lines with their adjustments: what the district owes or paid
    """

    application_no: str
    draft_total: str
    lines: list[FundingPupilLine]
    rolls: list[FundingPupilRoll]
    seats: list[FundingSeatRead]
    total: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_no = self.application_no

        draft_total = self.draft_total

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        rolls = []
        for rolls_item_data in self.rolls:
            rolls_item = rolls_item_data.to_dict()
            rolls.append(rolls_item)

        seats = []
        for seats_item_data in self.seats:
            seats_item = seats_item_data.to_dict()
            seats.append(seats_item)

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_no": application_no,
                "draft_total": draft_total,
                "lines": lines,
                "rolls": rolls,
                "seats": seats,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.funding_pupil_line import FundingPupilLine
        from ..models.funding_pupil_roll import FundingPupilRoll
        from ..models.funding_seat_read import FundingSeatRead

        d = dict(src_dict)
        application_no = d.pop("application_no")

        draft_total = d.pop("draft_total")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = FundingPupilLine.from_dict(lines_item_data)

            lines.append(lines_item)

        rolls = []
        _rolls = d.pop("rolls")
        for rolls_item_data in _rolls:
            rolls_item = FundingPupilRoll.from_dict(rolls_item_data)

            rolls.append(rolls_item)

        seats = []
        _seats = d.pop("seats")
        for seats_item_data in _seats:
            seats_item = FundingSeatRead.from_dict(seats_item_data)

            seats.append(seats_item)

        total = d.pop("total")

        funding_pupil_report = cls(
            application_no=application_no,
            draft_total=draft_total,
            lines=lines,
            rolls=rolls,
            seats=seats,
            total=total,
        )

        funding_pupil_report.additional_properties = d
        return funding_pupil_report

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
