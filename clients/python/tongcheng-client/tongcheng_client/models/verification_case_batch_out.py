from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VerificationCaseBatchOut")


@_attrs_define
class VerificationCaseBatchOut:
    """``created`` new cases, ``existing`` replays (``amended`` of which changed their claims).

    Attributes:
        amended (int):
        application_nos (list[str]):
        created (int):
        existing (int):
    """

    amended: int
    application_nos: list[str]
    created: int
    existing: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amended = self.amended

        application_nos = self.application_nos

        created = self.created

        existing = self.existing

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amended": amended,
                "application_nos": application_nos,
                "created": created,
                "existing": existing,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amended = d.pop("amended")

        application_nos = cast(list[str], d.pop("application_nos"))

        created = d.pop("created")

        existing = d.pop("existing")

        verification_case_batch_out = cls(
            amended=amended,
            application_nos=application_nos,
            created=created,
            existing=existing,
        )

        verification_case_batch_out.additional_properties = d
        return verification_case_batch_out

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
