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

T = TypeVar("T", bound="VerificationRentedHomeClaim")


@_attrs_define
class VerificationRentedHomeClaim:
    """
    Attributes:
        guardian_no (int): 1 or 2: the guardian this names (its guardian_no)
        lease_no (str):
        tenure (Literal['rented']):
    """

    guardian_no: int
    lease_no: str
    tenure: Literal["rented"]

    def to_dict(self) -> dict[str, Any]:
        guardian_no = self.guardian_no

        lease_no = self.lease_no

        tenure = self.tenure

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "guardian_no": guardian_no,
                "lease_no": lease_no,
                "tenure": tenure,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        guardian_no = d.pop("guardian_no")

        lease_no = d.pop("lease_no")

        tenure = cast(Literal["rented"], d.pop("tenure"))
        if tenure != "rented":
            raise ValueError(f"tenure must match const 'rented', got '{tenure}'")

        verification_rented_home_claim = cls(
            guardian_no=guardian_no,
            lease_no=lease_no,
            tenure=tenure,
        )

        return verification_rented_home_claim
