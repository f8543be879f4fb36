from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollment_appeals_file_format import EnrollmentAppealsFileFormat
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    format_: EnrollmentAppealsFileFormat | Unset = EnrollmentAppealsFileFormat.XLSX,
    run_id: int | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_run_id: int | None | Unset
    if isinstance(run_id, Unset):
        json_run_id = UNSET
    else:
        json_run_id = run_id
    params["run_id"] = json_run_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/enrollment/reports/appeals",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
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
) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    format_: EnrollmentAppealsFileFormat | Unset = EnrollmentAppealsFileFormat.XLSX,
    run_id: int | None | Unset = UNSET,
) -> Response[Any | Problem]:
    """Appeals File

     **公办学校就读比例 (public-school share) and 录取名册 — BRIEF §1 plan 二(一): the 95 % target**

    The appeals (复核) and their decisions, oldest first (of one run with ``run_id``): number, run,
    application
    number and child's name, the family's reason (ID numbers and phones in it masked), what it disputes,
    decision
    and its note, who decided and when (Asia/Shanghai), where it stands (department re-check, score
    after it, the
    run that included it). One sheet 复核 / one CSV table. Recorded in the access log.

    Roles: bureau, auditor.

    Args:
        format_ (EnrollmentAppealsFileFormat | Unset): xlsx (default) or csv Default:
            EnrollmentAppealsFileFormat.XLSX.
        run_id (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        run_id=run_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    format_: EnrollmentAppealsFileFormat | Unset = EnrollmentAppealsFileFormat.XLSX,
    run_id: int | None | Unset = UNSET,
) -> Any | Problem | None:
    """Appeals File

     **公办学校就读比例 (public-school share) and 录取名册 — BRIEF §1 plan 二(一): the 95 % target**

    The appeals (复核) and their decisions, oldest first (of one run with ``run_id``): number, run,
    application
    number and child's name, the family's reason (ID numbers and phones in it masked), what it disputes,
    decision
    and its note, who decided and when (Asia/Shanghai), where it stands (department re-check, score
    after it, the
    run that included it). One sheet 复核 / one CSV table. Recorded in the access log.

    Roles: bureau, auditor.

    Args:
        format_ (EnrollmentAppealsFileFormat | Unset): xlsx (default) or csv Default:
            EnrollmentAppealsFileFormat.XLSX.
        run_id (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        format_=format_,
        run_id=run_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    format_: EnrollmentAppealsFileFormat | Unset = EnrollmentAppealsFileFormat.XLSX,
    run_id: int | None | Unset = UNSET,
) -> Response[Any | Problem]:
    """Appeals File

     **公办学校就读比例 (public-school share) and 录取名册 — BRIEF §1 plan 二(一): the 95 % target**

    The appeals (复核) and their decisions, oldest first (of one run with ``run_id``): number, run,
    application
    number and child's name, the family's reason (ID numbers and phones in it masked), what it disputes,
    decision
    and its note, who decided and when (Asia/Shanghai), where it stands (department re-check, score
    after it, the
    run that included it). One sheet 复核 / one CSV table. Recorded in the access log.

    Roles: bureau, auditor.

    Args:
        format_ (EnrollmentAppealsFileFormat | Unset): xlsx (default) or csv Default:
            EnrollmentAppealsFileFormat.XLSX.
        run_id (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        run_id=run_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    format_: EnrollmentAppealsFileFormat | Unset = EnrollmentAppealsFileFormat.XLSX,
    run_id: int | None | Unset = UNSET,
) -> Any | Problem | None:
    """Appeals File

     **公办学校就读比例 (public-school share) and 录取名册 — BRIEF §1 plan 二(一): the 95 % target**

    The appeals (复核) and their decisions, oldest first (of one run with ``run_id``): number, run,
    application
    number and child's name, the family's reason (ID numbers and phones in it masked), what it disputes,
    decision
    and its note, who decided and when (Asia/Shanghai), where it stands (department re-check, score
    after it, the
    run that included it). One sheet 复核 / one CSV table. Recorded in the access log.

    Roles: bureau, auditor.

    Args:
        format_ (EnrollmentAppealsFileFormat | Unset): xlsx (default) or csv Default:
            EnrollmentAppealsFileFormat.XLSX.
        run_id (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            format_=format_,
            run_id=run_id,
        )
    ).parsed
