from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_list_ledger_response_list_ledger import (
    FundingListLedgerResponseListLedger,
)
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    seat_id: int | None | Unset = UNSET,
    settlement_id: int | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_seat_id: int | None | Unset
    if isinstance(seat_id, Unset):
        json_seat_id = UNSET
    else:
        json_seat_id = seat_id
    params["seat_id"] = json_seat_id

    json_settlement_id: int | None | Unset
    if isinstance(settlement_id, Unset):
        json_settlement_id = UNSET
    else:
        json_settlement_id = settlement_id
    params["settlement_id"] = json_settlement_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/funding/ledger",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingListLedgerResponseListLedger | Problem | None:
    if response.status_code == 200:
        response_200 = FundingListLedgerResponseListLedger.from_dict(response.json())

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
) -> Response[FundingListLedgerResponseListLedger | Problem]:
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
    seat_id: int | None | Unset = UNSET,
    settlement_id: int | None | Unset = UNSET,
) -> Response[FundingListLedgerResponseListLedger | Problem]:
    """List Ledger

     **账本 (the hash-chained ledger) — BRIEF §8: auditors verify it**

    Ledger entries by ``seq`` → page of ``{seq, kind, settlement_id, amount, recorded_at, body,
    prev_hash,
    hash}``; ``body`` is the exact hashed text. ``seat_id`` and/or ``settlement_id`` keep only one
    seat's or one
    settlement's entries (both: those of both), still in chain order and paged the same way (indexed: a
    page
    costs the same on a ledger of any length). An id with no entry gives an empty page, not a 404; 422
    ``validation_error`` for an id outside 1 … 2³¹−1.

    Roles: auditor, finance, bureau.

    Args:
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text
        seat_id (int | None | Unset): only the entries of this purchased seat (购买学位): its end,
            adjustments, the roll confirmations (在校确认) that list it, the approved settlements that
            bill it, its completion
        settlement_id (int | None | Unset): only the entries of this settlement (结算): its
            approval, adjustments and payments

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingListLedgerResponseListLedger | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        seat_id=seat_id,
        settlement_id=settlement_id,
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
    seat_id: int | None | Unset = UNSET,
    settlement_id: int | None | Unset = UNSET,
) -> FundingListLedgerResponseListLedger | Problem | None:
    """List Ledger

     **账本 (the hash-chained ledger) — BRIEF §8: auditors verify it**

    Ledger entries by ``seq`` → page of ``{seq, kind, settlement_id, amount, recorded_at, body,
    prev_hash,
    hash}``; ``body`` is the exact hashed text. ``seat_id`` and/or ``settlement_id`` keep only one
    seat's or one
    settlement's entries (both: those of both), still in chain order and paged the same way (indexed: a
    page
    costs the same on a ledger of any length). An id with no entry gives an empty page, not a 404; 422
    ``validation_error`` for an id outside 1 … 2³¹−1.

    Roles: auditor, finance, bureau.

    Args:
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text
        seat_id (int | None | Unset): only the entries of this purchased seat (购买学位): its end,
            adjustments, the roll confirmations (在校确认) that list it, the approved settlements that
            bill it, its completion
        settlement_id (int | None | Unset): only the entries of this settlement (结算): its
            approval, adjustments and payments

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingListLedgerResponseListLedger | Problem
    """

    return sync_detailed(
        client=client,
        limit=limit,
        cursor=cursor,
        seat_id=seat_id,
        settlement_id=settlement_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    seat_id: int | None | Unset = UNSET,
    settlement_id: int | None | Unset = UNSET,
) -> Response[FundingListLedgerResponseListLedger | Problem]:
    """List Ledger

     **账本 (the hash-chained ledger) — BRIEF §8: auditors verify it**

    Ledger entries by ``seq`` → page of ``{seq, kind, settlement_id, amount, recorded_at, body,
    prev_hash,
    hash}``; ``body`` is the exact hashed text. ``seat_id`` and/or ``settlement_id`` keep only one
    seat's or one
    settlement's entries (both: those of both), still in chain order and paged the same way (indexed: a
    page
    costs the same on a ledger of any length). An id with no entry gives an empty page, not a 404; 422
    ``validation_error`` for an id outside 1 … 2³¹−1.

    Roles: auditor, finance, bureau.

    Args:
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text
        seat_id (int | None | Unset): only the entries of this purchased seat (购买学位): its end,
            adjustments, the roll confirmations (在校确认) that list it, the approved settlements that
            bill it, its completion
        settlement_id (int | None | Unset): only the entries of this settlement (结算): its
            approval, adjustments and payments

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingListLedgerResponseListLedger | Problem]
    """

    kwargs = _get_kwargs(
        limit=limit,
        cursor=cursor,
        seat_id=seat_id,
        settlement_id=settlement_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
    seat_id: int | None | Unset = UNSET,
    settlement_id: int | None | Unset = UNSET,
) -> FundingListLedgerResponseListLedger | Problem | None:
    """List Ledger

     **账本 (the hash-chained ledger) — BRIEF §8: auditors verify it**

    Ledger entries by ``seq`` → page of ``{seq, kind, settlement_id, amount, recorded_at, body,
    prev_hash,
    hash}``; ``body`` is the exact hashed text. ``seat_id`` and/or ``settlement_id`` keep only one
    seat's or one
    settlement's entries (both: those of both), still in chain order and paged the same way (indexed: a
    page
    costs the same on a ledger of any length). An id with no entry gives an empty page, not a 404; 422
    ``validation_error`` for an id outside 1 … 2³¹−1.

    Roles: auditor, finance, bureau.

    Args:
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text
        seat_id (int | None | Unset): only the entries of this purchased seat (购买学位): its end,
            adjustments, the roll confirmations (在校确认) that list it, the approved settlements that
            bill it, its completion
        settlement_id (int | None | Unset): only the entries of this settlement (结算): its
            approval, adjustments and payments

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingListLedgerResponseListLedger | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            limit=limit,
            cursor=cursor,
            seat_id=seat_id,
            settlement_id=settlement_id,
        )
    ).parsed
