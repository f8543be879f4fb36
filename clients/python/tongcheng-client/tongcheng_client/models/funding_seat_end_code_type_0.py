from enum import StrEnum


class FundingSeatEndCodeType0(StrEnum):
    DROPPED_OUT = "dropped_out"
    LEFT_DISTRICT = "left_district"
    OTHER = "other"
    PRIVATE_SCHOOL = "private_school"
    PUBLIC_SCHOOL = "public_school"

    def __str__(self) -> str:
        return str(self.value)
