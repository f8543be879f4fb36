"""A run's evidence in the database (issue 13): computed when the run is placed, checked again from what is
stored before it is published (公示), and written out as the privacy-safe snapshot file. The checks themselves are
the pure functions of :mod:`enrollment.evidence`. Functions take a session and never commit."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from common.db import driver_rows
from common.schemas import utc_text
from enrollment import diff, evidence, explain, placement
from enrollment.errors import ApplicationNotInRun, GateFailed, NoPreviousRun, NotPublished, OtherGrade, RunNotFound
from enrollment.models import Appeal, Application, PlacementRow, Run


def _stored_gate(answer: dict[str, Any], now: datetime) -> dict[str, Any]:
    return {"passed": answer["passed"], "checked_at": utc_text(now), "checks": answer["checks"]}


def at_creation(applicants: list[placement.Applicant], schools: list[placement.School],
                result: placement.PlacementResult, unscored: set[str], *, now: datetime) -> dict[str, Any]:
    """``Run.evidence`` of a new run: ``{code_version, certificate, gate: {passed, checked_at, checks}}`` over the
    engine's result (the gate places the snapshot once more: ≈ 0.15 s for 20,000 applicants)."""
    answer = evidence.gate(applicants, schools, evidence.outcomes_of(result, unscored), seed=result.seed,
                           mechanism=result.mechanism, input_digest=result.input_digest,
                           stored_cutoffs=_engine_cutoffs(result))
    return {"code_version": evidence.code_version(), "certificate": answer["certificate"],
            "gate": _stored_gate(answer, now)}


def _engine_cutoffs(result: placement.PlacementResult) -> dict[str, Any]:
    return {code: None if c is None else {"application_no": c.application_no, "tier": c.tier,
                                          "family_score": str(c.family_score)}
            for code, c in result.cutoffs.items()}


def stored_outcomes(session: Session, run_id: int) -> dict[str, evidence.Outcome]:
    """The run's placement rows as outcomes, application_no → Outcome (plain columns read as the driver gives
    them: :func:`common.db.driver_rows`)."""
    rows = driver_rows(session, select(PlacementRow.application_no, PlacementRow.round, PlacementRow.school_code,
                                       PlacementRow.tier, PlacementRow.choice_rank, PlacementRow.reason)
                       .where(PlacementRow.run_id == run_id))
    return {no: evidence.Outcome(*rest) for no, *rest in rows}


def check_stored(session: Session, run: Run, outcomes: dict[str, evidence.Outcome] | None = None) -> dict[str, Any]:
    """The gate over what is stored: the run's frozen snapshot, its digest and cut-offs, its placement rows
    (``outcomes``: :func:`stored_outcomes`, read here when not given)."""
    doc = json.loads(run.snapshot)
    applicants, schools, _ = evidence.engine_input(doc)
    return evidence.gate(applicants, schools, stored_outcomes(session, run.id) if outcomes is None else outcomes,
                         seed=run.seed, mechanism=run.mechanism, input_digest=run.input_digest,
                         stored_cutoffs=doc.get("cutoffs"))


def require_gate(session: Session, run: Run, *, now: datetime,
                 outcomes: dict[str, evidence.Outcome] | None = None) -> None:
    """Check the run again from what is stored before it is published; store the answer with the run. 409
    ``gate_failed`` naming every failed check with its numbers (``failed: [check, ...]``) — the run stays a draft.
    ``outcomes``: the run's :func:`stored_outcomes`, when the caller has them already."""
    answer = check_stored(session, run, outcomes)
    if not answer["passed"]:
        bad = evidence.failed(answer)
        raise GateFailed(f"run {run.id} cannot be published: "
                         + "; ".join(f"{c['name']}: {c['first']}" for c in bad), failed=bad)
    run.evidence = {**(run.evidence or {}), "certificate": answer["certificate"],
                    "gate": _stored_gate(answer, now)}


def snapshot_file(session: Session, run: Run) -> bytes:
    """The run's privacy-safe snapshot file (``docs/run-snapshot.md``), as bytes."""
    view = {k: getattr(run, k) for k in ("id", "season", "grade", "seq", "state", "mechanism", "seed",
                                         "rulebook_id", "input_digest", "created_at", "published_at",
                                         "finalised_at")}
    doc = evidence.snapshot_file(view, json.loads(run.snapshot), stored_outcomes(session, run.id), run.evidence)
    return evidence.dumps(doc)


