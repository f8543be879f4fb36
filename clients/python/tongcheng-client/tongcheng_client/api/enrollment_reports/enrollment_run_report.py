from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollment_run_report_format import EnrollmentRunReportFormat
from ...models.enrollment_run_report_view import EnrollmentRunReportView
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    run_id: int,
    *,
    format_: EnrollmentRunReportFormat | Unset = EnrollmentRunReportFormat.JSON,
    view: EnrollmentRunReportView | Unset = EnrollmentRunReportView.SUMMARY,
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
        "url": "/api/enrollment/reports/runs/{run_id}".format(
            run_id=quote(str(run_id), safe=""),
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
    run_id: int,
    *,
    client: AuthenticatedClient,
    format_: EnrollmentRunReportFormat | Unset = EnrollmentRunReportFormat.JSON,
    view: EnrollmentRunReportView | Unset = EnrollmentRunReportView.SUMMARY,
) -> Response[Any | Problem]:
    """Run Report

     **公办学校就读比例 (public-school share) and 录取名册 — BRIEF §1 plan 二(一): the 95 % target**

    Per run: applicants, eligible, placed in public, placed by purchase, waitlisted; the public share of
    placed
        eligible children vs the target (95 %); by township demand vs public seats; by school seats,
    filled, cut-off;
        first choice / top 3 / none. ``format=csv`` gives one ``view`` (summary | townships | schools)
    as text/csv (a
    Chinese header row, then the field names), ``format=xlsx`` the three as a workbook (汇总, 乡镇, 学校).

    Roles: bureau.

    Args:
        run_id (int):
        format_ (EnrollmentRunReportFormat | Unset):  Default: EnrollmentRunReportFormat.JSON.
        view (EnrollmentRunReportView | Unset):  Default: EnrollmentRunReportView.SUMMARY.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        run_id=run_id,
        format_=format_,
        view=view,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    run_id: int,
    *,
    client: AuthenticatedClient,
    format_: EnrollmentRunReportFormat | Unset = EnrollmentRunReportFormat.JSON,
    view: EnrollmentRunReportView | Unset = EnrollmentRunReportView.SUMMARY,
) -> Any | Problem | None:
    """Run Report

     **公办学校就读比例 (public-school share) and 录取名册 — BRIEF §1 plan 二(一): the 95 % target**

    Per run: applicants, eligible, placed in public, placed by purchase, waitlisted; the public share of
    placed
        eligible children vs the target (95 %); by township demand vs public seats; by school seats,
    filled, cut-off;
        first choice / top 3 / none. ``format=csv`` gives one ``view`` (summary | townships | schools)
    as text/csv (a
    Chinese header row, then the field names), ``format=xlsx`` the three as a workbook (汇总, 乡镇, 学校).

    Roles: bureau.

    Args:
        run_id (int):
        format_ (EnrollmentRunReportFormat | Unset):  Default: EnrollmentRunReportFormat.JSON.
        view (EnrollmentRunReportView | Unset):  Default: EnrollmentRunReportView.SUMMARY.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        run_id=run_id,
        client=client,
        format_=format_,
        view=view,
    ).parsed


async def asyncio_detailed(
    run_id: int,
    *,
    client: AuthenticatedClient,
    format_: EnrollmentRunReportFormat | Unset = EnrollmentRunReportFormat.JSON,
    view: EnrollmentRunReportView | Unset = EnrollmentRunReportView.SUMMARY,
) -> Response[Any | Problem]:
    """Run Report

     **公办学校就读比例 (public-school share) and 录取名册 — BRIEF §1 plan 二(一): the 95 % target**

    Per run: applicants, eligible, placed in public, placed by purchase, waitlisted; the public share of
    placed
        eligible children vs the target (95 %); by township demand vs public seats; by school seats,
    filled, cut-off;
        first choice / top 3 / none. ``format=csv`` gives one ``view`` (summary | townships | schools)
    as text/csv (a
    Chinese header row, then the field names), ``format=xlsx`` the three as a workbook (汇总, 乡镇, 学校).

    Roles: bureau.

    Args:
        run_id (int):
        format_ (EnrollmentRunReportFormat | Unset):  Default: EnrollmentRunReportFormat.JSON.
        view (EnrollmentRunReportView | Unset):  Default: EnrollmentRunReportView.SUMMARY.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        run_id=run_id,
        format_=format_,
        view=view,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    run_id: int,
    *,
    client: AuthenticatedClient,
    format_: EnrollmentRunReportFormat | Unset = EnrollmentRunReportFormat.JSON,
    view: EnrollmentRunReportView | Unset = EnrollmentRunReportView.SUMMARY,
) -> Any | Problem | None:
    """Run Report

     **公办学校就读比例 (public-school share) and 录取名册 — BRIEF §1 plan 二(一): the 95 % target**

    Per run: applicants, eligible, placed in public, placed by purchase, waitlisted; the public share of
    placed
        eligible children vs the target (95 %); by township demand vs public seats; by school seats,
    filled, cut-off;
        first choice / top 3 / none. ``format=csv`` gives one ``view`` (summary | townships | schools)
    as text/csv (a
    Chinese header row, then the field names), ``format=xlsx`` the three as a workbook (汇总, 乡镇, 学校).

    Roles: bureau.

    Args:
        run_id (int):
        format_ (EnrollmentRunReportFormat | Unset):  Default: EnrollmentRunReportFormat.JSON.
        view (EnrollmentRunReportView | Unset):  Default: EnrollmentRunReportView.SUMMARY.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            run_id=run_id,
            client=client,
            format_=format_,
            view=view,
        )
    ).parsed
