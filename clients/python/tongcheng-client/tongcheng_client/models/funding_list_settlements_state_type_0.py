from enum import StrEnum


class FundingListSettlementsStateType0(StrEnum):
    APPROVED = "approved"
    DRAFT = "draft"
    PAID = "paid"

    def __str__(self) -> str:
        return str(self.value)
