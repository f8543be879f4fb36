from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.verification_recheck_out import VerificationRecheckOut
from ...types import Response


def _get_kwargs(
    ref: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/verification/rechecks/{ref}".format(
            ref=quote(str(ref), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | VerificationRecheckOut | None:
    if response.status_code == 200:
        response_200 = VerificationRecheckOut.from_dict(response.json())

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
) -> Response[Problem | VerificationRecheckOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    ref: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | VerificationRecheckOut]:
    """Read Recheck

     **复核 (re-check for an appeal) — BRIEF §4 step 6**

    A re-check as it stands: ``open`` until the department answers, then its ``result``. 404
    ``request_not_found``.

    Roles: service:enrollment, bureau.

    Args:
        ref (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationRecheckOut]
    """

    kwargs = _get_kwargs(
        ref=ref,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    ref: str,
    *,
    client: AuthenticatedClient,
) -> Problem | VerificationRecheckOut | None:
    """Read Recheck

     **复核 (re-check for an appeal) — BRIEF §4 step 6**

    A re-check as it stands: ``open`` until the department answers, then its ``result``. 404
    ``request_not_found``.

    Roles: service:enrollment, bureau.

    Args:
        ref (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationRecheckOut
    """

    return sync_detailed(
        ref=ref,
        client=client,
    ).parsed


async def asyncio_detailed(
    ref: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | VerificationRecheckOut]:
    """Read Recheck

     **复核 (re-check for an appeal) — BRIEF §4 step 6**

    A re-check as it stands: ``open`` until the department answers, then its ``result``. 404
    ``request_not_found``.

    Roles: service:enrollment, bureau.

    Args:
        ref (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationRecheckOut]
    """

    kwargs = _get_kwargs(
        ref=ref,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    ref: str,
    *,
    client: AuthenticatedClient,
) -> Problem | VerificationRecheckOut | None:
    """Read Recheck

     **复核 (re-check for an appeal) — BRIEF §4 step 6**

    A re-check as it stands: ``open`` until the department answers, then its ``result``. 404
    ``request_not_found``.

    Roles: service:enrollment, bureau.

    Args:
        ref (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationRecheckOut
    """

    return (
        await asyncio_detailed(
            ref=ref,
            client=client,
        )
    ).parsed
