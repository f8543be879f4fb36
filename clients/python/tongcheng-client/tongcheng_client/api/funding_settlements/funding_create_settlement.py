from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_settlement_create import FundingSettlementCreate
from ...models.funding_settlement_read import FundingSettlementRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: FundingSettlementCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/funding/settlements",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingSettlementRead | Problem | None:
    if response.status_code == 201:
        response_201 = FundingSettlementRead.from_dict(response.json())

        return response_201

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
) -> Response[FundingSettlementRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: FundingSettlementCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[FundingSettlementRead | Problem]:
    """Create Settlement

     **结算 (settlement) and 拨付 (disbursement) — BRIEF §8, plan 三(四)**

    Compute the draft 结算 of one school for one semester (recomputing a draft replaces it) → Settlement
    with
    lines: the seats in the school's grades on its confirmed roll; ``awaiting`` lists those not yet
    confirmed (not
    billed). 409 ``tariff_missing``; 409 ``semester_settled`` once approved.

    Roles: bureau, finance.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingSettlementCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingSettlementRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: FundingSettlementCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> FundingSettlementRead | Problem | None:
    """Create Settlement

     **结算 (settlement) and 拨付 (disbursement) — BRIEF §8, plan 三(四)**

    Compute the draft 结算 of one school for one semester (recomputing a draft replaces it) → Settlement
    with
    lines: the seats in the school's grades on its confirmed roll; ``awaiting`` lists those not yet
    confirmed (not
    billed). 409 ``tariff_missing``; 409 ``semester_settled`` once approved.

    Roles: bureau, finance.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingSettlementCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingSettlementRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: FundingSettlementCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[FundingSettlementRead | Problem]:
    """Create Settlement

     **结算 (settlement) and 拨付 (disbursement) — BRIEF §8, plan 三(四)**

    Compute the draft 结算 of one school for one semester (recomputing a draft replaces it) → Settlement
    with
    lines: the seats in the school's grades on its confirmed roll; ``awaiting`` lists those not yet
    confirmed (not
    billed). 409 ``tariff_missing``; 409 ``semester_settled`` once approved.

    Roles: bureau, finance.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingSettlementCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingSettlementRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: FundingSettlementCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> FundingSettlementRead | Problem | None:
    """Create Settlement

     **结算 (settlement) and 拨付 (disbursement) — BRIEF §8, plan 三(四)**

    Compute the draft 结算 of one school for one semester (recomputing a draft replaces it) → Settlement
    with
    lines: the seats in the school's grades on its confirmed roll; ``awaiting`` lists those not yet
    confirmed (not
    billed). 409 ``tariff_missing``; 409 ``semester_settled`` once approved.

    Roles: bureau, finance.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingSettlementCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingSettlementRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
