from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollment_search_in import EnrollmentSearchIn
from ...models.enrollmentcommon_schemas_page import EnrollmentcommonSchemasPage
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: EnrollmentSearchIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/enrollment/applications/search",
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
    body: EnrollmentSearchIn,
) -> Response[EnrollmentcommonSchemasPage | Problem]:
    """Search Applications

     **入学申请 (application) — BRIEF §4 step 2, plan 二(四): submitted by the Taizhou platform**

    Find applications (a POST, so an ID number or phone never lands in a URL or an access log): by
    ``application_no``, the child's full ``child_id_number`` or a guardian's ``phone`` (exact, keyed
    hash), ``school_code``
    (a public or private choice), ``township_code``, ``state``, ``season``, ``grade``; every given
    filter must
    match → page of Application, ID numbers and phones masked, in submission order (``limit``,
    ``cursor``).

    Roles: bureau.

    Args:
        body (EnrollmentSearchIn): Bureau search: every given filter must match; ID number and
            phone match exactly (keyed hash).

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
    body: EnrollmentSearchIn,
) -> EnrollmentcommonSchemasPage | Problem | None:
    """Search Applications

     **入学申请 (application) — BRIEF §4 step 2, plan 二(四): submitted by the Taizhou platform**

    Find applications (a POST, so an ID number or phone never lands in a URL or an access log): by
    ``application_no``, the child's full ``child_id_number`` or a guardian's ``phone`` (exact, keyed
    hash), ``school_code``
    (a public or private choice), ``township_code``, ``state``, ``season``, ``grade``; every given
    filter must
    match → page of Application, ID numbers and phones masked, in submission order (``limit``,
    ``cursor``).

    Roles: bureau.

    Args:
        body (EnrollmentSearchIn): Bureau search: every given filter must match; ID number and
            phone match exactly (keyed hash).

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
    body: EnrollmentSearchIn,
) -> Response[EnrollmentcommonSchemasPage | Problem]:
    """Search Applications

     **入学申请 (application) — BRIEF §4 step 2, plan 二(四): submitted by the Taizhou platform**

    Find applications (a POST, so an ID number or phone never lands in a URL or an access log): by
    ``application_no``, the child's full ``child_id_number`` or a guardian's ``phone`` (exact, keyed
    hash), ``school_code``
    (a public or private choice), ``township_code``, ``state``, ``season``, ``grade``; every given
    filter must
    match → page of Application, ID numbers and phones masked, in submission order (``limit``,
    ``cursor``).

    Roles: bureau.

    Args:
        body (EnrollmentSearchIn): Bureau search: every given filter must match; ID number and
            phone match exactly (keyed hash).

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
    body: EnrollmentSearchIn,
) -> EnrollmentcommonSchemasPage | Problem | None:
    """Search Applications

     **入学申请 (application) — BRIEF §4 step 2, plan 二(四): submitted by the Taizhou platform**

    Find applications (a POST, so an ID number or phone never lands in a URL or an access log): by
    ``application_no``, the child's full ``child_id_number`` or a guardian's ``phone`` (exact, keyed
    hash), ``school_code``
    (a public or private choice), ``township_code``, ``state``, ``season``, ``grade``; every given
    filter must
    match → page of Application, ID numbers and phones masked, in submission order (``limit``,
    ``cursor``).

    Roles: bureau.

    Args:
        body (EnrollmentSearchIn): Bureau search: every given filter must match; ID number and
            phone match exactly (keyed hash).

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
