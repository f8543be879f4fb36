from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.funding_roll_confirmation_read import FundingRollConfirmationRead


T = TypeVar("T", bound="FundingRollConfirmed")


@_attrs_define
class FundingRollConfirmed:
    """
    Attributes:
        confirmation (FundingRollConfirmationRead):
        school_code (str):
        semester (str):
        version (int):
    """

    confirmation: FundingRollConfirmationRead
    school_code: str
    semester: str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        confirmation = self.confirmation.to_dict()

        school_code = self.school_code

        semester = self.semester

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "confirmation": confirmation,
                "school_code": school_code,
                "semester": semester,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.funding_roll_confirmation_read import FundingRollConfirmationRead

        d = dict(src_dict)
        confirmation = FundingRollConfirmationRead.from_dict(d.pop("confirmation"))

        school_code = d.pop("school_code")

        semester = d.pop("semester")

        version = d.pop("version")

        funding_roll_confirmed = cls(
            confirmation=confirmation,
            school_code=school_code,
            semester=semester,
            version=version,
        )

        funding_roll_confirmed.additional_properties = d
        return funding_roll_confirmed

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
