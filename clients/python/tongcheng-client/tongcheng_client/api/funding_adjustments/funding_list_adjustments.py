from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_list_adjustments_response_list_adjustments import (
    FundingListAdjustmentsResponseListAdjustments,
)
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    settlement_id: int | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_settlement_id: int | None | Unset
    if isinstance(settlement_id, Unset):
        json_settlement_id = UNSET
    else:
        json_settlement_id = settlement_id
    params["settlement_id"] = json_settlement_id

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
        "url": "/api/funding/adjustments",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingListAdjustmentsResponseListAdjustments | Problem | None:
    if response.status_code == 200:
        response_200 = FundingListAdjustmentsResponseListAdjustments.from_dict(
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
) -> Response[FundingListAdjustmentsResponseListAdjustments | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    settlement_id: int | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Response[FundingListAdjustmentsResponseListAdjustments | Problem]:
    """List Adjustments

     **结算调整 (adjustment of an approved settlement) — BRIEF §8**

    Adjustments, oldest first → page of Adjustment.

    Roles: bureau, finance, auditor.

    Args:
        settlement_id (int | None | Unset):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingListAdjustmentsResponseListAdjustments | Problem]
    """

    kwargs = _get_kwargs(
        settlement_id=settlement_id,
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
    settlement_id: int | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> FundingListAdjustmentsResponseListAdjustments | Problem | None:
    """List Adjustments

     **结算调整 (adjustment of an approved settlement) — BRIEF §8**

    Adjustments, oldest first → page of Adjustment.

    Roles: bureau, finance, auditor.

    Args:
        settlement_id (int | None | Unset):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingListAdjustmentsResponseListAdjustments | Problem
    """

    return sync_detailed(
        client=client,
        settlement_id=settlement_id,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    settlement_id: int | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Response[FundingListAdjustmentsResponseListAdjustments | Problem]:
    """List Adjustments

     **结算调整 (adjustment of an approved settlement) — BRIEF §8**

    Adjustments, oldest first → page of Adjustment.

    Roles: bureau, finance, auditor.

    Args:
        settlement_id (int | None | Unset):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingListAdjustmentsResponseListAdjustments | Problem]
    """

    kwargs = _get_kwargs(
        settlement_id=settlement_id,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    settlement_id: int | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> FundingListAdjustmentsResponseListAdjustments | Problem | None:
    """List Adjustments

     **结算调整 (adjustment of an approved settlement) — BRIEF §8**

    Adjustments, oldest first → page of Adjustment.

    Roles: bureau, finance, auditor.

    Args:
        settlement_id (int | None | Unset):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingListAdjustmentsResponseListAdjustments | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            settlement_id=settlement_id,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
