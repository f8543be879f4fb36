from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    run_id: int,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/enrollment/runs/{run_id}/snapshot".format(
            run_id=quote(str(run_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = response.json()
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
    run_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Any | Problem]:
    """Run Snapshot

     **录取批次 (placement run) and 公示 — BRIEF §4 step 6, §6**

    The privacy-safe snapshot file of a run (issue 13; format in ``docs/run-snapshot.md``): the run's
    seed,
    mechanism, rulebook id, code version and input digest; schools with seats and catchments; per
    application
    number its tie-break values (scores, residence date, lottery key), township, choices and placement
    or reason;
    the gate and the certificate. No names, ID numbers, phone numbers or addresses. ``tongcheng verify-
    run FILE``
    re-checks it without the services.

    Roles: bureau, auditor.

    Args:
        run_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        run_id=run_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    run_id: int,
    *,
    client: AuthenticatedClient,
) -> Any | Problem | None:
    """Run Snapshot

     **录取批次 (placement run) and 公示 — BRIEF §4 step 6, §6**

    The privacy-safe snapshot file of a run (issue 13; format in ``docs/run-snapshot.md``): the run's
    seed,
    mechanism, rulebook id, code version and input digest; schools with seats and catchments; per
    application
    number its tie-break values (scores, residence date, lottery key), township, choices and placement
    or reason;
    the gate and the certificate. No names, ID numbers, phone numbers or addresses. ``tongcheng verify-
    run FILE``
    re-checks it without the services.

    Roles: bureau, auditor.

    Args:
        run_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        run_id=run_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    run_id: int,
    *,
    client: AuthenticatedClient,
) -> Response[Any | Problem]:
    """Run Snapshot

     **录取批次 (placement run) and 公示 — BRIEF §4 step 6, §6**

    The privacy-safe snapshot file of a run (issue 13; format in ``docs/run-snapshot.md``): the run's
    seed,
    mechanism, rulebook id, code version and input digest; schools with seats and catchments; per
    application
    number its tie-break values (scores, residence date, lottery key), township, choices and placement
    or reason;
    the gate and the certificate. No names, ID numbers, phone numbers or addresses. ``tongcheng verify-
    run FILE``
    re-checks it without the services.

    Roles: bureau, auditor.

    Args:
        run_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        run_id=run_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    run_id: int,
    *,
    client: AuthenticatedClient,
) -> Any | Problem | None:
    """Run Snapshot

     **录取批次 (placement run) and 公示 — BRIEF §4 step 6, §6**

    The privacy-safe snapshot file of a run (issue 13; format in ``docs/run-snapshot.md``): the run's
    seed,
    mechanism, rulebook id, code version and input digest; schools with seats and catchments; per
    application
    number its tie-break values (scores, residence date, lottery key), township, choices and placement
    or reason;
    the gate and the certificate. No names, ID numbers, phone numbers or addresses. ``tongcheng verify-
    run FILE``
    re-checks it without the services.

    Roles: bureau, auditor.

    Args:
        run_id (int):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            run_id=run_id,
            client=client,
        )
    ).parsed
