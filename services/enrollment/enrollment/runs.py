"""Use cases for placement runs (录取批次), publication (公示), finalisation and placements; a run's reports are in
:mod:`enrollment.run_reports`.

BRIEF §4 step 6–7, §6; plan 二(一), 三(二), 三(三), 三(四). Functions take a session and never commit.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, defer

from common import paging
from common.db import driver_rows, insert_rows
from enrollment import appeals_flow, events, evidence_store, outbox, placement, reports
from enrollment.clients import ScoreView
from enrollment.config import Settings
from enrollment.counters import applications_sequence, lock_sequence, next_numbers
from enrollment.errors import AppealsPending, InvalidState, MixedRulebooks, NotPublished, RunNotFound, SnapshotInvalid
from enrollment.models import Appeal, Application, Intake, PlacementRow, Run, School
from enrollment.rules import INTAKE_LEVELS, add_working_days, month_day, official_calendar_knows, window_calendar
from enrollment.schemas import RunIn
from enrollment.schools import final_taken

log = logging.getLogger(__name__)

NOT_SCORED = "not_scored"  # waitlist reason when points holds no score for the application
SEATS_CHUNK = 1000
PLACEMENT_COLUMNS = ("run_id", "application_no", "round", "school_code", "tier", "choice_rank", "reason")
_APPLICATION_NO = re.compile(r"HY[0-9]{4}-[0-9]-[0-9]{6,}")  # rules.application_no


# ---- snapshot and run ----------------------------------------------------------------------------------------

def _final_placed(session: Session, season: int, grade: int) -> set[str]:
    rows = session.scalars(select(PlacementRow.application_no).join(Run, Run.id == PlacementRow.run_id)
                           .where(Run.season == season, Run.grade == grade, Run.state == "final",
                                  PlacementRow.school_code.is_not(None)))
    return set(rows)


def snapshot(session: Session, season: int, grade: int,
             scores: dict[str, ScoreView]) -> tuple[list[placement.Applicant], list[placement.School], set[str]]:
    """Freeze the input of a run: active (not withdrawn) applications not yet placed by a final run of the season
    and grade, with their scores; the grade's schools with their seats — public: migrant seats, private: the
    plan — minus the seats final runs of the same season and grade already took.

    The tier township is the score's ``residence_township_code`` (the confirmed residence permit, BRIEF §6),
    the declared township when points gives none. An application without a score is ineligible
    (returned in the third element, waitlisted ``not_scored``).
    """
    placed = _final_placed(session, season, grade)
    apps = driver_rows(session, select(Application.application_no, Application.township_code,
                                       Application.public_choices, Application.private_choices)
                       .where(Application.season == season, Application.grade == grade,
                              Application.state == "submitted").order_by(Application.application_no))
    applicants, unscored = [], set()
    for no, township, public, private in apps:  # the choices: JSON text on SQLite, lists from psycopg
        if no in placed:
            continue
        s = scores.get(no)
        if s is None:
            unscored.add(no)
        applicants.append(placement.Applicant(
            id=no, family_score=s.family_score if s else Decimal("0.00"),
            other_score=s.other_guardian_score if s else Decimal("0.00"),
            earliest_since=s.earliest_continuous_since if s else None,
            township=(s.residence_township_code if s else None) or township,
            public_choices=tuple(json.loads(public) if isinstance(public, str) else public),
            private_choices=tuple(json.loads(private) if isinstance(private, str) else private),
            eligible=bool(s and s.eligible)))
    taken = final_taken(session, season, grade)
    rows = session.execute(select(School, Intake.seats).join(Intake, Intake.school_code == School.code)
                           .where(Intake.season == season, Intake.grade == grade,
                                  School.level.in_(INTAKE_LEVELS[grade])).order_by(School.code)).all()
    schools = [placement.School(code=s.code, kind=s.kind, township=s.township_code,
                                capacity=max(0, seats - taken.get(s.code, 0)),
                                catchment=frozenset(s.catchment_townships if s.kind == "public" else ()),
                                status=s.status) for s, seats in rows]
    return applicants, schools, unscored


def _snapshot_json(applicants: list[placement.Applicant], schools: list[placement.School],
                   result: placement.PlacementResult, unscored: set[str]) -> str:
    doc = {"applicants": [{"id": a.id, "family_score": str(a.family_score), "other_score": str(a.other_score),
                           "earliest_since": a.earliest_since.isoformat() if a.earliest_since else None,
                           "township": a.township, "public_choices": list(a.public_choices),
                           "private_choices": list(a.private_choices), "eligible": a.eligible,
                           "scored": a.id not in unscored} for a in applicants],
           "schools": [{"code": s.code, "kind": s.kind, "township": s.township, "capacity": s.capacity,
                        "catchment": sorted(s.catchment), "status": s.status} for s in schools],
           "cutoffs": {code: None if c is None else {"family_score": str(c.family_score), "tier": c.tier,
                                                     "application_no": c.application_no}
                       for code, c in result.cutoffs.items()}}
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _counts(applicants: list[placement.Applicant], result: placement.PlacementResult,
            unscored: set[str], grade: int) -> dict[str, int]:
    """``Run.counts``: the head counts of :func:`enrollment.reports.counts` over the run's outcomes, with
    ``not_scored`` (applications points holds no score for)."""
    got = reports.counts(
        reports.outcome(a.id, grade, eligible=a.eligible, township=a.township, public_choices=a.public_choices,
                        private_choices=a.private_choices, round=p.round if p else None,
                        school_code=p.school_code if p else None, choice_rank=p.choice_rank if p else None)
        for a in applicants for p in (result.placements.get(a.id),))
    return {"applicants": got["applicants"], "eligible": got["eligible"], "not_scored": len(unscored),
            **{k: got[k] for k in ("placed_public", "placed_private_choice", "placed_district", "placed_purchased",
                                   "waitlisted")}}


def create_run(session: Session, body: RunIn, scores: dict[str, ScoreView], *, who: str, now: datetime) -> Run:
    """Run placement (BRIEF §6) over a frozen snapshot and store it as a draft, superseding the season and grade's
    earlier draft or published runs. Same snapshot + seed + mechanism → same placements and ``input_digest``.

    ``scores``: application_no → ScoreView from points. Errors: 409 ``mixed_rulebooks`` when the scores come from
    more than one rulebook; 409 ``snapshot_invalid`` when the engine refuses the snapshot (e.g. a malformed score).
    """
    (seq,) = next_numbers(session, f"run:{body.season}:{body.grade}")  # also serialises concurrent runs
    applicants, schools, unscored = snapshot(session, body.season, body.grade, scores)
    rulebooks = sorted({scores[a.id].rulebook_id for a in applicants if a.id in scores} - {None})
    if len(rulebooks) > 1:
        raise MixedRulebooks(f"scores come from several rulebooks ({', '.join(rulebooks)}); rescore the season first")
    try:
        result = placement.place(applicants, schools, seed=body.seed, mechanism=body.mechanism)
    except placement.PlacementInputError as exc:  # the snapshot (scores from points, seats) is malformed
        raise SnapshotInvalid(f"the snapshot cannot be placed: {exc}") from None
    run = Run(season=body.season, grade=body.grade, seq=seq, mechanism=body.mechanism, seed=body.seed,
              rulebook_id=rulebooks[0] if rulebooks else None, input_digest=result.input_digest, state="draft",
              counts=_counts(applicants, result, unscored, body.grade),
              snapshot=_snapshot_json(applicants, schools, result, unscored), created_by=who, created_at=now,
              version=1, evidence=evidence_store.at_creation(applicants, schools, result, unscored, now=now),
              appeal_ids=appeals_flow.included_by(session, body.season, body.grade,
                                                  {a.id: scores.get(a.id) for a in applicants}))
    session.add(run)
    session.flush()
    session.execute(update(Run).where(Run.season == body.season, Run.grade == body.grade, Run.id != run.id,
                                      Run.state.in_(("draft", "published")))
                    .values(state="superseded", superseded_by=run.id, version=Run.version + 1))
    rows = [(run.id, no, p.round, p.school_code, p.tier, p.choice_rank, None) for no, p in result.placements.items()]
    rows += [(run.id, no, None, None, None, None, NOT_SCORED if no in unscored else reason)
             for no, reason in result.waitlist.items()]
    insert_rows(session, PlacementRow.__table__, PLACEMENT_COLUMNS, rows)  # plain integers and text: one bulk write
    return run


def get_run(session: Session, run_id: int) -> Run:
    """The run with this id; 404 ``run_not_found`` when there is none."""
    run = session.get(Run, run_id)
    if run is None:
        raise RunNotFound(f"no run {run_id}")
    return run


def run_view(run: Run) -> dict[str, Any]:
    """The Run answer (docs/api.md); ``window_calendar`` is derived now from ``window_ends_on``
    (:func:`enrollment.rules.window_calendar`), not stored."""
    view = {k: getattr(run, k) for k in ("id", "season", "grade", "seq", "mechanism", "seed", "rulebook_id",
                                         "input_digest", "state", "window_ends_on", "counts", "created_at",
                                         "published_at", "finalised_at", "superseded_by", "version")}
    proof = run.evidence or {}
    return {**view, "window_calendar": window_calendar(run.window_ends_on), "code_version": proof.get("code_version"),
            "gate": proof.get("gate"), "certificate": proof.get("certificate")}


def list_runs(session: Session, *, season: int | None, grade: int | None, limit: int,
              cursor: str | None) -> tuple[list[Run], str | None]:
    """Runs, newest first, of a season and/or grade when given (BRIEF §6, 录取批次), ``limit`` a page after
    ``cursor`` (:mod:`common.paging`, listing ``runs``: the last run id given; older ones follow). The snapshot
    (megabytes for a 20 000-application run) is not read: a listing never shows it."""
    query = select(Run).options(defer(Run.snapshot)).order_by(Run.id.desc()).limit(limit + 1)
    if (before := paging.after("runs", cursor)) is not None:
        query = query.where(Run.id < before)
    if season is not None:
        query = query.where(Run.season == season)
    if grade is not None:
        query = query.where(Run.grade == grade)
    return paging.cut(list(session.scalars(query)), limit, "runs", key=lambda r: r.id)


def placement_view(p: PlacementRow) -> dict[str, Any]:
    """One placement as the API answers it: ``{run_id, application_no, placed, round, school_code, tier,
    choice_rank, purchased_seat, reason}``; ``purchased_seat`` is true for rounds 2 and 3 (政府购买学位, BRIEF §6)."""
    return {"run_id": p.run_id, "application_no": p.application_no, "placed": p.school_code is not None,
            "round": p.round, "school_code": p.school_code, "tier": p.tier, "choice_rank": p.choice_rank,
            "purchased_seat": p.round in (placement.ROUND_PRIVATE, placement.ROUND_DISTRICT), "reason": p.reason}


def list_placements(session: Session, run_id: int, *, limit: int, cursor: str | None) -> tuple[list[PlacementRow],
                                                                                                  str | None]:
    """A run's placements and waitlist in application_no order after ``cursor`` (:mod:`common.paging`,
    listing ``runs/placements``, keyed by the application number; 422 ``invalid_cursor`` otherwise)."""
    get_run(session, run_id)
    query = (select(PlacementRow).where(PlacementRow.run_id == run_id).order_by(PlacementRow.application_no)
             .limit(limit + 1))
    if (after := paging.after("runs/placements", cursor, key=str, pattern=_APPLICATION_NO)) is not None:
        query = query.where(PlacementRow.application_no > after)
    return paging.cut(list(session.scalars(query)), limit, "runs/placements", key=lambda p: p.application_no)


def publish_run(session: Session, run: Run, *, window_days: int, today: date, now: datetime) -> Run:
    """draft → published (公示): ``window_ends_on`` = ``window_days`` working days after ``today`` (Asia/Shanghai;
    official holidays and make-up working days counted, :func:`enrollment.rules.is_working_day`). 409
    ``invalid_state`` unless draft; 409 ``gate_failed`` when a check of the stored run fails
    (:func:`enrollment.evidence_store.require_gate`); the applications' ``placed`` / ``moved`` events are written
    (:mod:`enrollment.events`). Logs a warning when the window reaches a year whose official arrangement this
    build does not know (counted Monday–Friday then: upgrade ``chinesecalendar``)."""
    ends_on = add_working_days(today, window_days)
    if run.state == "draft":  # the gate (issue 13): 409 gate_failed naming every failed check
        outcomes = evidence_store.stored_outcomes(session, run.id)  # read once: the gate's and the events'
        evidence_store.require_gate(session, run, now=now, outcomes=outcomes)
        session.flush()
        events.on_publish(session, run, outcomes, now=now)
        appeals_flow.on_publish(session, run, now=now)  # the upheld appeals this re-run includes
    _transition(session, run, "draft", "published", window_ends_on=ends_on, published_at=now)
    if not official_calendar_knows(ends_on):
        log.warning("no official holiday arrangement for %s is known: run %s's publication window counts "
                    "Monday-Friday (upgrade chinesecalendar)", ends_on.year, run.id)
    return run


def finalise_run(session: Session, run: Run, *, who: str, now: datetime, settings: Settings) -> dict[str, Any]:
    """published → final, then queue the purchased seats (rounds 2 and 3, 政府购买学位) to funding through the
    outbox in chunks of 1,000 (``Idempotency-Key`` per run and chunk; ``run_id`` sent as a string, as funding
    takes it). A conditional update makes two concurrent finalisations end in exactly one; the other gets 409
    ``invalid_state``. 409 ``appeals_pending`` while an appeal on the run is undecided. The season and grade's
    application sequence stays locked until commit: a submission racing with the finalisation either lands
    before it or is refused ``season_closed`` (``applications.closing_run``)."""
    pending = session.scalar(select(func.count()).select_from(Appeal)
                             .where(Appeal.run_id == run.id, Appeal.state == "lodged"))
    if pending:
        raise AppealsPending(f"{pending} appeal(s) on run {run.id} are not decided yet")
    lock_sequence(session, applications_sequence(run.season, run.grade))
    _transition(session, run, "published", "final", finalised_at=now, finalised_by=who)
    events.on_finalise(session, run, evidence_store.stored_outcomes(session, run.id), now=now)
    seats = session.execute(select(PlacementRow.application_no, PlacementRow.school_code, Application.child_name,
                                   Application.child_id_number, School.level)
                            .join(Application, Application.application_no == PlacementRow.application_no)
                            .join(School, School.code == PlacementRow.school_code)
                            .where(PlacementRow.run_id == run.id,
                                   PlacementRow.round.in_((placement.ROUND_PRIVATE, placement.ROUND_DISTRICT)))
                            .order_by(PlacementRow.application_no)).all()
    start = month_day(run.season, settings.school_year_start).isoformat()
    items = [{"application_no": s.application_no, "pupil_name": s.child_name, "pupil_id_number": s.child_id_number,
              "school_code": s.school_code, "grade": run.grade, "start_date": start, "school_level": s.level}
             for s in seats]  # the level fixes the grades funding pays the seat for (BRIEF §8)
    chunks = [items[i:i + SEATS_CHUNK] for i in range(0, len(items), SEATS_CHUNK)]
    for n, chunk in enumerate(chunks, start=1):
        outbox.enqueue(session, topic=outbox.TOPIC_SEATS, ref=f"run:{run.id}:{n}",
                       payload={"run_id": str(run.id), "seats": chunk}, now=now,
                       idempotency_key=f"enrollment-run-{run.id}-seats-{n}")
    session.flush()
    return {"run": run, "purchased_seats": len(items), "chunks": len(chunks)}


def _transition(session: Session, run: Run, source: str, target: str, **values: Any) -> None:
    """Move ``run`` from ``source`` to ``target`` with a conditional UPDATE (the loser of a race gets 409)."""
    if run.state != source:
        raise InvalidState(f"run {run.id} is {run.state}; only a {source} run can become {target}")
    done = session.execute(update(Run).where(Run.id == run.id, Run.state == source, Run.version == run.version)
                           .values(state=target, version=Run.version + 1, **values)).rowcount
    if done != 1:
        raise InvalidState(f"run {run.id} changed meanwhile; only a {source} run can become {target}")
    session.refresh(run, ["state", "version", *values])  # what the update wrote (not the megabytes of snapshot)


# ---- placements for families ---------------------------------------------------------------------------------

def lookup_placement(session: Session, application_no: str) -> dict[str, Any]:
    """Where the child goes in the latest published or final run that includes the application.
    404 ``not_published`` when no such run exists yet."""
    row = session.execute(select(PlacementRow, Run).join(Run, Run.id == PlacementRow.run_id)
                          .where(PlacementRow.application_no == application_no,
                                 Run.state.in_(("published", "final")))
                          .order_by(Run.id.desc()).limit(1)).first()
    if row is None:
        raise NotPublished(f"no published or final run places application {application_no} yet")
    p, run = row
    school = session.get(School, p.school_code) if p.school_code else None
    return {**placement_view(p), "run_state": run.state, "school_name": school.name if school else None,
            "window_ends_on": run.window_ends_on}
