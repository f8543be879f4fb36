from enum import StrEnum


class PointsItemRuleKind(StrEnum):
    BASE = "base"
    BUSINESS = "business"
    OWNED_HOME = "owned_home"
    RENTED_HOME = "rented_home"
    RESIDENCE = "residence"
    SOCIAL_INSURANCE = "social_insurance"

    def __str__(self) -> str:
        return str(self.value)
