from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_budget_put import FundingBudgetPut
from ...models.funding_budget_read import FundingBudgetRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    year: int,
    *,
    body: FundingBudgetPut,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/funding/budget/{year}".format(
            year=quote(str(year), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingBudgetRead | Problem | None:
    if response.status_code == 200:
        response_200 = FundingBudgetRead.from_dict(response.json())

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
) -> Response[FundingBudgetRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    year: int,
    *,
    client: AuthenticatedClient,
    body: FundingBudgetPut,
) -> Response[FundingBudgetRead | Problem]:
    """Put Budget

     **预算 (appropriation vs settled) — BRIEF §8, plan 三(四): fully paid by district finance**

    Finance sets the year's appropriation ``{appropriation}`` (yuan) → the budget view (as ``GET
    /budget/{year}``
    answers it, :mod:`funding.router_reports`).

    Roles: finance.

    Args:
        year (int):
        body (FundingBudgetPut):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingBudgetRead | Problem]
    """

    kwargs = _get_kwargs(
        year=year,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    year: int,
    *,
    client: AuthenticatedClient,
    body: FundingBudgetPut,
) -> FundingBudgetRead | Problem | None:
    """Put Budget

     **预算 (appropriation vs settled) — BRIEF §8, plan 三(四): fully paid by district finance**

    Finance sets the year's appropriation ``{appropriation}`` (yuan) → the budget view (as ``GET
    /budget/{year}``
    answers it, :mod:`funding.router_reports`).

    Roles: finance.

    Args:
        year (int):
        body (FundingBudgetPut):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingBudgetRead | Problem
    """

    return sync_detailed(
        year=year,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    year: int,
    *,
    client: AuthenticatedClient,
    body: FundingBudgetPut,
) -> Response[FundingBudgetRead | Problem]:
    """Put Budget

     **预算 (appropriation vs settled) — BRIEF §8, plan 三(四): fully paid by district finance**

    Finance sets the year's appropriation ``{appropriation}`` (yuan) → the budget view (as ``GET
    /budget/{year}``
    answers it, :mod:`funding.router_reports`).

    Roles: finance.

    Args:
        year (int):
        body (FundingBudgetPut):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingBudgetRead | Problem]
    """

    kwargs = _get_kwargs(
        year=year,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    year: int,
    *,
    client: AuthenticatedClient,
    body: FundingBudgetPut,
) -> FundingBudgetRead | Problem | None:
    """Put Budget

     **预算 (appropriation vs settled) — BRIEF §8, plan 三(四): fully paid by district finance**

    Finance sets the year's appropriation ``{appropriation}`` (yuan) → the budget view (as ``GET
    /budget/{year}``
    answers it, :mod:`funding.router_reports`).

    Roles: finance.

    Args:
        year (int):
        body (FundingBudgetPut):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingBudgetRead | Problem
    """

    return (
        await asyncio_detailed(
            year=year,
            client=client,
            body=body,
        )
    ).parsed
