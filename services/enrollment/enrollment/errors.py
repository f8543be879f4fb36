"""Domain errors of the enrollment service, each with its status and stable code."""

from common.errors import Conflict, DomainError, Invalid, NotFound  # noqa: F401  (re-exported for the service)
