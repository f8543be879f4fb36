from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="EnrollmentStatusQueryIn")


@_attrs_define
class EnrollmentStatusQueryIn:
    """Bulk status (issue 13): up to 1,000 application numbers; repeats are answered once.

    Attributes:
        application_nos (list[str]):
    """

    application_nos: list[str]

    def to_dict(self) -> dict[str, Any]:
        application_nos = self.application_nos

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "application_nos": application_nos,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        application_nos = cast(list[str], d.pop("application_nos"))

        enrollment_status_query_in = cls(
            application_nos=application_nos,
        )

        return enrollment_status_query_in