def _previous(session: Session, run: Run) -> Run:
    older = session.scalar(select(Run).where(Run.superseded_by == run.id).order_by(Run.id.desc()).limit(1))
    if older is None:
        raise NoPreviousRun(f"run {run.id} replaced no earlier run; name one with ?against=")
    return older


def run_diff(session: Session, run_id: int, against: int | None) -> dict[str, Any]:
    """Who moved from run ``against`` (default: the run ``run_id`` replaced) to run ``run_id``, and why
    (:func:`enrollment.diff.diff`): ``{run_id, against, season, grade, counts, reasons, seats_changed, items}``.
    An appeal counts when it was upheld on a run of the grade from the older of the two up to (not including) the
    newer. 404 ``run_not_found``, ``no_previous_run``; 422 ``other_grade`` when the runs are of another season or
    grade."""
    run = session.get(Run, run_id)
    if run is None:
        raise RunNotFound(f"no run {run_id}")
    if against is None:
        other = _previous(session, run)
    else:
        other = session.get(Run, against)
        if other is None:
            raise RunNotFound(f"no run {against}")
        if (other.season, other.grade) != (run.season, run.grade):
            raise OtherGrade(f"run {against} is of {other.season} grade {other.grade}, run {run_id} of {run.season} "
                          f"grade {run.grade}", field="against")
    low, high = sorted((other.id, run.id))
    upheld = set(session.scalars(select(Appeal.application_no).join(Run, Run.id == Appeal.run_id)
                                 .where(Run.season == run.season, Run.grade == run.grade, Appeal.state == "upheld",
                                        Appeal.run_id >= low, Appeal.run_id < high)))
    older_doc, newer_doc = json.loads(other.snapshot), json.loads(run.snapshot)
    gone = {a["id"] for a in older_doc["applicants"]} - {a["id"] for a in newer_doc["applicants"]}
    withdrawn = set(session.scalars(select(Application.application_no)
                                    .where(Application.application_no.in_(gone), Application.state == "withdrawn"))
                    ) if gone else set()
    answer = diff.diff(older_doc, stored_outcomes(session, other.id), newer_doc, stored_outcomes(session, run.id),
                       appeals_upheld=upheld, withdrawn=withdrawn)
    return {"run_id": run.id, "against": other.id, "season": run.season, "grade": run.grade, **answer}


def why_not(session: Session, application_no: str, run_id: int | None, points: Any) -> dict[str, Any]:
    """Why this child got what it got in run ``run_id`` (default: the latest published or final run that includes
    the application): :meth:`enrollment.explain.Explainer.explain` over the run's snapshot and stored placements,
    plus ``{run_id, run_state, mechanism}``; for an ineligible child, the unmet rules fetched from points
    (``points``: the PointsClient; 503 when it does not answer). 404 ``not_published`` when no run includes the
    application (or ``run_not_found``, ``not_in_run`` for a named run)."""
    if run_id is None:
        run = session.scalar(select(Run).join(PlacementRow, PlacementRow.run_id == Run.id)
                             .where(PlacementRow.application_no == application_no,
                                    Run.state.in_(("published", "final"))).order_by(Run.id.desc()).limit(1))
        if run is None:
            raise NotPublished(f"no published or final run places application {application_no} yet")
    else:
        run = session.get(Run, run_id)
        if run is None:
            raise RunNotFound(f"no run {run_id}")
    applicants, schools, _ = evidence.engine_input(json.loads(run.snapshot))
    outcomes = stored_outcomes(session, run.id)
    if application_no not in outcomes:
        raise ApplicationNotInRun(f"run {run.id} does not include application {application_no}")
    explainer = explain.Explainer(applicants, schools, outcomes, seed=run.seed, mechanism=run.mechanism)
    o = outcomes[application_no]
    unmet = points.unmet_rules(application_no) if o.reason == placement.REASON_INELIGIBLE else None
    return {"run_id": run.id, "run_state": run.state, "mechanism": run.mechanism,
            **explainer.explain(application_no, unmet)}
