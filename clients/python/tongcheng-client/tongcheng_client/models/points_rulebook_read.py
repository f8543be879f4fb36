from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.points_rulebook_read_state import PointsRulebookReadState

if TYPE_CHECKING:
    from ..models.points_rulebook_read_eligibility_item import (
        PointsRulebookReadEligibilityItem,
    )
    from ..models.points_rulebook_read_family import PointsRulebookReadFamily
    from ..models.points_rulebook_read_items_item import PointsRulebookReadItemsItem


T = TypeVar("T", bound="PointsRulebookRead")


@_attrs_define
class PointsRulebookRead:
    """
    Attributes:
        county_code (str):
        created_at (datetime.datetime):
        created_by (str):
        cutoff_date (datetime.date):
        eligibility (list[PointsRulebookReadEligibilityItem]):
        family (PointsRulebookReadFamily):
        id (str):
        items (list[PointsRulebookReadItemsItem]):
        name (str):
        published_at (datetime.datetime | None):
        season (int):
        state (PointsRulebookReadState):
        tie_break (list[str]):
        updated_at (datetime.datetime):
        version (int):
    """

    county_code: str
    created_at: datetime.datetime
    created_by: str
    cutoff_date: datetime.date
    eligibility: list[PointsRulebookReadEligibilityItem]
    family: PointsRulebookReadFamily
    id: str
    items: list[PointsRulebookReadItemsItem]
    name: str
    published_at: datetime.datetime | None
    season: int
    state: PointsRulebookReadState
    tie_break: list[str]
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        county_code = self.county_code

        created_at = self.created_at.isoformat()

        created_by = self.created_by

        cutoff_date = self.cutoff_date.isoformat()

        eligibility = []
        for eligibility_item_data in self.eligibility:
            eligibility_item = eligibility_item_data.to_dict()
            eligibility.append(eligibility_item)

        family = self.family.to_dict()

        id = self.id

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        name = self.name

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        season = self.season

        state = self.state.value

        tie_break = self.tie_break

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "county_code": county_code,
                "created_at": created_at,
                "created_by": created_by,
                "cutoff_date": cutoff_date,
                "eligibility": eligibility,
                "family": family,
                "id": id,
                "items": items,
                "name": name,
                "published_at": published_at,
                "season": season,
                "state": state,
                "tie_break": tie_break,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.points_rulebook_read_eligibility_item import (
            PointsRulebookReadEligibilityItem,
        )
        from ..models.points_rulebook_read_family import PointsRulebookReadFamily
        from ..models.points_rulebook_read_items_item import PointsRulebookReadItemsItem

        d = dict(src_dict)
        county_code = d.pop("county_code")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = d.pop("created_by")

        cutoff_date = datetime.date.fromisoformat(d.pop("cutoff_date"))

        eligibility = []
        _eligibility = d.pop("eligibility")
        for eligibility_item_data in _eligibility:
            eligibility_item = PointsRulebookReadEligibilityItem.from_dict(
                eligibility_item_data
            )

            eligibility.append(eligibility_item)

        family = PointsRulebookReadFamily.from_dict(d.pop("family"))

        id = d.pop("id")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = PointsRulebookReadItemsItem.from_dict(items_item_data)

            items.append(items_item)

        name = d.pop("name")

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

        season = d.pop("season")

        state = PointsRulebookReadState(d.pop("state"))

        tie_break = cast(list[str], d.pop("tie_break"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        points_rulebook_read = cls(
            county_code=county_code,
            created_at=created_at,
            created_by=created_by,
            cutoff_date=cutoff_date,
            eligibility=eligibility,
            family=family,
            id=id,
            items=items,
            name=name,
            published_at=published_at,
            season=season,
            state=state,
            tie_break=tie_break,
            updated_at=updated_at,
            version=version,
        )

        points_rulebook_read.additional_properties = d
        return points_rulebook_read

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
