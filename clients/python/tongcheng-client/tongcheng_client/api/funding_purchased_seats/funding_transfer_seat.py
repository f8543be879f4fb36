from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_seat_transfer import FundingSeatTransfer
from ...models.funding_seat_transferred import FundingSeatTransferred
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    seat_id: int,
    *,
    body: FundingSeatTransfer,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/funding/purchased-seats/{seat_id}/transfer".format(
            seat_id=quote(str(seat_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingSeatTransferred | Problem | None:
    if response.status_code == 201:
        response_201 = FundingSeatTransferred.from_dict(response.json())

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
) -> Response[FundingSeatTransferred | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    seat_id: int,
    *,
    client: AuthenticatedClient,
    body: FundingSeatTransfer,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[FundingSeatTransferred | Problem]:
    """Transfer Seat

     **政府购买学位 (purchased seat) — BRIEF §8, plan 三(四)**

    Move the pupil to ``to_school_code`` on ``on``: this seat ends the day before and a new one opens.

    Roles: bureau.

    Args:
        seat_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingSeatTransfer):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingSeatTransferred | Problem]
    """

    kwargs = _get_kwargs(
        seat_id=seat_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    seat_id: int,
    *,
    client: AuthenticatedClient,
    body: FundingSeatTransfer,
    idempotency_key: None | str | Unset = UNSET,
) -> FundingSeatTransferred | Problem | None:
    """Transfer Seat

     **政府购买学位 (purchased seat) — BRIEF §8, plan 三(四)**

    Move the pupil to ``to_school_code`` on ``on``: this seat ends the day before and a new one opens.

    Roles: bureau.

    Args:
        seat_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingSeatTransfer):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingSeatTransferred | Problem
    """

    return sync_detailed(
        seat_id=seat_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    seat_id: int,
    *,
    client: AuthenticatedClient,
    body: FundingSeatTransfer,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[FundingSeatTransferred | Problem]:
    """Transfer Seat

     **政府购买学位 (purchased seat) — BRIEF §8, plan 三(四)**

    Move the pupil to ``to_school_code`` on ``on``: this seat ends the day before and a new one opens.

    Roles: bureau.

    Args:
        seat_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingSeatTransfer):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingSeatTransferred | Problem]
    """

    kwargs = _get_kwargs(
        seat_id=seat_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    seat_id: int,
    *,
    client: AuthenticatedClient,
    body: FundingSeatTransfer,
    idempotency_key: None | str | Unset = UNSET,
) -> FundingSeatTransferred | Problem | None:
    """Transfer Seat

     **政府购买学位 (purchased seat) — BRIEF §8, plan 三(四)**

    Move the pupil to ``to_school_code`` on ``on``: this seat ends the day before and a new one opens.

    Roles: bureau.

    Args:
        seat_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingSeatTransfer):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingSeatTransferred | Problem
    """

    return (
        await asyncio_detailed(
            seat_id=seat_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
