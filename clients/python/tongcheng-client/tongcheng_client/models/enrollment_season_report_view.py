from enum import StrEnum


class EnrollmentSeasonReportView(StrEnum):
    SCHOOLS = "schools"
    SUMMARY = "summary"
    TOWNSHIPS = "townships"

    def __str__(self) -> str:
        return str(self.value)
