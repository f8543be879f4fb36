from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.enrollment_appeal_out_progress_type_0 import (
    EnrollmentAppealOutProgressType0,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.enrollment_appeal_out_disputes_type_0 import (
        EnrollmentAppealOutDisputesType0,
    )
    from ..models.enrollment_appeal_out_recheck_type_0 import (
        EnrollmentAppealOutRecheckType0,
    )
    from ..models.enrollment_appeal_out_score_type_0 import (
        EnrollmentAppealOutScoreType0,
    )


T = TypeVar("T", bound="EnrollmentAppealOut")


@_attrs_define
class EnrollmentAppealOut:
    """
    Attributes:
        application_no (str):
        decided_at (datetime.datetime | None):
        decided_by (None | str):
        id (int):
        lodged_at (datetime.datetime):
        note (None | str):
        reason (str):
        run_id (int):
        state (str):
        department (None | str | Unset):
        disputes (EnrollmentAppealOutDisputesType0 | None | Unset):
        included_run_id (int | None | Unset):
        last_error (None | str | Unset):
        progress (EnrollmentAppealOutProgressType0 | None | Unset):
        recheck (EnrollmentAppealOutRecheckType0 | None | Unset):
        score (EnrollmentAppealOutScoreType0 | None | Unset):
    """

    application_no: str
    decided_at: datetime.datetime | None
    decided_by: None | str
    id: int
    lodged_at: datetime.datetime
    note: None | str
    reason: str
    run_id: int
    state: str
    department: None | str | Unset = UNSET
    disputes: EnrollmentAppealOutDisputesType0 | None | Unset = UNSET
    included_run_id: int | None | Unset = UNSET
    last_error: None | str | Unset = UNSET
    progress: EnrollmentAppealOutProgressType0 | None | Unset = UNSET
    recheck: EnrollmentAppealOutRecheckType0 | None | Unset = UNSET
    score: EnrollmentAppealOutScoreType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.enrollment_appeal_out_disputes_type_0 import (
            EnrollmentAppealOutDisputesType0,
        )
        from ..models.enrollment_appeal_out_recheck_type_0 import (
            EnrollmentAppealOutRecheckType0,
        )
        from ..models.enrollment_appeal_out_score_type_0 import (
            EnrollmentAppealOutScoreType0,
        )

        application_no = self.application_no

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decided_by: None | str
        decided_by = self.decided_by

        id = self.id

        lodged_at = self.lodged_at.isoformat()

        note: None | str
        note = self.note

        reason = self.reason

        run_id = self.run_id

        state = self.state

        department: None | str | Unset
        if isinstance(self.department, Unset):
            department = UNSET
        else:
            department = self.department

        disputes: dict[str, Any] | None | Unset
        if isinstance(self.disputes, Unset):
            disputes = UNSET
        elif isinstance(self.disputes, EnrollmentAppealOutDisputesType0):
            disputes = self.disputes.to_dict()
        else:
            disputes = self.disputes

        included_run_id: int | None | Unset
        if isinstance(self.included_run_id, Unset):
            included_run_id = UNSET
        else:
            included_run_id = self.included_run_id

        last_error: None | str | Unset
        if isinstance(self.last_error, Unset):
            last_error = UNSET
        else:
            last_error = self.last_error

        progress: None | str | Unset
        if isinstance(self.progress, Unset):
            progress = UNSET
        elif isinstance(self.progress, EnrollmentAppealOutProgressType0):
            progress = self.progress.value
        else:
            progress = self.progress

        recheck: dict[str, Any] | None | Unset
        if isinstance(self.recheck, Unset):
            recheck = UNSET
        elif isinstance(self.recheck, EnrollmentAppealOutRecheckType0):
            recheck = self.recheck.to_dict()
        else:
            recheck = self.recheck

        score: dict[str, Any] | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        elif isinstance(self.score, EnrollmentAppealOutScoreType0):
            score = self.score.to_dict()
        else:
            score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_no": application_no,
                "decided_at": decided_at,
                "decided_by": decided_by,
                "id": id,
                "lodged_at": lodged_at,
                "note": note,
                "reason": reason,
                "run_id": run_id,
                "state": state,
            }
        )
        if department is not UNSET:
            field_dict["department"] = department
        if disputes is not UNSET:
            field_dict["disputes"] = disputes
        if included_run_id is not UNSET:
            field_dict["included_run_id"] = included_run_id
        if last_error is not UNSET:
            field_dict["last_error"] = last_error
        if progress is not UNSET:
            field_dict["progress"] = progress
        if recheck is not UNSET:
            field_dict["recheck"] = recheck
        if score is not UNSET:
            field_dict["score"] = score

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.enrollment_appeal_out_disputes_type_0 import (
            EnrollmentAppealOutDisputesType0,
        )
        from ..models.enrollment_appeal_out_recheck_type_0 import (
            EnrollmentAppealOutRecheckType0,
        )
        from ..models.enrollment_appeal_out_score_type_0 import (
            EnrollmentAppealOutScoreType0,
        )

        d = dict(src_dict)
        application_no = d.pop("application_no")

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        def _parse_decided_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decided_by = _parse_decided_by(d.pop("decided_by"))

        id = d.pop("id")

        lodged_at = datetime.datetime.fromisoformat(d.pop("lodged_at"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        reason = d.pop("reason")

        run_id = d.pop("run_id")

        state = d.pop("state")

        def _parse_department(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        department = _parse_department(d.pop("department", UNSET))

        def _parse_disputes(
            data: object,
        ) -> EnrollmentAppealOutDisputesType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                disputes_type_0 = EnrollmentAppealOutDisputesType0.from_dict(data)

                return disputes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EnrollmentAppealOutDisputesType0 | None | Unset, data)

        disputes = _parse_disputes(d.pop("disputes", UNSET))

        def _parse_included_run_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        included_run_id = _parse_included_run_id(d.pop("included_run_id", UNSET))

        def _parse_last_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_error = _parse_last_error(d.pop("last_error", UNSET))

        def _parse_progress(
            data: object,
        ) -> EnrollmentAppealOutProgressType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                progress_type_0 = EnrollmentAppealOutProgressType0(data)

                return progress_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EnrollmentAppealOutProgressType0 | None | Unset, data)

        progress = _parse_progress(d.pop("progress", UNSET))

        def _parse_recheck(
            data: object,
        ) -> EnrollmentAppealOutRecheckType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                recheck_type_0 = EnrollmentAppealOutRecheckType0.from_dict(data)

                return recheck_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EnrollmentAppealOutRecheckType0 | None | Unset, data)

        recheck = _parse_recheck(d.pop("recheck", UNSET))

        def _parse_score(data: object) -> EnrollmentAppealOutScoreType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                score_type_0 = EnrollmentAppealOutScoreType0.from_dict(data)

                return score_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EnrollmentAppealOutScoreType0 | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))

        enrollment_appeal_out = cls(
            application_no=application_no,
            decided_at=decided_at,
            decided_by=decided_by,
            id=id,
            lodged_at=lodged_at,
            note=note,
            reason=reason,
            run_id=run_id,
            state=state,
            department=department,
            disputes=disputes,
            included_run_id=included_run_id,
            last_error=last_error,
            progress=progress,
            recheck=recheck,
            score=score,
        )

        enrollment_appeal_out.additional_properties = d
        return enrollment_appeal_out

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
