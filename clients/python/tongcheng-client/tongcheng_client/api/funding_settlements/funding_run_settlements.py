from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_run_result import FundingRunResult
from ...models.funding_settlement_run import FundingSettlementRun
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: FundingSettlementRun,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/funding/settlements/run",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingRunResult | Problem | None:
    if response.status_code == 200:
        response_200 = FundingRunResult.from_dict(response.json())

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
) -> Response[FundingRunResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: FundingSettlementRun,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[FundingRunResult | Problem]:
    """Run Settlements

     **结算 (settlement) and 拨付 (disbursement) — BRIEF §8, plan 三(四)**

    Draft every school with seats in the semester → ``{semester, drafted: [Settlement without lines],
    skipped: [{school_code, code, detail}]}``.

    Roles: bureau, finance.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingSettlementRun):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingRunResult | Problem]
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
    body: FundingSettlementRun,
    idempotency_key: None | str | Unset = UNSET,
) -> FundingRunResult | Problem | None:
    """Run Settlements

     **结算 (settlement) and 拨付 (disbursement) — BRIEF §8, plan 三(四)**

    Draft every school with seats in the semester → ``{semester, drafted: [Settlement without lines],
    skipped: [{school_code, code, detail}]}``.

    Roles: bureau, finance.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingSettlementRun):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingRunResult | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: FundingSettlementRun,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[FundingRunResult | Problem]:
    """Run Settlements

     **结算 (settlement) and 拨付 (disbursement) — BRIEF §8, plan 三(四)**

    Draft every school with seats in the semester → ``{semester, drafted: [Settlement without lines],
    skipped: [{school_code, code, detail}]}``.

    Roles: bureau, finance.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingSettlementRun):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingRunResult | Problem]
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
    body: FundingSettlementRun,
    idempotency_key: None | str | Unset = UNSET,
) -> FundingRunResult | Problem | None:
    """Run Settlements

     **结算 (settlement) and 拨付 (disbursement) — BRIEF §8, plan 三(四)**

    Draft every school with seats in the semester → ``{semester, drafted: [Settlement without lines],
    skipped: [{school_code, code, detail}]}``.

    Roles: bureau, finance.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingSettlementRun):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingRunResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
