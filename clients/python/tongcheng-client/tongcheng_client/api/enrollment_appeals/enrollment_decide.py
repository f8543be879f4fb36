from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollment_appeal_out import EnrollmentAppealOut
from ...models.enrollment_decision_in import EnrollmentDecisionIn
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    appeal_id: int,
    *,
    body: EnrollmentDecisionIn,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/enrollment/appeals/{appeal_id}/decision".format(
            appeal_id=quote(str(appeal_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
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
    body: EnrollmentDecisionIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[EnrollmentAppealOut | Problem]:
    """Decide

     **复核 (appeal) — BRIEF §4 step 6, §3**

    upheld | rejected, once (409 ``invalid_state`` after). Upholding an appeal that disputes a fact
    sends the
    re-check to that department's queue (through the outbox) and the appeal follows it: ``progress``
    ``waiting_for_department`` → ``rescored`` → ``included_in_run`` (:mod:`enrollment.appeals_flow`).
    Upholding,
    the bureau may name what is disputed (``disputes``, as at lodging; it replaces the family's): 422
    ``unknown_guardian``, ``no_such_fact``, ``disputes_when_upheld``.

    Roles: bureau.

    Args:
        appeal_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentDecisionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentAppealOut | Problem]
    """

    kwargs = _get_kwargs(
        appeal_id=appeal_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    appeal_id: int,
    *,
    client: AuthenticatedClient,
    body: EnrollmentDecisionIn,
    idempotency_key: None | str | Unset = UNSET,
) -> EnrollmentAppealOut | Problem | None:
    """Decide

     **复核 (appeal) — BRIEF §4 step 6, §3**

    upheld | rejected, once (409 ``invalid_state`` after). Upholding an appeal that disputes a fact
    sends the
    re-check to that department's queue (through the outbox) and the appeal follows it: ``progress``
    ``waiting_for_department`` → ``rescored`` → ``included_in_run`` (:mod:`enrollment.appeals_flow`).
    Upholding,
    the bureau may name what is disputed (``disputes``, as at lodging; it replaces the family's): 422
    ``unknown_guardian``, ``no_such_fact``, ``disputes_when_upheld``.

    Roles: bureau.

    Args:
        appeal_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentDecisionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentAppealOut | Problem
    """

    return sync_detailed(
        appeal_id=appeal_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    appeal_id: int,
    *,
    client: AuthenticatedClient,
    body: EnrollmentDecisionIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[EnrollmentAppealOut | Problem]:
    """Decide

     **复核 (appeal) — BRIEF §4 step 6, §3**

    upheld | rejected, once (409 ``invalid_state`` after). Upholding an appeal that disputes a fact
    sends the
    re-check to that department's queue (through the outbox) and the appeal follows it: ``progress``
    ``waiting_for_department`` → ``rescored`` → ``included_in_run`` (:mod:`enrollment.appeals_flow`).
    Upholding,
    the bureau may name what is disputed (``disputes``, as at lodging; it replaces the family's): 422
    ``unknown_guardian``, ``no_such_fact``, ``disputes_when_upheld``.

    Roles: bureau.

    Args:
        appeal_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentDecisionIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentAppealOut | Problem]
    """

    kwargs = _get_kwargs(
        appeal_id=appeal_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    appeal_id: int,
    *,
    client: AuthenticatedClient,
    body: EnrollmentDecisionIn,
    idempotency_key: None | str | Unset = UNSET,
) -> EnrollmentAppealOut | Problem | None:
    """Decide

     **复核 (appeal) — BRIEF §4 step 6, §3**

    upheld | rejected, once (409 ``invalid_state`` after). Upholding an appeal that disputes a fact
    sends the
    re-check to that department's queue (through the outbox) and the appeal follows it: ``progress``
    ``waiting_for_department`` → ``rescored`` → ``included_in_run`` (:mod:`enrollment.appeals_flow`).
    Upholding,
    the bureau may name what is disputed (``disputes``, as at lodging; it replaces the family's): 422
    ``unknown_guardian``, ``no_such_fact``, ``disputes_when_upheld``.

    Roles: bureau.

    Args:
        appeal_id (int):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentDecisionIn):

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
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
