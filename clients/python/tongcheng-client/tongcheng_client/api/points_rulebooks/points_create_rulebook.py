from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.points_rulebook_create import PointsRulebookCreate
from ...models.points_rulebook_read import PointsRulebookRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PointsRulebookCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/points/rulebooks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PointsRulebookRead | Problem | None:
    if response.status_code == 201:
        response_201 = PointsRulebookRead.from_dict(response.json())

        return response_201

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
) -> Response[PointsRulebookRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PointsRulebookCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[PointsRulebookRead | Problem]:
    """Create Rulebook

     **积分细则 (rulebook) — BRIEF §5, plan 二(四): the season's points rules as data**

    A new draft (BRIEF §5 as data) → 201. 409 ``rulebook_exists``; 422 naming the field for an unknown
    item kind,
    a negative cap, a unit that does not fit the kind, a condition naming an unknown rule or item.

    Roles: bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (PointsRulebookCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PointsRulebookRead | Problem]
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
    body: PointsRulebookCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> PointsRulebookRead | Problem | None:
    """Create Rulebook

     **积分细则 (rulebook) — BRIEF §5, plan 二(四): the season's points rules as data**

    A new draft (BRIEF §5 as data) → 201. 409 ``rulebook_exists``; 422 naming the field for an unknown
    item kind,
    a negative cap, a unit that does not fit the kind, a condition naming an unknown rule or item.

    Roles: bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (PointsRulebookCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PointsRulebookRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PointsRulebookCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[PointsRulebookRead | Problem]:
    """Create Rulebook

     **积分细则 (rulebook) — BRIEF §5, plan 二(四): the season's points rules as data**

    A new draft (BRIEF §5 as data) → 201. 409 ``rulebook_exists``; 422 naming the field for an unknown
    item kind,
    a negative cap, a unit that does not fit the kind, a condition naming an unknown rule or item.

    Roles: bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (PointsRulebookCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PointsRulebookRead | Problem]
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
    body: PointsRulebookCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> PointsRulebookRead | Problem | None:
    """Create Rulebook

     **积分细则 (rulebook) — BRIEF §5, plan 二(四): the season's points rules as data**

    A new draft (BRIEF §5 as data) → 201. 409 ``rulebook_exists``; 422 naming the field for an unknown
    item kind,
    a negative cap, a unit that does not fit the kind, a condition naming an unknown rule or item.

    Roles: bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (PointsRulebookCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PointsRulebookRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
