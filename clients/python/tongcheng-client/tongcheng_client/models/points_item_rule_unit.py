from enum import StrEnum


class PointsItemRuleUnit(StrEnum):
    FULL_YEAR = "full_year"
    MONTH = "month"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
