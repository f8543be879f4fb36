"""The console's one way to the services: the gateway, as the signed-in person.

Each call carries ``Authorization: Bearer <staff token>``, a JWT minted for this person and call (60 s) and signed
with the console key the gateway trusts (:func:`common.identity.mint_staff`). The gateway verifies it, enforces
the person's role as for any caller, and its access log names them (``bureau:wang``). The console holds no
credential of its own and no shared account.
"""

from __future__ import annotations

import json
from typing import Any

import httpx

from common.identity import Identity, mint_staff


class ApiError(Exception):
    """An answer ≥ 400 from the gateway: ``status``, problem ``code``, ``detail``, ``field`` and the body."""

    def __init__(self, status: int, body: Any, text: str = ""):
        self.status = status
        self.body = body if isinstance(body, dict) else {}
        self.code = str(self.body.get("code", "http_error"))
        self.detail = str(self.body.get("detail", text[:300] or f"status {status}"))
        errors = self.body.get("errors") or []
        self.field = self.body.get("field") or (errors[0].get("field") if errors else None)
        super().__init__(f"{status} {self.code}: {self.detail}")

    def field_errors(self) -> dict[str, str]:
        """``{field: message}`` for the form: each validation error, else the one ``field`` with the detail."""
        out = {str(e.get("field")): str(e.get("message")) for e in self.body.get("errors") or [] if e.get("field")}
        if not out and self.field:
            out[str(self.field)] = self.detail
        return out


class Gateway:
    """``await gw.get(who, "enrollment", "/runs", season=2025)`` → the decoded JSON, or :class:`ApiError`."""

    def __init__(self, base_url: str, secret: str, *, timeout_s: float = 120.0,
                 transport: httpx.AsyncBaseTransport | None = None):
        self.secret = secret
        self.http = httpx.AsyncClient(base_url=base_url.rstrip("/"), transport=transport,
                                      timeout=httpx.Timeout(timeout_s, connect=5.0))

    async def request(self, who: Identity, method: str, service: str, path: str, *, body: Any = None,
                      params: dict | None = None, key: str | None = None, if_match: str | None = None,
                      raw: bool = False) -> Any:
        """One call to ``/api/<service><path>``; ``raw`` gives the ``httpx.Response`` (downloads, ETags)."""
        headers = {"Authorization": f"Bearer {mint_staff(self.secret, who)}"}
        if key:
            headers["Idempotency-Key"] = key
        if if_match:
            headers["If-Match"] = if_match
        if body is not None:
            headers["Content-Type"] = "application/json"
        params = {k: v for k, v in (params or {}).items() if v not in (None, "")}
        resp = await self.http.request(method, f"/api/{service}{path}", params=params, headers=headers,
                                       content=None if body is None else json.dumps(body))
        _raise_for_problem(resp)
        if raw:
            return resp
        return resp.json() if resp.content else None

    async def upload(self, who: Identity, service: str, path: str, filename: str, content: bytes,
                     params: dict | None = None) -> Any:
        """POST one file as ``multipart/form-data`` (field ``file``) → the decoded JSON, or :class:`ApiError`."""
        headers = {"Authorization": f"Bearer {mint_staff(self.secret, who)}"}
        params = {k: v for k, v in (params or {}).items() if v not in (None, "")}
        resp = await self.http.post(f"/api/{service}{path}", params=params, headers=headers,
                                    files={"file": (filename, content)})
        _raise_for_problem(resp)
        return resp.json()

    async def get(self, who: Identity, service: str, path: str, **params: Any) -> Any:
        return await self.request(who, "GET", service, path, params=params)

    async def post(self, who: Identity, service: str, path: str, body: Any = None, **kw: Any) -> Any:
        return await self.request(who, "POST", service, path, body=body if body is not None else {}, **kw)

    async def aclose(self) -> None:
        await self.http.aclose()


def _raise_for_problem(resp: httpx.Response) -> None:
    """An answer ≥ 400 → :class:`ApiError` with its problem details (or its text when it has none)."""
    if resp.status_code >= 400:
        try:
            problem = resp.json()
        except ValueError:
            problem = None
        raise ApiError(resp.status_code, problem, resp.text)
