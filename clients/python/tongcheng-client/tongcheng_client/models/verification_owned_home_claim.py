from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    Self,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

T = TypeVar("T", bound="VerificationOwnedHomeClaim")


@_attrs_define
class VerificationOwnedHomeClaim:
    """
    Attributes:
        certificate_no (str):
        guardian_no (int): 1 or 2: the guardian this names (its guardian_no)
        share_percent (float | str):
        tenure (Literal['owned']):
    """

    certificate_no: str
    guardian_no: int
    share_percent: float | str
    tenure: Literal["owned"]

    def to_dict(self) -> dict[str, Any]:
        certificate_no = self.certificate_no

        guardian_no = self.guardian_no

        share_percent: float | str
        share_percent = self.share_percent

        tenure = self.tenure

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "certificate_no": certificate_no,
                "guardian_no": guardian_no,
                "share_percent": share_percent,
                "tenure": tenure,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        certificate_no = d.pop("certificate_no")

        guardian_no = d.pop("guardian_no")

        def _parse_share_percent(data: object) -> float | str:
            return cast(float | str, data)

        share_percent = _parse_share_percent(d.pop("share_percent"))

        tenure = cast(Literal["owned"], d.pop("tenure"))
        if tenure != "owned":
            raise ValueError(f"tenure must match const 'owned', got '{tenure}'")

        verification_owned_home_claim = cls(
            certificate_no=certificate_no,
            guardian_no=guardian_no,
            share_percent=share_percent,
            tenure=tenure,
        )

        return verification_owned_home_claim
