from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_handover import FundingHandover
from ...models.funding_handover_result import FundingHandoverResult
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: FundingHandover,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/funding/purchased-seats/handover",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingHandoverResult | Problem | None:
    if response.status_code == 200:
        response_200 = FundingHandoverResult.from_dict(response.json())

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
) -> Response[FundingHandoverResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: FundingHandover,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[FundingHandoverResult | Problem]:
    """Handover

     **政府购买学位 (purchased seat) — BRIEF §8, plan 三(四)**

    Purchased seats from a finalised run: ``{run_id, seats: [{application_no, pupil_name,
    pupil_id_number,
    school_code, grade, start_date}]}`` (≤ 1000) → ``{created, existing, items}``. The same seat
    (application_no +
    school + start date) handed over again creates nothing.

    Roles: service:enrollment, bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingHandover): Placed pupils handed over by enrollment when a run is finalised (≤
            1000 seats per call).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingHandoverResult | Problem]
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
    body: FundingHandover,
    idempotency_key: None | str | Unset = UNSET,
) -> FundingHandoverResult | Problem | None:
    """Handover

     **政府购买学位 (purchased seat) — BRIEF §8, plan 三(四)**

    Purchased seats from a finalised run: ``{run_id, seats: [{application_no, pupil_name,
    pupil_id_number,
    school_code, grade, start_date}]}`` (≤ 1000) → ``{created, existing, items}``. The same seat
    (application_no +
    school + start date) handed over again creates nothing.

    Roles: service:enrollment, bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingHandover): Placed pupils handed over by enrollment when a run is finalised (≤
            1000 seats per call).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingHandoverResult | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: FundingHandover,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[FundingHandoverResult | Problem]:
    """Handover

     **政府购买学位 (purchased seat) — BRIEF §8, plan 三(四)**

    Purchased seats from a finalised run: ``{run_id, seats: [{application_no, pupil_name,
    pupil_id_number,
    school_code, grade, start_date}]}`` (≤ 1000) → ``{created, existing, items}``. The same seat
    (application_no +
    school + start date) handed over again creates nothing.

    Roles: service:enrollment, bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingHandover): Placed pupils handed over by enrollment when a run is finalised (≤
            1000 seats per call).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingHandoverResult | Problem]
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
    body: FundingHandover,
    idempotency_key: None | str | Unset = UNSET,
) -> FundingHandoverResult | Problem | None:
    """Handover

     **政府购买学位 (purchased seat) — BRIEF §8, plan 三(四)**

    Purchased seats from a finalised run: ``{run_id, seats: [{application_no, pupil_name,
    pupil_id_number,
    school_code, grade, start_date}]}`` (≤ 1000) → ``{created, existing, items}``. The same seat
    (application_no +
    school + start date) handed over again creates nothing.

    Roles: service:enrollment, bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingHandover): Placed pupils handed over by enrollment when a run is finalised (≤
            1000 seats per call).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingHandoverResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
