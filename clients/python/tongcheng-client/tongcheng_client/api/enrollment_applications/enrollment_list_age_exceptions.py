from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollmentenrollment_schemas_page import EnrollmentenrollmentSchemasPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    season: int | None | Unset = UNSET,
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
        "url": "/api/enrollment/age-exceptions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnrollmentenrollmentSchemasPage | Problem | None:
    if response.status_code == 200:
        response_200 = EnrollmentenrollmentSchemasPage.from_dict(response.json())

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
) -> Response[EnrollmentenrollmentSchemasPage | Problem]:
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
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Response[EnrollmentenrollmentSchemasPage | Problem]:
    """List Age Exceptions

     **超龄入学例外 (age exception) — BRIEF §5 E3: the bureau lets an older child apply**

    The age exceptions (年龄例外) in the order recorded → page of AgeException (ID numbers masked).

    Roles: bureau, auditor.

    Args:
        season (int | None | Unset): the season's year
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentenrollmentSchemasPage | Problem]
    """

    kwargs = _get_kwargs(
        season=season,
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
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> EnrollmentenrollmentSchemasPage | Problem | None:
    """List Age Exceptions

     **超龄入学例外 (age exception) — BRIEF §5 E3: the bureau lets an older child apply**

    The age exceptions (年龄例外) in the order recorded → page of AgeException (ID numbers masked).

    Roles: bureau, auditor.

    Args:
        season (int | None | Unset): the season's year
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentenrollmentSchemasPage | Problem
    """

    return sync_detailed(
        client=client,
        season=season,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    season: int | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Response[EnrollmentenrollmentSchemasPage | Problem]:
    """List Age Exceptions

     **超龄入学例外 (age exception) — BRIEF §5 E3: the bureau lets an older child apply**

    The age exceptions (年龄例外) in the order recorded → page of AgeException (ID numbers masked).

    Roles: bureau, auditor.

    Args:
        season (int | None | Unset): the season's year
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentenrollmentSchemasPage | Problem]
    """

    kwargs = _get_kwargs(
        season=season,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    season: int | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> EnrollmentenrollmentSchemasPage | Problem | None:
    """List Age Exceptions

     **超龄入学例外 (age exception) — BRIEF §5 E3: the bureau lets an older child apply**

    The age exceptions (年龄例外) in the order recorded → page of AgeException (ID numbers masked).

    Roles: bureau, auditor.

    Args:
        season (int | None | Unset): the season's year
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentenrollmentSchemasPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            season=season,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
