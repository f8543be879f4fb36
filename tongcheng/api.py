"""A small typed client for the gateway: one ``httpx.Client`` per role's credential (docs/api.md).

``Roles.connect(gateway_url, var)`` reads the demo credentials from ``var/tokens.json`` (written by
``tongcheng.secrets``) and opens one client per actor: the platform, the bureau, finance, the auditor and the four
departments. ``client.enrollment.post("/applications/batch", body, key=...)`` calls
``/api/enrollment/applications/batch`` through the gateway.

Errors: an answer ≥ 400 raises :class:`ApiError`, whose message quotes the problem details (status, ``code``,
``detail`` and the offending fields). Retries (tenacity, exponential back-off): GET, PUT and keyed POSTs on
transport errors and 502/503/504; any call on 429 (honouring ``Retry-After``) and on connection refused (the
request never left).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt, stop_after_delay

from common import json_codec
from common.vocabulary import DEPARTMENTS

DEFAULT_GATEWAY = "http://127.0.0.1:8000"
RETRY_STATUSES = {502, 503, 504}
SERVICES = ("points", "verification", "enrollment", "funding")


class ApiError(Exception):
    """A problem-details answer (or any non-2xx) from the gateway, readable as one line."""

    def __init__(self, method: str, path: str, status: int, body: Any, text: str = ""):
        self.method, self.path, self.status, self.body = method, path, status, body
        body = body if isinstance(body, dict) else {}
        self.code = str(body.get("code", "http_error"))
        self.detail = str(body.get("detail", text[:300] or "no detail"))
        self.errors = body.get("errors") or []
        fields = "; ".join(f"{e.get('field')}: {e.get('message')}" for e in self.errors[:3])
        super().__init__(f"{method} {path} → {status} {self.code}: {self.detail}" + (f" [{fields}]" if fields else ""))


class _Retryable(Exception):
    def __init__(self, response: httpx.Response):
        self.response = response


def _wait(state: RetryCallState) -> float:
    exc = state.outcome.exception() if state.outcome else None
    if isinstance(exc, _Retryable) and (after := exc.response.headers.get("retry-after", "")).isdigit():
        return min(10.0, float(after))
    return min(5.0, 0.2 * 2 ** (state.attempt_number - 1))


class Gateway:
    """HTTP to the gateway with one bearer credential (``subject`` names it in messages)."""

    def __init__(self, base_url: str, token: str, *, subject: str = "", timeout_s: float = 180.0,
                 attempts: int = 6, transport: httpx.BaseTransport | None = None):
        self.subject, self.attempts = subject, attempts
        self.http = httpx.Client(base_url=base_url.rstrip("/"), transport=transport,
                                 headers={"Authorization": f"Bearer {token}"},
                                 timeout=httpx.Timeout(timeout_s, connect=5.0))

    def send(self, method: str, path: str, *, json_body: Any = None, params: dict | None = None,
             key: str | None = None, if_match: str | None = None, files: dict | None = None) -> httpx.Response:
        """One call (with retries as described in the module doc); raises :class:`ApiError` on ≥ 400. ``files``:
        a multipart upload (an import, idempotent by content, so retried like a keyed write)."""
        headers = {}
        if key:
            headers["Idempotency-Key"] = key
        if if_match:
            headers["If-Match"] = if_match
        safe = method in ("GET", "PUT", "DELETE") or key is not None or files is not None
        params = {k: v for k, v in (params or {}).items() if v is not None}

        def retryable(exc: BaseException) -> bool:
            if isinstance(exc, _Retryable):
                return exc.response.status_code == 429 or safe
            if isinstance(exc, httpx.ConnectError):
                return True
            return safe and isinstance(exc, httpx.TransportError)

        def once() -> httpx.Response:
            resp = self.http.request(method, path, json=json_body, params=params, headers=headers, files=files)
            if resp.status_code == 429 or resp.status_code in RETRY_STATUSES:
                raise _Retryable(resp)
            return resp

        try:
            for attempt in Retrying(retry=retry_if_exception(retryable), wait=_wait, reraise=True,
                                    stop=stop_after_attempt(self.attempts) | stop_after_delay(120)):
                with attempt:
                    resp = once()
        except _Retryable as exc:
            resp = exc.response
        if resp.status_code >= 400:
            try:
                body = resp.json()
            except ValueError:
                body = None
            raise ApiError(method, path, resp.status_code, body, resp.text)
        return resp

    def close(self) -> None:
        self.http.close()

    def service(self, name: str) -> "ServiceApi":
        return ServiceApi(self, name)

    @property
    def points(self) -> "ServiceApi":
        return ServiceApi(self, "points")

    @property
    def verification(self) -> "ServiceApi":
        return ServiceApi(self, "verification")

    @property
    def enrollment(self) -> "ServiceApi":
        return ServiceApi(self, "enrollment")

    @property
    def funding(self) -> "ServiceApi":
        return ServiceApi(self, "funding")

    def health(self) -> dict:
        return self.http.get("/health", timeout=5.0).json()


@dataclass
class ServiceApi:
    """One service's paths (``/api/<service>``) as the gateway's caller."""

    gateway: Gateway
    name: str

    def _path(self, path: str) -> str:
        return f"/api/{self.name}{path}"

    def get(self, path: str, **params: Any) -> Any:
        return _json(self.gateway.send("GET", self._path(path), params=params))

    def get_response(self, path: str, **params: Any) -> httpx.Response:
        """The raw answer (headers such as ``ETag``, or a file's bytes)."""
        return self.gateway.send("GET", self._path(path), params=params)

    def post(self, path: str, body: Any = None, *, key: str | None = None, if_match: str | None = None) -> Any:
        return _json(self.gateway.send("POST", self._path(path), json_body=body, key=key, if_match=if_match))

    def put(self, path: str, body: Any = None, *, if_match: str | None = None) -> Any:
        return _json(self.gateway.send("PUT", self._path(path), json_body=body, if_match=if_match))

    def upload(self, path: str, filename: str, data: bytes, **params: Any) -> Any:
        """POST a file as multipart/form-data (field ``file``), e.g. ``/imports/schools``."""
        return _json(self.gateway.send("POST", self._path(path), params=params,
                                       files={"file": (filename, data, "application/octet-stream")}))

    def pages(self, path: str, *, limit: int = 1000, **params: Any) -> Iterator[dict]:
        """Every item of a listing (``{items, next_cursor}``), following the cursor."""
        cursor = None
        while True:
            page = self.get(path, limit=limit, cursor=cursor, **params)
            yield from page.get("items", [])
            cursor = page.get("next_cursor")
            if not cursor:
                return


def _json(resp: httpx.Response) -> Any:
    """The answer's JSON (:func:`common.json_codec.loads`: orjson, the season's feed pages are 200 KB each), its
    text when it is not JSON, None when empty."""
    if not resp.content:
        return None
    try:
        return json_codec.loads(resp.content)
    except ValueError:
        return resp.text


def idempotency_key(*parts: Any) -> str:
    """A deterministic Idempotency-Key for a call's content (a retried call replays, another call differs)."""
    canon = json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(canon.encode()).hexdigest()[:48]


def load_tokens(var: Path) -> dict[str, str]:
    """Subject → bearer token from ``var/tokens.json``; a readable error when the file is missing."""
    path = Path(var) / "tokens.json"
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `make setup` (python -m tongcheng.secrets) first")
    return json.loads(path.read_text())


@dataclass
class Roles:
    """The real actors of BRIEF §2, each with its own client and credential."""

    platform: Gateway
    bureau: Gateway
    finance: Gateway
    auditor: Gateway
    departments: dict[str, Gateway] = field(default_factory=dict)
    schools: dict[str, Gateway] = field(default_factory=dict)  # school code → its staff's credential (role school)

    @classmethod
    def connect(cls, base_url: str, var: Path, *, transport: httpx.BaseTransport | None = None,
                timeout_s: float = 180.0) -> "Roles":
        tokens = load_tokens(var)

        def client(subject: str) -> Gateway:
            if subject not in tokens:
                raise KeyError(f"no credential for {subject!r} in {Path(var) / 'tokens.json'}")
            return Gateway(base_url, tokens[subject], subject=subject, transport=transport, timeout_s=timeout_s)

        return cls(platform=client("platform-taizhou"), bureau=client("bureau-1"), finance=client("finance-1"),
                   auditor=client("auditor-1"),
                   departments={d: client(f"dept-{d}") for d in DEPARTMENTS},
                   schools={s.removeprefix("school-"): client(s) for s in tokens if s.startswith("school-")})

    def close(self) -> None:
        for gw in (self.platform, self.bureau, self.finance, self.auditor, *self.departments.values(),
                   *self.schools.values()):
            gw.close()


def wait_until_healthy(base_url: str, timeout_s: float = 30.0) -> dict:
    """Poll the gateway's ``/health`` until every upstream is ok; returns the last answer or raises."""
    deadline, last = time.monotonic() + timeout_s, None
    while time.monotonic() < deadline:
        try:
            last = httpx.get(base_url.rstrip("/") + "/health", timeout=3.0).json()
            if last.get("status") == "ok":
                return last
        except (httpx.HTTPError, ValueError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gateway at {base_url} not healthy: {last}")
