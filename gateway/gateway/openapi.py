"""The suite's one OpenAPI description at the door (统一接口说明): ``GET /openapi.json`` and ``GET /docs``.

Built from the services' own descriptions (each service's ``/openapi.json``, fetched on the first request and kept
once every service has answered), never written by hand:

- every service path under ``/api/<service>/...`` (as the gateway forwards it); the services' probes
  (``/health/live``, ``/health/ready``) and ``/metrics`` are left out: they are not API operations;
- ``operationId`` ``<service>_<id>``, tags ``<service>`` or ``<service>: <tag>``;
- every schema renamed ``<Service><Name>`` (``EnrollmentApplicationIn``), its ``title`` too, and every ``$ref``
  rewritten, so two services' models of one name never collide (in the document nor in a generated client); ``Problem`` (the same everywhere) is kept once;
- the bearer security scheme, required (``security``) by each operation with ``x-roles`` (who may call it);
- the gateway's own operations (``GET /health``) as they are.

``/docs`` is Swagger UI from the ``swagger-ui-bundle`` package, served by the gateway itself (no CDN).
"""

from __future__ import annotations

import asyncio
import copy
import json
import logging
import re
from typing import Any

from fastapi import FastAPI
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

log = logging.getLogger("gateway.openapi")

NOT_API = re.compile(r"^/(health/(live|ready)|metrics)$")
"""Service paths that are probes or scrapes, not API operations (left out of the description)."""

SHARED_SCHEMAS = {"Problem"}


def _schema_name(service: str, name: str) -> str:
    return name if name in SHARED_SCHEMAS else service.capitalize() + name


def _rewrite_refs(node: Any, service: str) -> Any:
    """Every reference to a schema (``$ref``, a discriminator's ``mapping``) renamed for ``service``."""
    if isinstance(node, dict):
        return {key: _rewrite_refs(value, service) for key, value in node.items()}
    if isinstance(node, list):
        return [_rewrite_refs(v, service) for v in node]
    if isinstance(node, str) and node.startswith("#/components/schemas/"):
        return "#/components/schemas/" + _schema_name(service, node.rsplit("/", 1)[1])
    return node


def merge(own: dict[str, Any], services: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The suite's description: the gateway's own document ``own`` plus every service's, prefixed (pure: a test
    calls it with documents in hand)."""
    doc = copy.deepcopy(own)
    doc["info"] = {**doc.get("info", {}), "title": "Tongcheng (同城) API",
                   "description": (doc.get("info", {}).get("description", "") + "\n\nEvery operation of the "
                                   "suite through the gateway: `/api/<service>/...`. Error answers are problem "
                                   "details with a stable `code`; a refused field names its `rule` (docs/api.md, "
                                   "Rule codes). `x-roles` lists the roles that may call an operation.").strip()}
    paths = doc.setdefault("paths", {})
    components = doc.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    components.setdefault("securitySchemes", {})["bearer"] = {
        "type": "http", "scheme": "bearer",
        "description": "a credential of var/tokens.json (make up prints where): platform-taizhou, dept-police, "
                       "bureau-1, finance-1, auditor-1 ..."}
    tags: list[dict[str, Any]] = list(doc.get("tags", []))
    for service, spec in sorted(services.items()):
        spec = _rewrite_refs(spec, service)
        for name, schema in spec.get("components", {}).get("schemas", {}).items():
            # the title too: generators name a model by it (two services' "Page" would be one class)
            schemas[_schema_name(service, name)] = {**schema, "title": _schema_name(service, name)}
        tags.append({"name": service, "description": spec.get("info", {}).get("description", "")})
        for path, item in spec.get("paths", {}).items():
            if NOT_API.match(path):
                continue
            merged: dict[str, Any] = {}
            for method, operation in item.items():
                if not isinstance(operation, dict):
                    merged[method] = operation
                    continue
                operation = dict(operation)
                operation["operationId"] = f"{service}_{operation.get('operationId') or method + path}"
                operation["tags"] = [f"{service}: {t}" for t in operation.get("tags", [])] or [service]
                if operation.get("x-roles"):  # needs an identity: the bearer credential at the door
                    operation["security"] = [{"bearer": []}]
                merged[method] = operation
            paths[f"/api/{service}{path}"] = merged
    doc["tags"] = tags
    return doc


class SuiteDescription:
    """The merged description, built on the first request and kept once every upstream has answered (an upstream
    down: answered without its paths, ``X-Incomplete`` naming it, and fetched again next time)."""

    def __init__(self, app: FastAPI, upstreams: dict[str, Any], own: dict[str, Any]):
        self.app, self.upstreams, self.own = app, upstreams, own
        self.cached: dict[str, Any] | None = None
        self.lock = asyncio.Lock()

    async def _fetch(self, name: str) -> dict[str, Any] | None:
        try:
            resp = await self.upstreams[name].client.get("/openapi.json", timeout=5.0)
            if resp.status_code == 200:
                return resp.json()
            log.warning("openapi of %s: status %s", name, resp.status_code)
        except Exception as exc:  # noqa: BLE001 - down or malformed: answered without it, fetched again later
            log.warning("openapi of %s: %s", name, exc)
        return None

    async def document(self) -> tuple[dict[str, Any], list[str]]:
        if self.cached is not None:
            return self.cached, []
        async with self.lock:
            if self.cached is not None:
                return self.cached, []
            names = sorted(self.upstreams)
            found = await asyncio.gather(*(self._fetch(n) for n in names))
            specs = {n: s for n, s in zip(names, found) if s is not None}
            doc = merge(self.own, specs)
            missing = [n for n in names if n not in specs]
            if not missing:
                self.cached = doc
            return doc, missing


SWAGGER_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>Tongcheng (同城) API</title>
<link rel="stylesheet" href="/docs/static/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/docs/static/swagger-ui-bundle.js"></script>
<script src="/docs/static/swagger-ui-standalone-preset.js"></script>
<script src="/docs/init.js"></script>
</body></html>"""

SWAGGER_INIT = """window.ui = SwaggerUIBundle({url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset], layout: "StandaloneLayout",
  persistAuthorization: true});"""


def install(app: FastAPI, upstreams: dict[str, Any]) -> None:
    """Serve ``/openapi.json`` (the suite's description) and ``/docs`` (Swagger UI, local files) on the gateway.
    The app must be built with ``openapi_url=None, docs_url=None`` (these replace FastAPI's)."""
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:  # a virtualenv made before the dependency: the gateway still starts, /docs says why
        log.warning("swagger-ui-bundle is not installed: /docs is unavailable (run make setup)")
        swagger_ui_path = None

    state: dict[str, SuiteDescription] = {}

    def description() -> SuiteDescription:
        if "it" not in state:
            state["it"] = SuiteDescription(app, upstreams, app.openapi())
        return state["it"]

    @app.get("/openapi.json", include_in_schema=False)
    async def openapi_json() -> JSONResponse:
        doc, missing = await description().document()
        headers = {"X-Incomplete": ", ".join(missing)} if missing else None
        return JSONResponse(json.loads(json.dumps(doc)), headers=headers)

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        if swagger_ui_path is None:
            return HTMLResponse("swagger-ui-bundle is not installed (make setup); the description is at "
                                "/openapi.json", status_code=503)
        return HTMLResponse(SWAGGER_PAGE)

    @app.get("/docs/init.js", include_in_schema=False)
    async def docs_init() -> HTMLResponse:
        return HTMLResponse(SWAGGER_INIT, media_type="text/javascript")

    if swagger_ui_path is not None:
        app.mount("/docs/static", StaticFiles(directory=str(swagger_ui_path)), name="swagger-ui")
