from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.enrollment_search_in_state_type_0 import EnrollmentSearchInStateType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="EnrollmentSearchIn")


@_attrs_define
class EnrollmentSearchIn:
    """Bureau search: every given filter must match; ID number and phone match exactly (keyed hash).

    Attributes:
        application_no (None | str | Unset):
        child_id_number (None | str | Unset):
        cursor (None | str | Unset):
        grade (int | None | Unset):
        limit (int | Unset):  Default: 100.
        phone (None | str | Unset):
        school_code (None | str | Unset):
        season (int | None | Unset):
        state (EnrollmentSearchInStateType0 | None | Unset):
        township_code (None | str | Unset):
    """

    application_no: None | str | Unset = UNSET
    child_id_number: None | str | Unset = UNSET
    cursor: None | str | Unset = UNSET
    grade: int | None | Unset = UNSET
    limit: int | Unset = 100
    phone: None | str | Unset = UNSET
    school_code: None | str | Unset = UNSET
    season: int | None | Unset = UNSET
    state: EnrollmentSearchInStateType0 | None | Unset = UNSET
    township_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        application_no: None | str | Unset
        if isinstance(self.application_no, Unset):
            application_no = UNSET
        else:
            application_no = self.application_no

        child_id_number: None | str | Unset
        if isinstance(self.child_id_number, Unset):
            child_id_number = UNSET
        else:
            child_id_number = self.child_id_number

        cursor: None | str | Unset
        if isinstance(self.cursor, Unset):
            cursor = UNSET
        else:
            cursor = self.cursor

        grade: int | None | Unset
        if isinstance(self.grade, Unset):
            grade = UNSET
        else:
            grade = self.grade

        limit = self.limit

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        school_code: None | str | Unset
        if isinstance(self.school_code, Unset):
            school_code = UNSET
        else:
            school_code = self.school_code

        season: int | None | Unset
        if isinstance(self.season, Unset):
            season = UNSET
        else:
            season = self.season

        state: None | str | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        elif isinstance(self.state, EnrollmentSearchInStateType0):
            state = self.state.value
        else:
            state = self.state

        township_code: None | str | Unset
        if isinstance(self.township_code, Unset):
            township_code = UNSET
        else:
            township_code = self.township_code

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if application_no is not UNSET:
            field_dict["application_no"] = application_no
        if child_id_number is not UNSET:
            field_dict["child_id_number"] = child_id_number
        if cursor is not UNSET:
            field_dict["cursor"] = cursor
        if grade is not UNSET:
            field_dict["grade"] = grade
        if limit is not UNSET:
            field_dict["limit"] = limit
        if phone is not UNSET:
            field_dict["phone"] = phone
        if school_code is not UNSET:
            field_dict["school_code"] = school_code
        if season is not UNSET:
            field_dict["season"] = season
        if state is not UNSET:
            field_dict["state"] = state
        if township_code is not UNSET:
            field_dict["township_code"] = township_code

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_application_no(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        application_no = _parse_application_no(d.pop("application_no", UNSET))

        def _parse_child_id_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        child_id_number = _parse_child_id_number(d.pop("child_id_number", UNSET))

        def _parse_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cursor = _parse_cursor(d.pop("cursor", UNSET))

        def _parse_grade(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        grade = _parse_grade(d.pop("grade", UNSET))

        limit = d.pop("limit", UNSET)

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_school_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        school_code = _parse_school_code(d.pop("school_code", UNSET))

        def _parse_season(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        season = _parse_season(d.pop("season", UNSET))

        def _parse_state(data: object) -> EnrollmentSearchInStateType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                state_type_0 = EnrollmentSearchInStateType0(data)

                return state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EnrollmentSearchInStateType0 | None | Unset, data)

        state = _parse_state(d.pop("state", UNSET))

        def _parse_township_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        township_code = _parse_township_code(d.pop("township_code", UNSET))

        enrollment_search_in = cls(
            application_no=application_no,
            child_id_number=child_id_number,
            cursor=cursor,
            grade=grade,
            limit=limit,
            phone=phone,
            school_code=school_code,
            season=season,
            state=state,
            township_code=township_code,
        )

        return enrollment_search_in
