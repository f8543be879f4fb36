from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.points_list_rulebooks_state_type_0 import PointsListRulebooksStateType0
from ...models.points_rulebook_read import PointsRulebookRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    season: int | None | Unset = UNSET,
    state: None | PointsListRulebooksStateType0 | Unset = UNSET,
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

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/points/rulebooks",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | list[PointsRulebookRead] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = PointsRulebookRead.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[Problem | list[PointsRulebookRead]]:
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
) -> Response[Problem | list[PointsRulebookRead]]:
    """List Rulebooks

     **积分细则 (rulebook) — BRIEF §5, plan 二(四): the season's points rules as data**

    Every rulebook (积分细则), by season then creation; filter with ``?season=`` and ``?state=``.

    Roles: bureau, platform, auditor, service.

    Args:
        season (int | None | Unset):
        state (None | PointsListRulebooksStateType0 | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[PointsRulebookRead]]
    """

    kwargs = _get_kwargs(
        season=season,
        state=state,
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
) -> Problem | list[PointsRulebookRead] | None:
    """List Rulebooks

     **积分细则 (rulebook) — BRIEF §5, plan 二(四): the season's points rules as data**

    Every rulebook (积分细则), by season then creation; filter with ``?season=`` and ``?state=``.

    Roles: bureau, platform, auditor, service.

    Args:
        season (int | None | Unset):
        state (None | PointsListRulebooksStateType0 | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[PointsRulebookRead]
    """

    return sync_detailed(
        client=client,
        season=season,
        state=state,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    season: int | None | Unset = UNSET,
    state: None | PointsListRulebooksStateType0 | Unset = UNSET,
) -> Response[Problem | list[PointsRulebookRead]]:
    """List Rulebooks

     **积分细则 (rulebook) — BRIEF §5, plan 二(四): the season's points rules as data**

    Every rulebook (积分细则), by season then creation; filter with ``?season=`` and ``?state=``.

    Roles: bureau, platform, auditor, service.

    Args:
        season (int | None | Unset):
        state (None | PointsListRulebooksStateType0 | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | list[PointsRulebookRead]]
    """

    kwargs = _get_kwargs(
        season=season,
        state=state,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    season: int | None | Unset = UNSET,
    state: None | PointsListRulebooksStateType0 | Unset = UNSET,
) -> Problem | list[PointsRulebookRead] | None:
    """List Rulebooks

     **积分细则 (rulebook) — BRIEF §5, plan 二(四): the season's points rules as data**

    Every rulebook (积分细则), by season then creation; filter with ``?season=`` and ``?state=``.

    Roles: bureau, platform, auditor, service.

    Args:
        season (int | None | Unset):
        state (None | PointsListRulebooksStateType0 | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | list[PointsRulebookRead]
    """

    return (
        await asyncio_detailed(
            client=client,
            season=season,
            state=state,
        )
    ).parsed
