"""What every page shares: templates (personal data masked on output), the signed-in person, role checks, CSRF,
security headers, and the pages answered for refusals (403, 404, a failed upstream).

Masking: every value a template prints passes :func:`common.logging.mask_text` (Jinja's ``finalize``), so a whole
ID number or mobile phone never reaches a page, whatever an upstream answered (issue 12: no full ID number or
phone on any page). Names are masked where a page shows a person (:func:`mask_name`), as the API's bureau and
auditor views do (``张*``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.templating import Jinja2Templates

from common.logging import mask_id, mask_text, note_caller
from common.vocabulary import DEPARTMENT_TABLE
from console.accounts import get_staff, identity_of
from console.models import Staff
from console.sessions import COOKIE, Current, csrf_ok, load_session, touch

HERE = Path(__file__).resolve().parent
SHANGHAI = ZoneInfo("Asia/Shanghai")
ROOT = "/console"

ROLE_NAMES = {"bureau": "区教育局 Education bureau", "finance": "区财政局 District finance", "auditor": "审计 Auditor",
              "department": "部门核验员 Department clerk", "school": "民办学校 Private school"}
DEPARTMENT_NAMES = {d.code: d.name for d in DEPARTMENT_TABLE}
MENUS = {
    "bureau": [("概览 Overview", f"{ROOT}/bureau"), ("录取批次 Runs", f"{ROOT}/bureau/runs"),
               ("报表 Reports", f"{ROOT}/bureau/reports"), ("学位规划 Planning", f"{ROOT}/bureau/planning"),
               ("学校与学位 Schools", f"{ROOT}/bureau/schools"),
               ("导入 Upload", f"{ROOT}/bureau/imports"), ("在校确认 Rolls", f"{ROOT}/rolls"),
               ("变更记录 History", f"{ROOT}/history")],
    "department": [("核验队列 My queue", f"{ROOT}/clerk/queue")],
    "finance": [("结算 Settlements", f"{ROOT}/finance/settlements"), ("预算 Budget", f"{ROOT}/finance/budget")],
    "school": [("在校确认 Semester roll", f"{ROOT}/rolls")],
    "auditor": [("账本核验 Ledger", f"{ROOT}/auditor/ledger"), ("导出 Exports", f"{ROOT}/auditor/exports"),
                ("学位与结算 Seats & settlements", f"{ROOT}/auditor/history"),
                ("变更记录 Change history", f"{ROOT}/history")],
}
HOME = {role: items[0][1] for role, items in MENUS.items()}

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"), (b"x-frame-options", b"DENY"),
                    (b"cross-origin-opener-policy", b"same-origin"),
                    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()")]


def mask_name(name: Any) -> str:
    """``张三`` → ``张*``, as the API's masked views."""
    text = str(name or "")
    return text[:1] + "*" * max(1, len(text) - 1) if text else ""


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup):
        return Markup(mask_text(str(value)))
    if isinstance(value, str):
        return mask_text(value)
    return "" if value is None else value


def local_time(value: Any) -> str:
    """An ISO datetime (UTC or with offset) shown in Asia/Shanghai, ``2025-07-01 09:30``."""
    if not value:
        return ""
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    if moment.tzinfo is None:
        return str(value)
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M")


_env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(default=True),
                   finalize=_finalize, trim_blocks=True, lstrip_blocks=True)
_env.filters.update(mask_id=mask_id, mask_name=mask_name, local_time=local_time)
templates = Jinja2Templates(env=_env)


class SignInNeeded(Exception):
    def __init__(self, why: str):
        self.why = why


class PageForbidden(Exception):
    """The signed-in person's role may not open this page (or the API refused them): the 403 page."""

    def __init__(self, detail: str):
        self.detail = detail


class PageNotFound(Exception):
    def __init__(self, detail: str):
        self.detail = detail


