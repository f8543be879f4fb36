from enum import StrEnum


class EnrollmentSchoolCreateLevel(StrEnum):
    JUNIOR = "junior"
    NINE_YEAR = "nine_year"
    PRIMARY = "primary"

    def __str__(self) -> str:
        return str(self.value)
