from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollment_school_out import EnrollmentSchoolOut
from ...models.enrollment_school_update import EnrollmentSchoolUpdate
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    code: str,
    *,
    body: EnrollmentSchoolUpdate,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/enrollment/schools/{code}".format(
            code=quote(str(code), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnrollmentSchoolOut | Problem | None:
    if response.status_code == 200:
        response_200 = EnrollmentSchoolOut.from_dict(response.json())

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
) -> Response[EnrollmentSchoolOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    body: EnrollmentSchoolUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[EnrollmentSchoolOut | Problem]:
    """Replace School

     **学校、随迁子女学位、招生计划 (schools, migrant seats, plans) — BRIEF §6, §7, plan 三(二), 三(五)**

    Replace a school's fields; honours ``If-Match`` (412 when stale). ``kind`` and ``level`` stay. The
    row is
    read locked, so of writers racing with one ETag exactly one wins and the others get 412 (no lost
    update).

    Roles: bureau.

    Args:
        code (str):
        if_match (None | str | Unset): the ETag of the version this write replaces ("v<N>"); stale
            → 412 precondition_failed
        body (EnrollmentSchoolUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentSchoolOut | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    *,
    client: AuthenticatedClient,
    body: EnrollmentSchoolUpdate,
    if_match: None | str | Unset = UNSET,
) -> EnrollmentSchoolOut | Problem | None:
    """Replace School

     **学校、随迁子女学位、招生计划 (schools, migrant seats, plans) — BRIEF §6, §7, plan 三(二), 三(五)**

    Replace a school's fields; honours ``If-Match`` (412 when stale). ``kind`` and ``level`` stay. The
    row is
    read locked, so of writers racing with one ETag exactly one wins and the others get 412 (no lost
    update).

    Roles: bureau.

    Args:
        code (str):
        if_match (None | str | Unset): the ETag of the version this write replaces ("v<N>"); stale
            → 412 precondition_failed
        body (EnrollmentSchoolUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentSchoolOut | Problem
    """

    return sync_detailed(
        code=code,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    body: EnrollmentSchoolUpdate,
    if_match: None | str | Unset = UNSET,
) -> Response[EnrollmentSchoolOut | Problem]:
    """Replace School

     **学校、随迁子女学位、招生计划 (schools, migrant seats, plans) — BRIEF §6, §7, plan 三(二), 三(五)**

    Replace a school's fields; honours ``If-Match`` (412 when stale). ``kind`` and ``level`` stay. The
    row is
    read locked, so of writers racing with one ETag exactly one wins and the others get 412 (no lost
    update).

    Roles: bureau.

    Args:
        code (str):
        if_match (None | str | Unset): the ETag of the version this write replaces ("v<N>"); stale
            → 412 precondition_failed
        body (EnrollmentSchoolUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentSchoolOut | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient,
    body: EnrollmentSchoolUpdate,
    if_match: None | str | Unset = UNSET,
) -> EnrollmentSchoolOut | Problem | None:
    """Replace School

     **学校、随迁子女学位、招生计划 (schools, migrant seats, plans) — BRIEF §6, §7, plan 三(二), 三(五)**

    Replace a school's fields; honours ``If-Match`` (412 when stale). ``kind`` and ``level`` stay. The
    row is
    read locked, so of writers racing with one ETag exactly one wins and the others get 412 (no lost
    update).

    Roles: bureau.

    Args:
        code (str):
        if_match (None | str | Unset): the ETag of the version this write replaces ("v<N>"); stale
            → 412 precondition_failed
        body (EnrollmentSchoolUpdate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentSchoolOut | Problem
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
