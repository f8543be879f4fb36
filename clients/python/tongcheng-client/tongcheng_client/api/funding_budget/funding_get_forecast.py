from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_forecast_read import FundingForecastRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    year: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/funding/forecast/{year}".format(
            year=quote(str(year), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingForecastRead | Problem | None:
    if response.status_code == 200:
        response_200 = FundingForecastRead.from_dict(response.json())

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
) -> Response[FundingForecastRead | Problem]:
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
) -> Response[FundingForecastRead | Problem]:
    """Get Forecast

     **经费预测 (funding forecast) — BRIEF §8, plan 三(四)**

    Finance plans (BRIEF §8): school year ``year`` (``<year>-autumn`` and ``<year+1>-spring``) projected
    from the
    seats held now — per semester and school the continuing seats (grades advanced, those past the top
    grade
    gone, ``completing`` the ones in their last semester), the new intake from the season's private
    placements,
    the tariff (``decided``, or the school's latest ``carried`` forward) and seats × tariff — with the
    total against
    each budget year it touches (``remaining`` = appropriation − settled − forecast). Yuan strings,
    exact to the
    fen (integer fen inside, never a float).

    Roles: auditor, finance, bureau.

    Args:
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingForecastRead | Problem]
    """

    kwargs = _get_kwargs(
        year=year,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    year: int,
    *,
    client: AuthenticatedClient,
) -> FundingForecastRead | Problem | None:
    """Get Forecast

     **经费预测 (funding forecast) — BRIEF §8, plan 三(四)**

    Finance plans (BRIEF §8): school year ``year`` (``<year>-autumn`` and ``<year+1>-spring``) projected
    from the
    seats held now — per semester and school the continuing seats (grades advanced, those past the top
    grade
    gone, ``completing`` the ones in their last semester), the new intake from the season's private
    placements,
    the tariff (``decided``, or the school's latest ``carried`` forward) and seats × tariff — with the
    total against
    each budget year it touches (``remaining`` = appropriation − settled − forecast). Yuan strings,
    exact to the
    fen (integer fen inside, never a float).

    Roles: auditor, finance, bureau.

    Args:
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingForecastRead | Problem
    """

    return sync_detailed(
        year=year,
        client=client,
    ).parsed


async def asyncio_detailed(
    year: int,
    *,
    client: AuthenticatedClient,
) -> Response[FundingForecastRead | Problem]:
    """Get Forecast

     **经费预测 (funding forecast) — BRIEF §8, plan 三(四)**

    Finance plans (BRIEF §8): school year ``year`` (``<year>-autumn`` and ``<year+1>-spring``) projected
    from the
    seats held now — per semester and school the continuing seats (grades advanced, those past the top
    grade
    gone, ``completing`` the ones in their last semester), the new intake from the season's private
    placements,
    the tariff (``decided``, or the school's latest ``carried`` forward) and seats × tariff — with the
    total against
    each budget year it touches (``remaining`` = appropriation − settled − forecast). Yuan strings,
    exact to the
    fen (integer fen inside, never a float).

    Roles: auditor, finance, bureau.

    Args:
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingForecastRead | Problem]
    """

    kwargs = _get_kwargs(
        year=year,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    year: int,
    *,
    client: AuthenticatedClient,
) -> FundingForecastRead | Problem | None:
    """Get Forecast

     **经费预测 (funding forecast) — BRIEF §8, plan 三(四)**

    Finance plans (BRIEF §8): school year ``year`` (``<year>-autumn`` and ``<year+1>-spring``) projected
    from the
    seats held now — per semester and school the continuing seats (grades advanced, those past the top
    grade
    gone, ``completing`` the ones in their last semester), the new intake from the season's private
    placements,
    the tariff (``decided``, or the school's latest ``carried`` forward) and seats × tariff — with the
    total against
    each budget year it touches (``remaining`` = appropriation − settled − forecast). Yuan strings,
    exact to the
    fen (integer fen inside, never a float).

    Roles: auditor, finance, bureau.

    Args:
        year (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingForecastRead | Problem
    """

    return (
        await asyncio_detailed(
            year=year,
            client=client,
        )
    ).parsed
