from enum import StrEnum


class FundingSchoolForecastReadTariffSource(StrEnum):
    CARRIED = "carried"
    DECIDED = "decided"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
