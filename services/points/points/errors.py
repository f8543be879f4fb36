"""Domain errors of the points service, each with its status and stable code."""

from common.errors import Conflict, DomainError, Invalid, NotFound  # noqa: F401  (re-exported for the service)


class RulebookNotFound(NotFound):
    code = "rulebook_not_found"


class RulebookExists(Conflict):
    """``POST /rulebooks`` with an id already taken (409)."""

    code = "rulebook_exists"


class RulebookPublished(Conflict):
    """A published rulebook never changes; a change is a new rulebook with its own id (409)."""

    code = "rulebook_published"


class RulebookInvalid(Invalid):
    """The rulebook is well-formed JSON but breaks a rule (unknown item, unit not fitting the kind...); 422 naming
    the field."""

    code = "rulebook_invalid"


class NoPublishedRulebook(Conflict):
    """Nothing can be scored for a season without a published rulebook (409)."""

    code = "no_published_rulebook"


class NotScored(NotFound):
    code = "not_scored"


class CaseNotFound(NotFound):
    """Verification does not know the application (404)."""

    code = "case_not_found"


class JobNotFound(NotFound):
    code = "job_not_found"
