"""Read docs/api.md (the contract) into ``{service: {(METHOD, normalised path): allowed roles}}``, and build
in-process service apps for the reliability tests.

Roles as the contract writes them: ``platform``, ``department`` (any of the four), ``bureau``, ``finance``,
``auditor``, ``school`` (a private school's staff, acting for its own school), ``service`` (any service) or
``service:<name>``. A path is normalised by dropping the query and
naming every parameter ``{}`` (``/requests/{id}`` and ``/requests/{request_id}`` are one endpoint).
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from pathlib import Path

from common.vocabulary import DEPARTMENTS  # every department of the suite is a caller of the matrix

REPO = Path(__file__).resolve().parents[2]
SERVICES = ("points", "verification", "enrollment", "funding")
ROLE_WORDS = ("platform", "department", "bureau", "finance", "auditor", "school", "service")

# Every caller the matrix tries: (label, role, department, subject).
CALLERS = [("platform", "platform", None, "platform-taizhou")]
CALLERS += [(f"department:{d}", "department", d, f"dept-{d}") for d in DEPARTMENTS]
CALLERS += [(r, r, None, f"{r}-1") for r in ("bureau", "finance", "auditor")]
CALLERS += [(f"service:{s}", "service", None, s) for s in SERVICES]
CALLERS += [("school", "school", None, "school-1")]  # bound to school code "1", the value every path parameter gets
SCHOOL_OF_CALLER = "1"

_ENDPOINT = re.compile(r"`(GET|POST|PUT|PATCH|DELETE) (/[^`]*)`")
_INLINE = re.compile(r"`(GET|POST|PUT|PATCH|DELETE) (/[^`]*)` \(([^)]*)\)")


def normalise(path: str) -> str:
    return re.sub(r"\{[^}]*\}", "{}", path.split("?", 1)[0].strip())


def _roles(text: str) -> frozenset[str]:
    found = set()
    for piece in re.split(r"[,;]", re.sub(r"\([^)]*\)", "", text)):
        word = piece.strip().split(" ")[0] if piece.strip() else ""
        if word in ROLE_WORDS or re.fullmatch(r"service:[a-z]+", word):
            found.add(word)
    return frozenset(found)


def load_contract(path: Path = REPO / "docs" / "api.md") -> dict[str, dict[tuple[str, str], frozenset[str]]]:
    contract: dict[str, dict[tuple[str, str], frozenset[str]]] = {}
    service = None
    previous: frozenset[str] = frozenset()
    for line in path.read_text(encoding="utf-8").splitlines():
        heading = re.match(r"^## (\w+) \(port \d+\)", line)
        if heading:
            service = heading.group(1)
            contract[service] = {}
            continue
        if service is None or not line.startswith("| `"):
            continue
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]  # `json\|csv` is one cell
        endpoints = _ENDPOINT.findall(cells[0])
        if not endpoints:
            continue
        role_text = cells[1] if len(cells) > 1 else ""
        if role_text == "same":
            groups = [previous]
        else:
            groups = [_roles(group) for group in role_text.split(";")]
        for i, (method, raw) in enumerate(endpoints):
            roles = groups[i] if len(groups) == len(endpoints) else frozenset().union(*groups)
            contract[service][(method, normalise(raw))] = roles
        previous = groups[-1]
        for method, raw, roles in _INLINE.findall(" | ".join(cells[2:])):  # e.g. `GET /budget/{year}` (finance, ...)
            contract[service][(method, normalise(raw))] = _roles(roles)
    return contract


def allows(roles: frozenset[str], role: str, department: str | None, subject: str) -> bool:
    """Does the contract's role list admit this caller?"""
    if role in roles:
        return True
    return role == "service" and f"service:{subject}" in roles


@dataclass(frozen=True)
class Operation:
    service: str
    method: str
    path: str  # as the service's OpenAPI writes it, with parameter names
    spec: dict

    @property
    def key(self) -> tuple[str, str]:
        return self.method, normalise(self.path)

    @property
    def label(self) -> str:
        return f"{self.service} {self.method} {self.path}"

    def has_body(self) -> bool:
        return "requestBody" in self.spec

    def url(self) -> str:
        """The path with every path parameter filled: its first enum value, else ``1`` (a valid int, a string
        no object has)."""
        url = self.path
        for param in self.spec.get("parameters", []):
            if param.get("in") == "path":
                schema = param.get("schema", {})
                value = str(schema["enum"][0]) if schema.get("enum") else "1"
                url = url.replace("{" + param["name"] + "}", value)
        return url


def operations(app, name: str) -> list[Operation]:
    """Every operation of service ``name``'s OpenAPI except ``/health``."""
    out = []
    for path, item in app.openapi().get("paths", {}).items():
        if path == "/health":
            continue
        for method, spec in item.items():
            if method.upper() in ("GET", "POST", "PUT", "PATCH", "DELETE"):
                out.append(Operation(name, method.upper(), path, spec))
    return out


def build_app(name: str, database_url: str, data_dir: Path, secret: str):
    """The service's app on ``database_url``, with every upstream URL pointed at a closed port and background
    workers off where the service has a switch for them (so a test never calls a real process)."""
    config = importlib.import_module(f"{name}.config")
    main = importlib.import_module(f"{name}.main")
    fields = config.Settings.model_fields
    overrides = {key: "http://127.0.0.1:9" for key in fields if key.endswith("_url") and key != "database_url"}
    overrides.update({key: False for key in ("outbox_dispatcher", "scoring_worker", "background_jobs")
                      if key in fields})
    settings = config.Settings(internal_secret=secret, database_url=database_url, data_dir=data_dir,
                               log_level="WARNING", **overrides)
    return main.create_app(settings)
