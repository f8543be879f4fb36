from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..models.verification_recheck_in_kind import VerificationRecheckInKind

T = TypeVar("T", bound="VerificationRecheckIn")


@_attrs_define
class VerificationRecheckIn:
    """``POST /rechecks``: check one fact of one guardian again for an upheld appeal (enrollment's outbox).

    Attributes:
        application_no (str):
        ground (str): the family's ground (申诉理由)
        guardian_no (int): 1 or 2: the guardian this names (its guardian_no)
        kind (VerificationRecheckInKind):
        ref (str): the appeal, e.g. enrollment-appeal-12; idempotent by it
    """

    application_no: str
    ground: str
    guardian_no: int
    kind: VerificationRecheckInKind
    ref: str

    def to_dict(self) -> dict[str, Any]:
        application_no = self.application_no

        ground = self.ground

        guardian_no = self.guardian_no

        kind = self.kind.value

        ref = self.ref

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "application_no": application_no,
                "ground": ground,
                "guardian_no": guardian_no,
                "kind": kind,
                "ref": ref,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        application_no = d.pop("application_no")

        ground = d.pop("ground")

        guardian_no = d.pop("guardian_no")

        kind = VerificationRecheckInKind(d.pop("kind"))

        ref = d.pop("ref")

        verification_recheck_in = cls(
            application_no=application_no,
            ground=ground,
            guardian_no=guardian_no,
            kind=kind,
            ref=ref,
        )

        return verification_recheck_in
