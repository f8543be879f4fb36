from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_disbursement_create import FundingDisbursementCreate
from ...models.funding_disbursement_read import FundingDisbursementRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    settlement_id: int,
    *,
    body: FundingDisbursementCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/funding/settlements/{settlement_id}/disbursements".format(
            settlement_id=quote(str(settlement_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingDisbursementRead | Problem | None:
    if response.status_code == 201:
        response_201 = FundingDisbursementRead.from_dict(response.json())

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
) -> Response[FundingDisbursementRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    settlement_id: int,
    *,
    client: AuthenticatedClient,
    body: FundingDisbursementCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[FundingDisbursementRead | Problem]:
    """Disburse

     **结算 (settlement) and 拨付 (disbursement) — BRIEF §8, plan 三(四)**

    Finance records the payment ``{reference, amount, paid_on}``; the amount must equal the amount due
    (422 ``amount_mismatch`` naming it) → paid, with a ledger entry.

    Roles: finance.

    Args:
        settlement_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingDisbursementCreate): 拨付: the payment reference, the amount (must equal the
            amount due) and the day paid.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingDisbursementRead | Problem]
    """

    kwargs = _get_kwargs(
        settlement_id=settlement_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    settlement_id: int,
    *,
    client: AuthenticatedClient,
    body: FundingDisbursementCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> FundingDisbursementRead | Problem | None:
    """Disburse

     **结算 (settlement) and 拨付 (disbursement) — BRIEF §8, plan 三(四)**

    Finance records the payment ``{reference, amount, paid_on}``; the amount must equal the amount due
    (422 ``amount_mismatch`` naming it) → paid, with a ledger entry.

    Roles: finance.

    Args:
        settlement_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingDisbursementCreate): 拨付: the payment reference, the amount (must equal the
            amount due) and the day paid.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingDisbursementRead | Problem
    """

    return sync_detailed(
        settlement_id=settlement_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    settlement_id: int,
    *,
    client: AuthenticatedClient,
    body: FundingDisbursementCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[FundingDisbursementRead | Problem]:
    """Disburse

     **结算 (settlement) and 拨付 (disbursement) — BRIEF §8, plan 三(四)**

    Finance records the payment ``{reference, amount, paid_on}``; the amount must equal the amount due
    (422 ``amount_mismatch`` naming it) → paid, with a ledger entry.

    Roles: finance.

    Args:
        settlement_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingDisbursementCreate): 拨付: the payment reference, the amount (must equal the
            amount due) and the day paid.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingDisbursementRead | Problem]
    """

    kwargs = _get_kwargs(
        settlement_id=settlement_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    settlement_id: int,
    *,
    client: AuthenticatedClient,
    body: FundingDisbursementCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> FundingDisbursementRead | Problem | None:
    """Disburse

     **结算 (settlement) and 拨付 (disbursement) — BRIEF §8, plan 三(四)**

    Finance records the payment ``{reference, amount, paid_on}``; the amount must equal the amount due
    (422 ``amount_mismatch`` naming it) → paid, with a ledger entry.

    Roles: finance.

    Args:
        settlement_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingDisbursementCreate): 拨付: the payment reference, the amount (must equal the
            amount due) and the day paid.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingDisbursementRead | Problem
    """

    return (
        await asyncio_detailed(
            settlement_id=settlement_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
