from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    run_id: int,
    *,
    against: int | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_against: int | None | Unset
    if isinstance(against, Unset):
        json_against = UNSET
    else:
        json_against = against
    params["against"] = json_against

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/enrollment/runs/{run_id}/diff".format(
            run_id=quote(str(run_id), safe=""),
        ),
        "params": params,
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
    against: int | None | Unset = UNSET,
) -> Response[Any | Problem]:
    """Run Diff

     **录取批次 (placement run) and 公示 — BRIEF §4 step 6, §6**

    Who moved (issue 13): each child whose placement differs between run ``against`` (default: the run
    this one
    replaced) and this run — ``moved`` / ``newly_placed`` / ``lost_place``, from where to where — with
    the reasons
    (appeal_upheld, fact_corrected, withdrawal, new_application, changed_seats, knock_on) and counts.
    404
    ``run_not_found``, ``no_previous_run``; 422 ``other_grade``.

    Roles: bureau, platform.

    Args:
        run_id (int):
        against (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        run_id=run_id,
        against=against,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    run_id: int,
    *,
    client: AuthenticatedClient,
    against: int | None | Unset = UNSET,
) -> Any | Problem | None:
    """Run Diff

     **录取批次 (placement run) and 公示 — BRIEF §4 step 6, §6**

    Who moved (issue 13): each child whose placement differs between run ``against`` (default: the run
    this one
    replaced) and this run — ``moved`` / ``newly_placed`` / ``lost_place``, from where to where — with
    the reasons
    (appeal_upheld, fact_corrected, withdrawal, new_application, changed_seats, knock_on) and counts.
    404
    ``run_not_found``, ``no_previous_run``; 422 ``other_grade``.

    Roles: bureau, platform.

    Args:
        run_id (int):
        against (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        run_id=run_id,
        client=client,
        against=against,
    ).parsed


async def asyncio_detailed(
    run_id: int,
    *,
    client: AuthenticatedClient,
    against: int | None | Unset = UNSET,
) -> Response[Any | Problem]:
    """Run Diff

     **录取批次 (placement run) and 公示 — BRIEF §4 step 6, §6**

    Who moved (issue 13): each child whose placement differs between run ``against`` (default: the run
    this one
    replaced) and this run — ``moved`` / ``newly_placed`` / ``lost_place``, from where to where — with
    the reasons
    (appeal_upheld, fact_corrected, withdrawal, new_application, changed_seats, knock_on) and counts.
    404
    ``run_not_found``, ``no_previous_run``; 422 ``other_grade``.

    Roles: bureau, platform.

    Args:
        run_id (int):
        against (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        run_id=run_id,
        against=against,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    run_id: int,
    *,
    client: AuthenticatedClient,
    against: int | None | Unset = UNSET,
) -> Any | Problem | None:
    """Run Diff

     **录取批次 (placement run) and 公示 — BRIEF §4 step 6, §6**

    Who moved (issue 13): each child whose placement differs between run ``against`` (default: the run
    this one
    replaced) and this run — ``moved`` / ``newly_placed`` / ``lost_place``, from where to where — with
    the reasons
    (appeal_upheld, fact_corrected, withdrawal, new_application, changed_seats, knock_on) and counts.
    404
    ``run_not_found``, ``no_previous_run``; 422 ``other_grade``.

    Roles: bureau, platform.

    Args:
        run_id (int):
        against (int | None | Unset):

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
            against=against,
        )
    ).parsed
