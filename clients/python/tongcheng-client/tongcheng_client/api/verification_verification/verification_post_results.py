from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.verification_result_batch_in import VerificationResultBatchIn
from ...models.verification_result_batch_out import VerificationResultBatchOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: VerificationResultBatchIn,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/verification/results/batch",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | VerificationResultBatchOut | None:
    if response.status_code == 200:
        response_200 = VerificationResultBatchOut.from_dict(response.json())

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
) -> Response[Problem | VerificationResultBatchOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: VerificationResultBatchIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | VerificationResultBatchOut]:
    """Post Results

     **核验结果 (verification results) — BRIEF §4 step 4, plan 四(二)**

    Answer up to 1,000 requests in one call → ``{stored, rejected, items: [{request_id, status,
    result_id?,
    code?, detail?}]}`` in input order. Good items are stored, bad ones reported with the code the
    single endpoint
    would give; a rejected item writes nothing. A request named twice in one batch: the second is
    ``duplicate_item``. ``Idempotency-Key`` required.

    Roles: department.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (VerificationResultBatchIn): Items stay loose dicts here so that one bad item is
            reported, not the whole batch refused.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationResultBatchOut]
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
    body: VerificationResultBatchIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | VerificationResultBatchOut | None:
    """Post Results

     **核验结果 (verification results) — BRIEF §4 step 4, plan 四(二)**

    Answer up to 1,000 requests in one call → ``{stored, rejected, items: [{request_id, status,
    result_id?,
    code?, detail?}]}`` in input order. Good items are stored, bad ones reported with the code the
    single endpoint
    would give; a rejected item writes nothing. A request named twice in one batch: the second is
    ``duplicate_item``. ``Idempotency-Key`` required.

    Roles: department.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (VerificationResultBatchIn): Items stay loose dicts here so that one bad item is
            reported, not the whole batch refused.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationResultBatchOut
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: VerificationResultBatchIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | VerificationResultBatchOut]:
    """Post Results

     **核验结果 (verification results) — BRIEF §4 step 4, plan 四(二)**

    Answer up to 1,000 requests in one call → ``{stored, rejected, items: [{request_id, status,
    result_id?,
    code?, detail?}]}`` in input order. Good items are stored, bad ones reported with the code the
    single endpoint
    would give; a rejected item writes nothing. A request named twice in one batch: the second is
    ``duplicate_item``. ``Idempotency-Key`` required.

    Roles: department.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (VerificationResultBatchIn): Items stay loose dicts here so that one bad item is
            reported, not the whole batch refused.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationResultBatchOut]
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
    body: VerificationResultBatchIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | VerificationResultBatchOut | None:
    """Post Results

     **核验结果 (verification results) — BRIEF §4 step 4, plan 四(二)**

    Answer up to 1,000 requests in one call → ``{stored, rejected, items: [{request_id, status,
    result_id?,
    code?, detail?}]}`` in input order. Good items are stored, bad ones reported with the code the
    single endpoint
    would give; a rejected item writes nothing. A request named twice in one batch: the second is
    ``duplicate_item``. ``Idempotency-Key`` required.

    Roles: department.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (VerificationResultBatchIn): Items stay loose dicts here so that one bad item is
            reported, not the whole batch refused.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationResultBatchOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
