from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollment_appeal_out import EnrollmentAppealOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    appeal_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/enrollment/appeals/{appeal_id}".format(
            appeal_id=quote(str(appeal_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnrollmentAppealOut | Problem | None:
    if response.status_code == 200:
        response_200 = EnrollmentAppealOut.from_dict(response.json())

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
) -> Response[EnrollmentAppealOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    appeal_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[EnrollmentAppealOut | Problem]:
    """Appeal Read

     **复核 (appeal) — BRIEF §4 step 6, §3**

    One appeal and where it stands: ``progress`` ``waiting_for_department`` (with ``department``),
    ``rescored``
    (the department's ``recheck`` outcome and the new ``score``), ``ready_for_rerun``,
    ``included_in_run``
    (``included_run_id``). 404 ``appeal_not_found``. The family's reason and new score are its personal
    data:
    the read is recorded in the access log (one INSERT in this transaction).

    Roles: bureau, platform.

    Args:
        appeal_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentAppealOut | Problem]
    """

    kwargs = _get_kwargs(
        appeal_id=appeal_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    appeal_id: int,
    *,
    client: AuthenticatedClient,
) -> EnrollmentAppealOut | Problem | None:
    """Appeal Read

     **复核 (appeal) — BRIEF §4 step 6, §3**

    One appeal and where it stands: ``progress`` ``waiting_for_department`` (with ``department``),
    ``rescored``
    (the department's ``recheck`` outcome and the new ``score``), ``ready_for_rerun``,
    ``included_in_run``
    (``included_run_id``). 404 ``appeal_not_found``. The family's reason and new score are its personal
    data:
    the read is recorded in the access log (one INSERT in this transaction).

    Roles: bureau, platform.

    Args:
        appeal_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentAppealOut | Problem
    """

    return sync_detailed(
        appeal_id=appeal_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    appeal_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[EnrollmentAppealOut | Problem]:
    """Appeal Read

     **复核 (appeal) — BRIEF §4 step 6, §3**

    One appeal and where it stands: ``progress`` ``waiting_for_department`` (with ``department``),
    ``rescored``
    (the department's ``recheck`` outcome and the new ``score``), ``ready_for_rerun``,
    ``included_in_run``
    (``included_run_id``). 404 ``appeal_not_found``. The family's reason and new score are its personal
    data:
    the read is recorded in the access log (one INSERT in this transaction).

    Roles: bureau, platform.

    Args:
        appeal_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentAppealOut | Problem]
    """

    kwargs = _get_kwargs(
        appeal_id=appeal_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appeal_id: int,
    *,
    client: AuthenticatedClient,
) -> EnrollmentAppealOut | Problem | None:
    """Appeal Read

     **复核 (appeal) — BRIEF §4 step 6, §3**

    One appeal and where it stands: ``progress`` ``waiting_for_department`` (with ``department``),
    ``rescored``
    (the department's ``recheck`` outcome and the new ``score``), ``ready_for_rerun``,
    ``included_in_run``
    (``included_run_id``). 404 ``appeal_not_found``. The family's reason and new score are its personal
    data:
    the read is recorded in the access log (one INSERT in this transaction).

    Roles: bureau, platform.

    Args:
        appeal_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentAppealOut | Problem
    """

    return (
        await asyncio_detailed(
            appeal_id=appeal_id,
            client=client,
        )
    ).parsed
