"""The enrollment service app. Run: ``uvicorn --factory enrollment.main:create_app --port 8103``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
from fastapi import FastAPI

from common.app import build_app
from common.openapi import document_terms
from enrollment import examples
from enrollment.appeals_flow import AppealFlow
from enrollment.clients import build_clients
from enrollment import monitoring
from enrollment import search
from enrollment.config import Settings
from enrollment.outbox import Dispatcher
from enrollment.progress_feed import ProgressFeed
from enrollment import webhooks
from enrollment.webhooks import Deliverer
from enrollment.router import router
from enrollment.router_downloads import router as downloads_router
from enrollment.router_records import router as records_router
from enrollment.router_counts import router as counts_router
from enrollment.router_events import router as events_router
from enrollment.router_planning import router as planning_router
from enrollment.router_reports import router as reports_router
from enrollment.router_runs import router as runs_router
from common.schemas import day_in_shanghai

SERVICE_DIR = Path(__file__).resolve().parents[1]


def create_app(settings: Settings | None = None, *, http_clients: dict[str, httpx.Client] | None = None) -> FastAPI:
    """Build the app; ``settings`` defaults to the environment (``ENROLLMENT_*``, ``TONGCHENG_*``).

    ``http_clients`` (keys ``verification``, ``points``, ``funding``) replace the upstream connections — tests pass
    clients on ``httpx.MockTransport`` or a provider's TestClient; they are not closed here.
    """
    settings = settings or Settings()
    search.configure(settings.internal_secret, settings.search_key, settings.search_key_previous)
    webhooks.configure(settings.internal_secret, settings.webhook_key)

    @contextmanager
    def resources(app: FastAPI) -> Iterator[None]:
        clients = build_clients(settings, http_clients)
        webhook_http = httpx.Client(timeout=httpx.Timeout(settings.webhook_timeout_s, connect=2.0),
                                    follow_redirects=False, trust_env=False)
        appeals = AppealFlow(app.state.db, verification=clients["verification"], points=clients["points"],
                             lease_s=settings.outbox_lease_s, poll_s=settings.appeal_poll_s,
                             poll_max_s=settings.appeal_poll_max_s)
        dispatcher = Dispatcher(
            app.state.db,
            send_cases=lambda cases, key: clients["verification"].register_cases(cases, idempotency_key=key),
            send_seats=lambda body, key: clients["funding"].handover(body, idempotency_key=key),
            send_recheck=lambda body, key: clients["verification"].request_recheck(body, idempotency_key=key),
            send_withdrawal=lambda body, key: clients["verification"].withdraw_case(body, idempotency_key=key),
            appeals=appeals,
            feed=ProgressFeed(app.state.db, verification=clients["verification"], points=clients["points"],
                              lease_s=settings.outbox_lease_s) if settings.progress_feed else None,
            webhooks=Deliverer(app.state.db, webhook_http, lease_s=settings.outbox_lease_s,
                               backoff_s=settings.webhook_backoff_s, backoff_max_s=settings.webhook_backoff_max_s,
                               allow_private=settings.webhook_allow_private),
            batch_size=settings.outbox_batch_size, backoff_s=settings.outbox_backoff_s,
            backoff_max_s=settings.outbox_backoff_max_s, lease_s=settings.outbox_lease_s,
            interval_s=settings.outbox_interval_s)
        app.state.clients, app.state.dispatcher = clients, dispatcher
        with app.state.db.write_session() as session:  # applications stored before the search keys existed
            if search.backfill(session):
                session.commit()
        if settings.outbox_dispatcher:
            dispatcher.start()
        try:
            yield
        finally:
            dispatcher.stop()
            webhook_http.close()
            for name, client in clients.items():
                if name not in (http_clients or {}):
                    client.close()

    app = build_app(settings, title="Tongcheng enrollment",
                    description="招生入学: schools, seats, plans, applications, placement rounds, appeals and the "
                                "95 % public-school share.",
                    service_dir=SERVICE_DIR,
                    routers=[router, runs_router, reports_router, downloads_router, records_router, events_router,
                             counts_router, planning_router],
                    resources=resources)
    monitoring.install(app)
    app.state.clock = lambda: settings.today or day_in_shanghai()
    document_terms(app, examples.TERMS)  # each operation's 中文 term and clause (issue 17)
    return app
