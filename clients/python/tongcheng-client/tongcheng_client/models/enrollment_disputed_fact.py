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

from ..models.enrollment_disputed_fact_kind import EnrollmentDisputedFactKind

T = TypeVar("T", bound="EnrollmentDisputedFact")


@_attrs_define
class EnrollmentDisputedFact:
    """A fact of one guardian the family disputes (issue 13): upholding the appeal asks the kind's department to
    check it again.

        Attributes:
            guardian_no (int): 1 or 2: the guardian this names (its guardian_no)
            kind (EnrollmentDisputedFactKind):
            type_ (Literal['fact']):
    """

    guardian_no: int
    kind: EnrollmentDisputedFactKind
    type_: Literal["fact"]

    def to_dict(self) -> dict[str, Any]:
        guardian_no = self.guardian_no

        kind = self.kind.value

        type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "guardian_no": guardian_no,
                "kind": kind,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        guardian_no = d.pop("guardian_no")

        kind = EnrollmentDisputedFactKind(d.pop("kind"))

        type_ = cast(Literal["fact"], d.pop("type"))
        if type_ != "fact":
            raise ValueError(f"type must match const 'fact', got '{type_}'")

        enrollment_disputed_fact = cls(
            guardian_no=guardian_no,
            kind=kind,
            type_=type_,
        )

        return enrollment_disputed_fact
