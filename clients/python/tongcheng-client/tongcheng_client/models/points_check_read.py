from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PointsCheckRead")


@_attrs_define
class PointsCheckRead:
    """
    Attributes:
        explanation (str): the reason in plain words, 中文 / English, with the rulebook's numbers
        met (bool):
        reason (str): stable code (permit_ok, permit_too_recent, insurance_too_short, age_ok...)
        rule (str):
        guardian_no (int | None | Unset):
    """

    explanation: str
    met: bool
    reason: str
    rule: str
    guardian_no: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        explanation = self.explanation

        met = self.met

        reason = self.reason

        rule = self.rule

        guardian_no: int | None | Unset
        if isinstance(self.guardian_no, Unset):
            guardian_no = UNSET
        else:
            guardian_no = self.guardian_no

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "explanation": explanation,
                "met": met,
                "reason": reason,
                "rule": rule,
            }
        )
        if guardian_no is not UNSET:
            field_dict["guardian_no"] = guardian_no

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        explanation = d.pop("explanation")

        met = d.pop("met")

        reason = d.pop("reason")

        rule = d.pop("rule")

        def _parse_guardian_no(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        guardian_no = _parse_guardian_no(d.pop("guardian_no", UNSET))

        points_check_read = cls(
            explanation=explanation,
            met=met,
            reason=reason,
            rule=rule,
            guardian_no=guardian_no,
        )

        points_check_read.additional_properties = d
        return points_check_read

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
