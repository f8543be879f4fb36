from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_adjustment_create import FundingAdjustmentCreate
from ...models.funding_adjustment_read import FundingAdjustmentRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: FundingAdjustmentCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/funding/adjustments",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingAdjustmentRead | Problem | None:
    if response.status_code == 201:
        response_201 = FundingAdjustmentRead.from_dict(response.json())

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
) -> Response[FundingAdjustmentRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: FundingAdjustmentCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[FundingAdjustmentRead | Problem]:
    """Create Adjustment

     **结算调整 (adjustment of an approved settlement) — BRIEF §8**

    Correct an approved settlement for one seat: ``{settlement_id, seat_id, corrected_end_date,
    reason}`` →
    Adjustment with the delta (yuan, negative when less is owed) and its ledger entry.

    Roles: finance, bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingAdjustmentCreate): A correction to an approved settlement for one seat: the
            pupil's corrected last day (the day before the
            seat started = never attended).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingAdjustmentRead | Problem]
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
    body: FundingAdjustmentCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> FundingAdjustmentRead | Problem | None:
    """Create Adjustment

     **结算调整 (adjustment of an approved settlement) — BRIEF §8**

    Correct an approved settlement for one seat: ``{settlement_id, seat_id, corrected_end_date,
    reason}`` →
    Adjustment with the delta (yuan, negative when less is owed) and its ledger entry.

    Roles: finance, bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingAdjustmentCreate): A correction to an approved settlement for one seat: the
            pupil's corrected last day (the day before the
            seat started = never attended).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingAdjustmentRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: FundingAdjustmentCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[FundingAdjustmentRead | Problem]:
    """Create Adjustment

     **结算调整 (adjustment of an approved settlement) — BRIEF §8**

    Correct an approved settlement for one seat: ``{settlement_id, seat_id, corrected_end_date,
    reason}`` →
    Adjustment with the delta (yuan, negative when less is owed) and its ledger entry.

    Roles: finance, bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingAdjustmentCreate): A correction to an approved settlement for one seat: the
            pupil's corrected last day (the day before the
            seat started = never attended).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingAdjustmentRead | Problem]
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
    body: FundingAdjustmentCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> FundingAdjustmentRead | Problem | None:
    """Create Adjustment

     **结算调整 (adjustment of an approved settlement) — BRIEF §8**

    Correct an approved settlement for one seat: ``{settlement_id, seat_id, corrected_end_date,
    reason}`` →
    Adjustment with the delta (yuan, negative when less is owed) and its ledger entry.

    Roles: finance, bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingAdjustmentCreate): A correction to an approved settlement for one seat: the
            pupil's corrected last day (the day before the
            seat started = never attended).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingAdjustmentRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
