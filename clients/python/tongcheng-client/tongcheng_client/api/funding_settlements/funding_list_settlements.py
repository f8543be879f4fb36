from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_list_settlements_response_list_settlements import (
    FundingListSettlementsResponseListSettlements,
)
from ...models.funding_list_settlements_state_type_0 import (
    FundingListSettlementsStateType0,
)
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    semester: None | str | Unset = UNSET,
    school_code: None | str | Unset = UNSET,
    state: FundingListSettlementsStateType0 | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_semester: None | str | Unset
    if isinstance(semester, Unset):
        json_semester = UNSET
    else:
        json_semester = semester
    params["semester"] = json_semester

    json_school_code: None | str | Unset
    if isinstance(school_code, Unset):
        json_school_code = UNSET
    else:
        json_school_code = school_code
    params["school_code"] = json_school_code

    json_state: None | str | Unset
    if isinstance(state, Unset):
        json_state = UNSET
    elif isinstance(state, FundingListSettlementsStateType0):
        json_state = state.value
    else:
        json_state = state
    params["state"] = json_state

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
        "url": "/api/funding/settlements",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingListSettlementsResponseListSettlements | Problem | None:
    if response.status_code == 200:
        response_200 = FundingListSettlementsResponseListSettlements.from_dict(
            response.json()
        )

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
) -> Response[FundingListSettlementsResponseListSettlements | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    semester: None | str | Unset = UNSET,
    school_code: None | str | Unset = UNSET,
    state: FundingListSettlementsStateType0 | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Response[FundingListSettlementsResponseListSettlements | Problem]:
    """List Settlements

     **结算 (settlement) and 拨付 (disbursement) — BRIEF §8, plan 三(四)**

    Settlements without their lines → page of Settlement (a ``school`` caller sees its own school's
    only).

    Roles: bureau, finance, auditor, school.

    Args:
        semester (None | str | Unset):
        school_code (None | str | Unset):
        state (FundingListSettlementsStateType0 | None | Unset):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingListSettlementsResponseListSettlements | Problem]
    """

    kwargs = _get_kwargs(
        semester=semester,
        school_code=school_code,
        state=state,
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
    semester: None | str | Unset = UNSET,
    school_code: None | str | Unset = UNSET,
    state: FundingListSettlementsStateType0 | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> FundingListSettlementsResponseListSettlements | Problem | None:
    """List Settlements

     **结算 (settlement) and 拨付 (disbursement) — BRIEF §8, plan 三(四)**

    Settlements without their lines → page of Settlement (a ``school`` caller sees its own school's
    only).

    Roles: bureau, finance, auditor, school.

    Args:
        semester (None | str | Unset):
        school_code (None | str | Unset):
        state (FundingListSettlementsStateType0 | None | Unset):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingListSettlementsResponseListSettlements | Problem
    """

    return sync_detailed(
        client=client,
        semester=semester,
        school_code=school_code,
        state=state,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    semester: None | str | Unset = UNSET,
    school_code: None | str | Unset = UNSET,
    state: FundingListSettlementsStateType0 | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Response[FundingListSettlementsResponseListSettlements | Problem]:
    """List Settlements

     **结算 (settlement) and 拨付 (disbursement) — BRIEF §8, plan 三(四)**

    Settlements without their lines → page of Settlement (a ``school`` caller sees its own school's
    only).

    Roles: bureau, finance, auditor, school.

    Args:
        semester (None | str | Unset):
        school_code (None | str | Unset):
        state (FundingListSettlementsStateType0 | None | Unset):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingListSettlementsResponseListSettlements | Problem]
    """

    kwargs = _get_kwargs(
        semester=semester,
        school_code=school_code,
        state=state,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    semester: None | str | Unset = UNSET,
    school_code: None | str | Unset = UNSET,
    state: FundingListSettlementsStateType0 | None | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> FundingListSettlementsResponseListSettlements | Problem | None:
    """List Settlements

     **结算 (settlement) and 拨付 (disbursement) — BRIEF §8, plan 三(四)**

    Settlements without their lines → page of Settlement (a ``school`` caller sees its own school's
    only).

    Roles: bureau, finance, auditor, school.

    Args:
        semester (None | str | Unset):
        school_code (None | str | Unset):
        state (FundingListSettlementsStateType0 | None | Unset):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingListSettlementsResponseListSettlements | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            semester=semester,
            school_code=school_code,
            state=state,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
