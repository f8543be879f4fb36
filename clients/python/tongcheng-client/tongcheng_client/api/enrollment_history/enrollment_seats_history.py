from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollmentcommon_schemas_page import EnrollmentcommonSchemasPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    code: str,
    season: int,
    grade: int,
    *,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

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
        "url": "/api/enrollment/schools/{code}/seats/{season}/{grade}/history".format(
            code=quote(str(code), safe=""),
            season=quote(str(season), safe=""),
            grade=quote(str(grade), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnrollmentcommonSchemasPage | Problem | None:
    if response.status_code == 200:
        response_200 = EnrollmentcommonSchemasPage.from_dict(response.json())

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
) -> Response[EnrollmentcommonSchemasPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    season: int,
    grade: int,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Response[EnrollmentcommonSchemasPage | Problem]:
    """Seats History

     **学校、随迁子女学位、招生计划 (schools, migrant seats, plans) — BRIEF §6, §7, plan 三(二), 三(五)**

    Changes of a public school's migrant seats for a season and grade (``before`` / ``after``:
    ``{migrant_seats}``), oldest first, paged. 404 ``school_not_found``.

    Roles: bureau, auditor.

    Args:
        code (str):
        season (int):
        grade (int):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentcommonSchemasPage | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        season=season,
        grade=grade,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    season: int,
    grade: int,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> EnrollmentcommonSchemasPage | Problem | None:
    """Seats History

     **学校、随迁子女学位、招生计划 (schools, migrant seats, plans) — BRIEF §6, §7, plan 三(二), 三(五)**

    Changes of a public school's migrant seats for a season and grade (``before`` / ``after``:
    ``{migrant_seats}``), oldest first, paged. 404 ``school_not_found``.

    Roles: bureau, auditor.

    Args:
        code (str):
        season (int):
        grade (int):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentcommonSchemasPage | Problem
    """

    return sync_detailed(
        code=code,
        season=season,
        grade=grade,
        client=client,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    code: str,
    season: int,
    grade: int,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Response[EnrollmentcommonSchemasPage | Problem]:
    """Seats History

     **学校、随迁子女学位、招生计划 (schools, migrant seats, plans) — BRIEF §6, §7, plan 三(二), 三(五)**

    Changes of a public school's migrant seats for a season and grade (``before`` / ``after``:
    ``{migrant_seats}``), oldest first, paged. 404 ``school_not_found``.

    Roles: bureau, auditor.

    Args:
        code (str):
        season (int):
        grade (int):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentcommonSchemasPage | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        season=season,
        grade=grade,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    season: int,
    grade: int,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> EnrollmentcommonSchemasPage | Problem | None:
    """Seats History

     **学校、随迁子女学位、招生计划 (schools, migrant seats, plans) — BRIEF §6, §7, plan 三(二), 三(五)**

    Changes of a public school's migrant seats for a season and grade (``before`` / ``after``:
    ``{migrant_seats}``), oldest first, paged. 404 ``school_not_found``.

    Roles: bureau, auditor.

    Args:
        code (str):
        season (int):
        grade (int):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentcommonSchemasPage | Problem
    """

    return (
        await asyncio_detailed(
            code=code,
            season=season,
            grade=grade,
            client=client,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
