from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/enrollment/outbox/flush",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = response.json()
        return response_200

    if 400 <= response.status_code <= 499:
        response_4xx = Problem.from_dict(response.json())

        return response_4xx

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Any | Problem]:
    """Outbox Flush

     **移交 (hand-over to verification and funding) — BRIEF §4 steps 3 and 7**

    Deliver every waiting hand-over now (backoff skipped) and look at every appeal waiting for its
    department
    (:mod:`enrollment.appeals_flow`) → the status plus this pass's ``{attempted, delivered, failed}``
    and
    ``appeals: {looked_at, rescored, waiting, failed}``, and ``feed: {recorded: {verified, scored},
    errors}`` (the
    platform feed's events recorded from verification and points, :mod:`enrollment.progress_feed`).

    Roles: bureau.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> Any | Problem | None:
    """Outbox Flush

     **移交 (hand-over to verification and funding) — BRIEF §4 steps 3 and 7**

    Deliver every waiting hand-over now (backoff skipped) and look at every appeal waiting for its
    department
    (:mod:`enrollment.appeals_flow`) → the status plus this pass's ``{attempted, delivered, failed}``
    and
    ``appeals: {looked_at, rescored, waiting, failed}``, and ``feed: {recorded: {verified, scored},
    errors}`` (the
    platform feed's events recorded from verification and points, :mod:`enrollment.progress_feed`).

    Roles: bureau.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Any | Problem]:
    """Outbox Flush

     **移交 (hand-over to verification and funding) — BRIEF §4 steps 3 and 7**

    Deliver every waiting hand-over now (backoff skipped) and look at every appeal waiting for its
    department
    (:mod:`enrollment.appeals_flow`) → the status plus this pass's ``{attempted, delivered, failed}``
    and
    ``appeals: {looked_at, rescored, waiting, failed}``, and ``feed: {recorded: {verified, scored},
    errors}`` (the
    platform feed's events recorded from verification and points, :mod:`enrollment.progress_feed`).

    Roles: bureau.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> Any | Problem | None:
    """Outbox Flush

     **移交 (hand-over to verification and funding) — BRIEF §4 steps 3 and 7**

    Deliver every waiting hand-over now (backoff skipped) and look at every appeal waiting for its
    department
    (:mod:`enrollment.appeals_flow`) → the status plus this pass's ``{attempted, delivered, failed}``
    and
    ``appeals: {looked_at, rescored, waiting, failed}``, and ``feed: {recorded: {verified, scored},
    errors}`` (the
    platform feed's events recorded from verification and points, :mod:`enrollment.progress_feed`).

    Roles: bureau.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
