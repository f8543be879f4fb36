from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollment_age_exception_in import EnrollmentAgeExceptionIn
from ...models.enrollment_age_exception_out import EnrollmentAgeExceptionOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: EnrollmentAgeExceptionIn,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/enrollment/age-exceptions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnrollmentAgeExceptionOut | Problem | None:
    if response.status_code == 201:
        response_201 = EnrollmentAgeExceptionOut.from_dict(response.json())

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
) -> Response[EnrollmentAgeExceptionOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: EnrollmentAgeExceptionIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[EnrollmentAgeExceptionOut | Problem]:
    """Record Age Exception

     **超龄入学例外 (age exception) — BRIEF §5 E3: the bureau lets an older child apply**

    年龄例外: the bureau lets a child older than the grade's range apply (BRIEF §5 E3) → 201 AgeException
    (who and when recorded; ID number masked). Without it ``POST /applications`` answers 422
    ``age_out_of_range``. 409 ``age_exception_exists`` for a second one of the child, season and grade.

    Roles: bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentAgeExceptionIn): ``POST /age-exceptions`` (bureau): the child of
            ``child_id_number`` may apply for ``grade`` in ``season``
            though older than the grade's range (BRIEF §5 E3); ``reason`` says why (e.g. 因病休学一年).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentAgeExceptionOut | Problem]
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
    body: EnrollmentAgeExceptionIn,
    idempotency_key: None | str | Unset = UNSET,
) -> EnrollmentAgeExceptionOut | Problem | None:
    """Record Age Exception

     **超龄入学例外 (age exception) — BRIEF §5 E3: the bureau lets an older child apply**

    年龄例外: the bureau lets a child older than the grade's range apply (BRIEF §5 E3) → 201 AgeException
    (who and when recorded; ID number masked). Without it ``POST /applications`` answers 422
    ``age_out_of_range``. 409 ``age_exception_exists`` for a second one of the child, season and grade.

    Roles: bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentAgeExceptionIn): ``POST /age-exceptions`` (bureau): the child of
            ``child_id_number`` may apply for ``grade`` in ``season``
            though older than the grade's range (BRIEF §5 E3); ``reason`` says why (e.g. 因病休学一年).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentAgeExceptionOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EnrollmentAgeExceptionIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[EnrollmentAgeExceptionOut | Problem]:
    """Record Age Exception

     **超龄入学例外 (age exception) — BRIEF §5 E3: the bureau lets an older child apply**

    年龄例外: the bureau lets a child older than the grade's range apply (BRIEF §5 E3) → 201 AgeException
    (who and when recorded; ID number masked). Without it ``POST /applications`` answers 422
    ``age_out_of_range``. 409 ``age_exception_exists`` for a second one of the child, season and grade.

    Roles: bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentAgeExceptionIn): ``POST /age-exceptions`` (bureau): the child of
            ``child_id_number`` may apply for ``grade`` in ``season``
            though older than the grade's range (BRIEF §5 E3); ``reason`` says why (e.g. 因病休学一年).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentAgeExceptionOut | Problem]
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
    body: EnrollmentAgeExceptionIn,
    idempotency_key: None | str | Unset = UNSET,
) -> EnrollmentAgeExceptionOut | Problem | None:
    """Record Age Exception

     **超龄入学例外 (age exception) — BRIEF §5 E3: the bureau lets an older child apply**

    年龄例外: the bureau lets a child older than the grade's range apply (BRIEF §5 E3) → 201 AgeException
    (who and when recorded; ID number masked). Without it ``POST /applications`` answers 422
    ``age_out_of_range``. 409 ``age_exception_exists`` for a second one of the child, season and grade.

    Roles: bureau.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentAgeExceptionIn): ``POST /age-exceptions`` (bureau): the child of
            ``child_id_number`` may apply for ``grade`` in ``season``
            though older than the grade's range (BRIEF §5 E3); ``reason`` says why (e.g. 因病休学一年).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentAgeExceptionOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
