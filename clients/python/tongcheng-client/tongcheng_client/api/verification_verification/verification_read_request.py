from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.verification_request_detail import VerificationRequestDetail
from ...types import Response


def _get_kwargs(
    request_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/verification/requests/{request_id}".format(
            request_id=quote(str(request_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | VerificationRequestDetail | None:
    if response.status_code == 200:
        response_200 = VerificationRequestDetail.from_dict(response.json())

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
) -> Response[Problem | VerificationRequestDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    request_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | VerificationRequestDetail]:
    """Read Request

     **核验请求 (verification request) — BRIEF §4 step 4, plan 四(二)**

    Request + ``history`` (every result, oldest first; a correction names the result it ``supersedes``).
    A department sees only its own (else 404) with the ID number whole; bureau and services see it
    masked. The
    read is recorded in the access log (one INSERT in this transaction; a 404 records nothing).

    Roles: department, bureau, service.

    Args:
        request_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationRequestDetail]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    request_id: int,
    *,
    client: AuthenticatedClient,
) -> Problem | VerificationRequestDetail | None:
    """Read Request

     **核验请求 (verification request) — BRIEF §4 step 4, plan 四(二)**

    Request + ``history`` (every result, oldest first; a correction names the result it ``supersedes``).
    A department sees only its own (else 404) with the ID number whole; bureau and services see it
    masked. The
    read is recorded in the access log (one INSERT in this transaction; a 404 records nothing).

    Roles: department, bureau, service.

    Args:
        request_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationRequestDetail
    """

    return sync_detailed(
        request_id=request_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    request_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | VerificationRequestDetail]:
    """Read Request

     **核验请求 (verification request) — BRIEF §4 step 4, plan 四(二)**

    Request + ``history`` (every result, oldest first; a correction names the result it ``supersedes``).
    A department sees only its own (else 404) with the ID number whole; bureau and services see it
    masked. The
    read is recorded in the access log (one INSERT in this transaction; a 404 records nothing).

    Roles: department, bureau, service.

    Args:
        request_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationRequestDetail]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    request_id: int,
    *,
    client: AuthenticatedClient,
) -> Problem | VerificationRequestDetail | None:
    """Read Request

     **核验请求 (verification request) — BRIEF §4 step 4, plan 四(二)**

    Request + ``history`` (every result, oldest first; a correction names the result it ``supersedes``).
    A department sees only its own (else 404) with the ID number whole; bureau and services see it
    masked. The
    read is recorded in the access log (one INSERT in this transaction; a 404 records nothing).

    Roles: department, bureau, service.

    Args:
        request_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationRequestDetail
    """

    return (
        await asyncio_detailed(
            request_id=request_id,
            client=client,
        )
    ).parsed
