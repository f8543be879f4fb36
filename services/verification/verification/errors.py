"""Domain errors of the verification service, each with its status and stable code."""

from common.errors import Conflict, DomainError, Invalid, NotFound  # noqa: F401  (re-exported for the service)


class RequestNotFound(NotFound):
    """No such request, or it belongs to another department (404, never 403: its existence is not disclosed)."""

    code = "request_not_found"


class CaseNotFound(NotFound):
    code = "case_not_found"


class FactsInvalid(Invalid):
    """The facts do not fit the request's kind or the outcome (422)."""

    code = "invalid_facts"


class ContradictsClaim(Invalid):
    """A ``confirmed`` result whose facts differ from the claim: it is a ``mismatch`` (422)."""

    code = "contradicts_claim"


class RequestSuperseded(Conflict):
    """The request belongs to an earlier version of an amended case; it takes no more answers (409)."""

    code = "request_superseded"


class CaseWithdrawn(Conflict):
    """The application was withdrawn (enrollment's hand-over, :mod:`verification.withdrawals`): its requests left
    the queues and take no more answers or re-checks (409)."""

    code = "case_withdrawn"


class DuplicateItem(Invalid):
    """The same request appears twice in one batch (422 for that item)."""

    code = "duplicate_item"
