from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.enrollment_planning_in import EnrollmentPlanningIn
from ...models.enrollment_planning_out import EnrollmentPlanningOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: EnrollmentPlanningIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/enrollment/planning/what-if",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EnrollmentPlanningOut | Problem | None:
    if response.status_code == 200:
        response_200 = EnrollmentPlanningOut.from_dict(response.json())

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
) -> Response[EnrollmentPlanningOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: EnrollmentPlanningIn,
) -> Response[EnrollmentPlanningOut | Problem]:
    """What If

     **学位规划 (capacity planning what-if) — plan 三(二), BRIEF §1**

    How many seats, where, at what cost (plan 二(一), 三(二), 三(四)): placement again over each grade's
    latest
    frozen snapshot with ``seats`` (school, grade, change) and ``township_seats`` (township, grade,
    extra public
    seats) applied; nothing stored → per grade the summary (public share vs the target), townships (学位缺口
    ``shortfall``), purchased seats and their semester cost at ``semester``'s tariffs (from funding),
    and per
    township short of the target the fewest extra public seats (新增公办学位) with which placement run again
    reaches
    it — where they go, the share reached and with one fewer, the grade's purchased seats and cost with
    them, or
    why no number does — and all of them together; totals. 404 ``no_snapshot``; 422 ``unknown_semester``
    (a
    ``semester`` funding does not hold), ``unknown_school`` /
    ``invalid`` naming the item; 503 when funding does not answer (with a ``semester``).

    Roles: bureau.

    Args:
        body (EnrollmentPlanningIn): A planning what-if (issue 13): seat changes per school and
            grade, extra public seats per township and grade,
            and the semester whose tariffs cost the purchased seats (none: no cost).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentPlanningOut | Problem]
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
    body: EnrollmentPlanningIn,
) -> EnrollmentPlanningOut | Problem | None:
    """What If

     **学位规划 (capacity planning what-if) — plan 三(二), BRIEF §1**

    How many seats, where, at what cost (plan 二(一), 三(二), 三(四)): placement again over each grade's
    latest
    frozen snapshot with ``seats`` (school, grade, change) and ``township_seats`` (township, grade,
    extra public
    seats) applied; nothing stored → per grade the summary (public share vs the target), townships (学位缺口
    ``shortfall``), purchased seats and their semester cost at ``semester``'s tariffs (from funding),
    and per
    township short of the target the fewest extra public seats (新增公办学位) with which placement run again
    reaches
    it — where they go, the share reached and with one fewer, the grade's purchased seats and cost with
    them, or
    why no number does — and all of them together; totals. 404 ``no_snapshot``; 422 ``unknown_semester``
    (a
    ``semester`` funding does not hold), ``unknown_school`` /
    ``invalid`` naming the item; 503 when funding does not answer (with a ``semester``).

    Roles: bureau.

    Args:
        body (EnrollmentPlanningIn): A planning what-if (issue 13): seat changes per school and
            grade, extra public seats per township and grade,
            and the semester whose tariffs cost the purchased seats (none: no cost).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentPlanningOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EnrollmentPlanningIn,
) -> Response[EnrollmentPlanningOut | Problem]:
    """What If

     **学位规划 (capacity planning what-if) — plan 三(二), BRIEF §1**

    How many seats, where, at what cost (plan 二(一), 三(二), 三(四)): placement again over each grade's
    latest
    frozen snapshot with ``seats`` (school, grade, change) and ``township_seats`` (township, grade,
    extra public
    seats) applied; nothing stored → per grade the summary (public share vs the target), townships (学位缺口
    ``shortfall``), purchased seats and their semester cost at ``semester``'s tariffs (from funding),
    and per
    township short of the target the fewest extra public seats (新增公办学位) with which placement run again
    reaches
    it — where they go, the share reached and with one fewer, the grade's purchased seats and cost with
    them, or
    why no number does — and all of them together; totals. 404 ``no_snapshot``; 422 ``unknown_semester``
    (a
    ``semester`` funding does not hold), ``unknown_school`` /
    ``invalid`` naming the item; 503 when funding does not answer (with a ``semester``).

    Roles: bureau.

    Args:
        body (EnrollmentPlanningIn): A planning what-if (issue 13): seat changes per school and
            grade, extra public seats per township and grade,
            and the semester whose tariffs cost the purchased seats (none: no cost).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EnrollmentPlanningOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: EnrollmentPlanningIn,
) -> EnrollmentPlanningOut | Problem | None:
    """What If

     **学位规划 (capacity planning what-if) — plan 三(二), BRIEF §1**

    How many seats, where, at what cost (plan 二(一), 三(二), 三(四)): placement again over each grade's
    latest
    frozen snapshot with ``seats`` (school, grade, change) and ``township_seats`` (township, grade,
    extra public
    seats) applied; nothing stored → per grade the summary (public share vs the target), townships (学位缺口
    ``shortfall``), purchased seats and their semester cost at ``semester``'s tariffs (from funding),
    and per
    township short of the target the fewest extra public seats (新增公办学位) with which placement run again
    reaches
    it — where they go, the share reached and with one fewer, the grade's purchased seats and cost with
    them, or
    why no number does — and all of them together; totals. 404 ``no_snapshot``; 422 ``unknown_semester``
    (a
    ``semester`` funding does not hold), ``unknown_school`` /
    ``invalid`` naming the item; 503 when funding does not answer (with a ``semester``).

    Roles: bureau.

    Args:
        body (EnrollmentPlanningIn): A planning what-if (issue 13): seat changes per school and
            grade, extra public seats per township and grade,
            and the semester whose tariffs cost the purchased seats (none: no cost).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EnrollmentPlanningOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
