from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.enrollment_school_create_kind import EnrollmentSchoolCreateKind
from ..models.enrollment_school_create_level import EnrollmentSchoolCreateLevel
from ..models.enrollment_school_create_status import EnrollmentSchoolCreateStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.enrollment_school_create_classrooms import (
        EnrollmentSchoolCreateClassrooms,
    )
    from ..models.enrollment_school_create_current_pupils import (
        EnrollmentSchoolCreateCurrentPupils,
    )


T = TypeVar("T", bound="EnrollmentSchoolCreate")


@_attrs_define
class EnrollmentSchoolCreate:
    """
    Attributes:
        code (str):
        kind (EnrollmentSchoolCreateKind):
        level (EnrollmentSchoolCreateLevel):
        name (str):
        township_code (str):
        catchment_townships (list[str] | Unset):
        classrooms (EnrollmentSchoolCreateClassrooms | Unset):
        current_pupils (EnrollmentSchoolCreateCurrentPupils | Unset):
        floor_area_m2 (float | None | str | Unset):
        land_area_m2 (float | None | str | Unset):
        status (EnrollmentSchoolCreateStatus | Unset):  Default: EnrollmentSchoolCreateStatus.ACTIVE.
    """

    code: str
    kind: EnrollmentSchoolCreateKind
    level: EnrollmentSchoolCreateLevel
    name: str
    township_code: str
    catchment_townships: list[str] | Unset = UNSET
    classrooms: EnrollmentSchoolCreateClassrooms | Unset = UNSET
    current_pupils: EnrollmentSchoolCreateCurrentPupils | Unset = UNSET
    floor_area_m2: float | None | str | Unset = UNSET
    land_area_m2: float | None | str | Unset = UNSET
    status: EnrollmentSchoolCreateStatus | Unset = EnrollmentSchoolCreateStatus.ACTIVE

    def to_dict(self) -> dict[str, Any]:
        code = self.code

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
                "code": code,
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
        from ..models.enrollment_school_create_classrooms import (
            EnrollmentSchoolCreateClassrooms,
        )
        from ..models.enrollment_school_create_current_pupils import (
            EnrollmentSchoolCreateCurrentPupils,
        )

        d = dict(src_dict)
        code = d.pop("code")

        kind = EnrollmentSchoolCreateKind(d.pop("kind"))

        level = EnrollmentSchoolCreateLevel(d.pop("level"))

        name = d.pop("name")

        township_code = d.pop("township_code")

        catchment_townships = cast(list[str], d.pop("catchment_townships", UNSET))

        _classrooms = d.pop("classrooms", UNSET)
        classrooms: EnrollmentSchoolCreateClassrooms | Unset
        if isinstance(_classrooms, Unset):
            classrooms = UNSET
        else:
            classrooms = EnrollmentSchoolCreateClassrooms.from_dict(_classrooms)

        _current_pupils = d.pop("current_pupils", UNSET)
        current_pupils: EnrollmentSchoolCreateCurrentPupils | Unset
        if isinstance(_current_pupils, Unset):
            current_pupils = UNSET
        else:
            current_pupils = EnrollmentSchoolCreateCurrentPupils.from_dict(
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
        status: EnrollmentSchoolCreateStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = EnrollmentSchoolCreateStatus(_status)

        enrollment_school_create = cls(
            code=code,
            kind=kind,
            level=level,
            name=name,
            township_code=township_code,
            catchment_townships=catchment_townships,
            classrooms=classrooms,
            current_pupils=current_pupils,
            floor_area_m2=floor_area_m2,
            land_area_m2=land_area_m2,
            status=status,
        )

        return enrollment_school_create
