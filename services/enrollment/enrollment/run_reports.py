"""Reports of placement runs and seasons (plan 二(一), 三(二); BRIEF §1): the report arithmetic of
:mod:`enrollment.reports` over a run's stored snapshot and placements, and their spreadsheet tables. Functions take a session
and never commit.

Speed (the console's overview and reports pages ask for the season report on every view): a run's snapshot and
placements never change once made, so each process parses them once (:func:`run_facts`); the season report is kept
per process under a version read from the database on every call (:func:`season_version`), so it is recomputed
exactly when a run, an intake or a school changed — in this process or any other — and never served stale."""

from __future__ import annotations

import copy
import hashlib
import json
import threading
from collections import OrderedDict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, defer

from common.sheet_writer import columns_of, csv_bytes, workbook
from enrollment import reports
from enrollment.config import Settings
from enrollment.models import Intake, PlacementRow, Run, School
from enrollment.runs import get_run, run_view


@dataclass(frozen=True)
class RunFacts:
    """What a run's reports read of the run itself: its outcomes by application and its snapshot's schools and
    cut-offs. A run's snapshot and placements are written once, when the run is made, and never change (its state
    does, and is not part of this), so these facts are kept per process by the run's identity
    (:func:`run_facts`)."""

    outcomes: dict[str, reports.Outcome]
    schools: list[dict[str, Any]]
    cutoffs: dict[str, Any]


_RUN_FACTS: OrderedDict[tuple[int, str, str], RunFacts] = OrderedDict()
_RUN_FACTS_KEPT = 16  # runs kept per process (a 20 000-application run is a few MB)
_SEASON_REPORTS: OrderedDict[int, tuple[str, dict[str, Any]]] = OrderedDict()
_SEASONS_KEPT = 8
_lock = threading.Lock()


def run_facts(session: Session, run: Run) -> RunFacts:
    """:class:`RunFacts` of ``run``, parsed from its snapshot and placement rows once per process. Keyed by the run's
    id, input digest and creation time, all written with the snapshot and placements in one transaction, so a key
    always names the same immutable rows — whichever process wrote them."""
    key = (run.id, run.input_digest, run.created_at.isoformat())
    with _lock:
        if key in _RUN_FACTS:
            _RUN_FACTS.move_to_end(key)
            return _RUN_FACTS[key]
    snap = json.loads(run.snapshot)
    info = {a["id"]: a for a in snap["applicants"]}
    out = {}
    for no, rnd, school, rank in session.execute(
            select(PlacementRow.application_no, PlacementRow.round, PlacementRow.school_code, PlacementRow.choice_rank)
            .where(PlacementRow.run_id == run.id)):
        a = info[no]
        out[no] = reports.outcome(no, run.grade, eligible=a["eligible"], township=a["township"],
                                  public_choices=a["public_choices"], private_choices=a["private_choices"],
                                  round=rnd, school_code=school, choice_rank=rank)
    facts = RunFacts(out, snap["schools"], snap["cutoffs"])
    with _lock:
        _RUN_FACTS[key] = facts
        while len(_RUN_FACTS) > _RUN_FACTS_KEPT:
            _RUN_FACTS.popitem(last=False)
    return facts


def _names(session: Session) -> dict[str, str]:
    return dict(session.execute(select(School.code, School.name)).all())


def run_report(session: Session, run_id: int, settings: Settings) -> dict[str, Any]:
    """Per run (plan 二(一), 三(二)): ``{run, summary, townships, schools}``; seats are the run's snapshot
    capacities (what was left to offer), cut-offs the run's. 404 ``run_not_found``."""
    run = get_run(session, run_id)
    facts = run_facts(session, run)
    names = _names(session)
    seats = [reports.SchoolSeats(s["code"], names.get(s["code"], s["code"]), s["kind"], s["township"],
                                 s["capacity"] if s["status"] == "active" else 0, facts.cutoffs.get(s["code"]),
                                 tuple(s.get("catchment", ())))
             for s in facts.schools]
    values = list(facts.outcomes.values())
    target = settings.public_share_target
    return {"run": run_view(run), "summary": reports.summary(values, target),
            "townships": reports.by_township(values, seats, target), "schools": reports.by_school(values, seats)}


