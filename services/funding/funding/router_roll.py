"""HTTP endpoints of the semester roll (在校确认, BRIEF §8, plan 三(四)): a private school's staff (role ``school``,
bound to one school code) reads and confirms its own school's roll; the bureau may do it for any school; finance
and auditors read. Each parses, calls :mod:`funding.roll`, commits once and returns a schema."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from common.db import ReadSession, WriteSession
from common.idempotency import IdempotencyKey
from common.identity import Identity, require
from common import paging
from common.paging import Cursor, Limit
from funding import roll
from funding.router import SchoolPath, SemesterPath, _keyed
from funding.schemas import RollConfirm, RollConfirmationRead, RollConfirmed, RollRead

router = APIRouter()


def ForSchool(*roles: str):  # noqa: N802 - reads as a type in signatures
    """The caller holds one of ``roles`` and, as a ``school``, acts for the school in the path only: 403
    ``forbidden`` before the body is read."""
    allowed = require(*roles)

    async def check(school_code: SchoolPath, who: Identity = Depends(allowed)) -> Identity:
        roll.check_school(who, school_code)
        return who

    return Annotated[Identity, Depends(check)]


@router.get("/rolls/{school_code}/{semester}", response_model=RollRead, tags=["roll"])
def get_roll(school_code: SchoolPath, semester: SemesterPath, request: Request,
             who: ForSchool("school", "bureau", "finance", "auditor"), session: ReadSession, limit: Limit = 100,
             cursor: Cursor = None) -> RollRead:
    """The school's roll for a semester → ``{school_code, semester, version, counts: {expected, attends, left,
    awaiting}, confirmations: [{id, confirmed_by, confirmed_role, confirmed_at, attending, left, unchanged,
    entries_digest, ledger_seq}], items: [{seat_id, application_no, pupil, grade, start_date, end_date,
    status: awaiting|attends|left, left_on, code}], next_cursor}`` (seats that meet the semester in the school's
    grades, by id; ID numbers masked). 403 for another school's credential; 404 ``semester_not_found``."""
    view = roll.view(session, school_code, semester, who, request.app.state.settings,
                     after=paging.after_id("rolls", cursor), limit=limit)
    return RollRead.of(view)


@router.post("/rolls/{school_code}/{semester}/confirmations", status_code=201, response_model=RollConfirmed,
             tags=["roll"])
def confirm_roll(school_code: SchoolPath, semester: SemesterPath, body: RollConfirm, request: Request,
                 who: ForSchool("school", "bureau"), session: WriteSession, key: IdempotencyKey = None) -> Response:
    """Confirm the roll ``{attending: [seat_id], left: [{seat_id, left_on, code, to_school_code?, note?}]}`` →
    201 ``{school_code, semester, version, confirmation}`` with its ledger entry. 403 for another school's
    credential; 422 ``seat_not_on_roll`` (``seat_ids``), ``invalid`` (a seat named twice, ``left_on`` outside the
    semester); 409 ``seat_ended`` (a leaver already ended on another day). Where the semester's settlement is
    approved, the changed seats are billed by adjustments."""
    def effect() -> RollConfirmed:
        row, confirmation = roll.confirm(session, school_code, semester, body, who, request.app.state.settings)
        return RollConfirmed(school_code=school_code, semester=semester, version=row.version,
                             confirmation=RollConfirmationRead.of(confirmation))

    return _keyed(session, request, who, key, body, effect, status_code=201)
