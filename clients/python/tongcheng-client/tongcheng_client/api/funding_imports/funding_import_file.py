from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_body_import_file import FundingBodyImportFile
from ...models.funding_import_file_kind import FundingImportFileKind
from ...models.funding_import_file_response_import_file import (
    FundingImportFileResponseImportFile,
)
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    kind: FundingImportFileKind,
    *,
    body: FundingBodyImportFile,
    dry_run: bool | Unset = False,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["dry_run"] = dry_run

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/funding/imports/{kind}".format(
            kind=quote(str(kind), safe=""),
        ),
        "params": params,
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingImportFileResponseImportFile | Problem | None:
    if response.status_code == 200:
        response_200 = FundingImportFileResponseImportFile.from_dict(response.json())

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
) -> Response[FundingImportFileResponseImportFile | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    kind: FundingImportFileKind,
    *,
    client: AuthenticatedClient,
    body: FundingBodyImportFile,
    dry_run: bool | Unset = False,
) -> Response[FundingImportFileResponseImportFile | Problem]:
    """Import File

     **数据导入 (semesters and tariffs) — BRIEF §4 step 1, §8**

    Import the bureau's file of semesters or tariffs (multipart/form-data, field ``file``; CSV or XLSX
    with a
    sheet named ``kind`` or one sheet; columns as ``data/semesters.csv`` / ``data/tariffs.csv``). Every
    row is
    checked first; any refused row → 422 ``import_refused`` with ``refused: [{sheet, row, column, value,
    code,
    reason_en, reason_zh}]``, nothing written. Else ``{kind, sheet, rows, created, updated, unchanged,
    dry_run,
    written, message}`` (the same file twice: nothing changes, ``written: false``).

    Roles: bureau.

    Args:
        kind (FundingImportFileKind):
        dry_run (bool | Unset): check every row, write nothing Default: False.
        body (FundingBodyImportFile):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingImportFileResponseImportFile | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        body=body,
        dry_run=dry_run,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    kind: FundingImportFileKind,
    *,
    client: AuthenticatedClient,
    body: FundingBodyImportFile,
    dry_run: bool | Unset = False,
) -> FundingImportFileResponseImportFile | Problem | None:
    """Import File

     **数据导入 (semesters and tariffs) — BRIEF §4 step 1, §8**

    Import the bureau's file of semesters or tariffs (multipart/form-data, field ``file``; CSV or XLSX
    with a
    sheet named ``kind`` or one sheet; columns as ``data/semesters.csv`` / ``data/tariffs.csv``). Every
    row is
    checked first; any refused row → 422 ``import_refused`` with ``refused: [{sheet, row, column, value,
    code,
    reason_en, reason_zh}]``, nothing written. Else ``{kind, sheet, rows, created, updated, unchanged,
    dry_run,
    written, message}`` (the same file twice: nothing changes, ``written: false``).

    Roles: bureau.

    Args:
        kind (FundingImportFileKind):
        dry_run (bool | Unset): check every row, write nothing Default: False.
        body (FundingBodyImportFile):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingImportFileResponseImportFile | Problem
    """

    return sync_detailed(
        kind=kind,
        client=client,
        body=body,
        dry_run=dry_run,
    ).parsed


async def asyncio_detailed(
    kind: FundingImportFileKind,
    *,
    client: AuthenticatedClient,
    body: FundingBodyImportFile,
    dry_run: bool | Unset = False,
) -> Response[FundingImportFileResponseImportFile | Problem]:
    """Import File

     **数据导入 (semesters and tariffs) — BRIEF §4 step 1, §8**

    Import the bureau's file of semesters or tariffs (multipart/form-data, field ``file``; CSV or XLSX
    with a
    sheet named ``kind`` or one sheet; columns as ``data/semesters.csv`` / ``data/tariffs.csv``). Every
    row is
    checked first; any refused row → 422 ``import_refused`` with ``refused: [{sheet, row, column, value,
    code,
    reason_en, reason_zh}]``, nothing written. Else ``{kind, sheet, rows, created, updated, unchanged,
    dry_run,
    written, message}`` (the same file twice: nothing changes, ``written: false``).

    Roles: bureau.

    Args:
        kind (FundingImportFileKind):
        dry_run (bool | Unset): check every row, write nothing Default: False.
        body (FundingBodyImportFile):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingImportFileResponseImportFile | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        body=body,
        dry_run=dry_run,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    kind: FundingImportFileKind,
    *,
    client: AuthenticatedClient,
    body: FundingBodyImportFile,
    dry_run: bool | Unset = False,
) -> FundingImportFileResponseImportFile | Problem | None:
    """Import File

     **数据导入 (semesters and tariffs) — BRIEF §4 step 1, §8**

    Import the bureau's file of semesters or tariffs (multipart/form-data, field ``file``; CSV or XLSX
    with a
    sheet named ``kind`` or one sheet; columns as ``data/semesters.csv`` / ``data/tariffs.csv``). Every
    row is
    checked first; any refused row → 422 ``import_refused`` with ``refused: [{sheet, row, column, value,
    code,
    reason_en, reason_zh}]``, nothing written. Else ``{kind, sheet, rows, created, updated, unchanged,
    dry_run,
    written, message}`` (the same file twice: nothing changes, ``written: false``).

    Roles: bureau.

    Args:
        kind (FundingImportFileKind):
        dry_run (bool | Unset): check every row, write nothing Default: False.
        body (FundingBodyImportFile):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingImportFileResponseImportFile | Problem
    """

    return (
        await asyncio_detailed(
            kind=kind,
            client=client,
            body=body,
            dry_run=dry_run,
        )
    ).parsed
