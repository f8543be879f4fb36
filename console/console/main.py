"""The console app. Run: ``uvicorn --factory console.main:create_app --port 8105``; the gateway serves it at
``/console/`` (its ``console_url``), so people open ``http://<gateway>/console/``.

Built like a service (settings, JSON logs with the request id, the console's own database migrated on start,
``GET /health``), but it answers HTML: a refusal is a page (sign-in, 403, 404), never problem JSON.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from sqlalchemy import text

from common.db import Database, upgrade_to_head
from common.errors import DomainError, problem
from common.health import install_health
from common.logging import configure_logging
from common.middleware import RequestContextMiddleware
from console import auditor, bureau, clerk, finance, history, rolls, router
from console.accounts import PasswordSignIn, use_hash_profile
from console.clients import ApiError, Gateway
from console.config import Settings
from console.web import (ROOT, CsrfRefused, PageForbidden, PageNotFound, SecurityHeaders, SignInNeeded, redirect,
                         render, sign_in_url)

CONSOLE_DIR = Path(__file__).resolve().parents[1]


def create_app(settings: Settings | None = None, gateway_transport=None) -> FastAPI:
    """Build the console; ``gateway_transport`` lets a test put an app or a mock in place of the gateway."""
    settings = settings or Settings()
    configure_logging("console", settings.log_level)
    use_hash_profile(settings.password_hash_profile)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        upgrade_to_head(CONSOLE_DIR, settings.database_url)
        app.state.db = Database(settings.database_url, pool_size=10)
        app.state.gateway = Gateway(settings.gateway_url, settings.console_secret,
                                    timeout_s=settings.gateway_timeout_s, transport=gateway_transport)
        try:
            yield
        finally:
            app.state.draining = True  # /health/ready answers 503 from here on
            await app.state.gateway.aclose()
            app.state.db.dispose()

    app = FastAPI(title="Tongcheng staff console", version="1.0.0", lifespan=lifespan, docs_url=None,
                  redoc_url=None, openapi_url=None)
    app.state.settings = settings
    app.state.sign_in = PasswordSignIn(settings.lockout_failures, settings.lockout_minutes)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(RequestContextMiddleware, max_body=settings.max_body_bytes, max_depth=settings.max_json_depth,
                       json_only=False)  # forms and uploads, not JSON
    app.mount(f"{ROOT}/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    for module in (router, bureau, clerk, finance, auditor, history, rolls):
        app.include_router(module.router)

    @app.exception_handler(SignInNeeded)
    async def _sign_in(request: Request, exc: SignInNeeded):
        target = request.url.path if request.method == "GET" else ROOT + "/"
        return redirect(sign_in_url(target, exc.why), request)

    @app.exception_handler(PageForbidden)
    async def _forbidden(request: Request, exc: PageForbidden):
        return _error_page(request, 403, "403 无权访问 Forbidden", exc.detail)

    @app.exception_handler(CsrfRefused)
    async def _csrf(request: Request, exc: CsrfRefused):
        return _error_page(request, 403, "403 表单已失效 Form expired",
                           "这个表单没有有效的安全令牌，未执行任何操作。请重新打开页面再提交。 The form carried no valid CSRF "
                           "token; nothing was done. Open the page again and resubmit.")

    @app.exception_handler(PageNotFound)
    async def _not_found(request: Request, exc: PageNotFound):
        return _error_page(request, 404, NOT_FOUND, exc.detail)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        """The API's refusal is the source of truth: its 403 is the 403 page, its 404 the 404 page; an outage or an
        unexpected answer a page naming it (502 for what the console did not expect)."""
        if exc.status in (403, 404):
            return _error_page(request, exc.status, "403 无权访问 Forbidden" if exc.status == 403 else NOT_FOUND,
                               exc.detail)
        status = exc.status if exc.status in (409, 412, 422, 429, 503, 504) else 502
        return _error_page(request, status, f"{exc.status} {exc.code}", exc.detail)

    @app.exception_handler(RequestValidationError)
    async def _malformed(request: Request, exc: RequestValidationError):
        """A query parameter a page cannot read (``?season=abc``): the error page naming it, not FastAPI's JSON."""
        fields = sorted({str(e["loc"][-1]) for e in exc.errors() if e.get("loc")})
        return _error_page(request, 422, "422 参数无效 Invalid parameter",
                           f"这个地址的参数无效：{', '.join(fields)}。 The address has a value this page cannot read: "
                           f"{', '.join(fields)}.")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 404:
            return _error_page(request, 404, NOT_FOUND, "没有这个页面。 No such page.")
        return _error_page(request, exc.status_code, str(exc.status_code), str(exc.detail))

    @app.exception_handler(DomainError)
    async def _probe(request: Request, exc: DomainError):  # the health probes' refusals (not_ready): JSON
        return problem(exc.status, exc.code, exc.title, exc.detail)

    install_health(app, "console", CONSOLE_DIR)

    @app.head("/health", include_in_schema=False)
    @app.get("/health")
    def health() -> dict:
        """``{"status": "ok", "service": "console", "database": backend}``."""
        with app.state.db.read_session() as session:
            session.execute(text("SELECT 1"))
        return {"status": "ok", "service": "console", "database": app.state.db.backend}

    return app


NOT_FOUND = "404 未找到 Not found"


def _error_page(request: Request, status: int, title: str, detail: str):
    """The error page, with who is signed in when the request got that far."""
    return render(request, "error.html", status=status, current=getattr(request.state, "current", None),
                  title=title, detail=detail)
