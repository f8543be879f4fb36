from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.points_check_read import PointsCheckRead
    from ..models.points_guardian_read import PointsGuardianRead
    from ..models.points_tie_break_read import PointsTieBreakRead


T = TypeVar("T", bound="PointsScoreRead")


@_attrs_define
class PointsScoreRead:
    """
    Attributes:
        application_no (None | str):
        cutoff_date (datetime.date):
        eligibility (list[PointsCheckRead]):
        eligible (bool):
        facts_digest (str):
        family_score (str): points, decimal string "87.20"
        grade (int):
        guardians (list[PointsGuardianRead]):
        residence_township_code (None | str):
        rulebook_id (str):
        scored_at (datetime.datetime | None):
        season (int):
        tie_break (PointsTieBreakRead):
    """

    application_no: None | str
    cutoff_date: datetime.date
    eligibility: list[PointsCheckRead]
    eligible: bool
    facts_digest: str
    family_score: str
    grade: int
    guardians: list[PointsGuardianRead]
    residence_township_code: None | str
    rulebook_id: str
    scored_at: datetime.datetime | None
    season: int
    tie_break: PointsTieBreakRead
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application_no: None | str
        application_no = self.application_no

        cutoff_date = self.cutoff_date.isoformat()

        eligibility = []
        for eligibility_item_data in self.eligibility:
            eligibility_item = eligibility_item_data.to_dict()
            eligibility.append(eligibility_item)

        eligible = self.eligible

        facts_digest = self.facts_digest

        family_score = self.family_score

        grade = self.grade

        guardians = []
        for guardians_item_data in self.guardians:
            guardians_item = guardians_item_data.to_dict()
            guardians.append(guardians_item)

        residence_township_code: None | str
        residence_township_code = self.residence_township_code

        rulebook_id = self.rulebook_id

        scored_at: None | str
        if isinstance(self.scored_at, datetime.datetime):
            scored_at = self.scored_at.isoformat()
        else:
            scored_at = self.scored_at

        season = self.season

        tie_break = self.tie_break.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application_no": application_no,
                "cutoff_date": cutoff_date,
                "eligibility": eligibility,
                "eligible": eligible,
                "facts_digest": facts_digest,
                "family_score": family_score,
                "grade": grade,
                "guardians": guardians,
                "residence_township_code": residence_township_code,
                "rulebook_id": rulebook_id,
                "scored_at": scored_at,
                "season": season,
                "tie_break": tie_break,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.points_check_read import PointsCheckRead
        from ..models.points_guardian_read import PointsGuardianRead
        from ..models.points_tie_break_read import PointsTieBreakRead

        d = dict(src_dict)

        def _parse_application_no(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        application_no = _parse_application_no(d.pop("application_no"))

        cutoff_date = datetime.date.fromisoformat(d.pop("cutoff_date"))

        eligibility = []
        _eligibility = d.pop("eligibility")
        for eligibility_item_data in _eligibility:
            eligibility_item = PointsCheckRead.from_dict(eligibility_item_data)

            eligibility.append(eligibility_item)

        eligible = d.pop("eligible")

        facts_digest = d.pop("facts_digest")

        family_score = d.pop("family_score")

        grade = d.pop("grade")

        guardians = []
        _guardians = d.pop("guardians")
        for guardians_item_data in _guardians:
            guardians_item = PointsGuardianRead.from_dict(guardians_item_data)

            guardians.append(guardians_item)

        def _parse_residence_township_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        residence_township_code = _parse_residence_township_code(
            d.pop("residence_township_code")
        )

        rulebook_id = d.pop("rulebook_id")

        def _parse_scored_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scored_at_type_0 = datetime.datetime.fromisoformat(data)

                return scored_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        scored_at = _parse_scored_at(d.pop("scored_at"))

        season = d.pop("season")

        tie_break = PointsTieBreakRead.from_dict(d.pop("tie_break"))

        points_score_read = cls(
            application_no=application_no,
            cutoff_date=cutoff_date,
            eligibility=eligibility,
            eligible=eligible,
            facts_digest=facts_digest,
            family_score=family_score,
            grade=grade,
            guardians=guardians,
            residence_township_code=residence_township_code,
            rulebook_id=rulebook_id,
            scored_at=scored_at,
            season=season,
            tie_break=tie_break,
        )

        points_score_read.additional_properties = d
        return points_score_read

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
