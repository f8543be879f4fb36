from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    *,
    season: int,
    grade: int,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["season"] = season

    params["grade"] = grade

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/enrollment/runs/preview",
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
    season: int,
    grade: int,
) -> Response[Any | Problem]:
    """Rerun Preview

     **录取批次 (placement run) and 公示 — BRIEF §4 step 6, §6**

    Which upheld appeals (复核) a re-run of the season and grade started now would include, before
    starting it
    (issue 13) → ``{season, grade, would_include: [Appeal], waiting_for_department: [Appeal], included:
    [Appeal]}``: ``would_include`` are rescored after their department's re-check (or dispute a
    placement rule);
    ``waiting_for_department`` are not yet answered (a re-run now would place them on their old facts);
    ``included`` are in a published re-run already. Writes nothing. 422 ``invalid`` for another grade.

    Roles: bureau.

    Args:
        season (int):
        grade (int): grade 1 or 7

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        season=season,
        grade=grade,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    season: int,
    grade: int,
) -> Any | Problem | None:
    """Rerun Preview

     **录取批次 (placement run) and 公示 — BRIEF §4 step 6, §6**

    Which upheld appeals (复核) a re-run of the season and grade started now would include, before
    starting it
    (issue 13) → ``{season, grade, would_include: [Appeal], waiting_for_department: [Appeal], included:
    [Appeal]}``: ``would_include`` are rescored after their department's re-check (or dispute a
    placement rule);
    ``waiting_for_department`` are not yet answered (a re-run now would place them on their old facts);
    ``included`` are in a published re-run already. Writes nothing. 422 ``invalid`` for another grade.

    Roles: bureau.

    Args:
        season (int):
        grade (int): grade 1 or 7

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        season=season,
        grade=grade,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    season: int,
    grade: int,
) -> Response[Any | Problem]:
    """Rerun Preview

     **录取批次 (placement run) and 公示 — BRIEF §4 step 6, §6**

    Which upheld appeals (复核) a re-run of the season and grade started now would include, before
    starting it
    (issue 13) → ``{season, grade, would_include: [Appeal], waiting_for_department: [Appeal], included:
    [Appeal]}``: ``would_include`` are rescored after their department's re-check (or dispute a
    placement rule);
    ``waiting_for_department`` are not yet answered (a re-run now would place them on their old facts);
    ``included`` are in a published re-run already. Writes nothing. 422 ``invalid`` for another grade.

    Roles: bureau.

    Args:
        season (int):
        grade (int): grade 1 or 7

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        season=season,
        grade=grade,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    season: int,
    grade: int,
) -> Any | Problem | None:
    """Rerun Preview

     **录取批次 (placement run) and 公示 — BRIEF §4 step 6, §6**

    Which upheld appeals (复核) a re-run of the season and grade started now would include, before
    starting it
    (issue 13) → ``{season, grade, would_include: [Appeal], waiting_for_department: [Appeal], included:
    [Appeal]}``: ``would_include`` are rescored after their department's re-check (or dispute a
    placement rule);
    ``waiting_for_department`` are not yet answered (a re-run now would place them on their old facts);
    ``included`` are in a published re-run already. Writes nothing. 422 ``invalid`` for another grade.

    Roles: bureau.

    Args:
        season (int):
        grade (int): grade 1 or 7

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            season=season,
            grade=grade,
        )
    ).parsed
