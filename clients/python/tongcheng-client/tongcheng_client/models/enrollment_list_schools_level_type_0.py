from enum import StrEnum


class EnrollmentListSchoolsLevelType0(StrEnum):
    JUNIOR = "junior"
    PRIMARY = "primary"

    def __str__(self) -> str:
        return str(self.value)
