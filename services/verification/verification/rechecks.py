"""Re-checks asked by upheld appeals (复核, issue 13; BRIEF §4 step 6).

When the bureau upholds a family's appeal against one fact of one guardian, enrollment asks here for that fact to
be checked again (``POST /rechecks``, through its outbox). The guardian's live request of that kind goes back to
the owning department's queue (``GET /queue``), marked with the appeal and the family's ground, while its current
result still counts for scoring. The department's next result on the request is a correction like any other (it
supersedes the current one and moves the case's ``seq``, so points rescores it) and closes the re-check; enrollment
follows it with ``GET /rechecks/{ref}``. Functions take a session and never commit.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from common.db import utcnow
from verification.errors import CaseNotFound, CaseWithdrawn, Conflict, RequestNotFound
from verification.models import Case, Result, VerificationRequest
from verification.reads import result_view


class RecheckConflict(Conflict):
    """The same appeal reference already names another request (409)."""

    code = "recheck_conflict"


def request_recheck(session: Session, *, application_no: str, guardian_no: int, kind: str, ref: str,
                    ground: str) -> dict[str, Any]:
    """Put guardian ``guardian_no``'s live ``kind`` request of the application back in its department's queue,
    marked as the re-check ``ref`` with the family's ``ground`` → :func:`recheck_view`. Idempotent by ``ref``: the
    same ref again answers the re-check as it stands (open or answered). 404 ``case_not_found``,
    ``request_not_found`` (no such guardian or kind on the case); 409 ``recheck_conflict`` when ``ref`` names
    another request, ``case_withdrawn`` when the application was withdrawn. A request already re-checked for another appeal is re-opened for this one."""
    existing = session.scalar(select(VerificationRequest).where(VerificationRequest.recheck_ref == ref))
    if existing is not None:
        if (existing.application_no, existing.guardian_no, existing.kind) != (application_no, guardian_no, kind):
            raise RecheckConflict(f"re-check {ref} names request {existing.id}, not {application_no} guardian "
                                  f"{guardian_no} {kind}")
        return recheck_view(session, existing)
    case_id = session.scalar(select(Case.id).where(Case.application_no == application_no))
    if case_id is None:
        raise CaseNotFound(f"no case {application_no!r} registered")
    req = session.scalar(select(VerificationRequest).where(
        VerificationRequest.case_id == case_id, VerificationRequest.guardian_no == guardian_no,
        VerificationRequest.kind == kind, VerificationRequest.state != "superseded").with_for_update())
    if req is None:
        raise RequestNotFound(f"application {application_no} has no {kind} request for guardian {guardian_no}")
    if req.state == "withdrawn":
        raise CaseWithdrawn(f"application {application_no} was withdrawn: its facts are not checked again")
    session.execute(update(VerificationRequest).where(VerificationRequest.id == req.id).values(
        recheck_ref=ref, recheck_ground=ground, recheck_open=True, recheck_requested_at=utcnow(),
        recheck_result_id=None))
    session.refresh(req)
    return recheck_view(session, req)


def get_recheck(session: Session, ref: str) -> dict[str, Any]:
    """The re-check ``ref`` as it stands → :func:`recheck_view`; 404 ``request_not_found``."""
    req = session.scalar(select(VerificationRequest).where(VerificationRequest.recheck_ref == ref))
    if req is None:
        raise RequestNotFound(f"no re-check {ref!r}")
    return recheck_view(session, req)


def recheck_view(session: Session, req: VerificationRequest) -> dict[str, Any]:
    """``{ref, request_id, application_no, guardian_no, kind, department, ground, open, requested_at, result}``:
    ``result`` is the department's answer to the re-check (a Result) once posted, else null."""
    result = session.get(Result, req.recheck_result_id) if req.recheck_result_id else None
    return {"ref": req.recheck_ref, "request_id": req.id, "application_no": req.application_no,
            "guardian_no": req.guardian_no, "kind": req.kind, "department": req.department,
            "ground": req.recheck_ground, "open": req.recheck_open, "requested_at": req.recheck_requested_at,
            "result": result_view(result) if result else None}

