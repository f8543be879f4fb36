from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_seat_end import FundingSeatEnd
from ...models.funding_seat_end_result import FundingSeatEndResult
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    seat_id: int,
    *,
    body: FundingSeatEnd,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/funding/purchased-seats/{seat_id}/end".format(
            seat_id=quote(str(seat_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingSeatEndResult | Problem | None:
    if response.status_code == 200:
        response_200 = FundingSeatEndResult.from_dict(response.json())

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
) -> Response[FundingSeatEndResult | Problem]:
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
    body: FundingSeatEnd,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[FundingSeatEndResult | Problem]:
    """End Seat

     **政府购买学位 (purchased seat) — BRIEF §8, plan 三(四)**

    The pupil left: ``{end_date, reason}`` (last day attended). Returns the seat and the approved
    settlements
    that counted it past that day (correct them with ``POST /adjustments``). 409 ``seat_ended``.

    Roles: bureau.

    Args:
        seat_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingSeatEnd): The pupil's last day (inclusive) and why: ``code`` public_school
            (插班: placed mid-year in a public school,
            the seat ends that day), left_district, dropped_out, private_school (prefer the transfer,
            which opens the new
            seat), other (the default).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingSeatEndResult | Problem]
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
    body: FundingSeatEnd,
    idempotency_key: None | str | Unset = UNSET,
) -> FundingSeatEndResult | Problem | None:
    """End Seat

     **政府购买学位 (purchased seat) — BRIEF §8, plan 三(四)**

    The pupil left: ``{end_date, reason}`` (last day attended). Returns the seat and the approved
    settlements
    that counted it past that day (correct them with ``POST /adjustments``). 409 ``seat_ended``.

    Roles: bureau.

    Args:
        seat_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingSeatEnd): The pupil's last day (inclusive) and why: ``code`` public_school
            (插班: placed mid-year in a public school,
            the seat ends that day), left_district, dropped_out, private_school (prefer the transfer,
            which opens the new
            seat), other (the default).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingSeatEndResult | Problem
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
    body: FundingSeatEnd,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[FundingSeatEndResult | Problem]:
    """End Seat

     **政府购买学位 (purchased seat) — BRIEF §8, plan 三(四)**

    The pupil left: ``{end_date, reason}`` (last day attended). Returns the seat and the approved
    settlements
    that counted it past that day (correct them with ``POST /adjustments``). 409 ``seat_ended``.

    Roles: bureau.

    Args:
        seat_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingSeatEnd): The pupil's last day (inclusive) and why: ``code`` public_school
            (插班: placed mid-year in a public school,
            the seat ends that day), left_district, dropped_out, private_school (prefer the transfer,
            which opens the new
            seat), other (the default).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingSeatEndResult | Problem]
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
    body: FundingSeatEnd,
    idempotency_key: None | str | Unset = UNSET,
) -> FundingSeatEndResult | Problem | None:
    """End Seat

     **政府购买学位 (purchased seat) — BRIEF §8, plan 三(四)**

    The pupil left: ``{end_date, reason}`` (last day attended). Returns the seat and the approved
    settlements
    that counted it past that day (correct them with ``POST /adjustments``). 409 ``seat_ended``.

    Roles: bureau.

    Args:
        seat_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingSeatEnd): The pupil's last day (inclusive) and why: ``code`` public_school
            (插班: placed mid-year in a public school,
            the seat ends that day), left_district, dropped_out, private_school (prefer the transfer,
            which opens the new
            seat), other (the default).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingSeatEndResult | Problem
    """

    return (
        await asyncio_detailed(
            seat_id=seat_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