def season_version(session: Session, season: int, settings: Settings) -> str:
    """A digest of everything a season report reads besides its runs' immutable facts (:func:`run_facts`): the
    season's runs (id, grade, state, input digest, creation time), its intakes (school, grade, seats), every
    school's name, kind, township, status and catchment, and the target. Read from the database on every call (a
    few hundred small rows), so any write by any process — a run made, published, finalised or superseded, seats or
    a plan changed, a school edited or imported — gives a new version."""
    h = hashlib.sha256(str(settings.public_share_target).encode())
    for stmt in (select(Run.id, Run.grade, Run.state, Run.input_digest, Run.created_at).where(Run.season == season)
                 .order_by(Run.id),
                 select(Intake.school_code, Intake.grade, Intake.seats).where(Intake.season == season)
                 .order_by(Intake.school_code, Intake.grade),
                 select(School.code, School.name, School.kind, School.township_code, School.status,
                        School.catchment_townships).order_by(School.code)):
        for row in session.execute(stmt):
            h.update(json.dumps([str(v) if not isinstance(v, (list, int)) else v for v in row],
                                ensure_ascii=False).encode())
        h.update(b"|")
    return h.hexdigest()


def season_report(session: Session, season: int, settings: Settings) -> dict[str, Any]:
    """:func:`compute_season_report`, kept per process under :func:`season_version` read from the database on each
    call: the report is recomputed exactly when something it reads has changed, whichever process changed it; a
    version computed before and after must agree for the answer to be kept (a write committed meanwhile is not
    filed under the older version)."""
    version = season_version(session, season, settings)
    with _lock:
        kept = _SEASON_REPORTS.get(season)
    if kept is not None and kept[0] == version:
        return copy.deepcopy(kept[1])
    report = compute_season_report(session, season, settings)
    if season_version(session, season, settings) == version:
        with _lock:
            _SEASON_REPORTS[season] = (version, copy.deepcopy(report))
            _SEASON_REPORTS.move_to_end(season)
            while len(_SEASON_REPORTS) > _SEASONS_KEPT:
                _SEASON_REPORTS.popitem(last=False)
    return report


def compute_season_report(session: Session, season: int, settings: Settings) -> dict[str, Any]:
    """Per season: for each grade, the final runs (later runs override earlier ones per application); a grade
    without a final run uses its latest draft or published run and is marked ``provisional``. Seats are the
    configured migrant seats and plans of the season; a school's cut-off is the latest run's that has one.
    Township figures (policy §10): ``townships`` per grade, ``township_totals`` over both grades (the counts summed,
    share and shortfall from the sums).
    ``{season, grades: [{grade, runs, provisional, summary}], summary, townships: [{grade, ...}], township_totals,
    schools}``."""
    names = _names(session)
    target = settings.public_share_target
    grades, all_outcomes, towns, schools_rows, counts = [], [], [], [], []
    for grade in (1, 7):
        runs = list(session.scalars(select(Run).options(defer(Run.snapshot))  # read by run_facts when needed
                                    .where(Run.season == season, Run.grade == grade, Run.state == "final")
                                    .order_by(Run.id)))
        provisional = not runs
        if provisional:
            latest = session.scalar(select(Run).options(defer(Run.snapshot))
                                    .where(Run.season == season, Run.grade == grade,
                                           Run.state.in_(("draft", "published")))
                                    .order_by(Run.id.desc()).limit(1))
            runs = [latest] if latest else []
        outcomes: dict[str, reports.Outcome] = {}
        cutoffs: dict[str, Any] = {}
        for run in runs:
            facts = run_facts(session, run)
            outcomes.update(facts.outcomes)
            cutoffs.update({k: v for k, v in facts.cutoffs.items() if v is not None})
        intake = session.execute(select(School, Intake.seats).join(Intake, Intake.school_code == School.code)
                                 .where(Intake.season == season, Intake.grade == grade)
                                 .order_by(School.code)).all()
        seats = [reports.SchoolSeats(s.code, names[s.code], s.kind, s.township_code,
                                     n if s.status == "active" else 0, cutoffs.get(s.code),
                                     tuple(s.catchment_townships or ())) for s, n in intake]
        values = list(outcomes.values())
        all_outcomes += values
        grades.append({"grade": grade, "runs": [r.id for r in runs], "provisional": provisional,
                       "summary": reports.summary(values, target)})
        counts.append(reports.township_counts(values, seats))
        towns += [{"grade": grade, **row} for row in reports.township_rows(counts[-1], target)]
        schools_rows += [{"grade": grade, **row} for row in reports.by_school(values, seats)]
    return {"season": season, "grades": grades, "summary": reports.summary(all_outcomes, target),
            "townships": towns, "township_totals": reports.township_rows(reports.add_counts(*counts), target),
            "schools": schools_rows}


