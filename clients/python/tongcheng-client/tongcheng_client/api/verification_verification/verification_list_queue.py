from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.verification_list_queue_kind_type_0 import VerificationListQueueKindType0
from ...models.verification_request_page import VerificationRequestPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    season: int | None | Unset = UNSET,
    kind: None | Unset | VerificationListQueueKindType0 = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_season: int | None | Unset
    if isinstance(season, Unset):
        json_season = UNSET
    else:
        json_season = season
    params["season"] = json_season

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, VerificationListQueueKindType0):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/verification/queue",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | VerificationRequestPage | None:
    if response.status_code == 200:
        response_200 = VerificationRequestPage.from_dict(response.json())

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
) -> Response[Problem | VerificationRequestPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    season: int | None | Unset = UNSET,
    kind: None | Unset | VerificationListQueueKindType0 = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Response[Problem | VerificationRequestPage]:
    """List Queue

     **待核验 (a department's pending requests) — BRIEF §4 step 4, plan 四(二)**

    The caller's department's own ``pending`` requests, oldest first, with ID numbers whole (they need
    them to
    look the subject up); ``kind`` keeps one fact kind across every page (a kind another department
    answers gives
    an empty page). Page: ``{items: [Request], next_cursor}``; 422 ``validation_error`` for an unknown
    kind.
    Names and ID numbers shown whole: each application on the page is recorded in the access log (one
    row per
    application, endpoint ``GET /queue``, one INSERT in this transaction).

    Roles: department.

    Args:
        season (int | None | Unset):
        kind (None | Unset | VerificationListQueueKindType0): fact kind (核验事项): residence_permit,
            social_insurance, housing or business_license
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationRequestPage]
    """

    kwargs = _get_kwargs(
        season=season,
        kind=kind,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    season: int | None | Unset = UNSET,
    kind: None | Unset | VerificationListQueueKindType0 = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Problem | VerificationRequestPage | None:
    """List Queue

     **待核验 (a department's pending requests) — BRIEF §4 step 4, plan 四(二)**

    The caller's department's own ``pending`` requests, oldest first, with ID numbers whole (they need
    them to
    look the subject up); ``kind`` keeps one fact kind across every page (a kind another department
    answers gives
    an empty page). Page: ``{items: [Request], next_cursor}``; 422 ``validation_error`` for an unknown
    kind.
    Names and ID numbers shown whole: each application on the page is recorded in the access log (one
    row per
    application, endpoint ``GET /queue``, one INSERT in this transaction).

    Roles: department.

    Args:
        season (int | None | Unset):
        kind (None | Unset | VerificationListQueueKindType0): fact kind (核验事项): residence_permit,
            social_insurance, housing or business_license
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationRequestPage
    """

    return sync_detailed(
        client=client,
        season=season,
        kind=kind,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    season: int | None | Unset = UNSET,
    kind: None | Unset | VerificationListQueueKindType0 = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Response[Problem | VerificationRequestPage]:
    """List Queue

     **待核验 (a department's pending requests) — BRIEF §4 step 4, plan 四(二)**

    The caller's department's own ``pending`` requests, oldest first, with ID numbers whole (they need
    them to
    look the subject up); ``kind`` keeps one fact kind across every page (a kind another department
    answers gives
    an empty page). Page: ``{items: [Request], next_cursor}``; 422 ``validation_error`` for an unknown
    kind.
    Names and ID numbers shown whole: each application on the page is recorded in the access log (one
    row per
    application, endpoint ``GET /queue``, one INSERT in this transaction).

    Roles: department.

    Args:
        season (int | None | Unset):
        kind (None | Unset | VerificationListQueueKindType0): fact kind (核验事项): residence_permit,
            social_insurance, housing or business_license
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationRequestPage]
    """

    kwargs = _get_kwargs(
        season=season,
        kind=kind,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    season: int | None | Unset = UNSET,
    kind: None | Unset | VerificationListQueueKindType0 = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Problem | VerificationRequestPage | None:
    """List Queue

     **待核验 (a department's pending requests) — BRIEF §4 step 4, plan 四(二)**

    The caller's department's own ``pending`` requests, oldest first, with ID numbers whole (they need
    them to
    look the subject up); ``kind`` keeps one fact kind across every page (a kind another department
    answers gives
    an empty page). Page: ``{items: [Request], next_cursor}``; 422 ``validation_error`` for an unknown
    kind.
    Names and ID numbers shown whole: each application on the page is recorded in the access log (one
    row per
    application, endpoint ``GET /queue``, one INSERT in this transaction).

    Roles: department.

    Args:
        season (int | None | Unset):
        kind (None | Unset | VerificationListQueueKindType0): fact kind (核验事项): residence_permit,
            social_insurance, housing or business_license
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationRequestPage
    """

    return (
        await asyncio_detailed(
            client=client,
            season=season,
            kind=kind,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
