"""What every service's OpenAPI document says beyond FastAPI's: which roles may call each operation.

:func:`document_roles` adds ``x-roles`` (the roles of the operation's ``Caller(...)``, e.g. ``["bureau",
"platform"]``; ``service:enrollment`` for a named service) to every operation that needs an identity, and says the
roles in its description. The gateway merges these documents into the suite's one description
(``gateway/gateway/openapi.py``), where such an operation also requires the bearer credential.

:func:`document_examples` puts each model's example (:mod:`common.examples`) back whole: FastAPI drops every
``null`` from the document it builds, examples included, so an answer's ``"error": null`` would vanish and the
example would lack a required property. :func:`document_terms` opens each description with its Chinese term and
clause.
"""

from __future__ import annotations

import typing
from typing import Any

from fastapi import FastAPI, routing
from fastapi.routing import APIRoute
from pydantic import BaseModel


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


def models_in(annotation: Any) -> set[type[BaseModel]]:
    """The pydantic models an annotation names, and the models nested in their fields, transitively."""
    found: set[type[BaseModel]] = set()
    todo = [annotation]
    while todo:
        tp = todo.pop()
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            if tp not in found:
                found.add(tp)
                todo.extend(f.annotation for f in tp.model_fields.values())
        else:
            todo.extend(typing.get_args(tp))
    return found


def route_models(app: FastAPI) -> tuple[set[type[BaseModel]], set[type[BaseModel]]]:
    """(request models, response models) of the app's documented operations, nested ones included."""
    requests: set[type[BaseModel]] = set()
    responses: set[type[BaseModel]] = set()
    for context in routing.iter_route_contexts(app.routes):
        route = context.route
        if not isinstance(route, APIRoute) or not route.include_in_schema:
            continue
        if route.body_field is not None:
            requests |= models_in(route.body_field.field_info.annotation)
        responses |= models_in(route.response_model)
        for extra in (route.responses or {}).values():
            responses |= models_in(extra.get("model"))
    return requests, responses


def document_examples(app: FastAPI) -> None:
    """Wrap ``app.openapi`` so each component schema of a model carries the model's examples as the model gives them
    (``null`` members kept). A schema is matched by the model's name, FastAPI's long name
    (``enrollment__schemas__Page`` when two models share a name) and its ``-Input`` / ``-Output`` variants."""
    build = app.openapi

    def openapi() -> dict:
        if app.openapi_schema:
            return app.openapi_schema
        schema = build()
        requests, responses = route_models(app)
        by_name: dict[str, type[BaseModel]] = {}
        for model in requests | responses:
            long = model.__module__.replace(".", "__") + "__" + model.__name__
            for name in (model.__name__, long):
                for suffix in ("", "-Input", "-Output"):
                    by_name[name + suffix] = model
        for name, component in schema.get("components", {}).get("schemas", {}).items():
            model = by_name.get(name)
            if model is not None and component.get("examples"):
                component["examples"] = model.model_json_schema().get("examples", component["examples"])
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
