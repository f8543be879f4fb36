from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_semester_page import FundingSemesterPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
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
        "url": "/api/funding/semesters",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingSemesterPage | Problem | None:
    if response.status_code == 200:
        response_200 = FundingSemesterPage.from_dict(response.json())

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
) -> Response[FundingSemesterPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Response[FundingSemesterPage | Problem]:
    """List Semesters

     **学期 (semester) — BRIEF §8, plan 三(四)**

    The configured semesters, by start date → ``{items: [Semester], next_cursor}``. 422
    ``invalid_cursor`` for
    a cursor this list did not give.

    Roles: bureau, finance, auditor.

    Args:
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingSemesterPage | Problem]
    """

    kwargs = _get_kwargs(
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
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> FundingSemesterPage | Problem | None:
    """List Semesters

     **学期 (semester) — BRIEF §8, plan 三(四)**

    The configured semesters, by start date → ``{items: [Semester], next_cursor}``. 422
    ``invalid_cursor`` for
    a cursor this list did not give.

    Roles: bureau, finance, auditor.

    Args:
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingSemesterPage | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Response[FundingSemesterPage | Problem]:
    """List Semesters

     **学期 (semester) — BRIEF §8, plan 三(四)**

    The configured semesters, by start date → ``{items: [Semester], next_cursor}``. 422
    ``invalid_cursor`` for
    a cursor this list did not give.

    Roles: bureau, finance, auditor.

    Args:
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingSemesterPage | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> FundingSemesterPage | Problem | None:
    """List Semesters

     **学期 (semester) — BRIEF §8, plan 三(四)**

    The configured semesters, by start date → ``{items: [Semester], next_cursor}``. 422
    ``invalid_cursor`` for
    a cursor this list did not give.

    Roles: bureau, finance, auditor.

    Args:
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingSemesterPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
