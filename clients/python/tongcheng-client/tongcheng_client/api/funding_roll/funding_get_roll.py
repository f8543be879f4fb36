from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_roll_read import FundingRollRead
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    school_code: str,
    semester: str,
    *,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

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
        "url": "/api/funding/rolls/{school_code}/{semester}".format(
            school_code=quote(str(school_code), safe=""),
            semester=quote(str(semester), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingRollRead | Problem | None:
    if response.status_code == 200:
        response_200 = FundingRollRead.from_dict(response.json())

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
) -> Response[FundingRollRead | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    school_code: str,
    semester: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Response[FundingRollRead | Problem]:
    """Get Roll

     **在校确认 (the semester roll) — BRIEF §8, plan 三(四)**

    The school's roll for a semester → ``{school_code, semester, version, counts: {expected, attends,
    left,
    awaiting}, confirmations: [{id, confirmed_by, confirmed_role, confirmed_at, attending, left,
    unchanged,
    entries_digest, ledger_seq}], items: [{seat_id, application_no, pupil, grade, start_date, end_date,
    status: awaiting|attends|left, left_on, code}], next_cursor}`` (seats that meet the semester in the
    school's
    grades, by id; ID numbers masked). 403 for another school's credential; 404 ``semester_not_found``.

    Roles: school, bureau, finance, auditor.

    Args:
        school_code (str):
        semester (str):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingRollRead | Problem]
    """

    kwargs = _get_kwargs(
        school_code=school_code,
        semester=semester,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    school_code: str,
    semester: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> FundingRollRead | Problem | None:
    """Get Roll

     **在校确认 (the semester roll) — BRIEF §8, plan 三(四)**

    The school's roll for a semester → ``{school_code, semester, version, counts: {expected, attends,
    left,
    awaiting}, confirmations: [{id, confirmed_by, confirmed_role, confirmed_at, attending, left,
    unchanged,
    entries_digest, ledger_seq}], items: [{seat_id, application_no, pupil, grade, start_date, end_date,
    status: awaiting|attends|left, left_on, code}], next_cursor}`` (seats that meet the semester in the
    school's
    grades, by id; ID numbers masked). 403 for another school's credential; 404 ``semester_not_found``.

    Roles: school, bureau, finance, auditor.

    Args:
        school_code (str):
        semester (str):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingRollRead | Problem
    """

    return sync_detailed(
        school_code=school_code,
        semester=semester,
        client=client,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    school_code: str,
    semester: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Response[FundingRollRead | Problem]:
    """Get Roll

     **在校确认 (the semester roll) — BRIEF §8, plan 三(四)**

    The school's roll for a semester → ``{school_code, semester, version, counts: {expected, attends,
    left,
    awaiting}, confirmations: [{id, confirmed_by, confirmed_role, confirmed_at, attending, left,
    unchanged,
    entries_digest, ledger_seq}], items: [{seat_id, application_no, pupil, grade, start_date, end_date,
    status: awaiting|attends|left, left_on, code}], next_cursor}`` (seats that meet the semester in the
    school's
    grades, by id; ID numbers masked). 403 for another school's credential; 404 ``semester_not_found``.

    Roles: school, bureau, finance, auditor.

    Args:
        school_code (str):
        semester (str):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingRollRead | Problem]
    """

    kwargs = _get_kwargs(
        school_code=school_code,
        semester=semester,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    school_code: str,
    semester: str,
    *,
    client: AuthenticatedClient,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> FundingRollRead | Problem | None:
    """Get Roll

     **在校确认 (the semester roll) — BRIEF §8, plan 三(四)**

    The school's roll for a semester → ``{school_code, semester, version, counts: {expected, attends,
    left,
    awaiting}, confirmations: [{id, confirmed_by, confirmed_role, confirmed_at, attending, left,
    unchanged,
    entries_digest, ledger_seq}], items: [{seat_id, application_no, pupil, grade, start_date, end_date,
    status: awaiting|attends|left, left_on, code}], next_cursor}`` (seats that meet the semester in the
    school's
    grades, by id; ID numbers masked). 403 for another school's credential; 404 ``semester_not_found``.

    Roles: school, bureau, finance, auditor.

    Args:
        school_code (str):
        semester (str):
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingRollRead | Problem
    """

    return (
        await asyncio_detailed(
            school_code=school_code,
            semester=semester,
            client=client,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
