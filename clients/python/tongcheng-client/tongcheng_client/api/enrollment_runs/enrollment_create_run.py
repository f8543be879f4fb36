from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollment_run_in import EnrollmentRunIn
from ...models.enrollment_run_out import EnrollmentRunOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: EnrollmentRunIn,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/enrollment/runs",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnrollmentRunOut | Problem | None:
    if response.status_code == 201:
        response_201 = EnrollmentRunOut.from_dict(response.json())

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
) -> Response[EnrollmentRunOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: EnrollmentRunIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[EnrollmentRunOut | Problem]:
    """Create Run

     **录取批次 (placement run) and 公示 — BRIEF §4 step 6, §6**

    Freeze a snapshot (active applications, their scores from points, seats and remaining plans), place
    (BRIEF §6) and store a draft run; earlier draft/published runs of the season and grade are
    superseded.
    503 ``upstream_unavailable`` when points does not answer. The platform feed's ``verified`` and
    ``scored``
    events are brought up to date first, so they come before the run's ``placed`` events.

    Roles: bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentRunIn): ``POST /runs``: the seed is published with the round (lottery key
            = SHA-256 of ``"{seed}:{application_no}"``).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentRunOut | Problem]
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
    body: EnrollmentRunIn,
    idempotency_key: None | str | Unset = UNSET,
) -> EnrollmentRunOut | Problem | None:
    """Create Run

     **录取批次 (placement run) and 公示 — BRIEF §4 step 6, §6**

    Freeze a snapshot (active applications, their scores from points, seats and remaining plans), place
    (BRIEF §6) and store a draft run; earlier draft/published runs of the season and grade are
    superseded.
    503 ``upstream_unavailable`` when points does not answer. The platform feed's ``verified`` and
    ``scored``
    events are brought up to date first, so they come before the run's ``placed`` events.

    Roles: bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentRunIn): ``POST /runs``: the seed is published with the round (lottery key
            = SHA-256 of ``"{seed}:{application_no}"``).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentRunOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EnrollmentRunIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[EnrollmentRunOut | Problem]:
    """Create Run

     **录取批次 (placement run) and 公示 — BRIEF §4 step 6, §6**

    Freeze a snapshot (active applications, their scores from points, seats and remaining plans), place
    (BRIEF §6) and store a draft run; earlier draft/published runs of the season and grade are
    superseded.
    503 ``upstream_unavailable`` when points does not answer. The platform feed's ``verified`` and
    ``scored``
    events are brought up to date first, so they come before the run's ``placed`` events.

    Roles: bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentRunIn): ``POST /runs``: the seed is published with the round (lottery key
            = SHA-256 of ``"{seed}:{application_no}"``).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentRunOut | Problem]
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
    body: EnrollmentRunIn,
    idempotency_key: None | str | Unset = UNSET,
) -> EnrollmentRunOut | Problem | None:
    """Create Run

     **录取批次 (placement run) and 公示 — BRIEF §4 step 6, §6**

    Freeze a snapshot (active applications, their scores from points, seats and remaining plans), place
    (BRIEF §6) and store a draft run; earlier draft/published runs of the season and grade are
    superseded.
    503 ``upstream_unavailable`` when points does not answer. The platform feed's ``verified`` and
    ``scored``
    events are brought up to date first, so they come before the run's ``placed`` events.

    Roles: bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentRunIn): ``POST /runs``: the seed is published with the round (lottery key
            = SHA-256 of ``"{seed}:{application_no}"``).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentRunOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
