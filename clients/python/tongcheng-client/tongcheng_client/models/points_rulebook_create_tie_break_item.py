from enum import StrEnum


class PointsRulebookCreateTieBreakItem(StrEnum):
    EARLIEST_CONTINUOUS_SINCE = "earliest_continuous_since"
    FAMILY_SCORE = "family_score"
    LOTTERY = "lottery"
    OTHER_GUARDIAN_SCORE = "other_guardian_score"

    def __str__(self) -> str:
        return str(self.value)
