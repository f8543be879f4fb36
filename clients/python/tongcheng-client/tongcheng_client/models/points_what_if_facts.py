from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.points_business_license_facts import PointsBusinessLicenseFacts
    from ..models.points_owned_home_facts import PointsOwnedHomeFacts
    from ..models.points_rented_home_facts import PointsRentedHomeFacts
    from ..models.points_residence_permit_facts import PointsResidencePermitFacts
    from ..models.points_social_insurance_facts import PointsSocialInsuranceFacts


T = TypeVar("T", bound="PointsWhatIfFacts")


@_attrs_define
class PointsWhatIfFacts:
    """
    Attributes:
        business_license (list[PointsBusinessLicenseFacts] | None | PointsBusinessLicenseFacts | Unset):
        housing (list[PointsOwnedHomeFacts | PointsRentedHomeFacts] | None | PointsOwnedHomeFacts |
            PointsRentedHomeFacts | Unset):
        residence_permit (None | PointsResidencePermitFacts | Unset):
        social_insurance (None | PointsSocialInsuranceFacts | Unset):
    """

    business_license: (
        list[PointsBusinessLicenseFacts] | None | PointsBusinessLicenseFacts | Unset
    ) = UNSET
    housing: (
        list[PointsOwnedHomeFacts | PointsRentedHomeFacts]
        | None
        | PointsOwnedHomeFacts
        | PointsRentedHomeFacts
        | Unset
    ) = UNSET
    residence_permit: None | PointsResidencePermitFacts | Unset = UNSET
    social_insurance: None | PointsSocialInsuranceFacts | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.points_business_license_facts import PointsBusinessLicenseFacts
        from ..models.points_owned_home_facts import PointsOwnedHomeFacts
        from ..models.points_rented_home_facts import PointsRentedHomeFacts
        from ..models.points_residence_permit_facts import PointsResidencePermitFacts
        from ..models.points_social_insurance_facts import PointsSocialInsuranceFacts

        business_license: dict[str, Any] | list[dict[str, Any]] | None | Unset
        if isinstance(self.business_license, Unset):
            business_license = UNSET
        elif isinstance(self.business_license, PointsBusinessLicenseFacts):
            business_license = self.business_license.to_dict()
        elif isinstance(self.business_license, list):
            business_license = []
            for business_license_type_1_item_data in self.business_license:
                business_license_type_1_item = (
                    business_license_type_1_item_data.to_dict()
                )
                business_license.append(business_license_type_1_item)

        else:
            business_license = self.business_license

        housing: dict[str, Any] | list[dict[str, Any]] | None | Unset
        if isinstance(self.housing, Unset):
            housing = UNSET
        elif isinstance(self.housing, PointsOwnedHomeFacts) or isinstance(
            self.housing, PointsRentedHomeFacts
        ):
            housing = self.housing.to_dict()
        elif isinstance(self.housing, list):
            housing = []
            for housing_type_1_item_data in self.housing:
                housing_type_1_item: dict[str, Any]
                if isinstance(housing_type_1_item_data, PointsOwnedHomeFacts):
                    housing_type_1_item = housing_type_1_item_data.to_dict()
                else:
                    housing_type_1_item = housing_type_1_item_data.to_dict()

                housing.append(housing_type_1_item)

        else:
            housing = self.housing

        residence_permit: dict[str, Any] | None | Unset
        if isinstance(self.residence_permit, Unset):
            residence_permit = UNSET
        elif isinstance(self.residence_permit, PointsResidencePermitFacts):
            residence_permit = self.residence_permit.to_dict()
        else:
            residence_permit = self.residence_permit

        social_insurance: dict[str, Any] | None | Unset
        if isinstance(self.social_insurance, Unset):
            social_insurance = UNSET
        elif isinstance(self.social_insurance, PointsSocialInsuranceFacts):
            social_insurance = self.social_insurance.to_dict()
        else:
            social_insurance = self.social_insurance

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if business_license is not UNSET:
            field_dict["business_license"] = business_license
        if housing is not UNSET:
            field_dict["housing"] = housing
        if residence_permit is not UNSET:
            field_dict["residence_permit"] = residence_permit
        if social_insurance is not UNSET:
            field_dict["social_insurance"] = social_insurance

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.points_business_license_facts import PointsBusinessLicenseFacts
        from ..models.points_owned_home_facts import PointsOwnedHomeFacts
        from ..models.points_rented_home_facts import PointsRentedHomeFacts
        from ..models.points_residence_permit_facts import PointsResidencePermitFacts
        from ..models.points_social_insurance_facts import PointsSocialInsuranceFacts

        d = dict(src_dict)

        def _parse_business_license(
            data: object,
        ) -> (
            list[PointsBusinessLicenseFacts] | None | PointsBusinessLicenseFacts | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                business_license_type_0 = PointsBusinessLicenseFacts.from_dict(data)

                return business_license_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                business_license_type_1 = []
                _business_license_type_1 = data
                for business_license_type_1_item_data in _business_license_type_1:
                    business_license_type_1_item = PointsBusinessLicenseFacts.from_dict(
                        business_license_type_1_item_data
                    )

                    business_license_type_1.append(business_license_type_1_item)

                return business_license_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                list[PointsBusinessLicenseFacts]
                | None
                | PointsBusinessLicenseFacts
                | Unset,
                data,
            )

        business_license = _parse_business_license(d.pop("business_license", UNSET))

        def _parse_housing(
            data: object,
        ) -> (
            list[PointsOwnedHomeFacts | PointsRentedHomeFacts]
            | None
            | PointsOwnedHomeFacts
            | PointsRentedHomeFacts
            | Unset
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                housing_type_0_type_0 = PointsOwnedHomeFacts.from_dict(data)

                return housing_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                housing_type_0_type_1 = PointsRentedHomeFacts.from_dict(data)

                return housing_type_0_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                housing_type_1 = []
                _housing_type_1 = data
                for housing_type_1_item_data in _housing_type_1:

                    def _parse_housing_type_1_item(
                        data: object,
                    ) -> PointsOwnedHomeFacts | PointsRentedHomeFacts:
                        try:
                            if not isinstance(data, dict):
                                raise TypeError()
                            housing_type_1_item_type_0 = PointsOwnedHomeFacts.from_dict(
                                data
                            )

                            return housing_type_1_item_type_0
                        except (TypeError, ValueError, AttributeError, KeyError):
                            pass
                        if not isinstance(data, dict):
                            raise TypeError()
                        housing_type_1_item_type_1 = PointsRentedHomeFacts.from_dict(
                            data
                        )

                        return housing_type_1_item_type_1

                    housing_type_1_item = _parse_housing_type_1_item(
                        housing_type_1_item_data
                    )

                    housing_type_1.append(housing_type_1_item)

                return housing_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                list[PointsOwnedHomeFacts | PointsRentedHomeFacts]
                | None
                | PointsOwnedHomeFacts
                | PointsRentedHomeFacts
                | Unset,
                data,
            )

        housing = _parse_housing(d.pop("housing", UNSET))

        def _parse_residence_permit(
            data: object,
        ) -> None | PointsResidencePermitFacts | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                residence_permit_type_0 = PointsResidencePermitFacts.from_dict(data)

                return residence_permit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PointsResidencePermitFacts | Unset, data)

        residence_permit = _parse_residence_permit(d.pop("residence_permit", UNSET))

        def _parse_social_insurance(
            data: object,
        ) -> None | PointsSocialInsuranceFacts | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                social_insurance_type_0 = PointsSocialInsuranceFacts.from_dict(data)

                return social_insurance_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PointsSocialInsuranceFacts | Unset, data)

        social_insurance = _parse_social_insurance(d.pop("social_insurance", UNSET))

        points_what_if_facts = cls(
            business_license=business_license,
            housing=housing,
            residence_permit=residence_permit,
            social_insurance=social_insurance,
        )

        return points_what_if_facts
