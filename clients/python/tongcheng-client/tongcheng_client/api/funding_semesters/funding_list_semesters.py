from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_list_semesters_response_list_semesters import (
    FundingListSemestersResponseListSemesters,
)
from ...models.problem import Problem
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/funding/semesters",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingListSemestersResponseListSemesters | Problem | None:
    if response.status_code == 200:
        response_200 = FundingListSemestersResponseListSemesters.from_dict(
            response.json()
        )

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
) -> Response[FundingListSemestersResponseListSemesters | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[FundingListSemestersResponseListSemesters | Problem]:
    """List Semesters

     **学期 (semester) — BRIEF §8, plan 三(四)**

    Every configured semester, by start date → ``{items: [Semester]}``.

    Roles: bureau, finance, auditor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingListSemestersResponseListSemesters | Problem]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> FundingListSemestersResponseListSemesters | Problem | None:
    """List Semesters

     **学期 (semester) — BRIEF §8, plan 三(四)**

    Every configured semester, by start date → ``{items: [Semester]}``.

    Roles: bureau, finance, auditor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingListSemestersResponseListSemesters | Problem
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[FundingListSemestersResponseListSemesters | Problem]:
    """List Semesters

     **学期 (semester) — BRIEF §8, plan 三(四)**

    Every configured semester, by start date → ``{items: [Semester]}``.

    Roles: bureau, finance, auditor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingListSemestersResponseListSemesters | Problem]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> FundingListSemestersResponseListSemesters | Problem | None:
    """List Semesters

     **学期 (semester) — BRIEF §8, plan 三(四)**

    Every configured semester, by start date → ``{items: [Semester]}``.

    Roles: bureau, finance, auditor.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingListSemestersResponseListSemesters | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
