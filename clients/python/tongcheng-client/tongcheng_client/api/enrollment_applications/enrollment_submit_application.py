from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollment_application_in import EnrollmentApplicationIn
from ...models.enrollment_application_out import EnrollmentApplicationOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: EnrollmentApplicationIn,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/enrollment/applications",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnrollmentApplicationOut | Problem | None:
    if response.status_code == 201:
        response_201 = EnrollmentApplicationOut.from_dict(response.json())

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
) -> Response[EnrollmentApplicationOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: EnrollmentApplicationIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[EnrollmentApplicationOut | Problem]:
    """Submit Application

     **入学申请 (application) — BRIEF §4 step 2, plan 二(四): submitted by the Taizhou platform**

    Store an application and queue its verification case (outbox, same transaction) → 201 Application.
    422 with ``field`` and ``code``; 409 ``duplicate_application`` with ``existing_application_no``; 409
    ``season_closed`` (``field: "season"``, ``final_run_id``) once a run of the season and grade is
    final. A keyed
    request stored before that still replays its 201.

    Roles: platform.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentApplicationIn): ``POST /applications``: field types here; the rules across
            fields (birth date = the ID number's, distinct
            guardians, claims naming existing guardians) are ``rules.check_application``, the choices
            against the
            schools ``rules.check_choices`` — both give a field and a stable code.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentApplicationOut | Problem]
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
    body: EnrollmentApplicationIn,
    idempotency_key: None | str | Unset = UNSET,
) -> EnrollmentApplicationOut | Problem | None:
    """Submit Application

     **入学申请 (application) — BRIEF §4 step 2, plan 二(四): submitted by the Taizhou platform**

    Store an application and queue its verification case (outbox, same transaction) → 201 Application.
    422 with ``field`` and ``code``; 409 ``duplicate_application`` with ``existing_application_no``; 409
    ``season_closed`` (``field: "season"``, ``final_run_id``) once a run of the season and grade is
    final. A keyed
    request stored before that still replays its 201.

    Roles: platform.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentApplicationIn): ``POST /applications``: field types here; the rules across
            fields (birth date = the ID number's, distinct
            guardians, claims naming existing guardians) are ``rules.check_application``, the choices
            against the
            schools ``rules.check_choices`` — both give a field and a stable code.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentApplicationOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EnrollmentApplicationIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[EnrollmentApplicationOut | Problem]:
    """Submit Application

     **入学申请 (application) — BRIEF §4 step 2, plan 二(四): submitted by the Taizhou platform**

    Store an application and queue its verification case (outbox, same transaction) → 201 Application.
    422 with ``field`` and ``code``; 409 ``duplicate_application`` with ``existing_application_no``; 409
    ``season_closed`` (``field: "season"``, ``final_run_id``) once a run of the season and grade is
    final. A keyed
    request stored before that still replays its 201.

    Roles: platform.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentApplicationIn): ``POST /applications``: field types here; the rules across
            fields (birth date = the ID number's, distinct
            guardians, claims naming existing guardians) are ``rules.check_application``, the choices
            against the
            schools ``rules.check_choices`` — both give a field and a stable code.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentApplicationOut | Problem]
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
    body: EnrollmentApplicationIn,
    idempotency_key: None | str | Unset = UNSET,
) -> EnrollmentApplicationOut | Problem | None:
    """Submit Application

     **入学申请 (application) — BRIEF §4 step 2, plan 二(四): submitted by the Taizhou platform**

    Store an application and queue its verification case (outbox, same transaction) → 201 Application.
    422 with ``field`` and ``code``; 409 ``duplicate_application`` with ``existing_application_no``; 409
    ``season_closed`` (``field: "season"``, ``final_run_id``) once a run of the season and grade is
    final. A keyed
    request stored before that still replays its 201.

    Roles: platform.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentApplicationIn): ``POST /applications``: field types here; the rules across
            fields (birth date = the ID number's, distinct
            guardians, claims naming existing guardians) are ``rules.check_application``, the choices
            against the
            schools ``rules.check_choices`` — both give a field and a stable code.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentApplicationOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
