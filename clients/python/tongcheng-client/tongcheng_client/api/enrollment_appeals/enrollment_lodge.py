from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollment_appeal_in import EnrollmentAppealIn
from ...models.enrollment_appeal_out import EnrollmentAppealOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: EnrollmentAppealIn,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/enrollment/appeals",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnrollmentAppealOut | Problem | None:
    if response.status_code == 201:
        response_201 = EnrollmentAppealOut.from_dict(response.json())

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
) -> Response[EnrollmentAppealOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: EnrollmentAppealIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[EnrollmentAppealOut | Problem]:
    """Lodge

     **复核 (appeal) — BRIEF §4 step 6, §3**

    A family's appeal (复核) while the run is published and its window open (409
    ``appeal_window_closed``),
    naming what it disputes: ``disputes: {type: "fact", guardian_no, kind}`` (a fact of one guardian,
    which its
    department checks again once the appeal is upheld) or ``{type: "placement_rule", rule}``. 422
    ``unknown_guardian`` (a guardian the application does not list), ``no_such_fact``, ``not_in_run``;
    409
    ``duplicate_appeal``.

    Roles: platform.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentAppealIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentAppealOut | Problem]
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
    body: EnrollmentAppealIn,
    idempotency_key: None | str | Unset = UNSET,
) -> EnrollmentAppealOut | Problem | None:
    """Lodge

     **复核 (appeal) — BRIEF §4 step 6, §3**

    A family's appeal (复核) while the run is published and its window open (409
    ``appeal_window_closed``),
    naming what it disputes: ``disputes: {type: "fact", guardian_no, kind}`` (a fact of one guardian,
    which its
    department checks again once the appeal is upheld) or ``{type: "placement_rule", rule}``. 422
    ``unknown_guardian`` (a guardian the application does not list), ``no_such_fact``, ``not_in_run``;
    409
    ``duplicate_appeal``.

    Roles: platform.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentAppealIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentAppealOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EnrollmentAppealIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[EnrollmentAppealOut | Problem]:
    """Lodge

     **复核 (appeal) — BRIEF §4 step 6, §3**

    A family's appeal (复核) while the run is published and its window open (409
    ``appeal_window_closed``),
    naming what it disputes: ``disputes: {type: "fact", guardian_no, kind}`` (a fact of one guardian,
    which its
    department checks again once the appeal is upheld) or ``{type: "placement_rule", rule}``. 422
    ``unknown_guardian`` (a guardian the application does not list), ``no_such_fact``, ``not_in_run``;
    409
    ``duplicate_appeal``.

    Roles: platform.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentAppealIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentAppealOut | Problem]
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
    body: EnrollmentAppealIn,
    idempotency_key: None | str | Unset = UNSET,
) -> EnrollmentAppealOut | Problem | None:
    """Lodge

     **复核 (appeal) — BRIEF §4 step 6, §3**

    A family's appeal (复核) while the run is published and its window open (409
    ``appeal_window_closed``),
    naming what it disputes: ``disputes: {type: "fact", guardian_no, kind}`` (a fact of one guardian,
    which its
    department checks again once the appeal is upheld) or ``{type: "placement_rule", rule}``. 422
    ``unknown_guardian`` (a guardian the application does not list), ``no_such_fact``, ``not_in_run``;
    409
    ``duplicate_appeal``.

    Roles: platform.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentAppealIn):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentAppealOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
