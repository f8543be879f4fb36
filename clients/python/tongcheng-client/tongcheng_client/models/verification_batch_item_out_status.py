from enum import StrEnum


class VerificationBatchItemOutStatus(StrEnum):
    REJECTED = "rejected"
    STORED = "stored"

    def __str__(self) -> str:
        return str(self.value)
