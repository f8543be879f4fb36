from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    run_id: int,
    *,
    idempotency_key: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/enrollment/runs/{run_id}/finalise".format(
            run_id=quote(str(run_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = response.json()
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
) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    run_id: int,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Finalise

     **录取批次 (placement run) and 公示 — BRIEF §4 step 6, §6**

    published → final; the purchased seats (rounds 2 and 3) are queued to funding through the outbox →
    Run + ``handover: {purchased_seats, chunks}``. Of two concurrent finalisations exactly one succeeds;
    the
    other gets 409 ``invalid_state``. 409 ``appeals_pending`` while an appeal is undecided; If-Match
    (412).

    Roles: bureau.

    Args:
        run_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        if_match (None | str | Unset): the ETag of the version this write replaces ("v<N>"); stale
            → 412 precondition_failed

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        run_id=run_id,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    run_id: int,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> Any | Problem | None:
    """Finalise

     **录取批次 (placement run) and 公示 — BRIEF §4 step 6, §6**

    published → final; the purchased seats (rounds 2 and 3) are queued to funding through the outbox →
    Run + ``handover: {purchased_seats, chunks}``. Of two concurrent finalisations exactly one succeeds;
    the
    other gets 409 ``invalid_state``. 409 ``appeals_pending`` while an appeal is undecided; If-Match
    (412).

    Roles: bureau.

    Args:
        run_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        if_match (None | str | Unset): the ETag of the version this write replaces ("v<N>"); stale
            → 412 precondition_failed

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        run_id=run_id,
        client=client,
        idempotency_key=idempotency_key,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    run_id: int,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Finalise

     **录取批次 (placement run) and 公示 — BRIEF §4 step 6, §6**

    published → final; the purchased seats (rounds 2 and 3) are queued to funding through the outbox →
    Run + ``handover: {purchased_seats, chunks}``. Of two concurrent finalisations exactly one succeeds;
    the
    other gets 409 ``invalid_state``. 409 ``appeals_pending`` while an appeal is undecided; If-Match
    (412).

    Roles: bureau.

    Args:
        run_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        if_match (None | str | Unset): the ETag of the version this write replaces ("v<N>"); stale
            → 412 precondition_failed

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        run_id=run_id,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    run_id: int,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
    if_match: None | str | Unset = UNSET,
) -> Any | Problem | None:
    """Finalise

     **录取批次 (placement run) and 公示 — BRIEF §4 step 6, §6**

    published → final; the purchased seats (rounds 2 and 3) are queued to funding through the outbox →
    Run + ``handover: {purchased_seats, chunks}``. Of two concurrent finalisations exactly one succeeds;
    the
    other gets 409 ``invalid_state``. 409 ``appeals_pending`` while an appeal is undecided; If-Match
    (412).

    Roles: bureau.

    Args:
        run_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        if_match (None | str | Unset): the ETag of the version this write replaces ("v<N>"); stale
            → 412 precondition_failed

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            run_id=run_id,
            client=client,
            idempotency_key=idempotency_key,
            if_match=if_match,
        )
    ).parsed
