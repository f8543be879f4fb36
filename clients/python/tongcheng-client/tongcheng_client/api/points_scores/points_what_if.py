from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.points_score_read import PointsScoreRead
from ...models.points_what_if_in import PointsWhatIfIn
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: PointsWhatIfIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/points/what-if",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PointsScoreRead | Problem | None:
    if response.status_code == 200:
        response_200 = PointsScoreRead.from_dict(response.json())

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
) -> Response[PointsScoreRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PointsWhatIfIn,
) -> Response[PointsScoreRead | Problem]:
    """What If

     **积分测算 (what-if) — BRIEF §5: a family's points under a rulebook, nothing stored**

    Score hypothetical facts (taken as confirmed) against a rulebook, draft or published; nothing is
    stored.

    Roles: platform, bureau.

    Args:
        body (PointsWhatIfIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PointsScoreRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: PointsWhatIfIn,
) -> PointsScoreRead | Problem | None:
    """What If

     **积分测算 (what-if) — BRIEF §5: a family's points under a rulebook, nothing stored**

    Score hypothetical facts (taken as confirmed) against a rulebook, draft or published; nothing is
    stored.

    Roles: platform, bureau.

    Args:
        body (PointsWhatIfIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PointsScoreRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PointsWhatIfIn,
) -> Response[PointsScoreRead | Problem]:
    """What If

     **积分测算 (what-if) — BRIEF §5: a family's points under a rulebook, nothing stored**

    Score hypothetical facts (taken as confirmed) against a rulebook, draft or published; nothing is
    stored.

    Roles: platform, bureau.

    Args:
        body (PointsWhatIfIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PointsScoreRead | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PointsWhatIfIn,
) -> PointsScoreRead | Problem | None:
    """What If

     **积分测算 (what-if) — BRIEF §5: a family's points under a rulebook, nothing stored**

    Score hypothetical facts (taken as confirmed) against a rulebook, draft or published; nothing is
    stored.

    Roles: platform, bureau.

    Args:
        body (PointsWhatIfIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PointsScoreRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
