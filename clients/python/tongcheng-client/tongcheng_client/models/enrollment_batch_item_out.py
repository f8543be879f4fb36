from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.enrollment_batch_item_out_status import EnrollmentBatchItemOutStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.enrollment_batch_item_out_errors_type_0_item import (
        EnrollmentBatchItemOutErrorsType0Item,
    )


T = TypeVar("T", bound="EnrollmentBatchItemOut")


@_attrs_define
class EnrollmentBatchItemOut:
    """
    Attributes:
        index (int):
        status (EnrollmentBatchItemOutStatus):
        application_no (None | str | Unset):
        code (None | str | Unset):
        detail (None | str | Unset):
        errors (list[EnrollmentBatchItemOutErrorsType0Item] | None | Unset):
        existing_application_no (None | str | Unset):
        field (None | str | Unset):
    """

    index: int
    status: EnrollmentBatchItemOutStatus
    application_no: None | str | Unset = UNSET
    code: None | str | Unset = UNSET
    detail: None | str | Unset = UNSET
    errors: list[EnrollmentBatchItemOutErrorsType0Item] | None | Unset = UNSET
    existing_application_no: None | str | Unset = UNSET
    field: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        status = self.status.value

        application_no: None | str | Unset
        if isinstance(self.application_no, Unset):
            application_no = UNSET
        else:
            application_no = self.application_no

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        detail: None | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        else:
            detail = self.detail

        errors: list[dict[str, Any]] | None | Unset
        if isinstance(self.errors, Unset):
            errors = UNSET
        elif isinstance(self.errors, list):
            errors = []
            for errors_type_0_item_data in self.errors:
                errors_type_0_item = errors_type_0_item_data.to_dict()
                errors.append(errors_type_0_item)

        else:
            errors = self.errors

        existing_application_no: None | str | Unset
        if isinstance(self.existing_application_no, Unset):
            existing_application_no = UNSET
        else:
            existing_application_no = self.existing_application_no

        field: None | str | Unset
        if isinstance(self.field, Unset):
            field = UNSET
        else:
            field = self.field

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "status": status,
            }
        )
        if application_no is not UNSET:
            field_dict["application_no"] = application_no
        if code is not UNSET:
            field_dict["code"] = code
        if detail is not UNSET:
            field_dict["detail"] = detail
        if errors is not UNSET:
            field_dict["errors"] = errors
        if existing_application_no is not UNSET:
            field_dict["existing_application_no"] = existing_application_no
        if field is not UNSET:
            field_dict["field"] = field

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.enrollment_batch_item_out_errors_type_0_item import (
            EnrollmentBatchItemOutErrorsType0Item,
        )

        d = dict(src_dict)
        index = d.pop("index")

        status = EnrollmentBatchItemOutStatus(d.pop("status"))

        def _parse_application_no(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        application_no = _parse_application_no(d.pop("application_no", UNSET))

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_detail(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))

        def _parse_errors(
            data: object,
        ) -> list[EnrollmentBatchItemOutErrorsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                errors_type_0 = []
                _errors_type_0 = data
                for errors_type_0_item_data in _errors_type_0:
                    errors_type_0_item = (
                        EnrollmentBatchItemOutErrorsType0Item.from_dict(
                            errors_type_0_item_data
                        )
                    )

                    errors_type_0.append(errors_type_0_item)

                return errors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                list[EnrollmentBatchItemOutErrorsType0Item] | None | Unset, data
            )

        errors = _parse_errors(d.pop("errors", UNSET))

        def _parse_existing_application_no(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        existing_application_no = _parse_existing_application_no(
            d.pop("existing_application_no", UNSET)
        )

        def _parse_field(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        field = _parse_field(d.pop("field", UNSET))

        enrollment_batch_item_out = cls(
            index=index,
            status=status,
            application_no=application_no,
            code=code,
            detail=detail,
            errors=errors,
            existing_application_no=existing_application_no,
            field=field,
        )

        enrollment_batch_item_out.additional_properties = d
        return enrollment_batch_item_out

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
