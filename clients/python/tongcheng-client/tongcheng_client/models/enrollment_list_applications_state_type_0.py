from enum import StrEnum


class EnrollmentListApplicationsStateType0(StrEnum):
    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
