from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.verification_recheck_in import VerificationRecheckIn
from ...models.verification_recheck_out import VerificationRecheckOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: VerificationRecheckIn,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/verification/rechecks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | VerificationRecheckOut | None:
    if response.status_code == 200:
        response_200 = VerificationRecheckOut.from_dict(response.json())

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
) -> Response[Problem | VerificationRecheckOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: VerificationRecheckIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | VerificationRecheckOut]:
    """Request Recheck

     **复核 (re-check for an appeal) — BRIEF §4 step 6**

    Check one fact of one guardian again for an upheld appeal (复核, issue 13) → ``{ref, request_id,
    application_no, guardian_no, kind, department, ground, open, requested_at, result}``. The guardian's
    live
    request of that kind goes back to its department's queue marked ``recheck: {appeal_ref, ground,
    requested_at}``; its current result still counts until the department posts the next one, which
    closes the
    re-check (``result``). Idempotent by ``ref``. 404 ``case_not_found`` / ``request_not_found``; 409
    ``recheck_conflict`` when ``ref`` already names another request, ``case_withdrawn`` for a withdrawn
    application.

    Roles: service:enrollment, bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (VerificationRecheckIn): ``POST /rechecks``: check one fact of one guardian again for
            an upheld appeal (enrollment's outbox).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationRecheckOut]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: VerificationRecheckIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | VerificationRecheckOut | None:
    """Request Recheck

     **复核 (re-check for an appeal) — BRIEF §4 step 6**

    Check one fact of one guardian again for an upheld appeal (复核, issue 13) → ``{ref, request_id,
    application_no, guardian_no, kind, department, ground, open, requested_at, result}``. The guardian's
    live
    request of that kind goes back to its department's queue marked ``recheck: {appeal_ref, ground,
    requested_at}``; its current result still counts until the department posts the next one, which
    closes the
    re-check (``result``). Idempotent by ``ref``. 404 ``case_not_found`` / ``request_not_found``; 409
    ``recheck_conflict`` when ``ref`` already names another request, ``case_withdrawn`` for a withdrawn
    application.

    Roles: service:enrollment, bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (VerificationRecheckIn): ``POST /rechecks``: check one fact of one guardian again for
            an upheld appeal (enrollment's outbox).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationRecheckOut
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: VerificationRecheckIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | VerificationRecheckOut]:
    """Request Recheck

     **复核 (re-check for an appeal) — BRIEF §4 step 6**

    Check one fact of one guardian again for an upheld appeal (复核, issue 13) → ``{ref, request_id,
    application_no, guardian_no, kind, department, ground, open, requested_at, result}``. The guardian's
    live
    request of that kind goes back to its department's queue marked ``recheck: {appeal_ref, ground,
    requested_at}``; its current result still counts until the department posts the next one, which
    closes the
    re-check (``result``). Idempotent by ``ref``. 404 ``case_not_found`` / ``request_not_found``; 409
    ``recheck_conflict`` when ``ref`` already names another request, ``case_withdrawn`` for a withdrawn
    application.

    Roles: service:enrollment, bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (VerificationRecheckIn): ``POST /rechecks``: check one fact of one guardian again for
            an upheld appeal (enrollment's outbox).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationRecheckOut]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: VerificationRecheckIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | VerificationRecheckOut | None:
    """Request Recheck

     **复核 (re-check for an appeal) — BRIEF §4 step 6**

    Check one fact of one guardian again for an upheld appeal (复核, issue 13) → ``{ref, request_id,
    application_no, guardian_no, kind, department, ground, open, requested_at, result}``. The guardian's
    live
    request of that kind goes back to its department's queue marked ``recheck: {appeal_ref, ground,
    requested_at}``; its current result still counts until the department posts the next one, which
    closes the
    re-check (``result``). Idempotent by ``ref``. 404 ``case_not_found`` / ``request_not_found``; 409
    ``recheck_conflict`` when ``ref`` already names another request, ``case_withdrawn`` for a withdrawn
    application.

    Roles: service:enrollment, bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (VerificationRecheckIn): ``POST /rechecks``: check one fact of one guardian again for
            an upheld appeal (enrollment's outbox).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationRecheckOut
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
