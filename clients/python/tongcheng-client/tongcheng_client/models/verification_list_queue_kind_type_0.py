from enum import StrEnum


class VerificationListQueueKindType0(StrEnum):
    BUSINESS_LICENSE = "business_license"
    HOUSING = "housing"
    RESIDENCE_PERMIT = "residence_permit"
    SOCIAL_INSURANCE = "social_insurance"

    def __str__(self) -> str:
        return str(self.value)
