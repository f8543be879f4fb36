from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollment_application_counts_response_application_counts import (
    EnrollmentApplicationCountsResponseApplicationCounts,
)
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    season: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/enrollment/reports/applications/{season}".format(
            season=quote(str(season), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnrollmentApplicationCountsResponseApplicationCounts | Problem | None:
    if response.status_code == 200:
        response_200 = EnrollmentApplicationCountsResponseApplicationCounts.from_dict(
            response.json()
        )

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
) -> Response[EnrollmentApplicationCountsResponseApplicationCounts | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    season: int,
    *,
    client: AuthenticatedClient,
) -> Response[EnrollmentApplicationCountsResponseApplicationCounts | Problem]:
    """Application Counts

     **公办学校就读比例 (public-school share) and 录取名册 — BRIEF §1 plan 二(一): the 95 % target**

    ``{season, grades: [{grade, submitted, withdrawn}]}`` for grades 1 and 7 (zeros when none): the
    applications
    of the season by state (申请状态). One grouped query.

    Roles: bureau.

    Args:
        season (int): the season (year)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentApplicationCountsResponseApplicationCounts | Problem]
    """

    kwargs = _get_kwargs(
        season=season,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    season: int,
    *,
    client: AuthenticatedClient,
) -> EnrollmentApplicationCountsResponseApplicationCounts | Problem | None:
    """Application Counts

     **公办学校就读比例 (public-school share) and 录取名册 — BRIEF §1 plan 二(一): the 95 % target**

    ``{season, grades: [{grade, submitted, withdrawn}]}`` for grades 1 and 7 (zeros when none): the
    applications
    of the season by state (申请状态). One grouped query.

    Roles: bureau.

    Args:
        season (int): the season (year)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentApplicationCountsResponseApplicationCounts | Problem
    """

    return sync_detailed(
        season=season,
        client=client,
    ).parsed


async def asyncio_detailed(
    season: int,
    *,
    client: AuthenticatedClient,
) -> Response[EnrollmentApplicationCountsResponseApplicationCounts | Problem]:
    """Application Counts

     **公办学校就读比例 (public-school share) and 录取名册 — BRIEF §1 plan 二(一): the 95 % target**

    ``{season, grades: [{grade, submitted, withdrawn}]}`` for grades 1 and 7 (zeros when none): the
    applications
    of the season by state (申请状态). One grouped query.

    Roles: bureau.

    Args:
        season (int): the season (year)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentApplicationCountsResponseApplicationCounts | Problem]
    """

    kwargs = _get_kwargs(
        season=season,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    season: int,
    *,
    client: AuthenticatedClient,
) -> EnrollmentApplicationCountsResponseApplicationCounts | Problem | None:
    """Application Counts

     **公办学校就读比例 (public-school share) and 录取名册 — BRIEF §1 plan 二(一): the 95 % target**

    ``{season, grades: [{grade, submitted, withdrawn}]}`` for grades 1 and 7 (zeros when none): the
    applications
    of the season by state (申请状态). One grouped query.

    Roles: bureau.

    Args:
        season (int): the season (year)

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentApplicationCountsResponseApplicationCounts | Problem
    """

    return (
        await asyncio_detailed(
            season=season,
            client=client,
        )
    ).parsed
