from enum import StrEnum


class VerificationRequestDetailState(StrEnum):
    ANSWERED = "answered"
    PENDING = "pending"
    SUPERSEDED = "superseded"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
