from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollmentcommon_schemas_page import EnrollmentcommonSchemasPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    application_no: None | str | Unset = UNSET,
    reader: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_application_no: None | str | Unset
    if isinstance(application_no, Unset):
        json_application_no = UNSET
    else:
        json_application_no = application_no
    params["application_no"] = json_application_no

    json_reader: None | str | Unset
    if isinstance(reader, Unset):
        json_reader = UNSET
    else:
        json_reader = reader
    params["reader"] = json_reader

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
        "url": "/api/enrollment/access-log",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnrollmentcommonSchemasPage | Problem | None:
    if response.status_code == 200:
        response_200 = EnrollmentcommonSchemasPage.from_dict(response.json())

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
) -> Response[EnrollmentcommonSchemasPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    application_no: None | str | Unset = UNSET,
    reader: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Response[EnrollmentcommonSchemasPage | Problem]:
    """Access Records

     **个人信息访问记录 (who read whose data) — BRIEF §2: each role reads only what it may**

    Reads of one application's personal data in this service (个人信息访问记录), oldest first, by
    ``application_no`` and/or ``reader`` (``role:subject``): ``{items: [{id, at (Asia/Shanghai), at_utc,
    reader,
    application_no, season, endpoint}], next_cursor}``. This read is itself recorded (endpoint ``GET
    /access-log``, the application asked about). 422 ``invalid_cursor``.

    Roles: auditor.

    Args:
        application_no (None | str | Unset):
        reader (None | str | Unset): role:subject
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentcommonSchemasPage | Problem]
    """

    kwargs = _get_kwargs(
        application_no=application_no,
        reader=reader,
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
    application_no: None | str | Unset = UNSET,
    reader: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> EnrollmentcommonSchemasPage | Problem | None:
    """Access Records

     **个人信息访问记录 (who read whose data) — BRIEF §2: each role reads only what it may**

    Reads of one application's personal data in this service (个人信息访问记录), oldest first, by
    ``application_no`` and/or ``reader`` (``role:subject``): ``{items: [{id, at (Asia/Shanghai), at_utc,
    reader,
    application_no, season, endpoint}], next_cursor}``. This read is itself recorded (endpoint ``GET
    /access-log``, the application asked about). 422 ``invalid_cursor``.

    Roles: auditor.

    Args:
        application_no (None | str | Unset):
        reader (None | str | Unset): role:subject
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentcommonSchemasPage | Problem
    """

    return sync_detailed(
        client=client,
        application_no=application_no,
        reader=reader,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    application_no: None | str | Unset = UNSET,
    reader: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Response[EnrollmentcommonSchemasPage | Problem]:
    """Access Records

     **个人信息访问记录 (who read whose data) — BRIEF §2: each role reads only what it may**

    Reads of one application's personal data in this service (个人信息访问记录), oldest first, by
    ``application_no`` and/or ``reader`` (``role:subject``): ``{items: [{id, at (Asia/Shanghai), at_utc,
    reader,
    application_no, season, endpoint}], next_cursor}``. This read is itself recorded (endpoint ``GET
    /access-log``, the application asked about). 422 ``invalid_cursor``.

    Roles: auditor.

    Args:
        application_no (None | str | Unset):
        reader (None | str | Unset): role:subject
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentcommonSchemasPage | Problem]
    """

    kwargs = _get_kwargs(
        application_no=application_no,
        reader=reader,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    application_no: None | str | Unset = UNSET,
    reader: None | str | Unset = UNSET,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> EnrollmentcommonSchemasPage | Problem | None:
    """Access Records

     **个人信息访问记录 (who read whose data) — BRIEF §2: each role reads only what it may**

    Reads of one application's personal data in this service (个人信息访问记录), oldest first, by
    ``application_no`` and/or ``reader`` (``role:subject``): ``{items: [{id, at (Asia/Shanghai), at_utc,
    reader,
    application_no, season, endpoint}], next_cursor}``. This read is itself recorded (endpoint ``GET
    /access-log``, the application asked about). 422 ``invalid_cursor``.

    Roles: auditor.

    Args:
        application_no (None | str | Unset):
        reader (None | str | Unset): role:subject
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentcommonSchemasPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            application_no=application_no,
            reader=reader,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
