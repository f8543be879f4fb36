from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.verification_case_batch_in import VerificationCaseBatchIn
from ...models.verification_case_batch_out import VerificationCaseBatchOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: VerificationCaseBatchIn,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/verification/cases/batch",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | VerificationCaseBatchOut | None:
    if response.status_code == 200:
        response_200 = VerificationCaseBatchOut.from_dict(response.json())

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
) -> Response[Problem | VerificationCaseBatchOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: VerificationCaseBatchIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | VerificationCaseBatchOut]:
    """Register Cases

     **部门核验 (verification case) — BRIEF §4 step 3, plan 四(二): requests to each department**

    Register up to 1,000 applications at once → ``{created, existing, amended, application_nos}``
    (distinct
    numbers in first-seen order). Each case idempotent by ``application_no``; one invalid case refuses
    the call
    (422 naming ``items.<i>.<field>``).

    Roles: service:enrollment, bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (VerificationCaseBatchIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationCaseBatchOut]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: VerificationCaseBatchIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | VerificationCaseBatchOut | None:
    """Register Cases

     **部门核验 (verification case) — BRIEF §4 step 3, plan 四(二): requests to each department**

    Register up to 1,000 applications at once → ``{created, existing, amended, application_nos}``
    (distinct
    numbers in first-seen order). Each case idempotent by ``application_no``; one invalid case refuses
    the call
    (422 naming ``items.<i>.<field>``).

    Roles: service:enrollment, bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (VerificationCaseBatchIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationCaseBatchOut
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: VerificationCaseBatchIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | VerificationCaseBatchOut]:
    """Register Cases

     **部门核验 (verification case) — BRIEF §4 step 3, plan 四(二): requests to each department**

    Register up to 1,000 applications at once → ``{created, existing, amended, application_nos}``
    (distinct
    numbers in first-seen order). Each case idempotent by ``application_no``; one invalid case refuses
    the call
    (422 naming ``items.<i>.<field>``).

    Roles: service:enrollment, bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (VerificationCaseBatchIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationCaseBatchOut]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: VerificationCaseBatchIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | VerificationCaseBatchOut | None:
    """Register Cases

     **部门核验 (verification case) — BRIEF §4 step 3, plan 四(二): requests to each department**

    Register up to 1,000 applications at once → ``{created, existing, amended, application_nos}``
    (distinct
    numbers in first-seen order). Each case idempotent by ``application_no``; one invalid case refuses
    the call
    (422 naming ``items.<i>.<field>``).

    Roles: service:enrollment, bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (VerificationCaseBatchIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationCaseBatchOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
