"""A withdrawn application's case (issue 17; BRIEF §4 steps 2 and 4).

A family that withdraws (enrollment's ``POST /applications/{no}/withdraw``; it may then apply again for the same
child, which makes a new application and a new case) no longer needs its facts checked. Enrollment hands the
withdrawal over through its outbox, as it hands over the case itself (``POST /cases/{application_no}/withdrawal``).
Here the case is marked ``withdrawn_at`` and every live request of it becomes ``withdrawn``: it leaves its
department's queue (``GET /queue`` lists ``pending`` requests and open re-checks only; an open re-check is closed),
keeps its results as history (the case's facts read as before), and takes no more answers or re-checks (409
``case_withdrawn``). A registration of the case again (an outbox resend) changes nothing. Idempotent: a second
withdrawal answers the first one's time. Functions take a session and never commit.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from verification.errors import CaseNotFound
from verification.models import Case, VerificationRequest
from verification.service import live_requests, lock_application_nos

WITHDRAWN = "withdrawn"


def withdraw_case(session: Session, application_no: str, *, now: datetime) -> dict[str, Any]:
    """Withdraw the case of ``application_no`` → ``{application_no, withdrawn_at, requests: [{id, kind,
    department, guardian_no, state}]}`` (its live requests, all ``withdrawn``). Serialised with registrations of
    the same number (their advisory lock) and with answers (the requests' rows: an answer committed first stays as
    history, one after is refused). 404 ``case_not_found`` (enrollment's outbox retries: the case itself may not
    have been handed over yet)."""
    lock_application_nos(session, [application_no])
    case = session.scalar(select(Case).where(Case.application_no == application_no))
    if case is None:
        raise CaseNotFound(f"no case {application_no!r} registered")
    if case.withdrawn_at is None:
        live = VerificationRequest.case_id == case.id, VerificationRequest.state != "superseded"
        # the requests first, in id order, then the case: the order answers lock in (no deadlock with them)
        session.execute(select(VerificationRequest.id).where(*live).order_by(VerificationRequest.id)
                        .with_for_update())
        session.execute(update(VerificationRequest).where(*live).values(state=WITHDRAWN, recheck_open=False))
        session.execute(update(Case).where(Case.id == case.id).values(withdrawn_at=now))
        session.refresh(case)
    return {"application_no": case.application_no, "withdrawn_at": case.withdrawn_at,
            "requests": [{"id": r.id, "kind": r.kind, "department": r.department, "guardian_no": r.guardian_no,
                          "state": r.state} for r in live_requests(session, case.id)]}
