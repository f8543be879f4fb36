"""Domain errors of the enrollment service, each with its status and stable code.

Extra keyword arguments of a :class:`common.errors.DomainError` become members of the problem-details body
(e.g. ``existing_application_no``, the numbers of a refused plan).
"""

from common.clients import UpstreamError
from common.errors import Conflict, DomainError, Invalid, NotFound  # noqa: F401  (re-exported for the service)


class SchoolExists(Conflict):
    code = "school_exists"


class AgeExceptionExists(Conflict):
    """The child already has an age exception for the season and grade (409)."""

    code = "age_exception_exists"


class PlanOverCapacity(Invalid):
    """A plan above the approved capacity or the grade's classes × class limit (BRIEF §7)."""

    code = "plan_over_capacity"


class UnknownSemester(Invalid):
    """A planning what-if costed at a semester (学期) funding does not hold: its tariffs would all be missing."""

    code = "unknown_semester"


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


class SchoolNotFound(NotFound):
    code = "school_not_found"


class ApplicationNotFound(NotFound):
    code = "application_not_found"


class RunNotFound(NotFound):
    code = "run_not_found"


class AppealNotFound(NotFound):
    code = "appeal_not_found"


class NoPreviousRun(NotFound):
    """A diff without ``against`` of a run that replaced none."""

    code = "no_previous_run"


class NotPublished(NotFound):
    """No published or final run places the application yet."""

    code = "not_published"


class NoSnapshot(NotFound):
    """The season has no placement run for planning to start from."""

    code = "no_snapshot"


class ApplicationNotInRun(NotFound):
    """A named run does not include the application (404: nothing to explain)."""

    code = "not_in_run"


class NotInRun(Invalid):
    """The application an appeal names is not in the run (422, field ``application_no``)."""

    code = "not_in_run"


class AppealWindowClosed(Conflict):
    """Appeals are taken only while a run is published and its window is open."""

    code = "appeal_window_closed"


class DuplicateAppeal(Conflict):
    """One appeal per application and run; carries ``existing_appeal_id`` when known."""

    code = "duplicate_appeal"


class WithdrawalClosed(Conflict):
    code = "withdrawal_closed"


class ApplicationWithdrawn(Conflict):
    """The family withdrew the application: no appeal is lodged or upheld for it (its verification case has left
    the departments' queues, so no fact of it can be checked again)."""

    code = "application_withdrawn"


class MixedRulebooks(Conflict):
    """The season's scores come from several rulebooks: rescore before a run."""

    code = "mixed_rulebooks"


class SnapshotInvalid(Conflict):
    """The snapshot (scores, seats) cannot be placed."""

    code = "snapshot_invalid"


class AppealsPending(Conflict):
    """A run with undecided appeals cannot be finalised."""

    code = "appeals_pending"


class NoSuchFact(Invalid):
    """An appeal disputes a fact the application never claimed for that guardian."""

    code = "no_such_fact"


class UnknownGuardian(Invalid):
    """An appeal disputes a fact of a guardian the application does not list (422, field
    ``disputes.guardian_no``): the rule code a claim naming such a guardian gets at submission."""

    code = "unknown_guardian"


class DisputesWhenUpheld(Invalid):
    """Only an upheld appeal names what it disputes (422, field ``disputes``)."""

    code = "disputes_when_upheld"


class OtherGrade(Invalid):
    """Two runs compared are of different seasons or grades."""

    code = "other_grade"


class UnknownSchool(Invalid):
    code = "unknown_school"


class CodeMismatch(Invalid):
    """A body's ``code`` differs from the path's."""

    code = "code_mismatch"


class FieldImmutable(Invalid):
    """``kind`` and ``level`` of a school never change."""

    code = "field_immutable"


class WrongSchoolKind(Invalid):
    """Seats are for public schools, plans for private ones."""

    code = "wrong_school_kind"


class WrongLevel(Invalid):
    """The grade is not the school's intake grade (1 primary, 7 junior)."""

    code = "wrong_level"


class BelowPlaced(Invalid):
    """Fewer seats than final runs already placed; carries ``placed``."""

    code = "below_placed"


class WebhookNotFound(NotFound):
    code = "webhook_not_found"


class SchoolClosed(Invalid):
    """A closed school takes no new pupils."""

    code = "school_closed"


class UpstreamMalformed(UpstreamError):
    """An upstream answered 200 with a body that does not fit its contract (502)."""

    status, code = 502, "upstream_malformed"
