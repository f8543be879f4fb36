from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollment_webhook_in import EnrollmentWebhookIn
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: EnrollmentWebhookIn,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/enrollment/webhooks",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | None:
    if response.status_code == 201:
        response_201 = response.json()
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
) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: EnrollmentWebhookIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Register Webhook

     **进度推送 (the feed pushed to the platform) — BRIEF §2, plan 二(四)**

    Push every event of the feed to ``url`` (issue 13) → 201 ``{id, url, secret, delivered_up_to,
    attempts,
    next_attempt_at, last_error, last_delivered_at, created_at}``. ``secret`` (64 hex characters) keys
    the
    ``X-Tongcheng-Signature`` HMAC-SHA256 of each delivery and is shown only here. Events after
    ``after`` (default:
    the latest now) are POSTed in id order, at least once, retried with exponential backoff while the
    receiver
    does not answer 2xx (docs/api.md, webhooks). The secret is not stored (derived from a server key and
    a stored
    nonce); a replay with the same ``Idempotency-Key`` derives it again (``null`` once the webhook is
    deleted).
    422 ``webhook_url_forbidden``: not https, an IP address, or a host resolving to a loopback / private
    /
    link-local / reserved address (SSRF guard).

    Roles: platform.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentWebhookIn): ``POST /webhooks`` (issue 13): where to push the feed's
            events; ``after``: an event id to start after
            (default: the latest now, so only events from now on; 0: every event).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
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
    body: EnrollmentWebhookIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Any | Problem | None:
    """Register Webhook

     **进度推送 (the feed pushed to the platform) — BRIEF §2, plan 二(四)**

    Push every event of the feed to ``url`` (issue 13) → 201 ``{id, url, secret, delivered_up_to,
    attempts,
    next_attempt_at, last_error, last_delivered_at, created_at}``. ``secret`` (64 hex characters) keys
    the
    ``X-Tongcheng-Signature`` HMAC-SHA256 of each delivery and is shown only here. Events after
    ``after`` (default:
    the latest now) are POSTed in id order, at least once, retried with exponential backoff while the
    receiver
    does not answer 2xx (docs/api.md, webhooks). The secret is not stored (derived from a server key and
    a stored
    nonce); a replay with the same ``Idempotency-Key`` derives it again (``null`` once the webhook is
    deleted).
    422 ``webhook_url_forbidden``: not https, an IP address, or a host resolving to a loopback / private
    /
    link-local / reserved address (SSRF guard).

    Roles: platform.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentWebhookIn): ``POST /webhooks`` (issue 13): where to push the feed's
            events; ``after``: an event id to start after
            (default: the latest now, so only events from now on; 0: every event).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EnrollmentWebhookIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[Any | Problem]:
    """Register Webhook

     **进度推送 (the feed pushed to the platform) — BRIEF §2, plan 二(四)**

    Push every event of the feed to ``url`` (issue 13) → 201 ``{id, url, secret, delivered_up_to,
    attempts,
    next_attempt_at, last_error, last_delivered_at, created_at}``. ``secret`` (64 hex characters) keys
    the
    ``X-Tongcheng-Signature`` HMAC-SHA256 of each delivery and is shown only here. Events after
    ``after`` (default:
    the latest now) are POSTed in id order, at least once, retried with exponential backoff while the
    receiver
    does not answer 2xx (docs/api.md, webhooks). The secret is not stored (derived from a server key and
    a stored
    nonce); a replay with the same ``Idempotency-Key`` derives it again (``null`` once the webhook is
    deleted).
    422 ``webhook_url_forbidden``: not https, an IP address, or a host resolving to a loopback / private
    /
    link-local / reserved address (SSRF guard).

    Roles: platform.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentWebhookIn): ``POST /webhooks`` (issue 13): where to push the feed's
            events; ``after``: an event id to start after
            (default: the latest now, so only events from now on; 0: every event).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
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
    body: EnrollmentWebhookIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Any | Problem | None:
    """Register Webhook

     **进度推送 (the feed pushed to the platform) — BRIEF §2, plan 二(四)**

    Push every event of the feed to ``url`` (issue 13) → 201 ``{id, url, secret, delivered_up_to,
    attempts,
    next_attempt_at, last_error, last_delivered_at, created_at}``. ``secret`` (64 hex characters) keys
    the
    ``X-Tongcheng-Signature`` HMAC-SHA256 of each delivery and is shown only here. Events after
    ``after`` (default:
    the latest now) are POSTed in id order, at least once, retried with exponential backoff while the
    receiver
    does not answer 2xx (docs/api.md, webhooks). The secret is not stored (derived from a server key and
    a stored
    nonce); a replay with the same ``Idempotency-Key`` derives it again (``null`` once the webhook is
    deleted).
    422 ``webhook_url_forbidden``: not https, an IP address, or a host resolving to a loopback / private
    /
    link-local / reserved address (SSRF guard).

    Roles: platform.

    Args:
        idempotency_key (None | str | Unset): client-chosen key; the same key replays the first
            answer
        body (EnrollmentWebhookIn): ``POST /webhooks`` (issue 13): where to push the feed's
            events; ``after``: an event id to start after
            (default: the latest now, so only events from now on; 0: every event).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
