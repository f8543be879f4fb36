from enum import StrEnum


class EnrollmentRunInMechanism(StrEnum):
    DEFERRED_ACCEPTANCE = "deferred_acceptance"
    IMMEDIATE_ACCEPTANCE = "immediate_acceptance"

    def __str__(self) -> str:
        return str(self.value)
