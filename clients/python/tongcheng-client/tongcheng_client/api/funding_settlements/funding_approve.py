from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_settlement_read import FundingSettlementRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    settlement_id: int,
    *,
    idempotency_key: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/funding/settlements/{settlement_id}/approve".format(
            settlement_id=quote(str(settlement_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingSettlementRead | Problem | None:
    if response.status_code == 200:
        response_200 = FundingSettlementRead.from_dict(response.json())

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
) -> Response[FundingSettlementRead | Problem]:
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
    idempotency_key: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> Response[FundingSettlementRead | Problem]:
    """Approve

     **结算 (settlement) and 拨付 (disbursement) — BRIEF §8, plan 三(四)**

    Finance approves a draft → approved, immutable, with a ledger entry. If-Match ``"v<N>"`` (stale →
    412);
    409 ``settlement_not_draft`` (e.g. a colleague approved it first); 409 ``settlement_outdated`` when
    the tariff
    or seats changed since the draft.

    Roles: finance.

    Args:
        settlement_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        if_match (None | str | Unset): the ETag of the version this write replaces ("v<N>"); stale
            → 412 precondition_failed

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingSettlementRead | Problem]
    """

    kwargs = _get_kwargs(
        settlement_id=settlement_id,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    settlement_id: int,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> FundingSettlementRead | Problem | None:
    """Approve

     **结算 (settlement) and 拨付 (disbursement) — BRIEF §8, plan 三(四)**

    Finance approves a draft → approved, immutable, with a ledger entry. If-Match ``"v<N>"`` (stale →
    412);
    409 ``settlement_not_draft`` (e.g. a colleague approved it first); 409 ``settlement_outdated`` when
    the tariff
    or seats changed since the draft.

    Roles: finance.

    Args:
        settlement_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        if_match (None | str | Unset): the ETag of the version this write replaces ("v<N>"); stale
            → 412 precondition_failed

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingSettlementRead | Problem
    """

    return sync_detailed(
        settlement_id=settlement_id,
        client=client,
        idempotency_key=idempotency_key,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    settlement_id: int,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> Response[FundingSettlementRead | Problem]:
    """Approve

     **结算 (settlement) and 拨付 (disbursement) — BRIEF §8, plan 三(四)**

    Finance approves a draft → approved, immutable, with a ledger entry. If-Match ``"v<N>"`` (stale →
    412);
    409 ``settlement_not_draft`` (e.g. a colleague approved it first); 409 ``settlement_outdated`` when
    the tariff
    or seats changed since the draft.

    Roles: finance.

    Args:
        settlement_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        if_match (None | str | Unset): the ETag of the version this write replaces ("v<N>"); stale
            → 412 precondition_failed

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingSettlementRead | Problem]
    """

    kwargs = _get_kwargs(
        settlement_id=settlement_id,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    settlement_id: int,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> FundingSettlementRead | Problem | None:
    """Approve

     **结算 (settlement) and 拨付 (disbursement) — BRIEF §8, plan 三(四)**

    Finance approves a draft → approved, immutable, with a ledger entry. If-Match ``"v<N>"`` (stale →
    412);
    409 ``settlement_not_draft`` (e.g. a colleague approved it first); 409 ``settlement_outdated`` when
    the tariff
    or seats changed since the draft.

    Roles: finance.

    Args:
        settlement_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        if_match (None | str | Unset): the ETag of the version this write replaces ("v<N>"); stale
            → 412 precondition_failed

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingSettlementRead | Problem
    """

    return (
        await asyncio_detailed(
            settlement_id=settlement_id,
            client=client,
            idempotency_key=idempotency_key,
            if_match=if_match,
        )
    ).parsed
