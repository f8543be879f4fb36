"""RFC 9457 problem details for every service and the gateway.

Every error answer is ``application/problem+json`` with ``type``, ``title``, ``status``, ``detail``, a stable
machine ``code`` and the ``request_id``; a refusal of fields adds ``errors: [{field, code, message, message_en,
message_zh}]``, each ``code`` a rule code of :mod:`common.refusals` (``message`` = ``message_en``, kept for
callers of before issue 17).
Services raise :class:`DomainError` subclasses; :func:`install_error_handlers` turns them into answers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from common.examples import PROBLEM
from common.logging import request_id_var
from common.refusals import message_zh

log = logging.getLogger("tongcheng.errors")
PROBLEM_JSON = "application/problem+json"


class DomainError(Exception):
    """An error a caller can act on. Subclasses fix ``status`` and ``code``; ``detail`` says what happened."""

    status: int = 400
    code: str = "bad_request"
    title: str = "Bad request"

    def __init__(self, detail: str, *, code: str | None = None, field: str | None = None, **extra: Any):
        super().__init__(detail)
        self.detail = detail
        if code:
            self.code = code
        self.field = field
        self.extra = extra


class Unauthorized(DomainError):
    status, code, title = 401, "unauthenticated", "Authentication required"


class InvalidIdentity(Unauthorized):
    """401 ``invalid_identity``: the ``X-Tongcheng-Identity`` token is forged, expired or names an unknown role."""

    code = "invalid_identity"


class InvalidCredential(Unauthorized):
    """401 ``invalid_credential``: an unknown or revoked bearer credential, or a staff token that fails its checks."""

    code = "invalid_credential"


class Forbidden(DomainError):
    status, code, title = 403, "forbidden", "Role not allowed"


class NotFound(DomainError):
    status, code, title = 404, "not_found", "Not found"


class Conflict(DomainError):
    status, code, title = 409, "conflict", "Conflict"


class PreconditionFailed(DomainError):
    status, code, title = 412, "precondition_failed", "Stale version"


class PreconditionRequired(DomainError):
    status, code, title = 428, "precondition_required", "If-Match required"


class Invalid(DomainError):
    """422 for input that is well-formed JSON but breaks a rule; name the ``field``."""

    status, code, title = 422, "invalid", "Invalid input"


class InvalidCursor(Invalid):
    """422 ``invalid_cursor``: a ``cursor`` no listing of this service handed out (:mod:`common.paging`)."""

    code = "invalid_cursor"


class IdempotencyKeyRequired(DomainError):
    """400 ``idempotency_key_required``: a batch (or an endpoint that requires it) sent without ``Idempotency-Key``."""

    status, code, title = 400, "idempotency_key_required", "Idempotency-Key required"


BATCH_WITHOUT_KEY = "tongcheng.batch_without_key"
"""Scope mark of a batch sent without ``Idempotency-Key`` (:mod:`common.middleware` sets it and drops the body,
:func:`common.identity.require` refuses it once the caller is known)."""


class Unavailable(DomainError):
    status, code, title = 503, "upstream_unavailable", "Upstream unavailable"


class AccessLogUnavailable(Unavailable):
    """503 ``access_log_unavailable``: too many reads' records wait to be written; the read is refused unrecorded
    (:mod:`common.access`)."""

    code = "access_log_unavailable"


def problem(status: int, code: str, title: str, detail: str, headers: dict[str, str] | None = None,
            **extra: Any) -> JSONResponse:
    """Build a problem-details response; ``extra`` members (None dropped) are added as they are."""
    body = {
        "type": f"https://tongcheng.huangyan.gov.cn/problems/{code}",
        "title": title,
        "status": status,
        "detail": detail,
        "code": code,
        "request_id": request_id_var.get(),
    }
    body.update({k: v for k, v in extra.items() if v is not None})
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


_SOURCES = ("body", "query", "path", "header", "cookie")
_NO_INPUT = object()


def _is_label(part: Any) -> bool:
    """A loc part pydantic adds for a validator or a union member, not a field: ``function-after[_dated(),
    HousingFacts]``, ``list[int]``, ``constrained-str``."""
    return isinstance(part, str) and ("[" in part or part.startswith(("function-", "constrained-")))


def _field_of(loc: tuple | list, data: Any = _NO_INPUT, *, missing: bool = False, tags: bool = True) -> str:
    """The dotted field a validation error is about (``guardians.0.facts.housing.share_percent``), without the
    source (``body``, ``query``...) and without pydantic's labels for validators and union members.

    ``data`` is what was validated (the parsed JSON body) when it is known: the loc is then walked through it, and a
    part that names nothing in it is a label (``function-after[...]``, an untagged union member's class name) and
    is dropped — except, for a ``missing`` error, the last part (the field that is not there). A tagged union's tag
    (``claims.housing.0.owned.share_percent``: the value of the object's discriminator) is kept while ``tags``:
    fields of that form are pinned by enrollment's and verification's tests and by their batch answers, which name
    fields on their own. Without ``data`` only the labels :func:`_is_label` recognises are dropped."""
    rest = list(loc[1:] if loc and loc[0] in _SOURCES else loc)
    parts: list[str] = []
    node = data
    for i, part in enumerate(rest):
        if node is _NO_INPUT:
            if not _is_label(part):
                parts.append(str(part))
        elif isinstance(node, dict) and isinstance(part, str) and part in node:
            parts.append(part)
            node = node[part]
        elif (isinstance(node, list) and isinstance(part, int) and not isinstance(part, bool)
              and 0 <= part < len(node)):
            parts.append(str(part))
            node = node[part]
        elif missing and i == len(rest) - 1 and not _is_label(part):
            parts.append(str(part))
        elif tags and isinstance(node, dict) and isinstance(part, str) and part in node.values():
            parts.append(str(part))  # the tag: the member chosen by a discriminator's value
        # else: it names nothing in the input, so it is a label
    return ".".join(parts) or (str(loc[0]) if loc else "")


_PREFIXES = ("Value error, ", "Assertion failed, ")


def field_error(field: str, code: str, message: str, zh: str | None = None) -> dict[str, str]:
    """One entry of a problem's ``errors``: the field, the rule code, the message in English and Chinese."""
    return {"field": field, "code": code, "message": message, "message_en": message,
            "message_zh": zh or message_zh(code)}


def pydantic_errors(errors: list[Any], data: Any = _NO_INPUT,
                    field_of: Callable[[tuple], str] | None = None) -> list[dict[str, str]]:
    """pydantic's errors (``ValidationError.errors()``) as :func:`field_error` entries: the code is the error's
    ``type`` (a rule of :func:`common.refusals.refuse`, or pydantic's own type), the message without pydantic's
    "Value error, " prefix, the Chinese message from the rule (``ctx``) or the schema table. ``data`` is the
    validated input, to tell fields from pydantic's labels (:func:`_field_of`); ``field_of`` (loc → field)
    replaces that walk where the caller names its fields its own way."""
    out = []
    for err in errors:
        msg = str(err.get("msg", "invalid"))
        for prefix in _PREFIXES:
            msg = msg.removeprefix(prefix)
        code = str(err.get("type", "invalid"))
        zh = (err.get("ctx") or {}).get("message_zh")
        loc = err.get("loc", ())
        if code == "json_invalid":  # loc is ("body", <character position>): no field, say where
            out.append(field_error("", code, f"{msg} at character {loc[-1]}" if len(loc) > 1 else msg))
            continue
        node = (data if loc[0] == "body" else _NO_INPUT) if loc and loc[0] in _SOURCES else data
        field = field_of(loc) if field_of else _field_of(loc, node, missing=code == "missing")
        out.append(field_error(field, code, msg, zh))
    return out


def errors_of(exc: DomainError) -> list[dict[str, str]] | None:
    """The ``errors`` of a domain refusal: its own (``errors=`` given, e.g. facts typed by pydantic), else one
    :func:`field_error` for a 422 naming a field — the same shape as a schema refusal; None for the rest (a 409
    naming a field, ``season_closed``, is about a state, not a rule of the field)."""
    if exc.extra.get("errors") is not None:
        return exc.extra["errors"]
    if exc.status == 422 and exc.field is not None:
        return [field_error(exc.field, exc.code, exc.detail)]
    return None


def _validation_errors(exc: RequestValidationError) -> list[dict[str, str]]:
    return pydantic_errors(list(exc.errors()), exc.body)


STATUS_CODES = {
    400: ("bad_request", "Bad request"),
    401: ("unauthenticated", "Authentication required"),
    403: ("forbidden", "Role not allowed"),
    404: ("not_found", "Not found"),
    405: ("method_not_allowed", "Method not allowed"),
    409: ("conflict", "Conflict"),
    413: ("body_too_large", "Request body too large"),
    415: ("unsupported_media_type", "Unsupported media type"),
    422: ("invalid", "Invalid input"),
    429: ("rate_limited", "Too many requests"),
}


def internal_error() -> JSONResponse:
    """The 500 problem for an unexpected exception: the request id, never the exception or a stack trace."""
    return problem(500, "internal_error", "Internal error",
                   "an unexpected error occurred; quote the request_id when reporting it")


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that turn every error into problem details (never a stack trace)."""

    @app.exception_handler(DomainError)
    async def _domain(_: Request, exc: DomainError) -> JSONResponse:
        return problem(exc.status, exc.code, exc.title, exc.detail, field=exc.field,
                       **{**exc.extra, "errors": errors_of(exc)})

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = _validation_errors(exc)
        first = errors[0] if errors else {"field": "", "message": "invalid"}
        detail = f"{first['field']}: {first['message']}" if first["field"] else first["message"]
        return problem(422, "validation_error", "Invalid input", detail, field=first["field"] or None, errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, title = STATUS_CODES.get(exc.status_code, ("http_error", "HTTP error"))
        detail = exc.detail if isinstance(exc.detail, str) else title
        if exc.status_code == 404 and detail == "Not Found":
            detail = "no such resource"
        resp = problem(exc.status_code, code, title, detail)
        for k, v in (exc.headers or {}).items():
            resp.headers[k] = v
        return resp

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return internal_error()


PROBLEM_SCHEMA = {
    "title": "Problem",
    "description": "RFC 9457 problem details, as every error of the suite is answered",
    "type": "object",
    "required": ["type", "title", "status", "detail", "code", "request_id"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "code": {"type": "string", "description": "stable machine code, e.g. validation_error, not_found"},
        "request_id": {"type": ["string", "null"]},
        "field": {"type": "string", "description": "the field at fault, where there is one"},
        "errors": {"type": "array", "description": "the refused fields, each with its rule code (docs/api.md, "
                   "Rule codes) and the message in English and Chinese", "items": {
            "type": "object", "required": ["field", "message", "code"],
            "properties": {"field": {"type": "string"}, "code": {"type": "string", "examples": ["id_checksum"]},
                           "message": {"type": "string", "description": "= message_en"},
                           "message_en": {"type": "string"}, "message_zh": {"type": "string"}}}},
    },
}


def document_problems(app: FastAPI) -> None:
    """Make the app's OpenAPI say what its errors are: FastAPI documents 422 as its own ``HTTPValidationError``,
    but every error is answered as problem details (``application/problem+json``, :data:`PROBLEM_SCHEMA`).
    Each operation's 422 is replaced and a ``4XX`` problem answer is added; a consumer or a schema-driven test
    (schemathesis) then checks error bodies against the real shape."""
    build = app.openapi

    def openapi() -> dict:
        if app.openapi_schema:
            return app.openapi_schema
        schema = build()
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        schemas["Problem"] = {**PROBLEM_SCHEMA, "examples": [PROBLEM]}
        answer = {"content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}}}
        for item in schema.get("paths", {}).values():
            for operation in item.values():
                if not isinstance(operation, dict) or "responses" not in operation:
                    continue
                responses = operation["responses"]
                if "422" in responses:
                    responses["422"] = {"description": "Invalid input (problem details, code validation_error)",
                                        **answer}
                responses.setdefault("4XX", {"description": "Refused (problem details)", **answer})
        for unused in ("HTTPValidationError", "ValidationError"):
            schemas.pop(unused, None)
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]

