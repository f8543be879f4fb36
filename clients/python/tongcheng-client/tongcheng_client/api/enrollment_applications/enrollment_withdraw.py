from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollment_application_out import EnrollmentApplicationOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    no: str,
    *,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/enrollment/applications/{no}/withdraw".format(
            no=quote(str(no), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnrollmentApplicationOut | Problem | None:
    if response.status_code == 200:
        response_200 = EnrollmentApplicationOut.from_dict(response.json())

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
) -> Response[EnrollmentApplicationOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    no: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[EnrollmentApplicationOut | Problem]:
    """Withdraw

     **入学申请 (application) — BRIEF §4 step 2, plan 二(四): submitted by the Taizhou platform**

    Withdraw up to the season's cut-off (409 ``withdrawal_closed`` after); the record stays, state
    ``withdrawn``, and later runs leave it out; its verification case leaves the departments' queues
    (handed over
    through the outbox, topic ``verification.withdrawals``). The answer is the application whole:
    recorded in the
    access log in the same transaction (a replay records nothing more).

    Roles: bureau, platform.

    Args:
        no (str):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentApplicationOut | Problem]
    """

    kwargs = _get_kwargs(
        no=no,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    no: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
) -> EnrollmentApplicationOut | Problem | None:
    """Withdraw

     **入学申请 (application) — BRIEF §4 step 2, plan 二(四): submitted by the Taizhou platform**

    Withdraw up to the season's cut-off (409 ``withdrawal_closed`` after); the record stays, state
    ``withdrawn``, and later runs leave it out; its verification case leaves the departments' queues
    (handed over
    through the outbox, topic ``verification.withdrawals``). The answer is the application whole:
    recorded in the
    access log in the same transaction (a replay records nothing more).

    Roles: bureau, platform.

    Args:
        no (str):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentApplicationOut | Problem
    """

    return sync_detailed(
        no=no,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    no: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[EnrollmentApplicationOut | Problem]:
    """Withdraw

     **入学申请 (application) — BRIEF §4 step 2, plan 二(四): submitted by the Taizhou platform**

    Withdraw up to the season's cut-off (409 ``withdrawal_closed`` after); the record stays, state
    ``withdrawn``, and later runs leave it out; its verification case leaves the departments' queues
    (handed over
    through the outbox, topic ``verification.withdrawals``). The answer is the application whole:
    recorded in the
    access log in the same transaction (a replay records nothing more).

    Roles: bureau, platform.

    Args:
        no (str):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentApplicationOut | Problem]
    """

    kwargs = _get_kwargs(
        no=no,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    no: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
) -> EnrollmentApplicationOut | Problem | None:
    """Withdraw

     **入学申请 (application) — BRIEF §4 step 2, plan 二(四): submitted by the Taizhou platform**

    Withdraw up to the season's cut-off (409 ``withdrawal_closed`` after); the record stays, state
    ``withdrawn``, and later runs leave it out; its verification case leaves the departments' queues
    (handed over
    through the outbox, topic ``verification.withdrawals``). The answer is the application whole:
    recorded in the
    access log in the same transaction (a replay records nothing more).

    Roles: bureau, platform.

    Args:
        no (str):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentApplicationOut | Problem
    """

    return (
        await asyncio_detailed(
            no=no,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
