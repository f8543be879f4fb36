from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    dry_run: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["dry_run"] = dry_run

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/points/access-log/purge",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = response.json()
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
) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    dry_run: bool | Unset = False,
) -> Response[Any | Problem]:
    """Purge Access Records

     **个人信息访问记录 (who read whose data) — BRIEF §2: each role reads only what it may**

    Delete this service's access records past retention (`POINTS_ACCESS_LOG_KEEP_YEARS`, default 1: a
    season's records are kept through its school year, to 31 August of season + 1, and that many years
    more) → `{expired, purged, kept, keep_years, dry_run}`. Only this call purges (`tongcheng purge-
    access-log` calls it on every service); the purge is itself recorded.

    Roles: auditor.

    Args:
        dry_run (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        dry_run=dry_run,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    dry_run: bool | Unset = False,
) -> Any | Problem | None:
    """Purge Access Records

     **个人信息访问记录 (who read whose data) — BRIEF §2: each role reads only what it may**

    Delete this service's access records past retention (`POINTS_ACCESS_LOG_KEEP_YEARS`, default 1: a
    season's records are kept through its school year, to 31 August of season + 1, and that many years
    more) → `{expired, purged, kept, keep_years, dry_run}`. Only this call purges (`tongcheng purge-
    access-log` calls it on every service); the purge is itself recorded.

    Roles: auditor.

    Args:
        dry_run (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        dry_run=dry_run,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    dry_run: bool | Unset = False,
) -> Response[Any | Problem]:
    """Purge Access Records

     **个人信息访问记录 (who read whose data) — BRIEF §2: each role reads only what it may**

    Delete this service's access records past retention (`POINTS_ACCESS_LOG_KEEP_YEARS`, default 1: a
    season's records are kept through its school year, to 31 August of season + 1, and that many years
    more) → `{expired, purged, kept, keep_years, dry_run}`. Only this call purges (`tongcheng purge-
    access-log` calls it on every service); the purge is itself recorded.

    Roles: auditor.

    Args:
        dry_run (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        dry_run=dry_run,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    dry_run: bool | Unset = False,
) -> Any | Problem | None:
    """Purge Access Records

     **个人信息访问记录 (who read whose data) — BRIEF §2: each role reads only what it may**

    Delete this service's access records past retention (`POINTS_ACCESS_LOG_KEEP_YEARS`, default 1: a
    season's records are kept through its school year, to 31 August of season + 1, and that many years
    more) → `{expired, purged, kept, keep_years, dry_run}`. Only this call purges (`tongcheng purge-
    access-log` calls it on every service); the purge is itself recorded.

    Roles: auditor.

    Args:
        dry_run (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            dry_run=dry_run,
        )
    ).parsed
