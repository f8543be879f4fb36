from enum import StrEnum


class EnrollmentImportFileKind(StrEnum):
    PLANS = "plans"
    SCHOOLS = "schools"
    SEATS = "seats"

    def __str__(self) -> str:
        return str(self.value)
