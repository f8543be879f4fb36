from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollment_lookup_in import EnrollmentLookupIn
from ...models.enrollmentcommon_schemas_page import EnrollmentcommonSchemasPage
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: EnrollmentLookupIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/enrollment/applications/lookup",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnrollmentcommonSchemasPage | Problem | None:
    if response.status_code == 200:
        response_200 = EnrollmentcommonSchemasPage.from_dict(response.json())

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
) -> Response[EnrollmentcommonSchemasPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: EnrollmentLookupIn,
) -> Response[EnrollmentcommonSchemasPage | Problem]:
    """Lookup Applications

     **入学申请 (application) — BRIEF §4 step 2, plan 二(四): submitted by the Taizhou platform**

    The platform's look-up of its own applications (those it submitted) by the child's full ID number
    (exact,
    keyed hash; optionally one ``season``) → ``{items: [Application masked], next_cursor: null}``.

    Roles: platform.

    Args:
        body (EnrollmentLookupIn): The platform's look-up of its own applications by the child's
            ID number.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentcommonSchemasPage | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: EnrollmentLookupIn,
) -> EnrollmentcommonSchemasPage | Problem | None:
    """Lookup Applications

     **入学申请 (application) — BRIEF §4 step 2, plan 二(四): submitted by the Taizhou platform**

    The platform's look-up of its own applications (those it submitted) by the child's full ID number
    (exact,
    keyed hash; optionally one ``season``) → ``{items: [Application masked], next_cursor: null}``.

    Roles: platform.

    Args:
        body (EnrollmentLookupIn): The platform's look-up of its own applications by the child's
            ID number.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentcommonSchemasPage | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EnrollmentLookupIn,
) -> Response[EnrollmentcommonSchemasPage | Problem]:
    """Lookup Applications

     **入学申请 (application) — BRIEF §4 step 2, plan 二(四): submitted by the Taizhou platform**

    The platform's look-up of its own applications (those it submitted) by the child's full ID number
    (exact,
    keyed hash; optionally one ``season``) → ``{items: [Application masked], next_cursor: null}``.

    Roles: platform.

    Args:
        body (EnrollmentLookupIn): The platform's look-up of its own applications by the child's
            ID number.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentcommonSchemasPage | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: EnrollmentLookupIn,
) -> EnrollmentcommonSchemasPage | Problem | None:
    """Lookup Applications

     **入学申请 (application) — BRIEF §4 step 2, plan 二(四): submitted by the Taizhou platform**

    The platform's look-up of its own applications (those it submitted) by the child's full ID number
    (exact,
    keyed hash; optionally one ``season``) → ``{items: [Application masked], next_cursor: null}``.

    Roles: platform.

    Args:
        body (EnrollmentLookupIn): The platform's look-up of its own applications by the child's
            ID number.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentcommonSchemasPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
