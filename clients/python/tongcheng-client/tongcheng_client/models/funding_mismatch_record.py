from enum import StrEnum


class FundingMismatchRecord(StrEnum):
    ADJUSTMENT = "adjustment"
    DISBURSEMENT = "disbursement"
    ROLL_CONFIRMATION = "roll_confirmation"
    SETTLEMENT = "settlement"

    def __str__(self) -> str:
        return str(self.value)
