from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.points_rulebook_create_tie_break_item import (
    PointsRulebookCreateTieBreakItem,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.points_child_age_rule import PointsChildAgeRule
    from ..models.points_family_rule import PointsFamilyRule
    from ..models.points_insurance_rule import PointsInsuranceRule
    from ..models.points_item_rule import PointsItemRule
    from ..models.points_no_falsified_rule import PointsNoFalsifiedRule
    from ..models.points_permit_rule import PointsPermitRule


T = TypeVar("T", bound="PointsRulebookCreate")


@_attrs_define
class PointsRulebookCreate:
    """
    Attributes:
        eligibility (list[PointsChildAgeRule | PointsInsuranceRule | PointsNoFalsifiedRule | PointsPermitRule]):
        items (list[PointsItemRule]):
        name (str):
        season (int):
        county_code (str | Unset):  Default: '331003'.
        cutoff_date (datetime.date | None | Unset):
        family (PointsFamilyRule | Unset):
        id (None | str | Unset): default: HY-<season>-v<n>
        tie_break (list[PointsRulebookCreateTieBreakItem] | Unset):
    """

    eligibility: list[
        PointsChildAgeRule
        | PointsInsuranceRule
        | PointsNoFalsifiedRule
        | PointsPermitRule
    ]
    items: list[PointsItemRule]
    name: str
    season: int
    county_code: str | Unset = "331003"
    cutoff_date: datetime.date | None | Unset = UNSET
    family: PointsFamilyRule | Unset = UNSET
    id: None | str | Unset = UNSET
    tie_break: list[PointsRulebookCreateTieBreakItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.points_child_age_rule import PointsChildAgeRule
        from ..models.points_insurance_rule import PointsInsuranceRule
        from ..models.points_permit_rule import PointsPermitRule

        eligibility = []
        for eligibility_item_data in self.eligibility:
            eligibility_item: dict[str, Any]
            if (
                isinstance(eligibility_item_data, PointsPermitRule)
                or isinstance(eligibility_item_data, PointsInsuranceRule)
                or isinstance(eligibility_item_data, PointsChildAgeRule)
            ):
                eligibility_item = eligibility_item_data.to_dict()
            else:
                eligibility_item = eligibility_item_data.to_dict()

            eligibility.append(eligibility_item)

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        name = self.name

        season = self.season

        county_code = self.county_code

        cutoff_date: None | str | Unset
        if isinstance(self.cutoff_date, Unset):
            cutoff_date = UNSET
        elif isinstance(self.cutoff_date, datetime.date):
            cutoff_date = self.cutoff_date.isoformat()
        else:
            cutoff_date = self.cutoff_date

        family: dict[str, Any] | Unset = UNSET
        if not isinstance(self.family, Unset):
            family = self.family.to_dict()

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        tie_break: list[str] | Unset = UNSET
        if not isinstance(self.tie_break, Unset):
            tie_break = []
            for tie_break_item_data in self.tie_break:
                tie_break_item = tie_break_item_data.value
                tie_break.append(tie_break_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "eligibility": eligibility,
                "items": items,
                "name": name,
                "season": season,
            }
        )
        if county_code is not UNSET:
            field_dict["county_code"] = county_code
        if cutoff_date is not UNSET:
            field_dict["cutoff_date"] = cutoff_date
        if family is not UNSET:
            field_dict["family"] = family
        if id is not UNSET:
            field_dict["id"] = id
        if tie_break is not UNSET:
            field_dict["tie_break"] = tie_break

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.points_child_age_rule import PointsChildAgeRule
        from ..models.points_family_rule import PointsFamilyRule
        from ..models.points_insurance_rule import PointsInsuranceRule
        from ..models.points_item_rule import PointsItemRule
        from ..models.points_no_falsified_rule import PointsNoFalsifiedRule
        from ..models.points_permit_rule import PointsPermitRule

        d = dict(src_dict)
        eligibility = []
        _eligibility = d.pop("eligibility")
        for eligibility_item_data in _eligibility:

            def _parse_eligibility_item(
                data: object,
            ) -> (
                PointsChildAgeRule
                | PointsInsuranceRule
                | PointsNoFalsifiedRule
                | PointsPermitRule
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    eligibility_item_type_0 = PointsPermitRule.from_dict(data)

                    return eligibility_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    eligibility_item_type_1 = PointsInsuranceRule.from_dict(data)

                    return eligibility_item_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    eligibility_item_type_2 = PointsChildAgeRule.from_dict(data)

                    return eligibility_item_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                eligibility_item_type_3 = PointsNoFalsifiedRule.from_dict(data)

                return eligibility_item_type_3

            eligibility_item = _parse_eligibility_item(eligibility_item_data)

            eligibility.append(eligibility_item)

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = PointsItemRule.from_dict(items_item_data)

            items.append(items_item)

        name = d.pop("name")

        season = d.pop("season")

        county_code = d.pop("county_code", UNSET)

        def _parse_cutoff_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cutoff_date_type_0 = datetime.date.fromisoformat(data)

                return cutoff_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        cutoff_date = _parse_cutoff_date(d.pop("cutoff_date", UNSET))

        _family = d.pop("family", UNSET)
        family: PointsFamilyRule | Unset
        if isinstance(_family, Unset):
            family = UNSET
        else:
            family = PointsFamilyRule.from_dict(_family)

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        _tie_break = d.pop("tie_break", UNSET)
        tie_break: list[PointsRulebookCreateTieBreakItem] | Unset = UNSET
        if _tie_break is not UNSET:
            tie_break = []
            for tie_break_item_data in _tie_break:
                tie_break_item = PointsRulebookCreateTieBreakItem(tie_break_item_data)

                tie_break.append(tie_break_item)

        points_rulebook_create = cls(
            eligibility=eligibility,
            items=items,
            name=name,
            season=season,
            county_code=county_code,
            cutoff_date=cutoff_date,
            family=family,
            id=id,
            tie_break=tie_break,
        )

        return points_rulebook_create
