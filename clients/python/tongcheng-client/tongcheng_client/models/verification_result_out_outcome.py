from enum import StrEnum


class VerificationResultOutOutcome(StrEnum):
    CONFIRMED = "confirmed"
    FALSIFIED = "falsified"
    MISMATCH = "mismatch"
    NOT_FOUND = "not_found"

    def __str__(self) -> str:
        return str(self.value)
