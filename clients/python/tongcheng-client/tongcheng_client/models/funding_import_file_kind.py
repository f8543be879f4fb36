from enum import StrEnum


class FundingImportFileKind(StrEnum):
    SEMESTERS = "semesters"
    TARIFFS = "tariffs"

    def __str__(self) -> str:
        return str(self.value)
