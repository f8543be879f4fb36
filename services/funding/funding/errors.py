"""Domain errors of the funding service, each with its status and stable code."""

from common.errors import Conflict, DomainError, Invalid, InvalidCursor, NotFound  # noqa: F401  (re-exported)


class SemesterNotFound(NotFound):
    code = "semester_not_found"


class SemesterExists(Conflict):
    code = "semester_exists"


class TariffNotFound(NotFound):
    code = "tariff_not_found"


class TariffMissing(Conflict):
    """Settling a school that has no tariff for the semester."""

    code = "tariff_missing"


class SemesterSettled(Conflict):
    """The school's settlement for the semester is approved: its tariff and lines are frozen (BRIEF §8)."""

    code = "semester_settled"


class SeatNotFound(NotFound):
    code = "seat_not_found"


class SeatEnded(Conflict):
    code = "seat_ended"


class SeatExists(Conflict):
    code = "seat_exists"


class SettlementNotFound(NotFound):
    code = "settlement_not_found"


class SettlementNotDraft(Conflict):
    code = "settlement_not_draft"


class SettlementOutdated(Conflict):
    """The draft no longer matches the current tariff or seats: recompute it before approving."""

    code = "settlement_outdated"


class SettlementNotApproved(Conflict):
    code = "settlement_not_approved"


class NothingDue(Conflict):
    code = "nothing_due"


class AmountMismatch(Invalid):
    code = "amount_mismatch"


class DuplicateReference(Conflict):
    code = "duplicate_reference"


class SeatNotInSettlement(Invalid):
    code = "seat_not_in_settlement"


class NoChange(Invalid):
    code = "no_change"


class UnknownSchool(Invalid):
    """A school funding has never heard of: no tariff and no purchased seat."""

    code = "unknown_school"


class SchoolLevelMismatch(Invalid):
    """A hand-over names another level for a school than the one funding knows (levels never change)."""

    code = "school_level_mismatch"


class GradeNotTaught(Invalid):
    """A seat in a grade its school does not teach (primary 1–6, junior 7–9, nine-year 1–9)."""

    code = "grade_not_taught"


class SeatNotOnRoll(Invalid):
    """A roll confirmation names a seat that is not on that school's roll for the semester."""

    code = "seat_not_on_roll"


class ConcurrentUpdate(Conflict):
    """Another request changed the same thing at the same moment; retry."""

    code = "concurrent_update"


class UnknownView(NotFound):
    """A report view that does not exist (404)."""

    code = "unknown_view"
