from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollment_school_create import EnrollmentSchoolCreate
from ...models.enrollment_school_out import EnrollmentSchoolOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: EnrollmentSchoolCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/enrollment/schools",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnrollmentSchoolOut | Problem | None:
    if response.status_code == 201:
        response_201 = EnrollmentSchoolOut.from_dict(response.json())

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
) -> Response[EnrollmentSchoolOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: EnrollmentSchoolCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[EnrollmentSchoolOut | Problem]:
    """Create School

     **学校、随迁子女学位、招生计划 (schools, migrant seats, plans) — BRIEF §6, §7, plan 三(二), 三(五)**

    Register a public or private migrant school → 201 School (409 ``school_exists``).

    Roles: bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentSchoolCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentSchoolOut | Problem]
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
    body: EnrollmentSchoolCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> EnrollmentSchoolOut | Problem | None:
    """Create School

     **学校、随迁子女学位、招生计划 (schools, migrant seats, plans) — BRIEF §6, §7, plan 三(二), 三(五)**

    Register a public or private migrant school → 201 School (409 ``school_exists``).

    Roles: bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentSchoolCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentSchoolOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EnrollmentSchoolCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[EnrollmentSchoolOut | Problem]:
    """Create School

     **学校、随迁子女学位、招生计划 (schools, migrant seats, plans) — BRIEF §6, §7, plan 三(二), 三(五)**

    Register a public or private migrant school → 201 School (409 ``school_exists``).

    Roles: bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentSchoolCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentSchoolOut | Problem]
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
    body: EnrollmentSchoolCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> EnrollmentSchoolOut | Problem | None:
    """Create School

     **学校、随迁子女学位、招生计划 (schools, migrant seats, plans) — BRIEF §6, §7, plan 三(二), 三(五)**

    Register a public or private migrant school → 201 School (409 ``school_exists``).

    Roles: bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentSchoolCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentSchoolOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
