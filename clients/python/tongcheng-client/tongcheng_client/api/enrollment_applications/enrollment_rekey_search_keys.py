from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    batch: int | Unset = 1000,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["batch"] = batch

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/enrollment/search-keys/rekey",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | None:
    if response.status_code == 200:
        response_200 = response.json()
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
    batch: int | Unset = 1000,
) -> Response[Any | Problem]:
    """Rekey Search Keys

     **身份证号检索密钥 (search keys of ID numbers) — BRIEF §9**

    Re-key the search hashes (after ``ENROLLMENT_SEARCH_KEY`` changed; the old key as
    ``ENROLLMENT_SEARCH_KEY_PREVIOUS`` meanwhile): recompute those of up to ``batch`` applications not
    yet under the
    current key, in one transaction → ``{rekeyed, remaining, key_fingerprint}`` (counts of applications
    and the
    key's fingerprint, never a number). Call again until ``remaining`` is 0 (``tongcheng rekey-search-
    hashes``);
    stopping between calls loses nothing.

    Roles: bureau.

    Args:
        batch (int | Unset): applications per call Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        batch=batch,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    batch: int | Unset = 1000,
) -> Any | Problem | None:
    """Rekey Search Keys

     **身份证号检索密钥 (search keys of ID numbers) — BRIEF §9**

    Re-key the search hashes (after ``ENROLLMENT_SEARCH_KEY`` changed; the old key as
    ``ENROLLMENT_SEARCH_KEY_PREVIOUS`` meanwhile): recompute those of up to ``batch`` applications not
    yet under the
    current key, in one transaction → ``{rekeyed, remaining, key_fingerprint}`` (counts of applications
    and the
    key's fingerprint, never a number). Call again until ``remaining`` is 0 (``tongcheng rekey-search-
    hashes``);
    stopping between calls loses nothing.

    Roles: bureau.

    Args:
        batch (int | Unset): applications per call Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        client=client,
        batch=batch,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    batch: int | Unset = 1000,
) -> Response[Any | Problem]:
    """Rekey Search Keys

     **身份证号检索密钥 (search keys of ID numbers) — BRIEF §9**

    Re-key the search hashes (after ``ENROLLMENT_SEARCH_KEY`` changed; the old key as
    ``ENROLLMENT_SEARCH_KEY_PREVIOUS`` meanwhile): recompute those of up to ``batch`` applications not
    yet under the
    current key, in one transaction → ``{rekeyed, remaining, key_fingerprint}`` (counts of applications
    and the
    key's fingerprint, never a number). Call again until ``remaining`` is 0 (``tongcheng rekey-search-
    hashes``);
    stopping between calls loses nothing.

    Roles: bureau.

    Args:
        batch (int | Unset): applications per call Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        batch=batch,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    batch: int | Unset = 1000,
) -> Any | Problem | None:
    """Rekey Search Keys

     **身份证号检索密钥 (search keys of ID numbers) — BRIEF §9**

    Re-key the search hashes (after ``ENROLLMENT_SEARCH_KEY`` changed; the old key as
    ``ENROLLMENT_SEARCH_KEY_PREVIOUS`` meanwhile): recompute those of up to ``batch`` applications not
    yet under the
    current key, in one transaction → ``{rekeyed, remaining, key_fingerprint}`` (counts of applications
    and the
    key's fingerprint, never a number). Call again until ``remaining`` is 0 (``tongcheng rekey-search-
    hashes``);
    stopping between calls loses nothing.

    Roles: bureau.

    Args:
        batch (int | Unset): applications per call Default: 1000.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            batch=batch,
        )
    ).parsed
