from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    view: str,
    *,
    semester: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_semester: None | str | Unset
    if isinstance(semester, Unset):
        json_semester = UNSET
    else:
        json_semester = semester
    params["semester"] = json_semester

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/funding/exports/{view}.csv".format(
            view=quote(str(view), safe=""),
        ),
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
    view: str,
    *,
    client: AuthenticatedClient,
    semester: None | str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Export Csv

     **审计导出 (auditor's exports) — BRIEF §2, §8**

    One view as UTF-8 CSV (amounts as yuan strings with 2 places); views: settlements, lines, seats,
    tariffs,
    adjustments, disbursements, ledger, verification, totals, budget. 404 ``unknown_view``.

    Roles: auditor, finance, bureau.

    Args:
        view (str):
        semester (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        view=view,
        semester=semester,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    view: str,
    *,
    client: AuthenticatedClient,
    semester: None | str | Unset = UNSET,
) -> Any | Problem | None:
    """Export Csv

     **审计导出 (auditor's exports) — BRIEF §2, §8**

    One view as UTF-8 CSV (amounts as yuan strings with 2 places); views: settlements, lines, seats,
    tariffs,
    adjustments, disbursements, ledger, verification, totals, budget. 404 ``unknown_view``.

    Roles: auditor, finance, bureau.

    Args:
        view (str):
        semester (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        view=view,
        client=client,
        semester=semester,
    ).parsed


async def asyncio_detailed(
    view: str,
    *,
    client: AuthenticatedClient,
    semester: None | str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Export Csv

     **审计导出 (auditor's exports) — BRIEF §2, §8**

    One view as UTF-8 CSV (amounts as yuan strings with 2 places); views: settlements, lines, seats,
    tariffs,
    adjustments, disbursements, ledger, verification, totals, budget. 404 ``unknown_view``.

    Roles: auditor, finance, bureau.

    Args:
        view (str):
        semester (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        view=view,
        semester=semester,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    view: str,
    *,
    client: AuthenticatedClient,
    semester: None | str | Unset = UNSET,
) -> Any | Problem | None:
    """Export Csv

     **审计导出 (auditor's exports) — BRIEF §2, §8**

    One view as UTF-8 CSV (amounts as yuan strings with 2 places); views: settlements, lines, seats,
    tariffs,
    adjustments, disbursements, ledger, verification, totals, budget. 404 ``unknown_view``.

    Roles: auditor, finance, bureau.

    Args:
        view (str):
        semester (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            view=view,
            client=client,
            semester=semester,
        )
    ).parsed