def _numbers(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Decimal strings (shares, targets, cut-off scores) as exact numbers a spreadsheet can sum."""
    return [{k: Decimal(v) if k in ("public_share", "target", "cutoff_score") and v is not None else v
             for k, v in r.items()} for r in rows]


def report_tables(report: dict[str, Any]) -> dict[str, tuple[str, list[tuple[str, str]], list[dict[str, Any]]]]:
    """The three tables of a :func:`run_report` or :func:`season_report` by view (``summary``, ``townships``,
    ``schools``), as :mod:`common.sheet_writer` takes them: ``(sheet name, [(field, Chinese header)], rows)``. A
    season's rows carry a ``grade`` column (the summary and the townships add ``全部`` rows: the season's totals,
    policy §10); a run's summary row carries ``run_id`` and ``grade``."""
    def cols(fields: tuple[str, ...]) -> list[tuple[str, str]]:
        return columns_of(fields, reports.HEADERS_ZH)

    if "grades" not in report:
        run = report["run"]
        return {"summary": ("汇总", cols(("run_id", "grade", *reports.SUMMARY_COLUMNS)),
                            _numbers([{"run_id": run["id"], "grade": run["grade"], **report["summary"]}])),
                "townships": ("乡镇", cols(reports.TOWNSHIP_COLUMNS), _numbers(report["townships"])),
                "schools": ("学校", cols(reports.SCHOOL_COLUMNS), _numbers(report["schools"]))}
    summary = [{"grade": g["grade"], **g["summary"]} for g in report["grades"]] + [{"grade": "全部",
                                                                                  **report["summary"]}]
    towns = report["townships"] + [{"grade": "全部", **t} for t in report["township_totals"]]
    return {"summary": ("汇总", cols(("grade", *reports.SUMMARY_COLUMNS)), _numbers(summary)),
            "townships": ("乡镇", cols(("grade", *reports.TOWNSHIP_COLUMNS)), _numbers(towns)),
            "schools": ("学校", cols(("grade", *reports.SCHOOL_COLUMNS)), _numbers(report["schools"]))}


def report_csv(report: dict[str, Any], view: str) -> bytes:
    """One ``view`` of :func:`report_tables` as CSV (:func:`common.sheet_writer.csv_bytes`)."""
    _, columns, rows = report_tables(report)[view]
    return csv_bytes(columns, rows)


def report_xlsx(report: dict[str, Any]) -> bytes:
    """The three tables of :func:`report_tables` as a workbook (:func:`common.sheet_writer.workbook`): 汇总, 乡镇,
    学校; Chinese headers over the field names, frozen, real numbers."""
    return workbook(report_tables(report).values())
