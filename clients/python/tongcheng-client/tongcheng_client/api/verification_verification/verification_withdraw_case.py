from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.verification_case_withdrawal_out import VerificationCaseWithdrawalOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    application_no: str,
    *,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/verification/cases/{application_no}/withdrawal".format(
            application_no=quote(str(application_no), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | VerificationCaseWithdrawalOut | None:
    if response.status_code == 200:
        response_200 = VerificationCaseWithdrawalOut.from_dict(response.json())

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
) -> Response[Problem | VerificationCaseWithdrawalOut]:
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
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | VerificationCaseWithdrawalOut]:
    """Withdraw Case

     **部门核验 (verification case) — BRIEF §4 step 3, plan 四(二): requests to each department**

    The family withdrew the application (enrollment's hand-over through its outbox, issue 17) →
    ``{application_no,
    withdrawn_at, requests}``: every live request of the case becomes ``withdrawn``, leaves its
    department's queue
    (an open re-check is closed too), keeps its results, and takes no more answers (409
    ``case_withdrawn``).
    Idempotent: again, the same ``withdrawn_at``. 404 ``case_not_found``.

    Roles: service:enrollment, bureau.

    Args:
        application_no (str):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationCaseWithdrawalOut]
    """

    kwargs = _get_kwargs(
        application_no=application_no,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    application_no: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | VerificationCaseWithdrawalOut | None:
    """Withdraw Case

     **部门核验 (verification case) — BRIEF §4 step 3, plan 四(二): requests to each department**

    The family withdrew the application (enrollment's hand-over through its outbox, issue 17) →
    ``{application_no,
    withdrawn_at, requests}``: every live request of the case becomes ``withdrawn``, leaves its
    department's queue
    (an open re-check is closed too), keeps its results, and takes no more answers (409
    ``case_withdrawn``).
    Idempotent: again, the same ``withdrawn_at``. 404 ``case_not_found``.

    Roles: service:enrollment, bureau.

    Args:
        application_no (str):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationCaseWithdrawalOut
    """

    return sync_detailed(
        application_no=application_no,
        client=client,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    application_no: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Problem | VerificationCaseWithdrawalOut]:
    """Withdraw Case

     **部门核验 (verification case) — BRIEF §4 step 3, plan 四(二): requests to each department**

    The family withdrew the application (enrollment's hand-over through its outbox, issue 17) →
    ``{application_no,
    withdrawn_at, requests}``: every live request of the case becomes ``withdrawn``, leaves its
    department's queue
    (an open re-check is closed too), keeps its results, and takes no more answers (409
    ``case_withdrawn``).
    Idempotent: again, the same ``withdrawn_at``. 404 ``case_not_found``.

    Roles: service:enrollment, bureau.

    Args:
        application_no (str):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | VerificationCaseWithdrawalOut]
    """

    kwargs = _get_kwargs(
        application_no=application_no,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    application_no: str,
    *,
    client: AuthenticatedClient,
    idempotency_key: None | str | Unset = UNSET,
) -> Problem | VerificationCaseWithdrawalOut | None:
    """Withdraw Case

     **部门核验 (verification case) — BRIEF §4 step 3, plan 四(二): requests to each department**

    The family withdrew the application (enrollment's hand-over through its outbox, issue 17) →
    ``{application_no,
    withdrawn_at, requests}``: every live request of the case becomes ``withdrawn``, leaves its
    department's queue
    (an open re-check is closed too), keeps its results, and takes no more answers (409
    ``case_withdrawn``).
    Idempotent: again, the same ``withdrawn_at``. 404 ``case_not_found``.

    Roles: service:enrollment, bureau.

    Args:
        application_no (str):
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | VerificationCaseWithdrawalOut
    """

    return (
        await asyncio_detailed(
            application_no=application_no,
            client=client,
            idempotency_key=idempotency_key,
        )
    ).parsed
