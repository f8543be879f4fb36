"""Planning what-if (issue 13; plan 二(一) the 95 % target, 三(四) purchased seats): how many seats, where, at what
cost. Placement runs again over the latest frozen snapshot of each grade with the seats changed; nothing is
stored. Township figures come from the one township computation (:func:`enrollment.reports.by_township`).

Extra public seats for a township go to the active public schools that serve it (located there or with it in
their catchment), split in proportion to their seats (largest remainder, :func:`enrollment.reports.apportion`):
children only reach a seat at a school they listed, so seats are added where they apply.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from enrollment import placement, reports
from enrollment.errors import NoSnapshot
from enrollment.evidence import engine_input
from enrollment.models import Run
from enrollment.placement import Applicant, School

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Grade:
    """One grade's frozen input: the latest run's snapshot, seed and mechanism."""

    grade: int
    run_id: int | None
    applicants: Sequence[Applicant]
    schools: Sequence[School]
    seed: str
    mechanism: str = placement.DEFERRED_ACCEPTANCE


def _serving(schools: Sequence[School], township: str) -> list[School]:
    return [s for s in schools if s.kind == placement.PUBLIC and s.status == placement.ACTIVE
            and (s.township == township or township in s.catchment)]


def with_seats(schools: Sequence[School], changes: Mapping[str, int], township_seats: Mapping[str, int]
               ) -> tuple[list[School], dict[str, int]]:
    """The schools with ``changes`` (school code → seats added, negative to remove, never below 0) and
    ``township_seats`` (township → extra public seats, spread over the schools serving it) applied → (schools,
    seats that found no public school per township)."""
    add = Counter(changes)
    lost: dict[str, int] = {}
    for town, n in township_seats.items():
        serving = _serving(schools, town)
        if not serving or n <= 0:
            if n > 0:
                lost[town] = n
            continue
        weights = {s.code: max(s.capacity, 1) for s in serving}
        add.update(reports.apportion(n, weights, min(weights)))
    return [replace(s, capacity=max(0, s.capacity + add[s.code])) if add.get(s.code) else s for s in schools], lost


def _outcomes(g: Grade, result: placement.PlacementResult) -> list[reports.Outcome]:
    out = []
    for a in g.applicants:
        p = result.placements.get(a.id)
        choices = (*a.public_choices, *a.private_choices)
        out.append(reports.Outcome(a.id, g.grade, a.eligible, a.township, len(a.public_choices),
                                   choices[0] if choices else None, p.round if p else None,
                                   p.school_code if p else None, p.choice_rank if p else None))
    return out


def _seats(schools: Sequence[School], names: Mapping[str, str]) -> list[reports.SchoolSeats]:
    return [reports.SchoolSeats(s.code, names.get(s.code, s.code), s.kind, s.township,
                                s.capacity if s.status == placement.ACTIVE else 0, None, tuple(sorted(s.catchment)))
            for s in schools]


def _place(g: Grade, schools: Sequence[School], target: Decimal, names: Mapping[str, str]) -> dict[str, Any]:
    result = placement.place(g.applicants, schools, seed=g.seed, mechanism=g.mechanism)
    outcomes = _outcomes(g, result)
    purchased = Counter(p.school_code for p in result.placements.values()
                        if p.round in (placement.ROUND_PRIVATE, placement.ROUND_DISTRICT))
    return {"summary": reports.summary(outcomes, target),
            "townships": reports.by_township(outcomes, _seats(schools, names), target),
            "purchased": purchased}


def what_if(grades: Sequence[Grade], *, changes: Mapping[int, Mapping[str, int]],
            township_seats: Mapping[int, Mapping[str, int]], tariffs: Mapping[str, Decimal] | None,
            target: Decimal, names: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Place each grade again with its seats changed (``changes``: grade → school → seats added;
    ``township_seats``: grade → township → extra public seats) and answer, per grade and in total: the summary
    (public share vs ``target`` percent, purchased, waitlisted), the township table, the purchased seats per school
    and their semester cost at ``tariffs`` (school → yuan per pupil per semester, Decimal; schools without one are
    listed in ``missing_tariffs``), and ``fewest_extra_public_seats``: per township short of the target, the
    shortfall (:func:`enrollment.reports.shortfall`) and whether placing again with that many extra seats in the
    township reaches the target (``reaches_target``). Money as decimal strings (yuan, 2 places); never float."""
    names = names or {}
    out_grades = []
    total_cost = Decimal("0.00")
    total_seats = 0
    missing: set[str] = set()
    for g in grades:
        schools, lost = with_seats(g.schools, changes.get(g.grade, {}), township_seats.get(g.grade, {}))
        now = _place(g, schools, target, names)
        cost = Decimal("0.00")
        by_school = []
        for code, n in sorted(now["purchased"].items()):
            tariff = (tariffs or {}).get(code)
            if tariff is None:
                missing.add(code)
            else:
                cost += tariff * n
            by_school.append({"school_code": code, "seats": n,
                              "tariff": None if tariff is None else str(tariff.quantize(CENT)),
                              "cost": None if tariff is None else str((tariff * n).quantize(CENT))})
        short = {t["township_code"]: t["shortfall"] for t in now["townships"] if t["shortfall"] > 0}
        fewest = []
        if short:
            more = {t: n for t, n in short.items() if t}
            trial_schools, _ = with_seats(schools, {}, more)
            trial = {t["township_code"]: t for t in _place(g, trial_schools, target, names)["townships"]}
            fewest = [{"township_code": t, "extra_public_seats": n,
                       "reaches_target": bool(trial.get(t, {}).get("meets_target"))} for t, n in sorted(short.items(),
                                                                                            key=lambda x: x[0] or "")]
        total_cost += cost
        total_seats += sum(now["purchased"].values())
        out_grades.append({"grade": g.grade, "run_id": g.run_id, "summary": now["summary"],
                           "townships": now["townships"], "fewest_extra_public_seats": fewest,
                           "purchased": {"seats": sum(now["purchased"].values()),
                                         "semester_cost": str(cost.quantize(CENT)), "by_school": by_school},
                           "seats_without_a_school": lost})
    return {"grades": out_grades,
            "purchased": {"seats": total_seats, "semester_cost": str(total_cost.quantize(CENT)),
                          "missing_tariffs": sorted(missing)},
            "target": str(target.quantize(CENT)), "stored": False}


# ---- over the service's database --------------------------------------------------------------------------------

def latest_grades(session: Session, season: int) -> list[Grade]:
    """Each grade's latest run of ``season`` (any state) as a frozen :class:`Grade`; 404 ``no_snapshot`` when the
    season has no run."""
    out = []
    for grade in (1, 7):
        run = session.scalar(select(Run).where(Run.season == season, Run.grade == grade).order_by(Run.id.desc())
                             .limit(1))
        if run is not None:
            applicants, schools, _ = engine_input(json.loads(run.snapshot))
            out.append(Grade(grade, run.id, applicants, schools, run.seed, run.mechanism))
    if not out:
        raise NoSnapshot(f"season {season} has no placement run to plan from")
    return out
