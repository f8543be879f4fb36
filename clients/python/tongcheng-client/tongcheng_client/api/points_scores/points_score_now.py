from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.points_score_read import PointsScoreRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    application_no: str,
    *,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/points/scores/{application_no}".format(
            application_no=quote(str(application_no), safe=""),
        ),
    }

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
    application_no: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[PointsScoreRead | Problem]:
    """Score Now

     **积分 (score) with its breakdown — BRIEF §5, plan 二(四) 积分入学**

    Fetch the case's facts from verification, score them with the season's published rulebook, store the
    score
    (replacing the previous one) → Score. 404 ``case_not_found``; 409 ``no_published_rulebook``; 503
    when
    verification is down. The answer is the family's breakdown: recorded in the access log in the same
    transaction (an idempotent replay answers the stored body and records nothing more).

    Roles: bureau, service.

    Args:
        application_no (str):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PointsScoreRead | Problem]
    """

    kwargs = _get_kwargs(
        application_no=application_no,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    application_no: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
) -> PointsScoreRead | Problem | None:
    """Score Now

     **积分 (score) with its breakdown — BRIEF §5, plan 二(四) 积分入学**

    Fetch the case's facts from verification, score them with the season's published rulebook, store the
    score
    (replacing the previous one) → Score. 404 ``case_not_found``; 409 ``no_published_rulebook``; 503
    when
    verification is down. The answer is the family's breakdown: recorded in the access log in the same
    transaction (an idempotent replay answers the stored body and records nothing more).

    Roles: bureau, service.

    Args:
        application_no (str):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PointsScoreRead | Problem
    """

    return sync_detailed(
        application_no=application_no,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    application_no: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[PointsScoreRead | Problem]:
    """Score Now

     **积分 (score) with its breakdown — BRIEF §5, plan 二(四) 积分入学**

    Fetch the case's facts from verification, score them with the season's published rulebook, store the
    score
    (replacing the previous one) → Score. 404 ``case_not_found``; 409 ``no_published_rulebook``; 503
    when
    verification is down. The answer is the family's breakdown: recorded in the access log in the same
    transaction (an idempotent replay answers the stored body and records nothing more).

    Roles: bureau, service.

    Args:
        application_no (str):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PointsScoreRead | Problem]
    """

    kwargs = _get_kwargs(
        application_no=application_no,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    application_no: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
) -> PointsScoreRead | Problem | None:
    """Score Now

     **积分 (score) with its breakdown — BRIEF §5, plan 二(四) 积分入学**

    Fetch the case's facts from verification, score them with the season's published rulebook, store the
    score
    (replacing the previous one) → Score. 404 ``case_not_found``; 409 ``no_published_rulebook``; 503
    when
    verification is down. The answer is the family's breakdown: recorded in the access log in the same
    transaction (an idempotent replay answers the stored body and records nothing more).

    Roles: bureau, service.

    Args:
        application_no (str):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PointsScoreRead | Problem
    """

    return (
        await asyncio_detailed(
            application_no=application_no,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
