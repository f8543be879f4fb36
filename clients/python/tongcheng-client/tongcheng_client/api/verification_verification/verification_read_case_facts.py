from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.verification_case_facts import VerificationCaseFacts
from ...types import Response


def _get_kwargs(
    application_no: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/verification/facts/{application_no}".format(
            application_no=quote(str(application_no), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | VerificationCaseFacts | None:
    if response.status_code == 200:
        response_200 = VerificationCaseFacts.from_dict(response.json())

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
) -> Response[Problem | VerificationCaseFacts]:
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
) -> Response[Problem | VerificationCaseFacts]:
    """Read Case Facts

     **核验事实 (confirmed facts) — BRIEF §5: only confirmed facts count**

    CaseFacts of one application: current results per guardian and kind, pending kinds, ``seq``,
    ``digest``.
    No names or ID numbers, but the family's facts (birth date, residence, insurance): the read is
    recorded in the
    access log (one INSERT in this transaction). 404 ``case_not_found`` (nothing recorded).

    Roles: service:points, bureau.

    Args:
        application_no (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationCaseFacts]
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
) -> Problem | VerificationCaseFacts | None:
    """Read Case Facts

     **核验事实 (confirmed facts) — BRIEF §5: only confirmed facts count**

    CaseFacts of one application: current results per guardian and kind, pending kinds, ``seq``,
    ``digest``.
    No names or ID numbers, but the family's facts (birth date, residence, insurance): the read is
    recorded in the
    access log (one INSERT in this transaction). 404 ``case_not_found`` (nothing recorded).

    Roles: service:points, bureau.

    Args:
        application_no (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationCaseFacts
    """

    return sync_detailed(
        application_no=application_no,
        client=client,
    ).parsed


async def asyncio_detailed(
    application_no: str,
    *,
    client: AuthenticatedClient,
) -> Response[Problem | VerificationCaseFacts]:
    """Read Case Facts

     **核验事实 (confirmed facts) — BRIEF §5: only confirmed facts count**

    CaseFacts of one application: current results per guardian and kind, pending kinds, ``seq``,
    ``digest``.
    No names or ID numbers, but the family's facts (birth date, residence, insurance): the read is
    recorded in the
    access log (one INSERT in this transaction). 404 ``case_not_found`` (nothing recorded).

    Roles: service:points, bureau.

    Args:
        application_no (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationCaseFacts]
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
) -> Problem | VerificationCaseFacts | None:
    """Read Case Facts

     **核验事实 (confirmed facts) — BRIEF §5: only confirmed facts count**

    CaseFacts of one application: current results per guardian and kind, pending kinds, ``seq``,
    ``digest``.
    No names or ID numbers, but the family's facts (birth date, residence, insurance): the read is
    recorded in the
    access log (one INSERT in this transaction). 404 ``case_not_found`` (nothing recorded).

    Roles: service:points, bureau.

    Args:
        application_no (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationCaseFacts
    """

    return (
        await asyncio_detailed(
            application_no=application_no,
            client=client,
        )
    ).parsed
