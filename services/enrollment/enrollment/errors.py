"""Domain errors of the enrollment service, each with its status and stable code.

Extra keyword arguments of a :class:`common.errors.DomainError` become members of the problem-details body
(e.g. ``existing_application_no``, the numbers of a refused plan).
"""

from common.errors import Conflict, DomainError, Invalid, NotFound  # noqa: F401  (re-exported for the service)


class SchoolExists(Conflict):
    code = "school_exists"


class AgeExceptionExists(Conflict):
    """The child already has an age exception for the season and grade (409)."""

    code = "age_exception_exists"


class PlanOverCapacity(Invalid):
    """A plan above the approved capacity or the grade's classes × class limit (BRIEF §7)."""

    code = "plan_over_capacity"


class SchoolPhasingOut(Invalid):
    """A phasing-out school takes no new pupils (plan 三(五))."""

    code = "school_phasing_out"


class DuplicateApplication(Conflict):
    """One application per child per season; carries ``existing_application_no``."""

    code = "duplicate_application"


class SeasonClosed(Conflict):
    """Placement of the season and grade is over: one of its runs is final; carries ``final_run_id``."""

    code = "season_closed"


class InvalidState(Conflict):
    """The object is not in a state that allows this (a run not published, an appeal already decided...)."""

    code = "invalid_state"


class GateFailed(Conflict):
    """A run whose stored evidence fails a check cannot be published; carries ``failed: [check, ...]`` (issue 13)."""

    code = "gate_failed"
