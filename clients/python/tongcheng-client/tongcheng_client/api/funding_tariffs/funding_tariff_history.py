from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_tariff_history_response_tariff_history import (
    FundingTariffHistoryResponseTariffHistory,
)
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    school_code: str,
    semester: str,
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
        "url": "/api/funding/tariffs/{school_code}/{semester}/history".format(
            school_code=quote(str(school_code), safe=""),
            semester=quote(str(semester), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingTariffHistoryResponseTariffHistory | Problem | None:
    if response.status_code == 200:
        response_200 = FundingTariffHistoryResponseTariffHistory.from_dict(
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
) -> Response[FundingTariffHistoryResponseTariffHistory | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    school_code: str,
    semester: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Response[FundingTariffHistoryResponseTariffHistory | Problem]:
    """Tariff History

     **购买学位标准 (tariff) — BRIEF §8, plan 三(四)**

    Who changed a school's tariff for a semester, oldest first: ``{items: [{id, resource: "tariff", key:
    "SCHOOL/SEMESTER", action, actor (role:subject), at (Asia/Shanghai), at_utc, before, after (Tariff
    without
    decided_by/at)}], next_cursor}``; 404 ``tariff_not_found``.

    Roles: bureau, finance, auditor.

    Args:
        school_code (str):
        semester (str):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingTariffHistoryResponseTariffHistory | Problem]
    """

    kwargs = _get_kwargs(
        school_code=school_code,
        semester=semester,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    school_code: str,
    semester: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> FundingTariffHistoryResponseTariffHistory | Problem | None:
    """Tariff History

     **购买学位标准 (tariff) — BRIEF §8, plan 三(四)**

    Who changed a school's tariff for a semester, oldest first: ``{items: [{id, resource: "tariff", key:
    "SCHOOL/SEMESTER", action, actor (role:subject), at (Asia/Shanghai), at_utc, before, after (Tariff
    without
    decided_by/at)}], next_cursor}``; 404 ``tariff_not_found``.

    Roles: bureau, finance, auditor.

    Args:
        school_code (str):
        semester (str):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingTariffHistoryResponseTariffHistory | Problem
    """

    return sync_detailed(
        school_code=school_code,
        semester=semester,
        client=client,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    school_code: str,
    semester: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Response[FundingTariffHistoryResponseTariffHistory | Problem]:
    """Tariff History

     **购买学位标准 (tariff) — BRIEF §8, plan 三(四)**

    Who changed a school's tariff for a semester, oldest first: ``{items: [{id, resource: "tariff", key:
    "SCHOOL/SEMESTER", action, actor (role:subject), at (Asia/Shanghai), at_utc, before, after (Tariff
    without
    decided_by/at)}], next_cursor}``; 404 ``tariff_not_found``.

    Roles: bureau, finance, auditor.

    Args:
        school_code (str):
        semester (str):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingTariffHistoryResponseTariffHistory | Problem]
    """

    kwargs = _get_kwargs(
        school_code=school_code,
        semester=semester,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    school_code: str,
    semester: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> FundingTariffHistoryResponseTariffHistory | Problem | None:
    """Tariff History

     **购买学位标准 (tariff) — BRIEF §8, plan 三(四)**

    Who changed a school's tariff for a semester, oldest first: ``{items: [{id, resource: "tariff", key:
    "SCHOOL/SEMESTER", action, actor (role:subject), at (Asia/Shanghai), at_utc, before, after (Tariff
    without
    decided_by/at)}], next_cursor}``; 404 ``tariff_not_found``.

    Roles: bureau, finance, auditor.

    Args:
        school_code (str):
        semester (str):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingTariffHistoryResponseTariffHistory | Problem
    """

    return (
        await asyncio_detailed(
            school_code=school_code,
            semester=semester,
            client=client,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
