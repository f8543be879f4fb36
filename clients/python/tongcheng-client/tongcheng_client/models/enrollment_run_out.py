from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.enrollment_run_out_window_calendar_type_0 import (
    EnrollmentRunOutWindowCalendarType0,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.enrollment_run_out_certificate_type_0 import (
        EnrollmentRunOutCertificateType0,
    )
    from ..models.enrollment_run_out_counts import EnrollmentRunOutCounts
    from ..models.enrollment_run_out_gate_type_0 import EnrollmentRunOutGateType0


T = TypeVar("T", bound="EnrollmentRunOut")


@_attrs_define
class EnrollmentRunOut:
    """
    Attributes:
        counts (EnrollmentRunOutCounts):
        created_at (datetime.datetime):
        finalised_at (datetime.datetime | None):
        grade (int):
        id (int):
        input_digest (str):
        mechanism (str):
        published_at (datetime.datetime | None):
        rulebook_id (None | str):
        season (int):
        seed (str):
        seq (int):
        state (str):
        superseded_by (int | None):
        version (int):
        window_calendar (EnrollmentRunOutWindowCalendarType0 | None): how the publication window was counted: official
            State Council arrangement, or Monday–Friday for a year this build does not know; null before publication
        window_ends_on (datetime.date | None):
        certificate (EnrollmentRunOutCertificateType0 | None | Unset): stability certificate: {blocking_pairs, examples,
            required, method, cutoffs}
        code_version (None | str | Unset): the code that placed the run: package version and the engine's source hash
        gate (EnrollmentRunOutGateType0 | None | Unset): publication gate: {passed, checked_at, checks: [{name, passed,
            first, <numbers>}]} (issue 13)
    """

    counts: EnrollmentRunOutCounts
    created_at: datetime.datetime
    finalised_at: datetime.datetime | None
    grade: int
    id: int
    input_digest: str
    mechanism: str
    published_at: datetime.datetime | None
    rulebook_id: None | str
    season: int
    seed: str
    seq: int
    state: str
    superseded_by: int | None
    version: int
    window_calendar: EnrollmentRunOutWindowCalendarType0 | None
    window_ends_on: datetime.date | None
    certificate: EnrollmentRunOutCertificateType0 | None | Unset = UNSET
    code_version: None | str | Unset = UNSET
    gate: EnrollmentRunOutGateType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.enrollment_run_out_certificate_type_0 import (
            EnrollmentRunOutCertificateType0,
        )
        from ..models.enrollment_run_out_gate_type_0 import EnrollmentRunOutGateType0

        counts = self.counts.to_dict()

        created_at = self.created_at.isoformat()

        finalised_at: None | str
        if isinstance(self.finalised_at, datetime.datetime):
            finalised_at = self.finalised_at.isoformat()
        else:
            finalised_at = self.finalised_at

        grade = self.grade

        id = self.id

        input_digest = self.input_digest

        mechanism = self.mechanism

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        rulebook_id: None | str
        rulebook_id = self.rulebook_id

        season = self.season

        seed = self.seed

        seq = self.seq

        state = self.state

        superseded_by: int | None
        superseded_by = self.superseded_by

        version = self.version

        window_calendar: None | str
        if isinstance(self.window_calendar, EnrollmentRunOutWindowCalendarType0):
            window_calendar = self.window_calendar.value
        else:
            window_calendar = self.window_calendar

        window_ends_on: None | str
        if isinstance(self.window_ends_on, datetime.date):
            window_ends_on = self.window_ends_on.isoformat()
        else:
            window_ends_on = self.window_ends_on

        certificate: dict[str, Any] | None | Unset
        if isinstance(self.certificate, Unset):
            certificate = UNSET
        elif isinstance(self.certificate, EnrollmentRunOutCertificateType0):
            certificate = self.certificate.to_dict()
        else:
            certificate = self.certificate

        code_version: None | str | Unset
        if isinstance(self.code_version, Unset):
            code_version = UNSET
        else:
            code_version = self.code_version

        gate: dict[str, Any] | None | Unset
        if isinstance(self.gate, Unset):
            gate = UNSET
        elif isinstance(self.gate, EnrollmentRunOutGateType0):
            gate = self.gate.to_dict()
        else:
            gate = self.gate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "counts": counts,
                "created_at": created_at,
                "finalised_at": finalised_at,
                "grade": grade,
                "id": id,
                "input_digest": input_digest,
                "mechanism": mechanism,
                "published_at": published_at,
                "rulebook_id": rulebook_id,
                "season": season,
                "seed": seed,
                "seq": seq,
                "state": state,
                "superseded_by": superseded_by,
                "version": version,
                "window_calendar": window_calendar,
                "window_ends_on": window_ends_on,
            }
        )
        if certificate is not UNSET:
            field_dict["certificate"] = certificate
        if code_version is not UNSET:
            field_dict["code_version"] = code_version
        if gate is not UNSET:
            field_dict["gate"] = gate

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.enrollment_run_out_certificate_type_0 import (
            EnrollmentRunOutCertificateType0,
        )
        from ..models.enrollment_run_out_counts import EnrollmentRunOutCounts
        from ..models.enrollment_run_out_gate_type_0 import EnrollmentRunOutGateType0

        d = dict(src_dict)
        counts = EnrollmentRunOutCounts.from_dict(d.pop("counts"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_finalised_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finalised_at_type_0 = datetime.datetime.fromisoformat(data)

                return finalised_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finalised_at = _parse_finalised_at(d.pop("finalised_at"))

        grade = d.pop("grade")

        id = d.pop("id")

        input_digest = d.pop("input_digest")

        mechanism = d.pop("mechanism")

        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)

                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))

        def _parse_rulebook_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rulebook_id = _parse_rulebook_id(d.pop("rulebook_id"))

        season = d.pop("season")

        seed = d.pop("seed")

        seq = d.pop("seq")

        state = d.pop("state")

        def _parse_superseded_by(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        superseded_by = _parse_superseded_by(d.pop("superseded_by"))

        version = d.pop("version")

        def _parse_window_calendar(
            data: object,
        ) -> EnrollmentRunOutWindowCalendarType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                window_calendar_type_0 = EnrollmentRunOutWindowCalendarType0(data)

                return window_calendar_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EnrollmentRunOutWindowCalendarType0 | None, data)

        window_calendar = _parse_window_calendar(d.pop("window_calendar"))

        def _parse_window_ends_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                window_ends_on_type_0 = datetime.date.fromisoformat(data)

                return window_ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        window_ends_on = _parse_window_ends_on(d.pop("window_ends_on"))

        def _parse_certificate(
            data: object,
        ) -> EnrollmentRunOutCertificateType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                certificate_type_0 = EnrollmentRunOutCertificateType0.from_dict(data)

                return certificate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EnrollmentRunOutCertificateType0 | None | Unset, data)

        certificate = _parse_certificate(d.pop("certificate", UNSET))

        def _parse_code_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code_version = _parse_code_version(d.pop("code_version", UNSET))

        def _parse_gate(data: object) -> EnrollmentRunOutGateType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                gate_type_0 = EnrollmentRunOutGateType0.from_dict(data)

                return gate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EnrollmentRunOutGateType0 | None | Unset, data)

        gate = _parse_gate(d.pop("gate", UNSET))

        enrollment_run_out = cls(
            counts=counts,
            created_at=created_at,
            finalised_at=finalised_at,
            grade=grade,
            id=id,
            input_digest=input_digest,
            mechanism=mechanism,
            published_at=published_at,
            rulebook_id=rulebook_id,
            season=season,
            seed=seed,
            seq=seq,
            state=state,
            superseded_by=superseded_by,
            version=version,
            window_calendar=window_calendar,
            window_ends_on=window_ends_on,
            certificate=certificate,
            code_version=code_version,
            gate=gate,
        )

        enrollment_run_out.additional_properties = d
        return enrollment_run_out

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
