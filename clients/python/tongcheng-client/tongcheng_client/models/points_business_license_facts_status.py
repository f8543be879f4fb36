from enum import StrEnum


class PointsBusinessLicenseFactsStatus(StrEnum):
    ACTIVE = "active"
    CANCELLED = "cancelled"
    REVOKED = "revoked"

    def __str__(self) -> str:
        return str(self.value)
