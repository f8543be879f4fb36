from enum import StrEnum


class EnrollmentListSchoolsLevelType0(StrEnum):
    JUNIOR = "junior"
    NINE_YEAR = "nine_year"
    PRIMARY = "primary"

    def __str__(self) -> str:
        return str(self.value)
