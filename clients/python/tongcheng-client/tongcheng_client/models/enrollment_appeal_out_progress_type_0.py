from enum import StrEnum


class EnrollmentAppealOutProgressType0(StrEnum):
    INCLUDED_IN_RUN = "included_in_run"
    READY_FOR_RERUN = "ready_for_rerun"
    RESCORED = "rescored"
    WAITING_FOR_DEPARTMENT = "waiting_for_department"

    def __str__(self) -> str:
        return str(self.value)
