from enum import StrEnum


class PointsResidencePermitFactsStatus(StrEnum):
    SUSPENDED = "suspended"
    VALID = "valid"

    def __str__(self) -> str:
        return str(self.value)
