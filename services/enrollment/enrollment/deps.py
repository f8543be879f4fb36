"""Endpoint dependencies of the enrollment service: settings, today's date, upstream clients, the dispatcher.

Each is ``async``: they only read ``app.state``, and FastAPI runs a plain ``def`` dependency in the thread pool, a hop
that costs more than the lookup (issue 15)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import Depends, Query, Request

from common.paging import Cursor, Limit  # noqa: F401  (re-exported: the routers' paging parameters)
from common.schemas import GradeParam, IntParam
from enrollment.config import Settings
from enrollment.outbox import Dispatcher


async def _settings(request: Request) -> Settings:
    return request.app.state.settings


async def _today(request: Request) -> date:
    """Today in Asia/Shanghai (``app.state.clock``; the ``today`` setting pins it)."""
    return request.app.state.clock()


async def _clients(request: Request) -> dict[str, Any]:
    return request.app.state.clients


async def _dispatcher(request: Request) -> Dispatcher:
    return request.app.state.dispatcher


SettingsDep = Annotated[Settings, Depends(_settings)]
Today = Annotated[date, Depends(_today)]
Clients = Annotated[dict[str, Any], Depends(_clients)]
DispatcherDep = Annotated[Dispatcher, Depends(_dispatcher)]
SeasonQ = Annotated[IntParam | None, Query(ge=2000, le=2100, description="the season's year")]
GradeQ = Annotated[GradeParam | None, Query(description="grade 1 or 7")]
