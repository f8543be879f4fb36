from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollment_season_report_format import EnrollmentSeasonReportFormat
from ...models.enrollment_season_report_view import EnrollmentSeasonReportView
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    season: int,
    *,
    format_: EnrollmentSeasonReportFormat | Unset = EnrollmentSeasonReportFormat.JSON,
    view: EnrollmentSeasonReportView | Unset = EnrollmentSeasonReportView.SUMMARY,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_view: str | Unset = UNSET
    if not isinstance(view, Unset):
        json_view = view.value

    params["view"] = json_view

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/enrollment/reports/seasons/{season}".format(
            season=quote(str(season), safe=""),
        ),
        "params": params,
    }

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
    season: int,
    *,
    client: AuthenticatedClient,
    format_: EnrollmentSeasonReportFormat | Unset = EnrollmentSeasonReportFormat.JSON,
    view: EnrollmentSeasonReportView | Unset = EnrollmentSeasonReportView.SUMMARY,
) -> Response[Any | Problem]:
    """Season Report

     **公办学校就读比例 (public-school share) and 录取名册 — BRIEF §1 plan 二(一): the 95 % target**

    Per season: per grade (final runs, else the latest run, marked provisional) and in total; townships
    and
    schools per grade. ``format=csv`` gives one ``view`` as text/csv (a Chinese header row, then the
    field names),
    ``format=xlsx`` the whole report as a workbook.

    Roles: bureau.

    Args:
        season (int):
        format_ (EnrollmentSeasonReportFormat | Unset):  Default:
            EnrollmentSeasonReportFormat.JSON.
        view (EnrollmentSeasonReportView | Unset):  Default: EnrollmentSeasonReportView.SUMMARY.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        season=season,
        format_=format_,
        view=view,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    season: int,
    *,
    client: AuthenticatedClient,
    format_: EnrollmentSeasonReportFormat | Unset = EnrollmentSeasonReportFormat.JSON,
    view: EnrollmentSeasonReportView | Unset = EnrollmentSeasonReportView.SUMMARY,
) -> Any | Problem | None:
    """Season Report

     **公办学校就读比例 (public-school share) and 录取名册 — BRIEF §1 plan 二(一): the 95 % target**

    Per season: per grade (final runs, else the latest run, marked provisional) and in total; townships
    and
    schools per grade. ``format=csv`` gives one ``view`` as text/csv (a Chinese header row, then the
    field names),
    ``format=xlsx`` the whole report as a workbook.

    Roles: bureau.

    Args:
        season (int):
        format_ (EnrollmentSeasonReportFormat | Unset):  Default:
            EnrollmentSeasonReportFormat.JSON.
        view (EnrollmentSeasonReportView | Unset):  Default: EnrollmentSeasonReportView.SUMMARY.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        season=season,
        client=client,
        format_=format_,
        view=view,
    ).parsed


async def asyncio_detailed(
    season: int,
    *,
    client: AuthenticatedClient,
    format_: EnrollmentSeasonReportFormat | Unset = EnrollmentSeasonReportFormat.JSON,
    view: EnrollmentSeasonReportView | Unset = EnrollmentSeasonReportView.SUMMARY,
) -> Response[Any | Problem]:
    """Season Report

     **公办学校就读比例 (public-school share) and 录取名册 — BRIEF §1 plan 二(一): the 95 % target**

    Per season: per grade (final runs, else the latest run, marked provisional) and in total; townships
    and
    schools per grade. ``format=csv`` gives one ``view`` as text/csv (a Chinese header row, then the
    field names),
    ``format=xlsx`` the whole report as a workbook.

    Roles: bureau.

    Args:
        season (int):
        format_ (EnrollmentSeasonReportFormat | Unset):  Default:
            EnrollmentSeasonReportFormat.JSON.
        view (EnrollmentSeasonReportView | Unset):  Default: EnrollmentSeasonReportView.SUMMARY.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        season=season,
        format_=format_,
        view=view,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    season: int,
    *,
    client: AuthenticatedClient,
    format_: EnrollmentSeasonReportFormat | Unset = EnrollmentSeasonReportFormat.JSON,
    view: EnrollmentSeasonReportView | Unset = EnrollmentSeasonReportView.SUMMARY,
) -> Any | Problem | None:
    """Season Report

     **公办学校就读比例 (public-school share) and 录取名册 — BRIEF §1 plan 二(一): the 95 % target**

    Per season: per grade (final runs, else the latest run, marked provisional) and in total; townships
    and
    schools per grade. ``format=csv`` gives one ``view`` as text/csv (a Chinese header row, then the
    field names),
    ``format=xlsx`` the whole report as a workbook.

    Roles: bureau.

    Args:
        season (int):
        format_ (EnrollmentSeasonReportFormat | Unset):  Default:
            EnrollmentSeasonReportFormat.JSON.
        view (EnrollmentSeasonReportView | Unset):  Default: EnrollmentSeasonReportView.SUMMARY.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            season=season,
            client=client,
            format_=format_,
            view=view,
        )
    ).parsed
