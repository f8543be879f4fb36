from enum import StrEnum


class EnrollmentSchoolUpdateStatus(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"
    PHASING_OUT = "phasing_out"

    def __str__(self) -> str:
        return str(self.value)
