from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.points_job_in import PointsJobIn
from ...models.points_job_read import PointsJobRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PointsJobIn,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/points/scoring-jobs",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PointsJobRead | Problem | None:
    if response.status_code == 202:
        response_202 = PointsJobRead.from_dict(response.json())

        return response_202

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
) -> Response[PointsJobRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PointsJobIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[PointsJobRead | Problem]:
    """Start Job

     **批量积分 (scoring job) — BRIEF §4 step 5: every application scored from confirmed facts**

    ``{season, grade}`` → 202 Job, scored in the background (see ``points.jobs``); only cases changed
    since the
    last finished job are fetched, and only those whose facts changed are rescored. A job already
    running for the
    season and grade is answered instead of starting a second.

    Roles: bureau, service.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (PointsJobIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PointsJobRead | Problem]
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
    body: PointsJobIn,
    idempotency_key: None | str | Unset = UNSET,
) -> PointsJobRead | Problem | None:
    """Start Job

     **批量积分 (scoring job) — BRIEF §4 step 5: every application scored from confirmed facts**

    ``{season, grade}`` → 202 Job, scored in the background (see ``points.jobs``); only cases changed
    since the
    last finished job are fetched, and only those whose facts changed are rescored. A job already
    running for the
    season and grade is answered instead of starting a second.

    Roles: bureau, service.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (PointsJobIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PointsJobRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PointsJobIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[PointsJobRead | Problem]:
    """Start Job

     **批量积分 (scoring job) — BRIEF §4 step 5: every application scored from confirmed facts**

    ``{season, grade}`` → 202 Job, scored in the background (see ``points.jobs``); only cases changed
    since the
    last finished job are fetched, and only those whose facts changed are rescored. A job already
    running for the
    season and grade is answered instead of starting a second.

    Roles: bureau, service.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (PointsJobIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PointsJobRead | Problem]
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
    body: PointsJobIn,
    idempotency_key: None | str | Unset = UNSET,
) -> PointsJobRead | Problem | None:
    """Start Job

     **批量积分 (scoring job) — BRIEF §4 step 5: every application scored from confirmed facts**

    ``{season, grade}`` → 202 Job, scored in the background (see ``points.jobs``); only cases changed
    since the
    last finished job are fetched, and only those whose facts changed are rescored. A job already
    running for the
    season and grade is answered instead of starting a second.

    Roles: bureau, service.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (PointsJobIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PointsJobRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
