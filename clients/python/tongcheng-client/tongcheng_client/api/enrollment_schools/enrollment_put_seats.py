from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollment_intake_out import EnrollmentIntakeOut
from ...models.enrollment_seats_in import EnrollmentSeatsIn
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    code: str,
    season: int,
    grade: int,
    *,
    body: EnrollmentSeatsIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/enrollment/schools/{code}/seats/{season}/{grade}".format(
            code=quote(str(code), safe=""),
            season=quote(str(season), safe=""),
            grade=quote(str(grade), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnrollmentIntakeOut | Problem | None:
    if response.status_code == 200:
        response_200 = EnrollmentIntakeOut.from_dict(response.json())

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
) -> Response[EnrollmentIntakeOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    season: int,
    grade: int,
    *,
    client: AuthenticatedClient,
    body: EnrollmentSeatsIn,
) -> Response[EnrollmentIntakeOut | Problem]:
    """Put Seats

     **学校、随迁子女学位、招生计划 (schools, migrant seats, plans) — BRIEF §6, §7, plan 三(二), 三(五)**

    Migrant seats (随迁子女学位) of a public school for a season and its intake grade (422
    ``wrong_school_kind``,
    ``wrong_level``; ``below_placed`` under what final runs already placed).

    Roles: bureau.

    Args:
        code (str):
        season (int):
        grade (int):
        body (EnrollmentSeatsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentIntakeOut | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        season=season,
        grade=grade,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    season: int,
    grade: int,
    *,
    client: AuthenticatedClient,
    body: EnrollmentSeatsIn,
) -> EnrollmentIntakeOut | Problem | None:
    """Put Seats

     **学校、随迁子女学位、招生计划 (schools, migrant seats, plans) — BRIEF §6, §7, plan 三(二), 三(五)**

    Migrant seats (随迁子女学位) of a public school for a season and its intake grade (422
    ``wrong_school_kind``,
    ``wrong_level``; ``below_placed`` under what final runs already placed).

    Roles: bureau.

    Args:
        code (str):
        season (int):
        grade (int):
        body (EnrollmentSeatsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentIntakeOut | Problem
    """

    return sync_detailed(
        code=code,
        season=season,
        grade=grade,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    code: str,
    season: int,
    grade: int,
    *,
    client: AuthenticatedClient,
    body: EnrollmentSeatsIn,
) -> Response[EnrollmentIntakeOut | Problem]:
    """Put Seats

     **学校、随迁子女学位、招生计划 (schools, migrant seats, plans) — BRIEF §6, §7, plan 三(二), 三(五)**

    Migrant seats (随迁子女学位) of a public school for a season and its intake grade (422
    ``wrong_school_kind``,
    ``wrong_level``; ``below_placed`` under what final runs already placed).

    Roles: bureau.

    Args:
        code (str):
        season (int):
        grade (int):
        body (EnrollmentSeatsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentIntakeOut | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        season=season,
        grade=grade,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    season: int,
    grade: int,
    *,
    client: AuthenticatedClient,
    body: EnrollmentSeatsIn,
) -> EnrollmentIntakeOut | Problem | None:
    """Put Seats

     **学校、随迁子女学位、招生计划 (schools, migrant seats, plans) — BRIEF §6, §7, plan 三(二), 三(五)**

    Migrant seats (随迁子女学位) of a public school for a season and its intake grade (422
    ``wrong_school_kind``,
    ``wrong_level``; ``below_placed`` under what final runs already placed).

    Roles: bureau.

    Args:
        code (str):
        season (int):
        grade (int):
        body (EnrollmentSeatsIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentIntakeOut | Problem
    """

    return (
        await asyncio_detailed(
            code=code,
            season=season,
            grade=grade,
            client=client,
            body=body,
        )
    ).parsed
