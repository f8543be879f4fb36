from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_verify_read import FundingVerifyRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/funding/ledger/verify",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingVerifyRead | Problem | None:
    if response.status_code == 200:
        response_200 = FundingVerifyRead.from_dict(response.json())

        return response_200

    if 400 <= response.status_code <= 499:
        response_4xx = Problem.from_dict(response.json())

        return response_4xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[FundingVerifyRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[FundingVerifyRead | Problem]:
    """Verify Ledger

     **账本 (the hash-chained ledger) — BRIEF §8: auditors verify it**

    Walk the whole chain now → ``{ok, entries, head_hash, first_broken: null | {seq, reason, detail},
    records_checked, mismatches: [{record, id, seq, reason}], checked_at}`` (chain reasons: ``seq_gap``,
    ``prev_hash_mismatch``, ``hash_mismatch``, ``body_unreadable``, ``column_mismatch``,
    ``head_mismatch``;
    mismatches: settlements, lines, adjustments or payments that disagree with their ledger entries).

    Roles: auditor, finance, bureau.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingVerifyRead | Problem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> FundingVerifyRead | Problem | None:
    """Verify Ledger

     **账本 (the hash-chained ledger) — BRIEF §8: auditors verify it**

    Walk the whole chain now → ``{ok, entries, head_hash, first_broken: null | {seq, reason, detail},
    records_checked, mismatches: [{record, id, seq, reason}], checked_at}`` (chain reasons: ``seq_gap``,
    ``prev_hash_mismatch``, ``hash_mismatch``, ``body_unreadable``, ``column_mismatch``,
    ``head_mismatch``;
    mismatches: settlements, lines, adjustments or payments that disagree with their ledger entries).

    Roles: auditor, finance, bureau.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingVerifyRead | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[FundingVerifyRead | Problem]:
    """Verify Ledger

     **账本 (the hash-chained ledger) — BRIEF §8: auditors verify it**

    Walk the whole chain now → ``{ok, entries, head_hash, first_broken: null | {seq, reason, detail},
    records_checked, mismatches: [{record, id, seq, reason}], checked_at}`` (chain reasons: ``seq_gap``,
    ``prev_hash_mismatch``, ``hash_mismatch``, ``body_unreadable``, ``column_mismatch``,
    ``head_mismatch``;
    mismatches: settlements, lines, adjustments or payments that disagree with their ledger entries).

    Roles: auditor, finance, bureau.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingVerifyRead | Problem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> FundingVerifyRead | Problem | None:
    """Verify Ledger

     **账本 (the hash-chained ledger) — BRIEF §8: auditors verify it**

    Walk the whole chain now → ``{ok, entries, head_hash, first_broken: null | {seq, reason, detail},
    records_checked, mismatches: [{record, id, seq, reason}], checked_at}`` (chain reasons: ``seq_gap``,
    ``prev_hash_mismatch``, ``hash_mismatch``, ``body_unreadable``, ``column_mismatch``,
    ``head_mismatch``;
    mismatches: settlements, lines, adjustments or payments that disagree with their ledger entries).

    Roles: auditor, finance, bureau.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingVerifyRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
