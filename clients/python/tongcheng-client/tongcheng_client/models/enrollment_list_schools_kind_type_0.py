from enum import StrEnum


class EnrollmentListSchoolsKindType0(StrEnum):
    PRIVATE = "private"
    PUBLIC = "public"

    def __str__(self) -> str:
        return str(self.value)
