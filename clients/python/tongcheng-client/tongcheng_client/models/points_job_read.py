from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.points_job_read_state import PointsJobReadState

T = TypeVar("T", bound="PointsJobRead")


@_attrs_define
class PointsJobRead:
    """
    Attributes:
        changed_after (int | None):
        created_at (datetime.datetime):
        done (int):
        error (None | str):
        finished_at (datetime.datetime | None):
        grade (int):
        id (int):
        last_seq (int | None):
        rescored (int):
        rulebook_id (str):
        season (int):
        state (PointsJobReadState):
        total (int):
        unchanged (int):
    """

    changed_after: int | None
    created_at: datetime.datetime
    done: int
    error: None | str
    finished_at: datetime.datetime | None
    grade: int
    id: int
    last_seq: int | None
    rescored: int
    rulebook_id: str
    season: int
    state: PointsJobReadState
    total: int
    unchanged: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        changed_after: int | None
        changed_after = self.changed_after

        created_at = self.created_at.isoformat()

        done = self.done

        error: None | str
        error = self.error

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        grade = self.grade

        id = self.id

        last_seq: int | None
        last_seq = self.last_seq

        rescored = self.rescored

        rulebook_id = self.rulebook_id

        season = self.season

        state = self.state.value

        total = self.total

        unchanged = self.unchanged

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changed_after": changed_after,
                "created_at": created_at,
                "done": done,
                "error": error,
                "finished_at": finished_at,
                "grade": grade,
                "id": id,
                "last_seq": last_seq,
                "rescored": rescored,
                "rulebook_id": rulebook_id,
                "season": season,
                "state": state,
                "total": total,
                "unchanged": unchanged,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_changed_after(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        changed_after = _parse_changed_after(d.pop("changed_after"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        done = d.pop("done")

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        grade = d.pop("grade")

        id = d.pop("id")

        def _parse_last_seq(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_seq = _parse_last_seq(d.pop("last_seq"))

        rescored = d.pop("rescored")

        rulebook_id = d.pop("rulebook_id")

        season = d.pop("season")

        state = PointsJobReadState(d.pop("state"))

        total = d.pop("total")

        unchanged = d.pop("unchanged")

        points_job_read = cls(
            changed_after=changed_after,
            created_at=created_at,
            done=done,
            error=error,
            finished_at=finished_at,
            grade=grade,
            id=id,
            last_seq=last_seq,
            rescored=rescored,
            rulebook_id=rulebook_id,
            season=season,
            state=state,
            total=total,
            unchanged=unchanged,
        )

        points_job_read.additional_properties = d
        return points_job_read

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
