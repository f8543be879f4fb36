from enum import StrEnum


class PointsListRulebooksRulebooksGetStateType0(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"

    def __str__(self) -> str:
        return str(self.value)
