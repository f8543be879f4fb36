from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.verification_case_facts_page import VerificationCaseFactsPage
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    season: int | None | Unset = UNSET,
    grade: int | None | Unset = UNSET,
    changed_after: int | None | Unset = UNSET,
    answered: bool | Unset = False,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_season: int | None | Unset
    if isinstance(season, Unset):
        json_season = UNSET
    else:
        json_season = season
    params["season"] = json_season

    json_grade: int | None | Unset
    if isinstance(grade, Unset):
        json_grade = UNSET
    else:
        json_grade = grade
    params["grade"] = json_grade

    json_changed_after: int | None | Unset
    if isinstance(changed_after, Unset):
        json_changed_after = UNSET
    else:
        json_changed_after = changed_after
    params["changed_after"] = json_changed_after

    params["answered"] = answered

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
        "url": "/api/verification/facts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | VerificationCaseFactsPage | None:
    if response.status_code == 200:
        response_200 = VerificationCaseFactsPage.from_dict(response.json())

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
) -> Response[Problem | VerificationCaseFactsPage]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    season: int | None | Unset = UNSET,
    grade: int | None | Unset = UNSET,
    changed_after: int | None | Unset = UNSET,
    answered: bool | Unset = False,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Response[Problem | VerificationCaseFactsPage]:
    """List Case Facts

     **核验事实 (confirmed facts) — BRIEF §5: only confirmed facts count**

    Page of CaseFacts ordered by ``seq``; ``changed_after=<seq>`` gives only cases whose results changed
    since
    (so points re-scores only those); ``answered=true`` only cases with no request pending (enrollment's
    feed of
    ``verified`` follows ``changed_after`` with it: the answer that completes a case gives it a new seq,
    so no
    case is missed, and the cases still waiting are not read again and again). Two queries per page
    whatever its
    size.

    Roles: service:points, service:enrollment, bureau.

    Args:
        season (int | None | Unset):
        grade (int | None | Unset): 1 or 7
        changed_after (int | None | Unset):
        answered (bool | Unset): only cases with no request pending Default: False.
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationCaseFactsPage]
    """

    kwargs = _get_kwargs(
        season=season,
        grade=grade,
        changed_after=changed_after,
        answered=answered,
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
    season: int | None | Unset = UNSET,
    grade: int | None | Unset = UNSET,
    changed_after: int | None | Unset = UNSET,
    answered: bool | Unset = False,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Problem | VerificationCaseFactsPage | None:
    """List Case Facts

     **核验事实 (confirmed facts) — BRIEF §5: only confirmed facts count**

    Page of CaseFacts ordered by ``seq``; ``changed_after=<seq>`` gives only cases whose results changed
    since
    (so points re-scores only those); ``answered=true`` only cases with no request pending (enrollment's
    feed of
    ``verified`` follows ``changed_after`` with it: the answer that completes a case gives it a new seq,
    so no
    case is missed, and the cases still waiting are not read again and again). Two queries per page
    whatever its
    size.

    Roles: service:points, service:enrollment, bureau.

    Args:
        season (int | None | Unset):
        grade (int | None | Unset): 1 or 7
        changed_after (int | None | Unset):
        answered (bool | Unset): only cases with no request pending Default: False.
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationCaseFactsPage
    """

    return sync_detailed(
        client=client,
        season=season,
        grade=grade,
        changed_after=changed_after,
        answered=answered,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    season: int | None | Unset = UNSET,
    grade: int | None | Unset = UNSET,
    changed_after: int | None | Unset = UNSET,
    answered: bool | Unset = False,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Response[Problem | VerificationCaseFactsPage]:
    """List Case Facts

     **核验事实 (confirmed facts) — BRIEF §5: only confirmed facts count**

    Page of CaseFacts ordered by ``seq``; ``changed_after=<seq>`` gives only cases whose results changed
    since
    (so points re-scores only those); ``answered=true`` only cases with no request pending (enrollment's
    feed of
    ``verified`` follows ``changed_after`` with it: the answer that completes a case gives it a new seq,
    so no
    case is missed, and the cases still waiting are not read again and again). Two queries per page
    whatever its
    size.

    Roles: service:points, service:enrollment, bureau.

    Args:
        season (int | None | Unset):
        grade (int | None | Unset): 1 or 7
        changed_after (int | None | Unset):
        answered (bool | Unset): only cases with no request pending Default: False.
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationCaseFactsPage]
    """

    kwargs = _get_kwargs(
        season=season,
        grade=grade,
        changed_after=changed_after,
        answered=answered,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    season: int | None | Unset = UNSET,
    grade: int | None | Unset = UNSET,
    changed_after: int | None | Unset = UNSET,
    answered: bool | Unset = False,
    limit: int | Unset = 100,
    cursor: None | str | Unset = UNSET,
) -> Problem | VerificationCaseFactsPage | None:
    """List Case Facts

     **核验事实 (confirmed facts) — BRIEF §5: only confirmed facts count**

    Page of CaseFacts ordered by ``seq``; ``changed_after=<seq>`` gives only cases whose results changed
    since
    (so points re-scores only those); ``answered=true`` only cases with no request pending (enrollment's
    feed of
    ``verified`` follows ``changed_after`` with it: the answer that completes a case gives it a new seq,
    so no
    case is missed, and the cases still waiting are not read again and again). Two queries per page
    whatever its
    size.

    Roles: service:points, service:enrollment, bureau.

    Args:
        season (int | None | Unset):
        grade (int | None | Unset): 1 or 7
        changed_after (int | None | Unset):
        answered (bool | Unset): only cases with no request pending Default: False.
        limit (int | Unset): page size, 1–1000 (每页条数); default 100 Default: 100.
        cursor (None | str | Unset): the next_cursor of the previous page, as given (opaque);
            absent: from the start. 422 invalid_cursor for any other text

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationCaseFactsPage
    """

    return (
        await asyncio_detailed(
            client=client,
            season=season,
            grade=grade,
            changed_after=changed_after,
            answered=answered,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
