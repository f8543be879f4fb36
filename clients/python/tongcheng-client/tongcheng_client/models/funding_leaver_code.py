from enum import StrEnum


class FundingLeaverCode(StrEnum):
    DROPPED_OUT = "dropped_out"
    LEFT_DISTRICT = "left_district"
    PRIVATE_SCHOOL = "private_school"
    PUBLIC_SCHOOL = "public_school"

    def __str__(self) -> str:
        return str(self.value)
