"""What every service's OpenAPI document says beyond FastAPI's: which roles may call each operation.

:func:`document_roles` adds ``x-roles`` (the roles of the operation's ``Caller(...)``, e.g. ``["bureau",
"platform"]``; ``service:enrollment`` for a named service) to every operation that needs an identity, and says the
roles in its description. The gateway merges these documents into the suite's one description
(``gateway/gateway/openapi.py``), where such an operation also requires the bearer credential.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, routing


def _roles_of(dependant: Any) -> tuple[str, ...] | None:
    for sub in getattr(dependant, "dependencies", ()):
        roles = getattr(sub.call, "roles", None)
        if roles is not None:
            return tuple(roles)
        if (found := _roles_of(sub)) is not None:
            return found
    return None


def operation_roles(app: FastAPI) -> dict[tuple[str, str], tuple[str, ...]]:
    """``{(method, path template): roles}`` for every operation guarded by ``Caller(...)``."""
    contexts = routing.iter_route_contexts(app.routes) if hasattr(routing, "iter_route_contexts") else app.routes
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for ctx in contexts:
        dependant = getattr(ctx, "dependant", None)
        path = getattr(ctx, "path_format", None) or getattr(ctx, "path", None)
        if dependant is None or path is None:
            continue
        roles = _roles_of(dependant)
        if roles is not None:
            for method in getattr(ctx, "methods", ()) or ():
                out[(method.lower(), path)] = roles
    return out


def document_roles(app: FastAPI) -> None:
    """Wrap ``app.openapi`` so each guarded operation carries ``x-roles`` (and ``Roles: ...`` in its description)."""
    build = app.openapi

    def openapi() -> dict:
        if app.openapi_schema:
            return app.openapi_schema
        schema = build()
        roles = operation_roles(app)
        for path, item in schema.get("paths", {}).items():
            for method, operation in item.items():
                if not isinstance(operation, dict) or (method, path) not in roles:
                    continue
                allowed = list(roles[(method, path)])
                operation["x-roles"] = allowed
                operation["description"] = (operation.get("description", "").rstrip()
                                            + f"\n\nRoles: {', '.join(allowed)}.").lstrip()
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


COMMON_TERMS: dict[str, str] = {
    "/health": "运行状态 (health) — BRIEF §4: every step of the season needs the service up",
    "/access-log": "个人信息访问记录 (who read whose data) — BRIEF §2: each role reads only what it may",
}
"""The Chinese term and clause of the operations every service has (see :func:`document_terms`)."""


def document_terms(app: FastAPI, terms: dict[str, str]) -> None:
    """Wrap ``app.openapi`` so each operation's description opens with the Chinese term and the policy clause it
    serves: ``terms`` maps a path's first segment (``"/rulebooks"``) to a line such as ``"积分细则 (rulebook) —
    BRIEF §5"`` (:data:`COMMON_TERMS` for the shared ones). An operation whose segment is in neither table keeps
    its description as it is (``tests/contract/test_openapi_examples.py`` refuses that)."""
    build = app.openapi
    table = {**COMMON_TERMS, **terms}

    def openapi() -> dict:
        if app.openapi_schema:
            return app.openapi_schema
        schema = build()
        for path, item in schema.get("paths", {}).items():
            line = table.get("/" + path.strip("/").split("/")[0])
            for operation in item.values():
                if isinstance(operation, dict) and line:
                    operation["description"] = f"**{line}**\n\n" + operation.get("description", "")
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
