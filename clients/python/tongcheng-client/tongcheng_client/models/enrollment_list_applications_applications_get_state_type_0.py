from enum import StrEnum


class EnrollmentListApplicationsApplicationsGetStateType0(StrEnum):
    SUBMITTED = "submitted"
    WITHDRAWN = "withdrawn"

    def __str__(self) -> str:
        return str(self.value)
