"""Query strings (issue 17): a parameter an endpoint does not declare is refused, never silently ignored.

``GET /applications?child_id_number=...`` used to answer five unrelated applications: the filter does not exist
there, and a platform reading the answer takes it for a match. Every app of the suite (``common.app.build_app``, the
gateway's own endpoints) runs :func:`refuse_unknown_parameters` as an app-wide dependency: a query parameter that is
not among the route's declared ones (its own and its dependencies', by alias) is 422 ``unknown_parameter`` naming
it as ``field``, before any other parameter is checked and before anything is read or written.
"""

from __future__ import annotations

from typing import Any

from fastapi import Request

from common.errors import Invalid


class UnknownParameter(Invalid):
    """422 ``unknown_parameter``: the query string names a parameter the endpoint does not take."""

    code = "unknown_parameter"


_ATTRIBUTE = "tongcheng_query_names"  # on the route: the names it declares, built on first use


def declared_query(route: Any) -> frozenset[str]:
    """The query parameters ``route`` (a FastAPI ``APIRoute``) declares, by the name a caller writes (the alias)."""
    names = getattr(route, _ATTRIBUTE, None)
    if names is None:
        found: set[str] = set()
        pending = [getattr(route, "dependant", None)]
        while pending:
            dependant = pending.pop()
            if dependant is not None:
                found.update(getattr(p, "validation_alias", None) or p.alias for p in dependant.query_params)
                pending.extend(dependant.dependencies)
        names = frozenset(found)
        if route is not None:
            setattr(route, _ATTRIBUTE, names)
    return names


async def refuse_unknown_parameters(request: Request) -> None:
    """App-wide dependency: 422 ``unknown_parameter`` (field: the first unknown name) for a query parameter the
    route does not declare. Async and a dictionary look-up: no thread hop, nothing per request without a query."""
    if not request.scope.get("query_string"):
        return
    known = declared_query(request.scope.get("route"))
    for name in request.query_params.keys():
        if name not in known:
            allowed = ", ".join(sorted(known)) or "none"
            raise UnknownParameter(f"unknown query parameter {name[:60]!r}; this endpoint takes: {allowed}",
                                   field=name[:200])
