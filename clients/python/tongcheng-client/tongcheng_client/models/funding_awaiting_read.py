from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.funding_pupil import FundingPupil


T = TypeVar("T", bound="FundingAwaitingRead")


@_attrs_define
class FundingAwaitingRead:
    """
    Attributes:
        application_no (str):
        pupil (FundingPupil):
        seat_id (int):
    """

    application_no: str
    pupil: FundingPupil
    seat_id: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_no = self.application_no

        pupil = self.pupil.to_dict()

        seat_id = self.seat_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_no": application_no,
                "pupil": pupil,
                "seat_id": seat_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.funding_pupil import FundingPupil

        d = dict(src_dict)
        application_no = d.pop("application_no")

        pupil = FundingPupil.from_dict(d.pop("pupil"))

        seat_id = d.pop("seat_id")

        funding_awaiting_read = cls(
            application_no=application_no,
            pupil=pupil,
            seat_id=seat_id,
        )

        funding_awaiting_read.additional_properties = d
        return funding_awaiting_read

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
