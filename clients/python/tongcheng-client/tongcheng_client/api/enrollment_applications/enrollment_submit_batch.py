from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollment_application_batch_in import EnrollmentApplicationBatchIn
from ...models.enrollment_batch_out import EnrollmentBatchOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: EnrollmentApplicationBatchIn,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/enrollment/applications/batch",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnrollmentBatchOut | Problem | None:
    if response.status_code == 200:
        response_200 = EnrollmentBatchOut.from_dict(response.json())

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
) -> Response[EnrollmentBatchOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: EnrollmentApplicationBatchIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[EnrollmentBatchOut | Problem]:
    """Submit Batch

     **入学申请 (application) — BRIEF §4 step 2, plan 二(四): submitted by the Taizhou platform**

    Up to 1,000 applications (``Idempotency-Key`` required): good items stored, the others reported with
    ``field`` and ``code`` (``season_closed`` for a season and grade with a final run) →
    ``{created, duplicates, rejected, items}``.

    Roles: platform.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentApplicationBatchIn): Items stay loose here so that one bad item is
            reported, not the whole batch refused.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentBatchOut | Problem]
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
    body: EnrollmentApplicationBatchIn,
    idempotency_key: None | str | Unset = UNSET,
) -> EnrollmentBatchOut | Problem | None:
    """Submit Batch

     **入学申请 (application) — BRIEF §4 step 2, plan 二(四): submitted by the Taizhou platform**

    Up to 1,000 applications (``Idempotency-Key`` required): good items stored, the others reported with
    ``field`` and ``code`` (``season_closed`` for a season and grade with a final run) →
    ``{created, duplicates, rejected, items}``.

    Roles: platform.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentApplicationBatchIn): Items stay loose here so that one bad item is
            reported, not the whole batch refused.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentBatchOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EnrollmentApplicationBatchIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[EnrollmentBatchOut | Problem]:
    """Submit Batch

     **入学申请 (application) — BRIEF §4 step 2, plan 二(四): submitted by the Taizhou platform**

    Up to 1,000 applications (``Idempotency-Key`` required): good items stored, the others reported with
    ``field`` and ``code`` (``season_closed`` for a season and grade with a final run) →
    ``{created, duplicates, rejected, items}``.

    Roles: platform.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentApplicationBatchIn): Items stay loose here so that one bad item is
            reported, not the whole batch refused.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentBatchOut | Problem]
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
    body: EnrollmentApplicationBatchIn,
    idempotency_key: None | str | Unset = UNSET,
) -> EnrollmentBatchOut | Problem | None:
    """Submit Batch

     **入学申请 (application) — BRIEF §4 step 2, plan 二(四): submitted by the Taizhou platform**

    Up to 1,000 applications (``Idempotency-Key`` required): good items stored, the others reported with
    ``field`` and ``code`` (``season_closed`` for a season and grade with a final run) →
    ``{created, duplicates, rejected, items}``.

    Roles: platform.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentApplicationBatchIn): Items stay loose here so that one bad item is
            reported, not the whole batch refused.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentBatchOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
