from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EnrollmentPlacementLookupOut")


@_attrs_define
class EnrollmentPlacementLookupOut:
    """
    Attributes:
        application_no (str):
        choice_rank (int | None):
        placed (bool):
        purchased_seat (bool):
        reason (None | str):
        round_ (int | None):
        run_id (int):
        run_state (str):
        school_code (None | str):
        school_name (None | str):
        tier (int | None):
        window_ends_on (datetime.date | None):
    """

    application_no: str
    choice_rank: int | None
    placed: bool
    purchased_seat: bool
    reason: None | str
    round_: int | None
    run_id: int
    run_state: str
    school_code: None | str
    school_name: None | str
    tier: int | None
    window_ends_on: datetime.date | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_no = self.application_no

        choice_rank: int | None
        choice_rank = self.choice_rank

        placed = self.placed

        purchased_seat = self.purchased_seat

        reason: None | str
        reason = self.reason

        round_: int | None
        round_ = self.round_

        run_id = self.run_id

        run_state = self.run_state

        school_code: None | str
        school_code = self.school_code

        school_name: None | str
        school_name = self.school_name

        tier: int | None
        tier = self.tier

        window_ends_on: None | str
        if isinstance(self.window_ends_on, datetime.date):
            window_ends_on = self.window_ends_on.isoformat()
        else:
            window_ends_on = self.window_ends_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_no": application_no,
                "choice_rank": choice_rank,
                "placed": placed,
                "purchased_seat": purchased_seat,
                "reason": reason,
                "round": round_,
                "run_id": run_id,
                "run_state": run_state,
                "school_code": school_code,
                "school_name": school_name,
                "tier": tier,
                "window_ends_on": window_ends_on,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        application_no = d.pop("application_no")

        def _parse_choice_rank(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        choice_rank = _parse_choice_rank(d.pop("choice_rank"))

        placed = d.pop("placed")

        purchased_seat = d.pop("purchased_seat")

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_round_(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        round_ = _parse_round_(d.pop("round"))

        run_id = d.pop("run_id")

        run_state = d.pop("run_state")

        def _parse_school_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        school_code = _parse_school_code(d.pop("school_code"))

        def _parse_school_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        school_name = _parse_school_name(d.pop("school_name"))

        def _parse_tier(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        tier = _parse_tier(d.pop("tier"))

        def _parse_window_ends_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                window_ends_on_type_0 = datetime.date.fromisoformat(data)

                return window_ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        window_ends_on = _parse_window_ends_on(d.pop("window_ends_on"))

        enrollment_placement_lookup_out = cls(
            application_no=application_no,
            choice_rank=choice_rank,
            placed=placed,
            purchased_seat=purchased_seat,
            reason=reason,
            round_=round_,
            run_id=run_id,
            run_state=run_state,
            school_code=school_code,
            school_name=school_name,
            tier=tier,
            window_ends_on=window_ends_on,
        )

        enrollment_placement_lookup_out.additional_properties = d
        return enrollment_placement_lookup_out

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
