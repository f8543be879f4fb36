from enum import StrEnum


class EnrollmentSchoolCreateStatus(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"
    PHASING_OUT = "phasing_out"

    def __str__(self) -> str:
        return str(self.value)
