from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.enrollment_business_license_claim import (
        EnrollmentBusinessLicenseClaim,
    )
    from ..models.enrollment_owned_home_claim import EnrollmentOwnedHomeClaim
    from ..models.enrollment_rented_home_claim import EnrollmentRentedHomeClaim


T = TypeVar("T", bound="EnrollmentClaims")


@_attrs_define
class EnrollmentClaims:
    """What a family claims, per claimed kind: one claim per guardian.

    Attributes:
        business_license (list[EnrollmentBusinessLicenseClaim] | Unset):
        housing (list[EnrollmentOwnedHomeClaim | EnrollmentRentedHomeClaim] | Unset):
    """

    business_license: list[EnrollmentBusinessLicenseClaim] | Unset = UNSET
    housing: list[EnrollmentOwnedHomeClaim | EnrollmentRentedHomeClaim] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.enrollment_owned_home_claim import EnrollmentOwnedHomeClaim

        business_license: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.business_license, Unset):
            business_license = []
            for business_license_item_data in self.business_license:
                business_license_item = business_license_item_data.to_dict()
                business_license.append(business_license_item)

        housing: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.housing, Unset):
            housing = []
            for housing_item_data in self.housing:
                housing_item: dict[str, Any]
                if isinstance(housing_item_data, EnrollmentOwnedHomeClaim):
                    housing_item = housing_item_data.to_dict()
                else:
                    housing_item = housing_item_data.to_dict()

                housing.append(housing_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if business_license is not UNSET:
            field_dict["business_license"] = business_license
        if housing is not UNSET:
            field_dict["housing"] = housing

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.enrollment_business_license_claim import (
            EnrollmentBusinessLicenseClaim,
        )
        from ..models.enrollment_owned_home_claim import EnrollmentOwnedHomeClaim
        from ..models.enrollment_rented_home_claim import EnrollmentRentedHomeClaim

        d = dict(src_dict)
        _business_license = d.pop("business_license", UNSET)
        business_license: list[EnrollmentBusinessLicenseClaim] | Unset = UNSET
        if _business_license is not UNSET:
            business_license = []
            for business_license_item_data in _business_license:
                business_license_item = EnrollmentBusinessLicenseClaim.from_dict(
                    business_license_item_data
                )

                business_license.append(business_license_item)

        _housing = d.pop("housing", UNSET)
        housing: list[EnrollmentOwnedHomeClaim | EnrollmentRentedHomeClaim] | Unset = (
            UNSET
        )
        if _housing is not UNSET:
            housing = []
            for housing_item_data in _housing:

                def _parse_housing_item(
                    data: object,
                ) -> EnrollmentOwnedHomeClaim | EnrollmentRentedHomeClaim:
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        housing_item_type_0 = EnrollmentOwnedHomeClaim.from_dict(data)

                        return housing_item_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    if not isinstance(data, dict):
                        raise TypeError()
                    housing_item_type_1 = EnrollmentRentedHomeClaim.from_dict(data)

                    return housing_item_type_1

                housing_item = _parse_housing_item(housing_item_data)

                housing.append(housing_item)

        enrollment_claims = cls(
            business_license=business_license,
            housing=housing,
        )

        return enrollment_claims
