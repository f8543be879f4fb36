from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.points_score_read import PointsScoreRead
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    application_no: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/points/scores/{application_no}".format(
            application_no=quote(str(application_no), safe=""),
        ),
    }

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
) -> Response[PointsScoreRead | Problem]:
    """Get Score

     **积分 (score) with its breakdown — BRIEF §5, plan 二(四) 积分入学**

    The stored Score with its breakdown; 404 ``not_scored``. (Declared first: routes are matched in
    order.)

    The platform's most frequent request (issue 15), answered by ``_read_directly`` without FastAPI's
    dependency
    solving: one keyed row (``Database.one_row``) and the bytes ``service.score_answer`` keeps for the
    stored
    score. The breakdown and its explanation are the family's personal data: the read is recorded in the
    access
    log (``GET /access-log``), written behind the answer in batches (``common.access.Recorder``).

    Roles: platform, bureau, service, auditor.

    Args:
        application_no (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PointsScoreRead | Problem]
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
) -> PointsScoreRead | Problem | None:
    """Get Score

     **积分 (score) with its breakdown — BRIEF §5, plan 二(四) 积分入学**

    The stored Score with its breakdown; 404 ``not_scored``. (Declared first: routes are matched in
    order.)

    The platform's most frequent request (issue 15), answered by ``_read_directly`` without FastAPI's
    dependency
    solving: one keyed row (``Database.one_row``) and the bytes ``service.score_answer`` keeps for the
    stored
    score. The breakdown and its explanation are the family's personal data: the read is recorded in the
    access
    log (``GET /access-log``), written behind the answer in batches (``common.access.Recorder``).

    Roles: platform, bureau, service, auditor.

    Args:
        application_no (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PointsScoreRead | Problem
    """

    return sync_detailed(
        application_no=application_no,
        client=client,
    ).parsed


async def asyncio_detailed(
    application_no: str,
    *,
    client: AuthenticatedClient,
) -> Response[PointsScoreRead | Problem]:
    """Get Score

     **积分 (score) with its breakdown — BRIEF §5, plan 二(四) 积分入学**

    The stored Score with its breakdown; 404 ``not_scored``. (Declared first: routes are matched in
    order.)

    The platform's most frequent request (issue 15), answered by ``_read_directly`` without FastAPI's
    dependency
    solving: one keyed row (``Database.one_row``) and the bytes ``service.score_answer`` keeps for the
    stored
    score. The breakdown and its explanation are the family's personal data: the read is recorded in the
    access
    log (``GET /access-log``), written behind the answer in batches (``common.access.Recorder``).

    Roles: platform, bureau, service, auditor.

    Args:
        application_no (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PointsScoreRead | Problem]
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
) -> PointsScoreRead | Problem | None:
    """Get Score

     **积分 (score) with its breakdown — BRIEF §5, plan 二(四) 积分入学**

    The stored Score with its breakdown; 404 ``not_scored``. (Declared first: routes are matched in
    order.)

    The platform's most frequent request (issue 15), answered by ``_read_directly`` without FastAPI's
    dependency
    solving: one keyed row (``Database.one_row``) and the bytes ``service.score_answer`` keeps for the
    stored
    score. The breakdown and its explanation are the family's personal data: the read is recorded in the
    access
    log (``GET /access-log``), written behind the answer in batches (``common.access.Recorder``).

    Roles: platform, bureau, service, auditor.

    Args:
        application_no (str):

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
        )
    ).parsed
