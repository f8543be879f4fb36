from enum import StrEnum


class EnrollmentRunOutWindowCalendarType0(StrEnum):
    OFFICIAL = "official"
    WEEKDAYS = "weekdays"

    def __str__(self) -> str:
        return str(self.value)
