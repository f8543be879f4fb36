from enum import StrEnum


class FundingMismatchRecord(StrEnum):
    ADJUSTMENT = "adjustment"
    DISBURSEMENT = "disbursement"
    LEDGER_SEATS = "ledger_seats"
    ROLL_CONFIRMATION = "roll_confirmation"
    SETTLEMENT = "settlement"

    def __str__(self) -> str:
        return str(self.value)
