from enum import StrEnum


class VerificationRequestOutState(StrEnum):
    ANSWERED = "answered"
    PENDING = "pending"
    SUPERSEDED = "superseded"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
