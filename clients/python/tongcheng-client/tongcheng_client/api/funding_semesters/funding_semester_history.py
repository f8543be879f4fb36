from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_semester_history_response_semester_history import (
    FundingSemesterHistoryResponseSemesterHistory,
)
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    code: str,
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
        "url": "/api/funding/semesters/{code}/history".format(
            code=quote(str(code), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingSemesterHistoryResponseSemesterHistory | Problem | None:
    if response.status_code == 200:
        response_200 = FundingSemesterHistoryResponseSemesterHistory.from_dict(
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
) -> Response[FundingSemesterHistoryResponseSemesterHistory | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Response[FundingSemesterHistoryResponseSemesterHistory | Problem]:
    """Semester History

     **学期 (semester) — BRIEF §8, plan 三(四)**

    Who configured a semester, and when: a page of changes as for tariffs (``after``: ``{code, name,
    starts_on,
    ends_on}``); 404 ``semester_not_found``.

    Roles: bureau, finance, auditor.

    Args:
        code (str):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingSemesterHistoryResponseSemesterHistory | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> FundingSemesterHistoryResponseSemesterHistory | Problem | None:
    """Semester History

     **学期 (semester) — BRIEF §8, plan 三(四)**

    Who configured a semester, and when: a page of changes as for tariffs (``after``: ``{code, name,
    starts_on,
    ends_on}``); 404 ``semester_not_found``.

    Roles: bureau, finance, auditor.

    Args:
        code (str):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingSemesterHistoryResponseSemesterHistory | Problem
    """

    return sync_detailed(
        code=code,
        client=client,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Response[FundingSemesterHistoryResponseSemesterHistory | Problem]:
    """Semester History

     **学期 (semester) — BRIEF §8, plan 三(四)**

    Who configured a semester, and when: a page of changes as for tariffs (``after``: ``{code, name,
    starts_on,
    ends_on}``); 404 ``semester_not_found``.

    Roles: bureau, finance, auditor.

    Args:
        code (str):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingSemesterHistoryResponseSemesterHistory | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> FundingSemesterHistoryResponseSemesterHistory | Problem | None:
    """Semester History

     **学期 (semester) — BRIEF §8, plan 三(四)**

    Who configured a semester, and when: a page of changes as for tariffs (``after``: ``{code, name,
    starts_on,
    ends_on}``); 404 ``semester_not_found``.

    Roles: bureau, finance, auditor.

    Args:
        code (str):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingSemesterHistoryResponseSemesterHistory | Problem
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
