from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_pupil_report import FundingPupilReport
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    application_no: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/funding/reports/pupils/{application_no}".format(
            application_no=quote(str(application_no), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingPupilReport | Problem | None:
    if response.status_code == 200:
        response_200 = FundingPupilReport.from_dict(response.json())

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
) -> Response[FundingPupilReport | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    application_no: str,
    *,
    client: AuthenticatedClient,
) -> Response[FundingPupilReport | Problem]:
    """Pupil Report

     **审计报表 (auditor's reports) — BRIEF §2, §8**

    One pupil (ID masked): their seats, each seat's roll status per semester (``rolls``: attends, left
    or
    awaiting, with the confirmation and its ledger entry) and every settlement line and adjustment for
    them; 404 when the
    application has no purchased seat. The pupil's personal data: the read is recorded in the access log
    (one
    INSERT in this transaction, the season taken as the year of the first seat's start; a 404 records
    nothing).

    Roles: auditor, finance, bureau.

    Args:
        application_no (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingPupilReport | Problem]
    """

    kwargs = _get_kwargs(
        application_no=application_no,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    application_no: str,
    *,
    client: AuthenticatedClient,
) -> FundingPupilReport | Problem | None:
    """Pupil Report

     **审计报表 (auditor's reports) — BRIEF §2, §8**

    One pupil (ID masked): their seats, each seat's roll status per semester (``rolls``: attends, left
    or
    awaiting, with the confirmation and its ledger entry) and every settlement line and adjustment for
    them; 404 when the
    application has no purchased seat. The pupil's personal data: the read is recorded in the access log
    (one
    INSERT in this transaction, the season taken as the year of the first seat's start; a 404 records
    nothing).

    Roles: auditor, finance, bureau.

    Args:
        application_no (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingPupilReport | Problem
    """

    return sync_detailed(
        application_no=application_no,
        client=client,
    ).parsed


async def asyncio_detailed(
    application_no: str,
    *,
    client: AuthenticatedClient,
) -> Response[FundingPupilReport | Problem]:
    """Pupil Report

     **审计报表 (auditor's reports) — BRIEF §2, §8**

    One pupil (ID masked): their seats, each seat's roll status per semester (``rolls``: attends, left
    or
    awaiting, with the confirmation and its ledger entry) and every settlement line and adjustment for
    them; 404 when the
    application has no purchased seat. The pupil's personal data: the read is recorded in the access log
    (one
    INSERT in this transaction, the season taken as the year of the first seat's start; a 404 records
    nothing).

    Roles: auditor, finance, bureau.

    Args:
        application_no (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingPupilReport | Problem]
    """

    kwargs = _get_kwargs(
        application_no=application_no,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    application_no: str,
    *,
    client: AuthenticatedClient,
) -> FundingPupilReport | Problem | None:
    """Pupil Report

     **审计报表 (auditor's reports) — BRIEF §2, §8**

    One pupil (ID masked): their seats, each seat's roll status per semester (``rolls``: attends, left
    or
    awaiting, with the confirmation and its ledger entry) and every settlement line and adjustment for
    them; 404 when the
    application has no purchased seat. The pupil's personal data: the read is recorded in the access log
    (one
    INSERT in this transaction, the season taken as the year of the first seat's start; a 404 records
    nothing).

    Roles: auditor, finance, bureau.

    Args:
        application_no (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingPupilReport | Problem
    """

    return (
        await asyncio_detailed(
            application_no=application_no,
            client=client,
        )
    ).parsed
