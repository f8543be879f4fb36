from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollment_health_response_health import EnrollmentHealthResponseHealth
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/enrollment/health",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnrollmentHealthResponseHealth | Problem | None:
    if response.status_code == 200:
        response_200 = EnrollmentHealthResponseHealth.from_dict(response.json())

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
) -> Response[EnrollmentHealthResponseHealth | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[EnrollmentHealthResponseHealth | Problem]:
    """Liveness and database check (no identity needed)

     **运行状态 (health) — BRIEF §4: every step of the season needs the service up**

    ``{"status": "ok", "service": name, "database": backend}``; 503 problem when the database fails.
    ``HEAD /health`` runs the same check and answers the same headers without the body (left out of the
    OpenAPI document, which lists ``GET``).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentHealthResponseHealth | Problem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> EnrollmentHealthResponseHealth | Problem | None:
    """Liveness and database check (no identity needed)

     **运行状态 (health) — BRIEF §4: every step of the season needs the service up**

    ``{"status": "ok", "service": name, "database": backend}``; 503 problem when the database fails.
    ``HEAD /health`` runs the same check and answers the same headers without the body (left out of the
    OpenAPI document, which lists ``GET``).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentHealthResponseHealth | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[EnrollmentHealthResponseHealth | Problem]:
    """Liveness and database check (no identity needed)

     **运行状态 (health) — BRIEF §4: every step of the season needs the service up**

    ``{"status": "ok", "service": name, "database": backend}``; 503 problem when the database fails.
    ``HEAD /health`` runs the same check and answers the same headers without the body (left out of the
    OpenAPI document, which lists ``GET``).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentHealthResponseHealth | Problem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> EnrollmentHealthResponseHealth | Problem | None:
    """Liveness and database check (no identity needed)

     **运行状态 (health) — BRIEF §4: every step of the season needs the service up**

    ``{"status": "ok", "service": name, "database": backend}``; 503 problem when the database fails.
    ``HEAD /health`` runs the same check and answers the same headers without the body (left out of the
    OpenAPI document, which lists ``GET``).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentHealthResponseHealth | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
