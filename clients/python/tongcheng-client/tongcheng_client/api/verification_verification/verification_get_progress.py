from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.verification_get_progress_response_get_progress import (
    VerificationGetProgressResponseGetProgress,
)
from ...types import UNSET, Response


def _get_kwargs(
    *,
    season: int,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["season"] = season

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/verification/progress",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | VerificationGetProgressResponseGetProgress | None:
    if response.status_code == 200:
        response_200 = VerificationGetProgressResponseGetProgress.from_dict(
            response.json()
        )

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
) -> Response[Problem | VerificationGetProgressResponseGetProgress]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    season: int,
) -> Response[Problem | VerificationGetProgressResponseGetProgress]:
    """Get Progress

     **核验进度 (progress per department) — BRIEF §4 step 4, plan 四(二)**

    Per department: requests ``answered`` and ``pending`` for ``season``, the oldest pending one's id
    and when
    it was created (ids grow in creation order). 422 ``validation_error`` without a season or outside
    2000–2100.

    Roles: bureau, auditor.

    Args:
        season (int): the season (year)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationGetProgressResponseGetProgress]
    """

    kwargs = _get_kwargs(
        season=season,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    season: int,
) -> Problem | VerificationGetProgressResponseGetProgress | None:
    """Get Progress

     **核验进度 (progress per department) — BRIEF §4 step 4, plan 四(二)**

    Per department: requests ``answered`` and ``pending`` for ``season``, the oldest pending one's id
    and when
    it was created (ids grow in creation order). 422 ``validation_error`` without a season or outside
    2000–2100.

    Roles: bureau, auditor.

    Args:
        season (int): the season (year)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationGetProgressResponseGetProgress
    """

    return sync_detailed(
        client=client,
        season=season,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    season: int,
) -> Response[Problem | VerificationGetProgressResponseGetProgress]:
    """Get Progress

     **核验进度 (progress per department) — BRIEF §4 step 4, plan 四(二)**

    Per department: requests ``answered`` and ``pending`` for ``season``, the oldest pending one's id
    and when
    it was created (ids grow in creation order). 422 ``validation_error`` without a season or outside
    2000–2100.

    Roles: bureau, auditor.

    Args:
        season (int): the season (year)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationGetProgressResponseGetProgress]
    """

    kwargs = _get_kwargs(
        season=season,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    season: int,
) -> Problem | VerificationGetProgressResponseGetProgress | None:
    """Get Progress

     **核验进度 (progress per department) — BRIEF §4 step 4, plan 四(二)**

    Per department: requests ``answered`` and ``pending`` for ``season``, the oldest pending one's id
    and when
    it was created (ids grow in creation order). 422 ``validation_error`` without a season or outside
    2000–2100.

    Roles: bureau, auditor.

    Args:
        season (int): the season (year)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationGetProgressResponseGetProgress
    """

    return (
        await asyncio_detailed(
            client=client,
            season=season,
        )
    ).parsed
