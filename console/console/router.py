"""Signing in and out, and the way to each role's first page."""

from __future__ import annotations

import secrets
from datetime import datetime

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from common.logging import note_caller
from console.accounts import SignInRefused
from console.sessions import COOKIE, PRE_COOKIE, Current, csrf_ok, end_session, start_session
from console.web import HOME, ROLE_NAMES, ROOT, SHANGHAI, form_of, redirect, render, role, signed_in

router = APIRouter()
MAX_FIELD = 1024


@router.get(ROOT, include_in_schema=False)
@router.get(f"{ROOT}/", include_in_schema=False)
async def home(current: Current = Depends(signed_in)) -> Response:
    """The signed-in person's first page (by role); the sign-in page when nobody is signed in."""
    return redirect(HOME[current.staff.role])


def _safe_next(value: str | None) -> str:
    """Only a path inside the console (no scheme, no host, no ``//``): never an open redirect."""
    if value and value.startswith(ROOT + "/") and not value.startswith("//") and "\\" not in value:
        return value
    return ROOT + "/"


def _sign_in_page(request: Request, *, status: int = 200, error: str = "", username: str = "",
                  next_path: str = "", why: str = "") -> HTMLResponse:
    pre = request.cookies.get(PRE_COOKIE) or secrets.token_urlsafe(24)
    notice = {"expired": "会话因长时间未操作已结束，请重新登录。 Your session ended after a period of inactivity: "
                         "please sign in again.",
              "ended": "会话已结束，请重新登录。 Your session has ended: please sign in again.",
              "signed_out": "已安全退出。 You have signed out."}.get(why, "")
    response = render(request, "sign_in.html", status=status, error=error, username=username, notice=notice,
                      next_path=_safe_next(next_path), pre_csrf=pre, title="登录 Sign in")
    response.set_cookie(PRE_COOKIE, pre, httponly=True, samesite="strict", path=ROOT,
                        secure=_secure(request))
    return response


def _secure(request: Request) -> bool:
    mode = request.app.state.settings.secure_cookies
    return mode == "always" or (mode == "auto" and request.headers.get("x-forwarded-proto") == "https")


@router.get(f"{ROOT}/sign-in", include_in_schema=False)
async def sign_in_form(request: Request, next: str = "", why: str = "") -> HTMLResponse:  # noqa: A002
    """The sign-in form (username, password), with why the last session ended when it did."""
    return _sign_in_page(request, next_path=next, why=why)


@router.post(f"{ROOT}/sign-in", include_in_schema=False)
async def sign_in(request: Request) -> Response:
    """Check the password through the sign-in interface; on success a NEW session (its id in an HttpOnly,
    SameSite=Strict cookie, Secure behind TLS) and a redirect to ``next``; else the form again with the reason."""
    form = await request.form()
    username = str(form.get("username") or "")[:MAX_FIELD]
    password = str(form.get("password") or "")[:MAX_FIELD]
    next_path = str(form.get("next") or "")
    pre = request.cookies.get(PRE_COOKIE)
    if not pre or not csrf_ok(pre, str(form.get("csrf") or "")) or request.headers.get("sec-fetch-site") == "cross-site":
        return _sign_in_page(request, status=403, username=username, next_path=next_path,
                             error="表单已失效，请重新提交。 The form expired: please submit it again.")
    if not username.strip() or not password:
        return _sign_in_page(request, status=422, username=username, next_path=next_path,
                             error="请输入用户名和密码。 Enter your username and password.")
    app = request.app

    def attempt():
        with app.state.db.write_session() as session:
            try:
                staff = app.state.sign_in.authenticate(session, username, password)
            except SignInRefused as refused:
                session.commit()  # the wrong-password count
                return None, refused
            token, _ = start_session(session, staff)
            session.commit()
            return (token, staff.role, staff.username), None

    done, refused = await run_in_threadpool(attempt)
    if refused is not None:
        if refused.reason == "locked":
            until = refused.until.astimezone(SHANGHAI).strftime("%H:%M") if isinstance(refused.until, datetime) else ""
            error = (f"密码错误次数过多，此账号暂停登录至 {until}（北京时间）。 Too many wrong passwords: sign-in for this "
                     f"username is paused until {until} (Beijing time).")
            return _sign_in_page(request, status=429, error=error, username=username, next_path=next_path)
        return _sign_in_page(request, status=401, username=username, next_path=next_path,
                             error="用户名或密码错误。 Wrong username or password.")
    token, staff_role, name = done
    note_caller(staff_role, name)
    response = redirect(_safe_next(next_path) if next_path else HOME[staff_role])
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict", path=ROOT, secure=_secure(request))
    response.delete_cookie(PRE_COOKIE, path=ROOT)
    return response


@router.post(f"{ROOT}/sign-out", include_in_schema=False)
async def sign_out(request: Request, current: Current = Depends(signed_in)) -> Response:
    """End the session (CSRF-checked) and clear the cookie."""
    page = await role(*ROLE_NAMES)(request, current)
    await form_of(request, page)
    token = request.cookies.get(COOKIE)

    def end():
        with request.app.state.db.write_session() as session:
            end_session(session, token)
            session.commit()

    await run_in_threadpool(end)
    response = redirect(f"{ROOT}/sign-in?why=signed_out")
    response.delete_cookie(COOKIE, path=ROOT)
    return response
