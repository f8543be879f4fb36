from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollment_status_query_in import EnrollmentStatusQueryIn
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: EnrollmentStatusQueryIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/enrollment/placements/status",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = response.json()
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
    body: EnrollmentStatusQueryIn,
) -> Response[Any | Problem]:
    """Bulk Status

     **录取结果 (placement) — BRIEF §6, plan 二(四)**

    Where up to 1,000 applications stand → ``{items: [{application_no, found, state, season, grade,
    run_id,
    run_state, placed, school_code, round, tier, choice_rank, reason}]}`` (the latest published or final
    run that
    includes each; run fields null before one). Writes nothing.

    Roles: platform, bureau.

    Args:
        body (EnrollmentStatusQueryIn): Bulk status (issue 13): up to 1,000 application numbers;
            repeats are answered once.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: EnrollmentStatusQueryIn,
) -> Any | Problem | None:
    """Bulk Status

     **录取结果 (placement) — BRIEF §6, plan 二(四)**

    Where up to 1,000 applications stand → ``{items: [{application_no, found, state, season, grade,
    run_id,
    run_state, placed, school_code, round, tier, choice_rank, reason}]}`` (the latest published or final
    run that
    includes each; run fields null before one). Writes nothing.

    Roles: platform, bureau.

    Args:
        body (EnrollmentStatusQueryIn): Bulk status (issue 13): up to 1,000 application numbers;
            repeats are answered once.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EnrollmentStatusQueryIn,
) -> Response[Any | Problem]:
    """Bulk Status

     **录取结果 (placement) — BRIEF §6, plan 二(四)**

    Where up to 1,000 applications stand → ``{items: [{application_no, found, state, season, grade,
    run_id,
    run_state, placed, school_code, round, tier, choice_rank, reason}]}`` (the latest published or final
    run that
    includes each; run fields null before one). Writes nothing.

    Roles: platform, bureau.

    Args:
        body (EnrollmentStatusQueryIn): Bulk status (issue 13): up to 1,000 application numbers;
            repeats are answered once.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: EnrollmentStatusQueryIn,
) -> Any | Problem | None:
    """Bulk Status

     **录取结果 (placement) — BRIEF §6, plan 二(四)**

    Where up to 1,000 applications stand → ``{items: [{application_no, found, state, season, grade,
    run_id,
    run_state, placed, school_code, round, tier, choice_rank, reason}]}`` (the latest published or final
    run that
    includes each; run fields null before one). Writes nothing.

    Roles: platform, bureau.

    Args:
        body (EnrollmentStatusQueryIn): Bulk status (issue 13): up to 1,000 application numbers;
            repeats are answered once.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