@dataclass(frozen=True)
class Page:
    """A request of a signed-in person: ``who`` (the :class:`common.identity.Identity` the gateway sees)."""

    request: Request
    current: Current

    @property
    def staff(self) -> Staff:
        return self.current.staff

    @property
    def who(self):
        return identity_of(self.current.staff)

    @property
    def gateway(self):
        return self.request.app.state.gateway

    @property
    def settings(self):
        return self.request.app.state.settings

    def render(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        return render(self.request, template, status=status, current=self.current, **context)


def render(request: Request, template: str, *, status: int = 200, current: Current | None = None,
           **context: Any) -> HTMLResponse:
    """A full page, or for an HTMX request of a fragment (``HX-Request``) the template's ``content`` block only
    when it is given as ``fragment``."""
    staff = current.staff if current else None
    ctx = {"request": request, "root": ROOT, "current": current, "staff": staff,
           "role_name": ROLE_NAMES.get(staff.role, "") if staff else "",
           "department_name": DEPARTMENT_NAMES.get(staff.department or "", "") if staff else "",
           "menu": MENUS.get(staff.role, []) if staff else [], "csrf": current.csrf if current else "",
           "path": request.url.path, "form_key": uuid.uuid4().hex, "department_names": DEPARTMENT_NAMES, **context}
    return templates.TemplateResponse(request, template, ctx, status_code=status)


def _load_current(app: Any, token: str | None) -> tuple[Current | None, str]:
    settings, db = app.state.settings, app.state.db
    with db.read_session() as session:
        row, why = load_session(session, token, settings.idle_minutes)
        staff = get_staff(session, row.username) if row else None
        if row is None or staff is None:
            return None, why
        if staff.disabled:
            return None, "ended"
        current = Current(staff=staff, session_id=row.id, csrf=row.csrf)
        session.expunge(staff)
    with db.write_session() as session:
        if touch(session, row):
            session.commit()
    return current, "live"


async def signed_in(request: Request) -> Current:
    """Dependency: the signed-in person, else :class:`SignInNeeded` (a redirect to the sign-in page)."""
    current, why = await run_in_threadpool(_load_current, request.app, request.cookies.get(COOKIE))
    if current is None:
        raise SignInNeeded(why)
    request.state.current = current
    note_caller(current.staff.role, current.staff.username)  # the console's access log names the person too
    return current


def role(*roles: str):
    """Dependency factory: a :class:`Page` of a person holding one of ``roles``, else the 403 page."""

    async def check(request: Request, current: Current = Depends(signed_in)) -> Page:
        if current.staff.role not in roles:
            raise PageForbidden(f"{ROLE_NAMES[current.staff.role]} 不能打开此页 (this page is for "
                                f"{', '.join(ROLE_NAMES[r] for r in roles)})")
        return Page(request, current)

    return check


class CsrfRefused(Exception):
    pass


async def form_of(request: Request, page: Page) -> dict[str, Any]:
    """The posted form of ``page``'s person, its CSRF token checked (field ``csrf`` or header ``X-CSRF-Token``);
    a missing or wrong token, or a cross-site post, → :class:`CsrfRefused` (the 403 page, nothing done)."""
    form = await request.form()
    given = form.get("csrf") or request.headers.get("x-csrf-token")
    if request.headers.get("sec-fetch-site") == "cross-site" or not csrf_ok(page.current.csrf, str(given or "")):
        raise CsrfRefused()
    return {k: v for k, v in form.multi_items()}


def redirect(url: str, request: Request | None = None) -> Response:
    """303 to ``url``; for an HTMX request an ``HX-Redirect`` so the whole page moves."""
    if request is not None and request.headers.get("hx-request"):
        return Response(status_code=200, headers={"HX-Redirect": url})
    return RedirectResponse(url, status_code=303)


def sign_in_url(next_path: str, why: str = "") -> str:
    url = f"{ROOT}/sign-in?next={quote(next_path, safe='/')}"
    return url + (f"&why={why}" if why in ("expired", "ended") else "")


class SecurityHeaders:
    """ASGI: the security headers on every answer of the console (pages, fragments, static files, errors):
    a Content-Security-Policy without inline scripts or styles and with ``frame-ancestors 'none'``, ``nosniff``,
    ``Referrer-Policy``; ``Cache-Control: no-store`` on everything but the static files; HSTS behind TLS."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith(f"{ROOT}/static/")
        tls = dict(scope.get("headers") or []).get(b"x-forwarded-proto") == b"https" or scope.get("scheme") == "https"

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", []) if h[0].lower() != b"cache-control" or static]
                headers += SECURITY_HEADERS
                if not static:
                    headers.append((b"cache-control", b"no-store"))
                if tls:
                    headers.append((b"strict-transport-security", b"max-age=31536000"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
