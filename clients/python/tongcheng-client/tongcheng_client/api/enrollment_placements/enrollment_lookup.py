from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollment_placement_lookup_out import EnrollmentPlacementLookupOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    application_no: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/enrollment/placements/{application_no}".format(
            application_no=quote(str(application_no), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnrollmentPlacementLookupOut | Problem | None:
    if response.status_code == 200:
        response_200 = EnrollmentPlacementLookupOut.from_dict(response.json())

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
) -> Response[EnrollmentPlacementLookupOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    application_no: str,
    *,
    client: AuthenticatedClient,
) -> Response[EnrollmentPlacementLookupOut | Problem]:
    """Lookup

     **录取结果 (placement) — BRIEF §6, plan 二(四)**

    Where the child goes in the latest published or final run (404 ``not_published`` before any).

    Roles: bureau, platform.

    Args:
        application_no (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentPlacementLookupOut | Problem]
    """

    kwargs = _get_kwargs(
        application_no=application_no,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    application_no: str,
    *,
    client: AuthenticatedClient,
) -> EnrollmentPlacementLookupOut | Problem | None:
    """Lookup

     **录取结果 (placement) — BRIEF §6, plan 二(四)**

    Where the child goes in the latest published or final run (404 ``not_published`` before any).

    Roles: bureau, platform.

    Args:
        application_no (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentPlacementLookupOut | Problem
    """

    return sync_detailed(
        application_no=application_no,
        client=client,
    ).parsed


async def asyncio_detailed(
    application_no: str,
    *,
    client: AuthenticatedClient,
) -> Response[EnrollmentPlacementLookupOut | Problem]:
    """Lookup

     **录取结果 (placement) — BRIEF §6, plan 二(四)**

    Where the child goes in the latest published or final run (404 ``not_published`` before any).

    Roles: bureau, platform.

    Args:
        application_no (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentPlacementLookupOut | Problem]
    """

    kwargs = _get_kwargs(
        application_no=application_no,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    application_no: str,
    *,
    client: AuthenticatedClient,
) -> EnrollmentPlacementLookupOut | Problem | None:
    """Lookup

     **录取结果 (placement) — BRIEF §6, plan 二(四)**

    Where the child goes in the latest published or final run (404 ``not_published`` before any).

    Roles: bureau, platform.

    Args:
        application_no (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentPlacementLookupOut | Problem
    """

    return (
        await asyncio_detailed(
            application_no=application_no,
            client=client,
        )
    ).parsed
