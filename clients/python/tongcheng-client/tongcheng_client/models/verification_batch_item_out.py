from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.verification_batch_item_out_status import VerificationBatchItemOutStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.verification_batch_item_out_errors_type_0_item import (
        VerificationBatchItemOutErrorsType0Item,
    )


T = TypeVar("T", bound="VerificationBatchItemOut")


@_attrs_define
class VerificationBatchItemOut:
    """
    Attributes:
        request_id (int | None):
        status (VerificationBatchItemOutStatus):
        code (None | str | Unset):
        detail (None | str | Unset):
        errors (list[VerificationBatchItemOutErrorsType0Item] | None | Unset):
        result_id (int | None | Unset):
    """

    request_id: int | None
    status: VerificationBatchItemOutStatus
    code: None | str | Unset = UNSET
    detail: None | str | Unset = UNSET
    errors: list[VerificationBatchItemOutErrorsType0Item] | None | Unset = UNSET
    result_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        request_id: int | None
        request_id = self.request_id

        status = self.status.value

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

        result_id: int | None | Unset
        if isinstance(self.result_id, Unset):
            result_id = UNSET
        else:
            result_id = self.result_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "request_id": request_id,
                "status": status,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code
        if detail is not UNSET:
            field_dict["detail"] = detail
        if errors is not UNSET:
            field_dict["errors"] = errors
        if result_id is not UNSET:
            field_dict["result_id"] = result_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.verification_batch_item_out_errors_type_0_item import (
            VerificationBatchItemOutErrorsType0Item,
        )

        d = dict(src_dict)

        def _parse_request_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        request_id = _parse_request_id(d.pop("request_id"))

        status = VerificationBatchItemOutStatus(d.pop("status"))

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
        ) -> list[VerificationBatchItemOutErrorsType0Item] | None | Unset:
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
                        VerificationBatchItemOutErrorsType0Item.from_dict(
                            errors_type_0_item_data
                        )
                    )

                    errors_type_0.append(errors_type_0_item)

                return errors_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                list[VerificationBatchItemOutErrorsType0Item] | None | Unset, data
            )

        errors = _parse_errors(d.pop("errors", UNSET))

        def _parse_result_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        result_id = _parse_result_id(d.pop("result_id", UNSET))

        verification_batch_item_out = cls(
            request_id=request_id,
            status=status,
            code=code,
            detail=detail,
            errors=errors,
            result_id=result_id,
        )

        verification_batch_item_out.additional_properties = d
        return verification_batch_item_out

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
