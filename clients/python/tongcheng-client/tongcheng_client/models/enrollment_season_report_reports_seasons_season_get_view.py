from enum import StrEnum


class EnrollmentSeasonReportReportsSeasonsSeasonGetView(StrEnum):
    SCHOOLS = "schools"
    SUMMARY = "summary"
    TOWNSHIPS = "townships"

    def __str__(self) -> str:
        return str(self.value)
