from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PointsJobIn")


@_attrs_define
class PointsJobIn:
    """
    Attributes:
        grade (int): entry grade: 1 (primary) or 7 (junior)
        season (int):
        full (bool | Unset): fetch every case, not only those changed since the last job Default: False.
        rulebook_id (None | str | Unset): default: the season's latest published
    """

    grade: int
    season: int
    full: bool | Unset = False
    rulebook_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        grade = self.grade

        season = self.season

        full = self.full

        rulebook_id: None | str | Unset
        if isinstance(self.rulebook_id, Unset):
            rulebook_id = UNSET
        else:
            rulebook_id = self.rulebook_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "grade": grade,
                "season": season,
            }
        )
        if full is not UNSET:
            field_dict["full"] = full
        if rulebook_id is not UNSET:
            field_dict["rulebook_id"] = rulebook_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        grade = d.pop("grade")

        season = d.pop("season")

        full = d.pop("full", UNSET)

        def _parse_rulebook_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rulebook_id = _parse_rulebook_id(d.pop("rulebook_id", UNSET))

        points_job_in = cls(
            grade=grade,
            season=season,
            full=full,
            rulebook_id=rulebook_id,
        )

        return points_job_in
