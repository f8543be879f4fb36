from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_tariff_put import FundingTariffPut
from ...models.funding_tariff_read import FundingTariffRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    school_code: str,
    semester: str,
    *,
    body: FundingTariffPut,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/funding/tariffs/{school_code}/{semester}".format(
            school_code=quote(str(school_code), safe=""),
            semester=quote(str(semester), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingTariffRead | Problem | None:
    if response.status_code == 200:
        response_200 = FundingTariffRead.from_dict(response.json())

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
) -> Response[FundingTariffRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    school_code: str,
    semester: str,
    *,
    client: AuthenticatedClient,
    body: FundingTariffPut,
    if_match: None | str | Unset = UNSET,
) -> Response[FundingTariffRead | Problem]:
    """Put Tariff

     **购买学位标准 (tariff) — BRIEF §8, plan 三(四)**

    Decide a school's 购买学位标准 for a semester (yuan per pupil): ``{operating_cost_per_pupil, original_fee,
    standard?, note?}``; suggestion = the lower of the two inputs and is the standard when none is
    given. Each PUT
    is a new version (ETag ``"v<N>"``, If-Match honoured). 409 ``semester_settled`` once that school's
    settlement
    is approved (before If-Match is looked at); 404 ``semester_not_found``.

    Roles: bureau.

    Args:
        school_code (str):
        semester (str):
        if_match (None | str | Unset): the ETag of the version this write replaces ("v<N>"); stale
            → 412 precondition_failed
        body (FundingTariffPut): 购买学位标准 inputs (yuan per pupil per semester). ``standard`` omitted
            → the suggestion, i.e. the lower of
            operating cost and original fee.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingTariffRead | Problem]
    """

    kwargs = _get_kwargs(
        school_code=school_code,
        semester=semester,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    school_code: str,
    semester: str,
    *,
    client: AuthenticatedClient,
    body: FundingTariffPut,
    if_match: None | str | Unset = UNSET,
) -> FundingTariffRead | Problem | None:
    """Put Tariff

     **购买学位标准 (tariff) — BRIEF §8, plan 三(四)**

    Decide a school's 购买学位标准 for a semester (yuan per pupil): ``{operating_cost_per_pupil, original_fee,
    standard?, note?}``; suggestion = the lower of the two inputs and is the standard when none is
    given. Each PUT
    is a new version (ETag ``"v<N>"``, If-Match honoured). 409 ``semester_settled`` once that school's
    settlement
    is approved (before If-Match is looked at); 404 ``semester_not_found``.

    Roles: bureau.

    Args:
        school_code (str):
        semester (str):
        if_match (None | str | Unset): the ETag of the version this write replaces ("v<N>"); stale
            → 412 precondition_failed
        body (FundingTariffPut): 购买学位标准 inputs (yuan per pupil per semester). ``standard`` omitted
            → the suggestion, i.e. the lower of
            operating cost and original fee.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingTariffRead | Problem
    """

    return sync_detailed(
        school_code=school_code,
        semester=semester,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    school_code: str,
    semester: str,
    *,
    client: AuthenticatedClient,
    body: FundingTariffPut,
    if_match: None | str | Unset = UNSET,
) -> Response[FundingTariffRead | Problem]:
    """Put Tariff

     **购买学位标准 (tariff) — BRIEF §8, plan 三(四)**

    Decide a school's 购买学位标准 for a semester (yuan per pupil): ``{operating_cost_per_pupil, original_fee,
    standard?, note?}``; suggestion = the lower of the two inputs and is the standard when none is
    given. Each PUT
    is a new version (ETag ``"v<N>"``, If-Match honoured). 409 ``semester_settled`` once that school's
    settlement
    is approved (before If-Match is looked at); 404 ``semester_not_found``.

    Roles: bureau.

    Args:
        school_code (str):
        semester (str):
        if_match (None | str | Unset): the ETag of the version this write replaces ("v<N>"); stale
            → 412 precondition_failed
        body (FundingTariffPut): 购买学位标准 inputs (yuan per pupil per semester). ``standard`` omitted
            → the suggestion, i.e. the lower of
            operating cost and original fee.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingTariffRead | Problem]
    """

    kwargs = _get_kwargs(
        school_code=school_code,
        semester=semester,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    school_code: str,
    semester: str,
    *,
    client: AuthenticatedClient,
    body: FundingTariffPut,
    if_match: None | str | Unset = UNSET,
) -> FundingTariffRead | Problem | None:
    """Put Tariff

     **购买学位标准 (tariff) — BRIEF §8, plan 三(四)**

    Decide a school's 购买学位标准 for a semester (yuan per pupil): ``{operating_cost_per_pupil, original_fee,
    standard?, note?}``; suggestion = the lower of the two inputs and is the standard when none is
    given. Each PUT
    is a new version (ETag ``"v<N>"``, If-Match honoured). 409 ``semester_settled`` once that school's
    settlement
    is approved (before If-Match is looked at); 404 ``semester_not_found``.

    Roles: bureau.

    Args:
        school_code (str):
        semester (str):
        if_match (None | str | Unset): the ETag of the version this write replaces ("v<N>"); stale
            → 412 precondition_failed
        body (FundingTariffPut): 购买学位标准 inputs (yuan per pupil per semester). ``standard`` omitted
            → the suggestion, i.e. the lower of
            operating cost and original fee.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingTariffRead | Problem
    """

    return (
        await asyncio_detailed(
            school_code=school_code,
            semester=semester,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
