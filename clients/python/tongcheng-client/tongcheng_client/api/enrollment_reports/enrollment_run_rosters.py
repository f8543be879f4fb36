from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollment_run_rosters_format import EnrollmentRunRostersFormat
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    run_id: int,
    *,
    format_: EnrollmentRunRostersFormat | Unset = EnrollmentRunRostersFormat.XLSX,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/enrollment/reports/runs/{run_id}/rosters".format(
            run_id=quote(str(run_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
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
    format_: EnrollmentRunRostersFormat | Unset = EnrollmentRunRostersFormat.XLSX,
) -> Response[Any | Problem]:
    """Run Rosters

     **公办学校就读比例 (public-school share) and 录取名册 — BRIEF §1 plan 二(一): the 95 % target**

    A run's placements as rosters (录取名册): ``xlsx`` — 汇总 (per school: name beside code, kind, township,
    placed, by round), one sheet per school (``<code> <name>``: application number, child's name, ID
    number masked,
    birth date, township, first guardian's name and phone masked, round, purchased seat, tier, choice
    rank, family
    score), 未录取 (those not placed, with the reason); ``csv`` — the whole run as one table (school
    columns empty
    for the waiting). Chinese headers over the field names, frozen. 404 ``run_not_found``. Recorded in
    the access
    log (endpoint names the run).

    Roles: bureau, auditor.

    Args:
        run_id (int):
        format_ (EnrollmentRunRostersFormat | Unset): xlsx (default) or csv Default:
            EnrollmentRunRostersFormat.XLSX.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        run_id=run_id,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    run_id: int,
    *,
    client: AuthenticatedClient,
    format_: EnrollmentRunRostersFormat | Unset = EnrollmentRunRostersFormat.XLSX,
) -> Any | Problem | None:
    """Run Rosters

     **公办学校就读比例 (public-school share) and 录取名册 — BRIEF §1 plan 二(一): the 95 % target**

    A run's placements as rosters (录取名册): ``xlsx`` — 汇总 (per school: name beside code, kind, township,
    placed, by round), one sheet per school (``<code> <name>``: application number, child's name, ID
    number masked,
    birth date, township, first guardian's name and phone masked, round, purchased seat, tier, choice
    rank, family
    score), 未录取 (those not placed, with the reason); ``csv`` — the whole run as one table (school
    columns empty
    for the waiting). Chinese headers over the field names, frozen. 404 ``run_not_found``. Recorded in
    the access
    log (endpoint names the run).

    Roles: bureau, auditor.

    Args:
        run_id (int):
        format_ (EnrollmentRunRostersFormat | Unset): xlsx (default) or csv Default:
            EnrollmentRunRostersFormat.XLSX.

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
    ).parsed


async def asyncio_detailed(
    run_id: int,
    *,
    client: AuthenticatedClient,
    format_: EnrollmentRunRostersFormat | Unset = EnrollmentRunRostersFormat.XLSX,
) -> Response[Any | Problem]:
    """Run Rosters

     **公办学校就读比例 (public-school share) and 录取名册 — BRIEF §1 plan 二(一): the 95 % target**

    A run's placements as rosters (录取名册): ``xlsx`` — 汇总 (per school: name beside code, kind, township,
    placed, by round), one sheet per school (``<code> <name>``: application number, child's name, ID
    number masked,
    birth date, township, first guardian's name and phone masked, round, purchased seat, tier, choice
    rank, family
    score), 未录取 (those not placed, with the reason); ``csv`` — the whole run as one table (school
    columns empty
    for the waiting). Chinese headers over the field names, frozen. 404 ``run_not_found``. Recorded in
    the access
    log (endpoint names the run).

    Roles: bureau, auditor.

    Args:
        run_id (int):
        format_ (EnrollmentRunRostersFormat | Unset): xlsx (default) or csv Default:
            EnrollmentRunRostersFormat.XLSX.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        run_id=run_id,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    run_id: int,
    *,
    client: AuthenticatedClient,
    format_: EnrollmentRunRostersFormat | Unset = EnrollmentRunRostersFormat.XLSX,
) -> Any | Problem | None:
    """Run Rosters

     **公办学校就读比例 (public-school share) and 录取名册 — BRIEF §1 plan 二(一): the 95 % target**

    A run's placements as rosters (录取名册): ``xlsx`` — 汇总 (per school: name beside code, kind, township,
    placed, by round), one sheet per school (``<code> <name>``: application number, child's name, ID
    number masked,
    birth date, township, first guardian's name and phone masked, round, purchased seat, tier, choice
    rank, family
    score), 未录取 (those not placed, with the reason); ``csv`` — the whole run as one table (school
    columns empty
    for the waiting). Chinese headers over the field names, frozen. 404 ``run_not_found``. Recorded in
    the access
    log (endpoint names the run).

    Roles: bureau, auditor.

    Args:
        run_id (int):
        format_ (EnrollmentRunRostersFormat | Unset): xlsx (default) or csv Default:
            EnrollmentRunRostersFormat.XLSX.

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
        )
    ).parsed
