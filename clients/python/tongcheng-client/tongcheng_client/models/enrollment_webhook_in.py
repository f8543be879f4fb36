from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EnrollmentWebhookIn")


@_attrs_define
class EnrollmentWebhookIn:
    """``POST /webhooks`` (issue 13): where to push the feed's events; ``after``: an event id to start after
    (default: the latest now, so only events from now on; 0: every event).

        Attributes:
            url (str): http(s) URL that takes a POST of each event
            after (int | None | Unset):
    """

    url: str
    after: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        after: int | None | Unset
        if isinstance(self.after, Unset):
            after = UNSET
        else:
            after = self.after

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
            }
        )
        if after is not UNSET:
            field_dict["after"] = after

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        url = d.pop("url")

        def _parse_after(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        after = _parse_after(d.pop("after", UNSET))

        enrollment_webhook_in = cls(
            url=url,
            after=after,
        )

        return enrollment_webhook_in
