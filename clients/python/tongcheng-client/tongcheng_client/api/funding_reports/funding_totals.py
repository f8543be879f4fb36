from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_totals import FundingTotals
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    semester: None | str | Unset = UNSET,
    school_code: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_semester: None | str | Unset
    if isinstance(semester, Unset):
        json_semester = UNSET
    else:
        json_semester = semester
    params["semester"] = json_semester

    json_school_code: None | str | Unset
    if isinstance(school_code, Unset):
        json_school_code = UNSET
    else:
        json_school_code = school_code
    params["school_code"] = json_school_code

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/funding/reports/totals",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingTotals | Problem | None:
    if response.status_code == 200:
        response_200 = FundingTotals.from_dict(response.json())

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
) -> Response[FundingTotals | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    semester: None | str | Unset = UNSET,
    school_code: None | str | Unset = UNSET,
) -> Response[FundingTotals | Problem]:
    """Totals

     **审计报表 (auditor's reports) — BRIEF §2, §8**

    Totals by school and semester (each settlement: total, adjustments, paid, due) and by semester.

    Roles: auditor, finance, bureau.

    Args:
        semester (None | str | Unset):
        school_code (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingTotals | Problem]
    """

    kwargs = _get_kwargs(
        semester=semester,
        school_code=school_code,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    semester: None | str | Unset = UNSET,
    school_code: None | str | Unset = UNSET,
) -> FundingTotals | Problem | None:
    """Totals

     **审计报表 (auditor's reports) — BRIEF §2, §8**

    Totals by school and semester (each settlement: total, adjustments, paid, due) and by semester.

    Roles: auditor, finance, bureau.

    Args:
        semester (None | str | Unset):
        school_code (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingTotals | Problem
    """

    return sync_detailed(
        client=client,
        semester=semester,
        school_code=school_code,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    semester: None | str | Unset = UNSET,
    school_code: None | str | Unset = UNSET,
) -> Response[FundingTotals | Problem]:
    """Totals

     **审计报表 (auditor's reports) — BRIEF §2, §8**

    Totals by school and semester (each settlement: total, adjustments, paid, due) and by semester.

    Roles: auditor, finance, bureau.

    Args:
        semester (None | str | Unset):
        school_code (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingTotals | Problem]
    """

    kwargs = _get_kwargs(
        semester=semester,
        school_code=school_code,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    semester: None | str | Unset = UNSET,
    school_code: None | str | Unset = UNSET,
) -> FundingTotals | Problem | None:
    """Totals

     **审计报表 (auditor's reports) — BRIEF §2, §8**

    Totals by school and semester (each settlement: total, adjustments, paid, due) and by semester.

    Roles: auditor, finance, bureau.

    Args:
        semester (None | str | Unset):
        school_code (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingTotals | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            semester=semester,
            school_code=school_code,
        )
    ).parsed
