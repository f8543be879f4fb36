from enum import StrEnum


class EnrollmentRunReportView(StrEnum):
    SCHOOLS = "schools"
    SUMMARY = "summary"
    TOWNSHIPS = "townships"

    def __str__(self) -> str:
        return str(self.value)
