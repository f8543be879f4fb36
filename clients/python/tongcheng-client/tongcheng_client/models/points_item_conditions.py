from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.points_item_conditions_license_status_type_0_item import (
    PointsItemConditionsLicenseStatusType0Item,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="PointsItemConditions")


@_attrs_define
class PointsItemConditions:
    """When an item counts. Omitted: ``in_county``, ``permit_valid``, ``active_at_cutoff`` are true; the rest are
    not checked. A condition that does not apply to the item's kind is refused (422).

        Attributes:
            active_at_cutoff (bool | None | Unset):
            holder_is_guardian (bool | None | Unset):
            in_county (bool | None | Unset):
            license_status (list[PointsItemConditionsLicenseStatusType0Item] | None | Unset):
            min_share_percent (float | None | str | Unset):
            only_without (list[str] | None | Unset): earlier items that must score nothing
            permit_valid (bool | None | Unset):
            requires (list[str] | None | Unset): guardian rules the guardian must meet
    """

    active_at_cutoff: bool | None | Unset = UNSET
    holder_is_guardian: bool | None | Unset = UNSET
    in_county: bool | None | Unset = UNSET
    license_status: list[PointsItemConditionsLicenseStatusType0Item] | None | Unset = (
        UNSET
    )
    min_share_percent: float | None | str | Unset = UNSET
    only_without: list[str] | None | Unset = UNSET
    permit_valid: bool | None | Unset = UNSET
    requires: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        active_at_cutoff: bool | None | Unset
        if isinstance(self.active_at_cutoff, Unset):
            active_at_cutoff = UNSET
        else:
            active_at_cutoff = self.active_at_cutoff

        holder_is_guardian: bool | None | Unset
        if isinstance(self.holder_is_guardian, Unset):
            holder_is_guardian = UNSET
        else:
            holder_is_guardian = self.holder_is_guardian

        in_county: bool | None | Unset
        if isinstance(self.in_county, Unset):
            in_county = UNSET
        else:
            in_county = self.in_county

        license_status: list[str] | None | Unset
        if isinstance(self.license_status, Unset):
            license_status = UNSET
        elif isinstance(self.license_status, list):
            license_status = []
            for license_status_type_0_item_data in self.license_status:
                license_status_type_0_item = license_status_type_0_item_data.value
                license_status.append(license_status_type_0_item)

        else:
            license_status = self.license_status

        min_share_percent: float | None | str | Unset
        if isinstance(self.min_share_percent, Unset):
            min_share_percent = UNSET
        else:
            min_share_percent = self.min_share_percent

        only_without: list[str] | None | Unset
        if isinstance(self.only_without, Unset):
            only_without = UNSET
        elif isinstance(self.only_without, list):
            only_without = self.only_without

        else:
            only_without = self.only_without

        permit_valid: bool | None | Unset
        if isinstance(self.permit_valid, Unset):
            permit_valid = UNSET
        else:
            permit_valid = self.permit_valid

        requires: list[str] | None | Unset
        if isinstance(self.requires, Unset):
            requires = UNSET
        elif isinstance(self.requires, list):
            requires = self.requires

        else:
            requires = self.requires

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if active_at_cutoff is not UNSET:
            field_dict["active_at_cutoff"] = active_at_cutoff
        if holder_is_guardian is not UNSET:
            field_dict["holder_is_guardian"] = holder_is_guardian
        if in_county is not UNSET:
            field_dict["in_county"] = in_county
        if license_status is not UNSET:
            field_dict["license_status"] = license_status
        if min_share_percent is not UNSET:
            field_dict["min_share_percent"] = min_share_percent
        if only_without is not UNSET:
            field_dict["only_without"] = only_without
        if permit_valid is not UNSET:
            field_dict["permit_valid"] = permit_valid
        if requires is not UNSET:
            field_dict["requires"] = requires

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_active_at_cutoff(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        active_at_cutoff = _parse_active_at_cutoff(d.pop("active_at_cutoff", UNSET))

        def _parse_holder_is_guardian(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        holder_is_guardian = _parse_holder_is_guardian(
            d.pop("holder_is_guardian", UNSET)
        )

        def _parse_in_county(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        in_county = _parse_in_county(d.pop("in_county", UNSET))

        def _parse_license_status(
            data: object,
        ) -> list[PointsItemConditionsLicenseStatusType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                license_status_type_0 = []
                _license_status_type_0 = data
                for license_status_type_0_item_data in _license_status_type_0:
                    license_status_type_0_item = (
                        PointsItemConditionsLicenseStatusType0Item(
                            license_status_type_0_item_data
                        )
                    )

                    license_status_type_0.append(license_status_type_0_item)

                return license_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                list[PointsItemConditionsLicenseStatusType0Item] | None | Unset, data
            )

        license_status = _parse_license_status(d.pop("license_status", UNSET))

        def _parse_min_share_percent(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        min_share_percent = _parse_min_share_percent(d.pop("min_share_percent", UNSET))

        def _parse_only_without(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                only_without_type_0 = cast(list[str], data)

                return only_without_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        only_without = _parse_only_without(d.pop("only_without", UNSET))

        def _parse_permit_valid(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        permit_valid = _parse_permit_valid(d.pop("permit_valid", UNSET))

        def _parse_requires(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                requires_type_0 = cast(list[str], data)

                return requires_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        requires = _parse_requires(d.pop("requires", UNSET))

        points_item_conditions = cls(
            active_at_cutoff=active_at_cutoff,
            holder_is_guardian=holder_is_guardian,
            in_county=in_county,
            license_status=license_status,
            min_share_percent=min_share_percent,
            only_without=only_without,
            permit_valid=permit_valid,
            requires=requires,
        )

        return points_item_conditions
