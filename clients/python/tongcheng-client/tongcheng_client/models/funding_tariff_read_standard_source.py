from enum import StrEnum


class FundingTariffReadStandardSource(StrEnum):
    DECIDED = "decided"
    SUGGESTION = "suggestion"

    def __str__(self) -> str:
        return str(self.value)
