from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.points_list_rulebooks_state_type_0 import PointsListRulebooksStateType0
from ...models.points_rulebook_page import PointsRulebookPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    season: int | None | Unset = UNSET,
    state: None | PointsListRulebooksStateType0 | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_season: int | None | Unset
    if isinstance(season, Unset):
        json_season = UNSET
    else:
        json_season = season
    params["season"] = json_season

    json_state: None | str | Unset
    if isinstance(state, Unset):
        json_state = UNSET
    elif isinstance(state, PointsListRulebooksStateType0):
        json_state = state.value
    else:
        json_state = state
    params["state"] = json_state

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/points/rulebooks",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PointsRulebookPage | Problem | None:
    if response.status_code == 200:
        response_200 = PointsRulebookPage.from_dict(response.json())

        return response_200

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if 400 <= response.status_code <= 499:
        response_4xx = Problem.from_dict(response.json())

        return response_4xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PointsRulebookPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    season: int | None | Unset = UNSET,
    state: None | PointsListRulebooksStateType0 | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Response[PointsRulebookPage | Problem]:
    """List Rulebooks

     **积分细则 (rulebook) — BRIEF §5, plan 二(四): the season's points rules as data**

    The rulebooks (积分细则), by season then creation → ``{items: [Rulebook], next_cursor}``; filter with
    ``?season=`` and ``?state=``. 422 ``invalid_cursor`` for a cursor this list did not give.

    Roles: bureau, platform, auditor, service.

    Args:
        season (int | None | Unset):
        state (None | PointsListRulebooksStateType0 | Unset):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PointsRulebookPage | Problem]
    """

    kwargs = _get_kwargs(
        season=season,
        state=state,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    season: int | None | Unset = UNSET,
    state: None | PointsListRulebooksStateType0 | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> PointsRulebookPage | Problem | None:
    """List Rulebooks

     **积分细则 (rulebook) — BRIEF §5, plan 二(四): the season's points rules as data**

    The rulebooks (积分细则), by season then creation → ``{items: [Rulebook], next_cursor}``; filter with
    ``?season=`` and ``?state=``. 422 ``invalid_cursor`` for a cursor this list did not give.

    Roles: bureau, platform, auditor, service.

    Args:
        season (int | None | Unset):
        state (None | PointsListRulebooksStateType0 | Unset):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PointsRulebookPage | Problem
    """

    return sync_detailed(
        client=client,
        season=season,
        state=state,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    season: int | None | Unset = UNSET,
    state: None | PointsListRulebooksStateType0 | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Response[PointsRulebookPage | Problem]:
    """List Rulebooks

     **积分细则 (rulebook) — BRIEF §5, plan 二(四): the season's points rules as data**

    The rulebooks (积分细则), by season then creation → ``{items: [Rulebook], next_cursor}``; filter with
    ``?season=`` and ``?state=``. 422 ``invalid_cursor`` for a cursor this list did not give.

    Roles: bureau, platform, auditor, service.

    Args:
        season (int | None | Unset):
        state (None | PointsListRulebooksStateType0 | Unset):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PointsRulebookPage | Problem]
    """

    kwargs = _get_kwargs(
        season=season,
        state=state,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    season: int | None | Unset = UNSET,
    state: None | PointsListRulebooksStateType0 | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> PointsRulebookPage | Problem | None:
    """List Rulebooks

     **积分细则 (rulebook) — BRIEF §5, plan 二(四): the season's points rules as data**

    The rulebooks (积分细则), by season then creation → ``{items: [Rulebook], next_cursor}``; filter with
    ``?season=`` and ``?state=``. 422 ``invalid_cursor`` for a cursor this list did not give.

    Roles: bureau, platform, auditor, service.

    Args:
        season (int | None | Unset):
        state (None | PointsListRulebooksStateType0 | Unset):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PointsRulebookPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            season=season,
            state=state,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
