from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.enrollment_school_update_kind import EnrollmentSchoolUpdateKind
from ..models.enrollment_school_update_level import EnrollmentSchoolUpdateLevel
from ..models.enrollment_school_update_status import EnrollmentSchoolUpdateStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.enrollment_school_update_classrooms import (
        EnrollmentSchoolUpdateClassrooms,
    )
    from ..models.enrollment_school_update_current_pupils import (
        EnrollmentSchoolUpdateCurrentPupils,
    )


T = TypeVar("T", bound="EnrollmentSchoolUpdate")


@_attrs_define
class EnrollmentSchoolUpdate:
    """
    Attributes:
        kind (EnrollmentSchoolUpdateKind):
        level (EnrollmentSchoolUpdateLevel):
        name (str):
        township_code (str):
        catchment_townships (list[str] | Unset):
        classrooms (EnrollmentSchoolUpdateClassrooms | Unset):
        code (None | str | Unset):
        current_pupils (EnrollmentSchoolUpdateCurrentPupils | Unset):
        floor_area_m2 (float | None | str | Unset):
        land_area_m2 (float | None | str | Unset):
        status (EnrollmentSchoolUpdateStatus | Unset):  Default: EnrollmentSchoolUpdateStatus.ACTIVE.
    """

    kind: EnrollmentSchoolUpdateKind
    level: EnrollmentSchoolUpdateLevel
    name: str
    township_code: str
    catchment_townships: list[str] | Unset = UNSET
    classrooms: EnrollmentSchoolUpdateClassrooms | Unset = UNSET
    code: None | str | Unset = UNSET
    current_pupils: EnrollmentSchoolUpdateCurrentPupils | Unset = UNSET
    floor_area_m2: float | None | str | Unset = UNSET
    land_area_m2: float | None | str | Unset = UNSET
    status: EnrollmentSchoolUpdateStatus | Unset = EnrollmentSchoolUpdateStatus.ACTIVE

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        level = self.level.value

        name = self.name

        township_code = self.township_code

        catchment_townships: list[str] | Unset = UNSET
        if not isinstance(self.catchment_townships, Unset):
            catchment_townships = self.catchment_townships

        classrooms: dict[str, Any] | Unset = UNSET
        if not isinstance(self.classrooms, Unset):
            classrooms = self.classrooms.to_dict()

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        current_pupils: dict[str, Any] | Unset = UNSET
        if not isinstance(self.current_pupils, Unset):
            current_pupils = self.current_pupils.to_dict()

        floor_area_m2: float | None | str | Unset
        if isinstance(self.floor_area_m2, Unset):
            floor_area_m2 = UNSET
        else:
            floor_area_m2 = self.floor_area_m2

        land_area_m2: float | None | str | Unset
        if isinstance(self.land_area_m2, Unset):
            land_area_m2 = UNSET
        else:
            land_area_m2 = self.land_area_m2

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "level": level,
                "name": name,
                "township_code": township_code,
            }
        )
        if catchment_townships is not UNSET:
            field_dict["catchment_townships"] = catchment_townships
        if classrooms is not UNSET:
            field_dict["classrooms"] = classrooms
        if code is not UNSET:
            field_dict["code"] = code
        if current_pupils is not UNSET:
            field_dict["current_pupils"] = current_pupils
        if floor_area_m2 is not UNSET:
            field_dict["floor_area_m2"] = floor_area_m2
        if land_area_m2 is not UNSET:
            field_dict["land_area_m2"] = land_area_m2
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.enrollment_school_update_classrooms import (
            EnrollmentSchoolUpdateClassrooms,
        )
        from ..models.enrollment_school_update_current_pupils import (
            EnrollmentSchoolUpdateCurrentPupils,
        )

        d = dict(src_dict)
        kind = EnrollmentSchoolUpdateKind(d.pop("kind"))

        level = EnrollmentSchoolUpdateLevel(d.pop("level"))

        name = d.pop("name")

        township_code = d.pop("township_code")

        catchment_townships = cast(list[str], d.pop("catchment_townships", UNSET))

        _classrooms = d.pop("classrooms", UNSET)
        classrooms: EnrollmentSchoolUpdateClassrooms | Unset
        if isinstance(_classrooms, Unset):
            classrooms = UNSET
        else:
            classrooms = EnrollmentSchoolUpdateClassrooms.from_dict(_classrooms)

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        _current_pupils = d.pop("current_pupils", UNSET)
        current_pupils: EnrollmentSchoolUpdateCurrentPupils | Unset
        if isinstance(_current_pupils, Unset):
            current_pupils = UNSET
        else:
            current_pupils = EnrollmentSchoolUpdateCurrentPupils.from_dict(
                _current_pupils
            )

        def _parse_floor_area_m2(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        floor_area_m2 = _parse_floor_area_m2(d.pop("floor_area_m2", UNSET))

        def _parse_land_area_m2(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        land_area_m2 = _parse_land_area_m2(d.pop("land_area_m2", UNSET))

        _status = d.pop("status", UNSET)
        status: EnrollmentSchoolUpdateStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = EnrollmentSchoolUpdateStatus(_status)

        enrollment_school_update = cls(
            kind=kind,
            level=level,
            name=name,
            township_code=township_code,
            catchment_townships=catchment_townships,
            classrooms=classrooms,
            code=code,
            current_pupils=current_pupils,
            floor_area_m2=floor_area_m2,
            land_area_m2=land_area_m2,
            status=status,
        )

        return enrollment_school_update
