from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.enrollment_run_in_mechanism import EnrollmentRunInMechanism
from ..types import UNSET, Unset

T = TypeVar("T", bound="EnrollmentRunIn")


@_attrs_define
class EnrollmentRunIn:
    """``POST /runs``: the seed is published with the round (lottery key = SHA-256 of ``"{seed}:{application_no}"``).

    Attributes:
        grade (int): entry grade: 1 (primary) or 7 (junior)
        season (int): the season's year
        seed (int | str):
        mechanism (EnrollmentRunInMechanism | Unset):  Default: EnrollmentRunInMechanism.DEFERRED_ACCEPTANCE.
    """

    grade: int
    season: int
    seed: int | str
    mechanism: EnrollmentRunInMechanism | Unset = (
        EnrollmentRunInMechanism.DEFERRED_ACCEPTANCE
    )

    def to_dict(self) -> dict[str, Any]:
        grade = self.grade

        season = self.season

        seed: int | str
        seed = self.seed

        mechanism: str | Unset = UNSET
        if not isinstance(self.mechanism, Unset):
            mechanism = self.mechanism.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "grade": grade,
                "season": season,
                "seed": seed,
            }
        )
        if mechanism is not UNSET:
            field_dict["mechanism"] = mechanism

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        grade = d.pop("grade")

        season = d.pop("season")

        def _parse_seed(data: object) -> int | str:
            return cast(int | str, data)

        seed = _parse_seed(d.pop("seed"))

        _mechanism = d.pop("mechanism", UNSET)
        mechanism: EnrollmentRunInMechanism | Unset
        if isinstance(_mechanism, Unset):
            mechanism = UNSET
        else:
            mechanism = EnrollmentRunInMechanism(_mechanism)

        enrollment_run_in = cls(
            grade=grade,
            season=season,
            seed=seed,
            mechanism=mechanism,
        )

        return enrollment_run_in
