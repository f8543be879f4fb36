from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    application_no: str,
    *,
    run_id: int | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_run_id: int | None | Unset
    if isinstance(run_id, Unset):
        json_run_id = UNSET
    else:
        json_run_id = run_id
    params["run_id"] = json_run_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/enrollment/placements/{application_no}/why".format(
            application_no=quote(str(application_no), safe=""),
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
    application_no: str,
    *,
    client: AuthenticatedClient,
    run_id: int | None | Unset = UNSET,
) -> Response[Any | Problem]:
    """Why Not

     **录取结果 (placement) — BRIEF §6, plan 二(四)**

    Why not this school (issue 13; BRIEF §5, §6): for each choice ranked above the child's place (all,
    when
    unplaced), the school's cut-off (its last admitted: tier, family score, other guardian's score,
    residence
    date, lottery position), the child's own values and the step of the tie-break chain that decided, in
    Chinese
    and English; for an ineligible child the rules not met (from points). Run: ``run_id``, else the
    latest
    published or final run that includes the application. 404 ``not_published``, ``run_not_found``,
    ``not_in_run``; 503 when points does not answer (ineligible children only). The explanation is the
    child's
    personal data: the read is recorded in the access log (a short write after the answer is built, so
    no
    write lock is held while points is asked).

    Roles: bureau, platform.

    Args:
        application_no (str):
        run_id (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        application_no=application_no,
        run_id=run_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    application_no: str,
    *,
    client: AuthenticatedClient,
    run_id: int | None | Unset = UNSET,
) -> Any | Problem | None:
    """Why Not

     **录取结果 (placement) — BRIEF §6, plan 二(四)**

    Why not this school (issue 13; BRIEF §5, §6): for each choice ranked above the child's place (all,
    when
    unplaced), the school's cut-off (its last admitted: tier, family score, other guardian's score,
    residence
    date, lottery position), the child's own values and the step of the tie-break chain that decided, in
    Chinese
    and English; for an ineligible child the rules not met (from points). Run: ``run_id``, else the
    latest
    published or final run that includes the application. 404 ``not_published``, ``run_not_found``,
    ``not_in_run``; 503 when points does not answer (ineligible children only). The explanation is the
    child's
    personal data: the read is recorded in the access log (a short write after the answer is built, so
    no
    write lock is held while points is asked).

    Roles: bureau, platform.

    Args:
        application_no (str):
        run_id (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        application_no=application_no,
        client=client,
        run_id=run_id,
    ).parsed


async def asyncio_detailed(
    application_no: str,
    *,
    client: AuthenticatedClient,
    run_id: int | None | Unset = UNSET,
) -> Response[Any | Problem]:
    """Why Not

     **录取结果 (placement) — BRIEF §6, plan 二(四)**

    Why not this school (issue 13; BRIEF §5, §6): for each choice ranked above the child's place (all,
    when
    unplaced), the school's cut-off (its last admitted: tier, family score, other guardian's score,
    residence
    date, lottery position), the child's own values and the step of the tie-break chain that decided, in
    Chinese
    and English; for an ineligible child the rules not met (from points). Run: ``run_id``, else the
    latest
    published or final run that includes the application. 404 ``not_published``, ``run_not_found``,
    ``not_in_run``; 503 when points does not answer (ineligible children only). The explanation is the
    child's
    personal data: the read is recorded in the access log (a short write after the answer is built, so
    no
    write lock is held while points is asked).

    Roles: bureau, platform.

    Args:
        application_no (str):
        run_id (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        application_no=application_no,
        run_id=run_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    application_no: str,
    *,
    client: AuthenticatedClient,
    run_id: int | None | Unset = UNSET,
) -> Any | Problem | None:
    """Why Not

     **录取结果 (placement) — BRIEF §6, plan 二(四)**

    Why not this school (issue 13; BRIEF §5, §6): for each choice ranked above the child's place (all,
    when
    unplaced), the school's cut-off (its last admitted: tier, family score, other guardian's score,
    residence
    date, lottery position), the child's own values and the step of the tie-break chain that decided, in
    Chinese
    and English; for an ineligible child the rules not met (from points). Run: ``run_id``, else the
    latest
    published or final run that includes the application. 404 ``not_published``, ``run_not_found``,
    ``not_in_run``; 503 when points does not answer (ineligible children only). The explanation is the
    child's
    personal data: the read is recorded in the access log (a short write after the answer is built, so
    no
    write lock is held while points is asked).

    Roles: bureau, platform.

    Args:
        application_no (str):
        run_id (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            application_no=application_no,
            client=client,
            run_id=run_id,
        )
    ).parsed
