from enum import StrEnum


class VerificationRequestDetailDepartment(StrEnum):
    HOUSING = "housing"
    HRSS = "hrss"
    MARKET = "market"
    POLICE = "police"

    def __str__(self) -> str:
        return str(self.value)
