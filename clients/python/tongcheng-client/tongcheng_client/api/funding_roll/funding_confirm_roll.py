from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.funding_roll_confirm import FundingRollConfirm
from ...models.funding_roll_confirmed import FundingRollConfirmed
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    school_code: str,
    semester: str,
    *,
    body: FundingRollConfirm,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/funding/rolls/{school_code}/{semester}/confirmations".format(
            school_code=quote(str(school_code), safe=""),
            semester=quote(str(semester), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FundingRollConfirmed | Problem | None:
    if response.status_code == 201:
        response_201 = FundingRollConfirmed.from_dict(response.json())

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
) -> Response[FundingRollConfirmed | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    school_code: str,
    semester: str,
    *,
    client: AuthenticatedClient,
    body: FundingRollConfirm,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[FundingRollConfirmed | Problem]:
    """Confirm Roll

     **在校确认 (the semester roll) — BRIEF §8, plan 三(四)**

    Confirm the roll ``{attending: [seat_id], left: [{seat_id, left_on, code, to_school_code?,
    note?}]}`` →
    201 ``{school_code, semester, version, confirmation}`` with its ledger entry. 403 for another
    school's
    credential; 422 ``seat_not_on_roll`` (``seat_ids``), ``invalid`` (a seat named twice, ``left_on``
    outside the
    semester); 409 ``seat_ended`` (a leaver already ended on another day). Where the semester's
    settlement is
    approved, the changed seats are billed by adjustments.

    Roles: school, bureau.

    Args:
        school_code (str):
        semester (str):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingRollConfirm): Confirm a school's roll for a semester (at least one seat):
            ``attending`` seat ids (≤ 50 000) and
            ``left`` pupils (≤ 5 000).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingRollConfirmed | Problem]
    """

    kwargs = _get_kwargs(
        school_code=school_code,
        semester=semester,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    school_code: str,
    semester: str,
    *,
    client: AuthenticatedClient,
    body: FundingRollConfirm,
    idempotency_key: None | str | Unset = UNSET,
) -> FundingRollConfirmed | Problem | None:
    """Confirm Roll

     **在校确认 (the semester roll) — BRIEF §8, plan 三(四)**

    Confirm the roll ``{attending: [seat_id], left: [{seat_id, left_on, code, to_school_code?,
    note?}]}`` →
    201 ``{school_code, semester, version, confirmation}`` with its ledger entry. 403 for another
    school's
    credential; 422 ``seat_not_on_roll`` (``seat_ids``), ``invalid`` (a seat named twice, ``left_on``
    outside the
    semester); 409 ``seat_ended`` (a leaver already ended on another day). Where the semester's
    settlement is
    approved, the changed seats are billed by adjustments.

    Roles: school, bureau.

    Args:
        school_code (str):
        semester (str):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingRollConfirm): Confirm a school's roll for a semester (at least one seat):
            ``attending`` seat ids (≤ 50 000) and
            ``left`` pupils (≤ 5 000).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingRollConfirmed | Problem
    """

    return sync_detailed(
        school_code=school_code,
        semester=semester,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    school_code: str,
    semester: str,
    *,
    client: AuthenticatedClient,
    body: FundingRollConfirm,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[FundingRollConfirmed | Problem]:
    """Confirm Roll

     **在校确认 (the semester roll) — BRIEF §8, plan 三(四)**

    Confirm the roll ``{attending: [seat_id], left: [{seat_id, left_on, code, to_school_code?,
    note?}]}`` →
    201 ``{school_code, semester, version, confirmation}`` with its ledger entry. 403 for another
    school's
    credential; 422 ``seat_not_on_roll`` (``seat_ids``), ``invalid`` (a seat named twice, ``left_on``
    outside the
    semester); 409 ``seat_ended`` (a leaver already ended on another day). Where the semester's
    settlement is
    approved, the changed seats are billed by adjustments.

    Roles: school, bureau.

    Args:
        school_code (str):
        semester (str):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingRollConfirm): Confirm a school's roll for a semester (at least one seat):
            ``attending`` seat ids (≤ 50 000) and
            ``left`` pupils (≤ 5 000).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FundingRollConfirmed | Problem]
    """

    kwargs = _get_kwargs(
        school_code=school_code,
        semester=semester,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    school_code: str,
    semester: str,
    *,
    client: AuthenticatedClient,
    body: FundingRollConfirm,
    idempotency_key: None | str | Unset = UNSET,
) -> FundingRollConfirmed | Problem | None:
    """Confirm Roll

     **在校确认 (the semester roll) — BRIEF §8, plan 三(四)**

    Confirm the roll ``{attending: [seat_id], left: [{seat_id, left_on, code, to_school_code?,
    note?}]}`` →
    201 ``{school_code, semester, version, confirmation}`` with its ledger entry. 403 for another
    school's
    credential; 422 ``seat_not_on_roll`` (``seat_ids``), ``invalid`` (a seat named twice, ``left_on``
    outside the
    semester); 409 ``seat_ended`` (a leaver already ended on another day). Where the semester's
    settlement is
    approved, the changed seats are billed by adjustments.

    Roles: school, bureau.

    Args:
        school_code (str):
        semester (str):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (FundingRollConfirm): Confirm a school's roll for a semester (at least one seat):
            ``attending`` seat ids (≤ 50 000) and
            ``left`` pupils (≤ 5 000).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FundingRollConfirmed | Problem
    """

    return (
        await asyncio_detailed(
            school_code=school_code,
            semester=semester,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
