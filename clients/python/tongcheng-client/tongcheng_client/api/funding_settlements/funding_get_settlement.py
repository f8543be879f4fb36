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
    lines: bool | Unset = True,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["lines"] = lines

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/funding/settlements/{settlement_id}".format(
            settlement_id=quote(str(settlement_id), safe=""),
        ),
        "params": params,
    }

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
    lines: bool | Unset = True,
) -> Response[FundingSettlementRead | Problem]:
    """Get Settlement

     **结算 (settlement) and 拨付 (disbursement) — BRIEF §8, plan 三(四)**

    One settlement with its lines and the seats awaiting confirmation on the roll (``?lines=false`` to
    leave
    them out); ETag ``"v<N>"``. 403 for another school's credential.

    Roles: bureau, finance, auditor, school.

    Args:
        settlement_id (int):
        lines (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingSettlementRead | Problem]
    """

    kwargs = _get_kwargs(
        settlement_id=settlement_id,
        lines=lines,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    settlement_id: int,
    *,
    client: AuthenticatedClient,
    lines: bool | Unset = True,
) -> FundingSettlementRead | Problem | None:
    """Get Settlement

     **结算 (settlement) and 拨付 (disbursement) — BRIEF §8, plan 三(四)**

    One settlement with its lines and the seats awaiting confirmation on the roll (``?lines=false`` to
    leave
    them out); ETag ``"v<N>"``. 403 for another school's credential.

    Roles: bureau, finance, auditor, school.

    Args:
        settlement_id (int):
        lines (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingSettlementRead | Problem
    """

    return sync_detailed(
        settlement_id=settlement_id,
        client=client,
        lines=lines,
    ).parsed


async def asyncio_detailed(
    settlement_id: int,
    *,
    client: AuthenticatedClient,
    lines: bool | Unset = True,
) -> Response[FundingSettlementRead | Problem]:
    """Get Settlement

     **结算 (settlement) and 拨付 (disbursement) — BRIEF §8, plan 三(四)**

    One settlement with its lines and the seats awaiting confirmation on the roll (``?lines=false`` to
    leave
    them out); ETag ``"v<N>"``. 403 for another school's credential.

    Roles: bureau, finance, auditor, school.

    Args:
        settlement_id (int):
        lines (bool | Unset):  Default: True.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingSettlementRead | Problem]
    """

    kwargs = _get_kwargs(
        settlement_id=settlement_id,
        lines=lines,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    settlement_id: int,
    *,
    client: AuthenticatedClient,
    lines: bool | Unset = True,
) -> FundingSettlementRead | Problem | None:
    """Get Settlement

     **结算 (settlement) and 拨付 (disbursement) — BRIEF §8, plan 三(四)**

    One settlement with its lines and the seats awaiting confirmation on the roll (``?lines=false`` to
    leave
    them out); ETag ``"v<N>"``. 403 for another school's credential.

    Roles: bureau, finance, auditor, school.

    Args:
        settlement_id (int):
        lines (bool | Unset):  Default: True.

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
            lines=lines,
        )
    ).parsed
