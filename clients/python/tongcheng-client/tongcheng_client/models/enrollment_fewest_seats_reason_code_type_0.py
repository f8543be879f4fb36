from enum import StrEnum


class EnrollmentFewestSeatsReasonCodeType0(StrEnum):
    NOT_ENOUGH_APPLICANTS = "not_enough_applicants"
    NO_PUBLIC_SCHOOL = "no_public_school"
    TOWNSHIP_UNKNOWN = "township_unknown"

    def __str__(self) -> str:
        return str(self.value)
