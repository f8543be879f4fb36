from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_semester_read import FundingSemesterRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    code: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/funding/semesters/{code}".format(
            code=quote(str(code), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingSemesterRead | Problem | None:
    if response.status_code == 200:
        response_200 = FundingSemesterRead.from_dict(response.json())

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
) -> Response[FundingSemesterRead | Problem]:
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
) -> Response[FundingSemesterRead | Problem]:
    """Read Semester

     **学期 (semester) — BRIEF §8, plan 三(四)**

    One semester (学期) → Semester ``{code, name, starts_on, ends_on, days, created_by, created_at}``; 404
    ``semester_not_found``. Enrollment's planning what-if asks it before costing purchased seats at its
    tariffs.

    Roles: bureau, finance, auditor, service:enrollment.

    Args:
        code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingSemesterRead | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    *,
    client: AuthenticatedClient,
) -> FundingSemesterRead | Problem | None:
    """Read Semester

     **学期 (semester) — BRIEF §8, plan 三(四)**

    One semester (学期) → Semester ``{code, name, starts_on, ends_on, days, created_by, created_at}``; 404
    ``semester_not_found``. Enrollment's planning what-if asks it before costing purchased seats at its
    tariffs.

    Roles: bureau, finance, auditor, service:enrollment.

    Args:
        code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingSemesterRead | Problem
    """

    return sync_detailed(
        code=code,
        client=client,
    ).parsed


async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
) -> Response[FundingSemesterRead | Problem]:
    """Read Semester

     **学期 (semester) — BRIEF §8, plan 三(四)**

    One semester (学期) → Semester ``{code, name, starts_on, ends_on, days, created_by, created_at}``; 404
    ``semester_not_found``. Enrollment's planning what-if asks it before costing purchased seats at its
    tariffs.

    Roles: bureau, finance, auditor, service:enrollment.

    Args:
        code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingSemesterRead | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient,
) -> FundingSemesterRead | Problem | None:
    """Read Semester

     **学期 (semester) — BRIEF §8, plan 三(四)**

    One semester (学期) → Semester ``{code, name, starts_on, ends_on, days, created_by, created_at}``; 404
    ``semester_not_found``. Enrollment's planning what-if asks it before costing purchased seats at its
    tariffs.

    Roles: bureau, finance, auditor, service:enrollment.

    Args:
        code (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingSemesterRead | Problem
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
        )
    ).parsed
