from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PointsTieBreakRead")


@_attrs_define
class PointsTieBreakRead:
    """
    Attributes:
        earliest_continuous_since (datetime.date | None):
        other_guardian_score (str):
    """

    earliest_continuous_since: datetime.date | None
    other_guardian_score: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        earliest_continuous_since: None | str
        if isinstance(self.earliest_continuous_since, datetime.date):
            earliest_continuous_since = self.earliest_continuous_since.isoformat()
        else:
            earliest_continuous_since = self.earliest_continuous_since

        other_guardian_score = self.other_guardian_score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "earliest_continuous_since": earliest_continuous_since,
                "other_guardian_score": other_guardian_score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_earliest_continuous_since(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                earliest_continuous_since_type_0 = datetime.date.fromisoformat(data)

                return earliest_continuous_since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        earliest_continuous_since = _parse_earliest_continuous_since(
            d.pop("earliest_continuous_since")
        )

        other_guardian_score = d.pop("other_guardian_score")

        points_tie_break_read = cls(
            earliest_continuous_since=earliest_continuous_since,
            other_guardian_score=other_guardian_score,
        )

        points_tie_break_read.additional_properties = d
        return points_tie_break_read

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
