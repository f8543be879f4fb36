from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.enrollment_school_out_approved_capacity_inputs_type_0 import (
        EnrollmentSchoolOutApprovedCapacityInputsType0,
    )
    from ..models.enrollment_school_out_classrooms import EnrollmentSchoolOutClassrooms
    from ..models.enrollment_school_out_current_pupils import (
        EnrollmentSchoolOutCurrentPupils,
    )
    from ..models.enrollment_school_out_intakes_item import (
        EnrollmentSchoolOutIntakesItem,
    )


T = TypeVar("T", bound="EnrollmentSchoolOut")


@_attrs_define
class EnrollmentSchoolOut:
    """School; private schools add ``approved_capacity`` (核定规模, pupils) and ``approved_capacity_inputs``
    ``{approved, by_floor, by_land, by_classrooms, binding, floor_area_m2, land_area_m2, classrooms, norms}``;
    ``intakes`` lists seats (public) or plans (private) per season and grade.

        Attributes:
            catchment_townships (list[str]):
            classrooms (EnrollmentSchoolOutClassrooms):
            code (str):
            current_pupils (EnrollmentSchoolOutCurrentPupils):
            floor_area_m2 (None | str):
            kind (str):
            land_area_m2 (None | str):
            level (str):
            name (str):
            status (str):
            township_code (str):
            version (int):
            approved_capacity (int | None | Unset):
            approved_capacity_inputs (EnrollmentSchoolOutApprovedCapacityInputsType0 | None | Unset):
            intakes (list[EnrollmentSchoolOutIntakesItem] | Unset): [{season, grade, seats}]
    """

    catchment_townships: list[str]
    classrooms: EnrollmentSchoolOutClassrooms
    code: str
    current_pupils: EnrollmentSchoolOutCurrentPupils
    floor_area_m2: None | str
    kind: str
    land_area_m2: None | str
    level: str
    name: str
    status: str
    township_code: str
    version: int
    approved_capacity: int | None | Unset = UNSET
    approved_capacity_inputs: (
        EnrollmentSchoolOutApprovedCapacityInputsType0 | None | Unset
    ) = UNSET
    intakes: list[EnrollmentSchoolOutIntakesItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.enrollment_school_out_approved_capacity_inputs_type_0 import (
            EnrollmentSchoolOutApprovedCapacityInputsType0,
        )

        catchment_townships = self.catchment_townships

        classrooms = self.classrooms.to_dict()

        code = self.code

        current_pupils = self.current_pupils.to_dict()

        floor_area_m2: None | str
        floor_area_m2 = self.floor_area_m2

        kind = self.kind

        land_area_m2: None | str
        land_area_m2 = self.land_area_m2

        level = self.level

        name = self.name

        status = self.status

        township_code = self.township_code

        version = self.version

        approved_capacity: int | None | Unset
        if isinstance(self.approved_capacity, Unset):
            approved_capacity = UNSET
        else:
            approved_capacity = self.approved_capacity

        approved_capacity_inputs: dict[str, Any] | None | Unset
        if isinstance(self.approved_capacity_inputs, Unset):
            approved_capacity_inputs = UNSET
        elif isinstance(
            self.approved_capacity_inputs,
            EnrollmentSchoolOutApprovedCapacityInputsType0,
        ):
            approved_capacity_inputs = self.approved_capacity_inputs.to_dict()
        else:
            approved_capacity_inputs = self.approved_capacity_inputs

        intakes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.intakes, Unset):
            intakes = []
            for intakes_item_data in self.intakes:
                intakes_item = intakes_item_data.to_dict()
                intakes.append(intakes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "catchment_townships": catchment_townships,
                "classrooms": classrooms,
                "code": code,
                "current_pupils": current_pupils,
                "floor_area_m2": floor_area_m2,
                "kind": kind,
                "land_area_m2": land_area_m2,
                "level": level,
                "name": name,
                "status": status,
                "township_code": township_code,
                "version": version,
            }
        )
        if approved_capacity is not UNSET:
            field_dict["approved_capacity"] = approved_capacity
        if approved_capacity_inputs is not UNSET:
            field_dict["approved_capacity_inputs"] = approved_capacity_inputs
        if intakes is not UNSET:
            field_dict["intakes"] = intakes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.enrollment_school_out_approved_capacity_inputs_type_0 import (
            EnrollmentSchoolOutApprovedCapacityInputsType0,
        )
        from ..models.enrollment_school_out_classrooms import (
            EnrollmentSchoolOutClassrooms,
        )
        from ..models.enrollment_school_out_current_pupils import (
            EnrollmentSchoolOutCurrentPupils,
        )
        from ..models.enrollment_school_out_intakes_item import (
            EnrollmentSchoolOutIntakesItem,
        )

        d = dict(src_dict)
        catchment_townships = cast(list[str], d.pop("catchment_townships"))

        classrooms = EnrollmentSchoolOutClassrooms.from_dict(d.pop("classrooms"))

        code = d.pop("code")

        current_pupils = EnrollmentSchoolOutCurrentPupils.from_dict(
            d.pop("current_pupils")
        )

        def _parse_floor_area_m2(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        floor_area_m2 = _parse_floor_area_m2(d.pop("floor_area_m2"))

        kind = d.pop("kind")

        def _parse_land_area_m2(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        land_area_m2 = _parse_land_area_m2(d.pop("land_area_m2"))

        level = d.pop("level")

        name = d.pop("name")

        status = d.pop("status")

        township_code = d.pop("township_code")

        version = d.pop("version")

        def _parse_approved_capacity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        approved_capacity = _parse_approved_capacity(d.pop("approved_capacity", UNSET))

        def _parse_approved_capacity_inputs(
            data: object,
        ) -> EnrollmentSchoolOutApprovedCapacityInputsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                approved_capacity_inputs_type_0 = (
                    EnrollmentSchoolOutApprovedCapacityInputsType0.from_dict(data)
                )

                return approved_capacity_inputs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                EnrollmentSchoolOutApprovedCapacityInputsType0 | None | Unset, data
            )

        approved_capacity_inputs = _parse_approved_capacity_inputs(
            d.pop("approved_capacity_inputs", UNSET)
        )

        _intakes = d.pop("intakes", UNSET)
        intakes: list[EnrollmentSchoolOutIntakesItem] | Unset = UNSET
        if _intakes is not UNSET:
            intakes = []
            for intakes_item_data in _intakes:
                intakes_item = EnrollmentSchoolOutIntakesItem.from_dict(
                    intakes_item_data
                )

                intakes.append(intakes_item)

        enrollment_school_out = cls(
            catchment_townships=catchment_townships,
            classrooms=classrooms,
            code=code,
            current_pupils=current_pupils,
            floor_area_m2=floor_area_m2,
            kind=kind,
            land_area_m2=land_area_m2,
            level=level,
            name=name,
            status=status,
            township_code=township_code,
            version=version,
            approved_capacity=approved_capacity,
            approved_capacity_inputs=approved_capacity_inputs,
            intakes=intakes,
        )

        enrollment_school_out.additional_properties = d
        return enrollment_school_out

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
