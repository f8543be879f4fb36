"""The gateway's own error answers, each a class with its status and stable code (as each service's ``errors.py``).

What a caller of ``/api/...`` can get from the gateway itself rather than from a service: 400 ``invalid_header``,
404 ``unknown_service`` (and ``not_found`` for a path never forwarded), 405 ``method_not_allowed``, 429
``rate_limited``, 503 ``upstream_unavailable`` / ``circuit_open``, 504 ``upstream_timeout``; ``client_closed`` when
the caller went away before its body arrived (nobody is left to read it). Authentication's 401s are the common
kit's (:mod:`common.errors`).
"""

from common.errors import DomainError, NotFound


class InvalidHeader(DomainError):
    """400 ``invalid_header``: a header that is not printable ASCII, or two ``Authorization`` headers."""

    status, code, title = 400, "invalid_header", "Invalid header"


class ClientClosed(DomainError):
    """400 ``client_closed``: the caller disconnected while its request body was being read."""

    status, code, title = 400, "client_closed", "Bad request"


class UnknownService(NotFound):
    """404 ``unknown_service``: ``/api/<service>/`` names no service behind this gateway."""

    code = "unknown_service"


class MethodNotAllowed(DomainError):
    status, code, title = 405, "method_not_allowed", "Method not allowed"


class RateLimited(DomainError):
    """429 ``rate_limited`` with ``Retry-After``: the credential is over its rate (:class:`gateway.auth.RateLimiter`)."""

    status, code, title = 429, "rate_limited", "Too many requests"


class UpstreamUnavailable(DomainError):
    """503 ``upstream_unavailable``: the service cannot be reached (after the retries an idempotent call gets)."""

    status, code, title = 503, "upstream_unavailable", "Service unavailable"


class CircuitOpen(UpstreamUnavailable):
    """503 ``circuit_open`` with ``Retry-After``: the service failed too often in a row; calls are refused at once
    until the breaker lets a trial call through (:class:`gateway.proxy.CircuitBreaker`)."""

    code = "circuit_open"


class UpstreamTimeout(DomainError):
    """504 ``upstream_timeout``: the service took the request but did not answer in time (never retried)."""

    status, code, title = 504, "upstream_timeout", "Service timed out"
