from enum import StrEnum


class EnrollmentSchoolUpdateLevel(StrEnum):
    JUNIOR = "junior"
    PRIMARY = "primary"

    def __str__(self) -> str:
        return str(self.value)
