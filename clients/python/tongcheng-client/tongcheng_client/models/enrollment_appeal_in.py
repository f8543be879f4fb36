from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.enrollment_disputed_fact import EnrollmentDisputedFact
    from ..models.enrollment_disputed_rule import EnrollmentDisputedRule


T = TypeVar("T", bound="EnrollmentAppealIn")


@_attrs_define
class EnrollmentAppealIn:
    """
    Attributes:
        application_no (str): application_no, e.g. HY2025-1-000123
        reason (str):
        run_id (int):
        disputes (EnrollmentDisputedFact | EnrollmentDisputedRule | None | Unset):
    """

    application_no: str
    reason: str
    run_id: int
    disputes: EnrollmentDisputedFact | EnrollmentDisputedRule | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.enrollment_disputed_fact import EnrollmentDisputedFact
        from ..models.enrollment_disputed_rule import EnrollmentDisputedRule

        application_no = self.application_no

        reason = self.reason

        run_id = self.run_id

        disputes: dict[str, Any] | None | Unset
        if isinstance(self.disputes, Unset):
            disputes = UNSET
        elif isinstance(self.disputes, EnrollmentDisputedFact) or isinstance(
            self.disputes, EnrollmentDisputedRule
        ):
            disputes = self.disputes.to_dict()
        else:
            disputes = self.disputes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "application_no": application_no,
                "reason": reason,
                "run_id": run_id,
            }
        )
        if disputes is not UNSET:
            field_dict["disputes"] = disputes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.enrollment_disputed_fact import EnrollmentDisputedFact
        from ..models.enrollment_disputed_rule import EnrollmentDisputedRule

        d = dict(src_dict)
        application_no = d.pop("application_no")

        reason = d.pop("reason")

        run_id = d.pop("run_id")

        def _parse_disputes(
            data: object,
        ) -> EnrollmentDisputedFact | EnrollmentDisputedRule | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                disputes_type_0_type_0 = EnrollmentDisputedFact.from_dict(data)

                return disputes_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                disputes_type_0_type_1 = EnrollmentDisputedRule.from_dict(data)

                return disputes_type_0_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                EnrollmentDisputedFact | EnrollmentDisputedRule | None | Unset, data
            )

        disputes = _parse_disputes(d.pop("disputes", UNSET))

        enrollment_appeal_in = cls(
            application_no=application_no,
            reason=reason,
            run_id=run_id,
            disputes=disputes,
        )

        return enrollment_appeal_in
