from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.points_rulebook_read import PointsRulebookRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    rulebook_id: str,
    *,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/points/rulebooks/{rulebook_id}/publish".format(
            rulebook_id=quote(str(rulebook_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PointsRulebookRead | Problem | None:
    if response.status_code == 200:
        response_200 = PointsRulebookRead.from_dict(response.json())

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
) -> Response[PointsRulebookRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    rulebook_id: str,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
) -> Response[PointsRulebookRead | Problem]:
    """Publish Rulebook

     **积分细则 (rulebook) — BRIEF §5, plan 二(四): the season's points rules as data**

    Draft → published, immutable from then on; the season's latest published rulebook is the one scoring
    uses.
    Publishing again answers the rulebook unchanged, whatever If-Match says; a draft's If-Match is
    checked on the
    locked row (stale → 412).

    Roles: bureau.

    Args:
        rulebook_id (str):
        if_match (None | str | Unset): the ETag of the version this write replaces ("v<N>"); stale
            → 412 precondition_failed

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PointsRulebookRead | Problem]
    """

    kwargs = _get_kwargs(
        rulebook_id=rulebook_id,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    rulebook_id: str,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
) -> PointsRulebookRead | Problem | None:
    """Publish Rulebook

     **积分细则 (rulebook) — BRIEF §5, plan 二(四): the season's points rules as data**

    Draft → published, immutable from then on; the season's latest published rulebook is the one scoring
    uses.
    Publishing again answers the rulebook unchanged, whatever If-Match says; a draft's If-Match is
    checked on the
    locked row (stale → 412).

    Roles: bureau.

    Args:
        rulebook_id (str):
        if_match (None | str | Unset): the ETag of the version this write replaces ("v<N>"); stale
            → 412 precondition_failed

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PointsRulebookRead | Problem
    """

    return sync_detailed(
        rulebook_id=rulebook_id,
        client=client,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    rulebook_id: str,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
) -> Response[PointsRulebookRead | Problem]:
    """Publish Rulebook

     **积分细则 (rulebook) — BRIEF §5, plan 二(四): the season's points rules as data**

    Draft → published, immutable from then on; the season's latest published rulebook is the one scoring
    uses.
    Publishing again answers the rulebook unchanged, whatever If-Match says; a draft's If-Match is
    checked on the
    locked row (stale → 412).

    Roles: bureau.

    Args:
        rulebook_id (str):
        if_match (None | str | Unset): the ETag of the version this write replaces ("v<N>"); stale
            → 412 precondition_failed

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PointsRulebookRead | Problem]
    """

    kwargs = _get_kwargs(
        rulebook_id=rulebook_id,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    rulebook_id: str,
    *,
    client: AuthenticatedClient,
    if_match: None | str | Unset = UNSET,
) -> PointsRulebookRead | Problem | None:
    """Publish Rulebook

     **积分细则 (rulebook) — BRIEF §5, plan 二(四): the season's points rules as data**

    Draft → published, immutable from then on; the season's latest published rulebook is the one scoring
    uses.
    Publishing again answers the rulebook unchanged, whatever If-Match says; a draft's If-Match is
    checked on the
    locked row (stale → 412).

    Roles: bureau.

    Args:
        rulebook_id (str):
        if_match (None | str | Unset): the ETag of the version this write replaces ("v<N>"); stale
            → 412 precondition_failed

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PointsRulebookRead | Problem
    """

    return (
        await asyncio_detailed(
            rulebook_id=rulebook_id,
            client=client,
            if_match=if_match,
        )
    ).parsed
