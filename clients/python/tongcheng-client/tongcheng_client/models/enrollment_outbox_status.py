from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.enrollment_outbox_status_topics import EnrollmentOutboxStatusTopics


T = TypeVar("T", bound="EnrollmentOutboxStatus")


@_attrs_define
class EnrollmentOutboxStatus:
    """``pending`` = not yet delivered (``failing`` ⊆ pending: the last attempt failed); by topic as well.

    Attributes:
        delivered (int):
        failing (int):
        last_error (None | str):
        pending (int):
        topics (EnrollmentOutboxStatusTopics):
    """

    delivered: int
    failing: int
    last_error: None | str
    pending: int
    topics: EnrollmentOutboxStatusTopics
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        delivered = self.delivered

        failing = self.failing

        last_error: None | str
        last_error = self.last_error

        pending = self.pending

        topics = self.topics.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "delivered": delivered,
                "failing": failing,
                "last_error": last_error,
                "pending": pending,
                "topics": topics,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.enrollment_outbox_status_topics import (
            EnrollmentOutboxStatusTopics,
        )

        d = dict(src_dict)
        delivered = d.pop("delivered")

        failing = d.pop("failing")

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        pending = d.pop("pending")

        topics = EnrollmentOutboxStatusTopics.from_dict(d.pop("topics"))

        enrollment_outbox_status = cls(
            delivered=delivered,
            failing=failing,
            last_error=last_error,
            pending=pending,
            topics=topics,
        )

        enrollment_outbox_status.additional_properties = d
        return enrollment_outbox_status

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
