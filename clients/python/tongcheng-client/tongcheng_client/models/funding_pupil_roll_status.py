from enum import StrEnum


class FundingPupilRollStatus(StrEnum):
    ATTENDS = "attends"
    AWAITING = "awaiting"
    LEFT = "left"

    def __str__(self) -> str:
        return str(self.value)
