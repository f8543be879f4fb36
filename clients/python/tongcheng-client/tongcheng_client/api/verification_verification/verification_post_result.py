from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.verification_result_in import VerificationResultIn
from ...models.verification_result_out import VerificationResultOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    request_id: int,
    *,
    body: VerificationResultIn,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/verification/requests/{request_id}/results".format(
            request_id=quote(str(request_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | VerificationResultOut | None:
    if response.status_code == 201:
        response_201 = VerificationResultOut.from_dict(response.json())

        return response_201

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
) -> Response[Problem | VerificationResultOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    request_id: int,
    *,
    client: AuthenticatedClient,
    body: VerificationResultIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | VerificationResultOut]:
    """Post Result

     **核验请求 (verification request) — BRIEF §4 step 4, plan 四(二)**

    Answer one of the department's requests (BRIEF §4 step 4) → 201 Result. On an answered request the
    new
    result is a correction that supersedes the current one (both kept). ``Idempotency-Key`` required
    (400
    ``idempotency_key_required``); 404 ``request_not_found`` for another department's request; 422
    ``invalid_facts`` / ``contradicts_claim``; 409 ``request_superseded``, ``case_withdrawn`` (the
    family withdrew
    the application: the request left the queue).

    Roles: department.

    Args:
        request_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (VerificationResultIn): ``POST /requests/{id}/results``. ``facts`` is checked against
            the request's kind by the service.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationResultOut]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    request_id: int,
    *,
    client: AuthenticatedClient,
    body: VerificationResultIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | VerificationResultOut | None:
    """Post Result

     **核验请求 (verification request) — BRIEF §4 step 4, plan 四(二)**

    Answer one of the department's requests (BRIEF §4 step 4) → 201 Result. On an answered request the
    new
    result is a correction that supersedes the current one (both kept). ``Idempotency-Key`` required
    (400
    ``idempotency_key_required``); 404 ``request_not_found`` for another department's request; 422
    ``invalid_facts`` / ``contradicts_claim``; 409 ``request_superseded``, ``case_withdrawn`` (the
    family withdrew
    the application: the request left the queue).

    Roles: department.

    Args:
        request_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (VerificationResultIn): ``POST /requests/{id}/results``. ``facts`` is checked against
            the request's kind by the service.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationResultOut
    """

    return sync_detailed(
        request_id=request_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    request_id: int,
    *,
    client: AuthenticatedClient,
    body: VerificationResultIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | VerificationResultOut]:
    """Post Result

     **核验请求 (verification request) — BRIEF §4 step 4, plan 四(二)**

    Answer one of the department's requests (BRIEF §4 step 4) → 201 Result. On an answered request the
    new
    result is a correction that supersedes the current one (both kept). ``Idempotency-Key`` required
    (400
    ``idempotency_key_required``); 404 ``request_not_found`` for another department's request; 422
    ``invalid_facts`` / ``contradicts_claim``; 409 ``request_superseded``, ``case_withdrawn`` (the
    family withdrew
    the application: the request left the queue).

    Roles: department.

    Args:
        request_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (VerificationResultIn): ``POST /requests/{id}/results``. ``facts`` is checked against
            the request's kind by the service.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationResultOut]
    """

    kwargs = _get_kwargs(
        request_id=request_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    request_id: int,
    *,
    client: AuthenticatedClient,
    body: VerificationResultIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | VerificationResultOut | None:
    """Post Result

     **核验请求 (verification request) — BRIEF §4 step 4, plan 四(二)**

    Answer one of the department's requests (BRIEF §4 step 4) → 201 Result. On an answered request the
    new
    result is a correction that supersedes the current one (both kept). ``Idempotency-Key`` required
    (400
    ``idempotency_key_required``); 404 ``request_not_found`` for another department's request; 422
    ``invalid_facts`` / ``contradicts_claim``; 409 ``request_superseded``, ``case_withdrawn`` (the
    family withdrew
    the application: the request left the queue).

    Roles: department.

    Args:
        request_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (VerificationResultIn): ``POST /requests/{id}/results``. ``facts`` is checked against
            the request's kind by the service.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationResultOut
    """

    return (
        await asyncio_detailed(
            request_id=request_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
