from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_semester_create import FundingSemesterCreate
from ...models.funding_semester_read import FundingSemesterRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: FundingSemesterCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/funding/semesters",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingSemesterRead | Problem | None:
    if response.status_code == 201:
        response_201 = FundingSemesterRead.from_dict(response.json())

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
) -> Response[FundingSemesterRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: FundingSemesterCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[FundingSemesterRead | Problem]:
    """Create Semester

     **学期 (semester) — BRIEF §8, plan 三(四)**

    Configure a semester ``{code, name?, starts_on?, ends_on?}`` (both ends inclusive; without dates the
    defaults 1 Sep – 31 Jan / 1 Feb – 15 Jul apply to ``<year>-autumn`` / ``<year>-spring``). 409
    ``semester_exists``.

    Roles: bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingSemesterCreate): A semester; without dates, ``"<year>-autumn"`` runs 1 Sep –
            31 Jan and ``"<year>-spring"`` 1 Feb – 15 Jul
            (the configured defaults).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingSemesterRead | Problem]
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
    body: FundingSemesterCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> FundingSemesterRead | Problem | None:
    """Create Semester

     **学期 (semester) — BRIEF §8, plan 三(四)**

    Configure a semester ``{code, name?, starts_on?, ends_on?}`` (both ends inclusive; without dates the
    defaults 1 Sep – 31 Jan / 1 Feb – 15 Jul apply to ``<year>-autumn`` / ``<year>-spring``). 409
    ``semester_exists``.

    Roles: bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingSemesterCreate): A semester; without dates, ``"<year>-autumn"`` runs 1 Sep –
            31 Jan and ``"<year>-spring"`` 1 Feb – 15 Jul
            (the configured defaults).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingSemesterRead | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: FundingSemesterCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[FundingSemesterRead | Problem]:
    """Create Semester

     **学期 (semester) — BRIEF §8, plan 三(四)**

    Configure a semester ``{code, name?, starts_on?, ends_on?}`` (both ends inclusive; without dates the
    defaults 1 Sep – 31 Jan / 1 Feb – 15 Jul apply to ``<year>-autumn`` / ``<year>-spring``). 409
    ``semester_exists``.

    Roles: bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingSemesterCreate): A semester; without dates, ``"<year>-autumn"`` runs 1 Sep –
            31 Jan and ``"<year>-spring"`` 1 Feb – 15 Jul
            (the configured defaults).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingSemesterRead | Problem]
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
    body: FundingSemesterCreate,
    idempotency_key: None | str | Unset = UNSET,
) -> FundingSemesterRead | Problem | None:
    """Create Semester

     **学期 (semester) — BRIEF §8, plan 三(四)**

    Configure a semester ``{code, name?, starts_on?, ends_on?}`` (both ends inclusive; without dates the
    defaults 1 Sep – 31 Jan / 1 Feb – 15 Jul apply to ``<year>-autumn`` / ``<year>-spring``). 409
    ``semester_exists``.

    Roles: bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingSemesterCreate): A semester; without dates, ``"<year>-autumn"`` runs 1 Sep –
            31 Jan and ``"<year>-spring"`` 1 Feb – 15 Jul
            (the configured defaults).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingSemesterRead | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
