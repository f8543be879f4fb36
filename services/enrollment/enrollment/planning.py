"""Planning what-if (issue 13; plan 二(一) the 95 % target, 三(四) purchased seats): how many seats, where, at what
cost. Placement runs again over the latest frozen snapshot of each grade with the seats changed; nothing is
stored. Township figures come from the one township computation (:func:`enrollment.reports.by_township`).

Extra public seats for a township go to the active public schools that serve it (located there or with it in
their catchment), split in proportion to their seats (Sainte-Laguë, one seat at a time,
:func:`enrollment.planning_search.spread`): children only reach a seat at a school they listed, so seats are added
where they apply. The fewest extra seats per township that reach the target are searched for by
:mod:`enrollment.planning_search`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from enrollment import placement, planning_search, reports
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


def with_seats(schools: Sequence[School], changes: Mapping[str, int], township_seats: Mapping[str, int]
               ) -> tuple[list[School], dict[str, int]]:
    """The schools with ``changes`` (school code → seats added, negative to remove, never below 0) and
    ``township_seats`` (township → extra public seats, spread over the schools serving it,
    :func:`enrollment.planning_search.added_seats`) applied → (schools, seats that found no public school per
    township)."""
    add, lost = planning_search.added_seats(schools, changes, township_seats)
    return planning_search.apply(schools, add), lost


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


def _costed(purchased: Mapping[str, int], tariffs: Mapping[str, Decimal] | None, missing: set[str]
            ) -> tuple[Decimal, list[dict[str, Any]]]:
    """Semester cost of purchased seats per school at ``tariffs`` (yuan per pupil per semester); schools without a
    tariff are added to ``missing`` and left out of the cost → (cost, rows per school in code order)."""
    cost = Decimal("0.00")
    rows = []
    for code, n in sorted(purchased.items()):
        tariff = (tariffs or {}).get(code)
        if tariff is None:
            missing.add(code)
        else:
            cost += tariff * n
        rows.append({"school_code": code, "seats": n, "tariff": None if tariff is None else str(tariff.quantize(CENT)),
                     "cost": None if tariff is None else str((tariff * n).quantize(CENT))})
    return cost, rows


def _shares(c: planning_search.Counts | None, target: Decimal) -> dict[str, Any] | None:
    if c is None:
        return None
    return {"public_share": reports.percent(c.public, c.placed), "meets_target": c.meets(target),
            "placed_public": c.public, "placed_purchased": c.purchased, "waitlisted": c.waitlisted}


def _grade_figures(rd: placement.Rounds, tariffs: Mapping[str, Decimal] | None, target: Decimal,
                   missing: set[str]) -> dict[str, Any]:
    """A grade's share, purchased seats and their semester cost from a placement by rank (`placement.rounds`)."""
    bought = Counter(rd.prv_codes[s] for s in rd.r2 if s >= 0)
    bought.update(rd.prv_codes[s] for s in rd.r3.values())
    eligible = sum(a.eligible for a in rd.ranking.ranked)
    public = sum(map(len, rd.pub_admitted))
    c = planning_search.Counts(public, sum(bought.values()), eligible - public - sum(bought.values()))
    cost, _ = _costed(bought, tariffs, missing)
    return {**_shares(c, target), "purchased_seats": c.purchased, "semester_cost": str(cost.quantize(CENT))}


def _fewest(g: Grade, ranking: placement.Ranking, changes: Mapping[str, int], towns: Mapping[str, int],
            rows: Sequence[Mapping[str, Any]], tariffs: Mapping[str, Decimal] | None, target: Decimal,
            missing: set[str]) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """Per township short of the target (``rows``: the township table as asked), the fewest extra public seats
    (新增公办学位) that reach it (:func:`enrollment.planning_search.fewest_seats`), and all of them together."""
    out = []
    found: dict[str, int] = {}
    for row in rows:
        if row["shortfall"] <= 0:
            continue
        now = planning_search.Counts(row["placed_public"], row["placed_purchased"], row["waitlisted"])
        f = planning_search.fewest_seats(ranking, g.mechanism, g.schools, changes, towns, row["township_code"] or "",
                                         now, target)
        if f.seats is not None:
            found[f.township] = f.seats
        out.append({"township_code": row["township_code"], "township_name": row["township_name"],
                    "shortfall": f.shortfall, "extra_public_seats": f.seats, "reaches_target": f.seats is not None,
                    "exact": f.exact, "reason_code": f.reason_code, "reason": f.reason,
                    "seats_by_school": [{"school_code": c, "seats": n} for c, n in sorted(f.where.items())],
                    "reached": _shares(f.at, target), "one_fewer": _shares(f.one_fewer, target),
                    "unlimited": _shares(f.best, target),
                    "grade": None if f.rounds is None else _grade_figures(f.rounds, tariffs, target, missing),
                    "placements_run": f.placements})
    if not found:
        return out, None
    both = {**towns}
    for t, n in found.items():
        both[t] = both.get(t, 0) + n
    schools, _ = with_seats(g.schools, changes, both)
    rd = placement.rounds(ranking, schools, g.mechanism)
    ranks: dict[str, list[int]] = {}
    for r, a in enumerate(ranking.ranked):
        if a.eligible and (a.township or "") in found:
            ranks.setdefault(a.township or "", []).append(r)
    still = sorted(t for t in found if not planning_search.township_counts(rd, ranks.get(t, [])).meets(target))
    return out, {"extra_public_seats": dict(sorted(found.items())), "total_extra_public_seats": sum(found.values()),
                 "townships_still_short": still, **_grade_figures(rd, tariffs, target, missing)}


def what_if(grades: Sequence[Grade], *, changes: Mapping[int, Mapping[str, int]],
            township_seats: Mapping[int, Mapping[str, int]], tariffs: Mapping[str, Decimal] | None,
            target: Decimal, names: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Place each grade again with its seats changed (``changes``: grade → school → seats added;
    ``township_seats``: grade → township → extra public seats) and answer, per grade and in total: the summary
    (public share vs ``target`` percent, purchased, waitlisted), the township table, the purchased seats per school
    and their semester cost at ``tariffs`` (school → yuan per pupil per semester, Decimal; schools without one are
    listed in ``missing_tariffs``), ``fewest_extra_public_seats``: per township short of the target (学位缺口
    ``shortfall`` > 0), the fewest extra public seats in it (新增公办学位) with which placement run again brings
    the township to the target, where they go, the shares reached with them and with one fewer, the grade's
    purchased seats and semester cost with them, or why no number does
    (:func:`enrollment.planning_search.fewest_seats`), and ``all_short_townships``: those seats added together.
    Money as decimal strings (yuan, 2 places); never float."""
    names = names or {}
    out_grades = []
    total_cost = Decimal("0.00")
    total_seats = 0
    missing: set[str] = set()
    for g in grades:
        grade_changes, towns = changes.get(g.grade, {}), township_seats.get(g.grade, {})
        schools, lost = with_seats(g.schools, grade_changes, towns)
        now = _place(g, schools, target, names)
        cost, by_school = _costed(now["purchased"], tariffs, missing)
        ranking = placement.rank(g.applicants, g.seed)
        fewest, together = _fewest(g, ranking, grade_changes, towns, now["townships"], tariffs, target, missing)
        total_cost += cost
        total_seats += sum(now["purchased"].values())
        out_grades.append({"grade": g.grade, "run_id": g.run_id, "summary": now["summary"],
                           "townships": now["townships"], "fewest_extra_public_seats": fewest,
                           "all_short_townships": together,
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
