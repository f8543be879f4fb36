"""Use cases for schools, migrant seats and private plans (BRIEF §6, §7; plan 三(二), 三(五)).
Functions take a session and never commit."""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from common import history, paging
from common.identity import Identity
from enrollment.config import Settings
from enrollment.errors import (BelowPlaced, CodeMismatch, FieldImmutable, PlanOverCapacity, SchoolClosed, SchoolExists,
                               SchoolNotFound, SchoolPhasingOut, WrongLevel, WrongSchoolKind)
from enrollment.models import Intake, PlacementRow, Run, School, change_history
from enrollment.rules import INTAKE_LEVELS
from enrollment.scale import Capacity, Norms, approved_capacity, check_plan
from enrollment.schemas import SCHOOL_CODE, SchoolCreate, SchoolFields, SchoolUpdate

_SCHOOL_CODE = re.compile(SCHOOL_CODE)


def _x100(area: Decimal | None) -> int | None:
    return None if area is None else int(area * 100)


def _area(x100: int | None) -> Decimal | None:
    return None if x100 is None else Decimal(x100) / 100


def _fields(school: School, body: SchoolFields) -> None:
    school.name, school.kind, school.level = body.name, body.kind, body.level
    school.township_code, school.catchment_townships = body.township_code, list(body.catchment_townships)
    school.floor_area_x100, school.land_area_x100 = _x100(body.floor_area_m2), _x100(body.land_area_m2)
    school.classrooms, school.current_pupils = dict(body.classrooms), dict(body.current_pupils)
    school.status = body.status


def school_value(school: School) -> dict[str, Any]:
    """The bureau's fields of a school, as change history keeps them before and after (areas in m², Decimal)."""
    return {"code": school.code, "name": school.name, "kind": school.kind, "level": school.level,
            "township_code": school.township_code, "catchment_townships": list(school.catchment_townships or []),
            "floor_area_m2": _area(school.floor_area_x100), "land_area_m2": _area(school.land_area_x100),
            "classrooms": dict(school.classrooms or {}), "current_pupils": dict(school.current_pupils or {}),
            "status": school.status}


def find_school(session: Session, code: str) -> School | None:
    """The school or None (from the `prefetch` cache when there is one: no query, no autoflush)."""
    if "schools" in session.info:
        return session.info["schools"].get(code)
    return session.get(School, code)


def get_school(session: Session, code: str, *, for_update: bool = False) -> School:
    """The school, 404 ``school_not_found``. ``for_update`` locks its row until the transaction ends (``SELECT ...
    FOR UPDATE`` on PostgreSQL; SQLite's write transaction holds the whole database): read it so before checking
    If-Match and bumping the version, so that writers holding the same ETag change it one after another."""
    school = (find_school(session, code) if not for_update else
              session.get(School, code, with_for_update=True, populate_existing=True))
    if school is None:
        raise SchoolNotFound(f"no school {code}")
    return school


def create_school(session: Session, body: SchoolCreate, *, now: datetime, who: Identity | str) -> School:
    """Register a school; 409 ``school_exists`` on a known code, also when a concurrent writer inserts the same code
    between the check and the insert (the unique violation is caught in a savepoint). Recorded in the change
    history (``school``, ``create``) by ``who``."""
    if find_school(session, body.code) is not None:
        raise SchoolExists(f"school {body.code} already exists")
    school = School(code=body.code, version=1, created_at=now, updated_at=now)
    _fields(school, body)
    if "schools" in session.info:  # a bulk write (`prefetch`): every school is known, one flush at commit
        session.add(school)
        session.info["schools"][school.code] = school
    else:
        try:
            with session.begin_nested():
                session.add(school)
        except IntegrityError:
            raise SchoolExists(f"school {body.code} already exists") from None
    history.record(session, change_history, resource="school", key=school.code, who=who, before=None,
                   after=school_value(school), at=now)
    return school


def replace_school(session: Session, school: School, body: SchoolUpdate, *, now: datetime,
                   who: Identity | str) -> School:
    """Replace a school's fields (the caller has checked If-Match). ``kind`` and ``level`` cannot change (their
    seats and plans depend on them): 422 ``field_immutable``; a body ``code`` must be the path's. The change
    (before, after) joins the history; a replacement that changes nothing records nothing."""
    if body.code is not None and body.code != school.code:
        raise CodeMismatch(f"body code {body.code} differs from the path's {school.code}",
                      field="code")
    for name in ("kind", "level"):
        if getattr(body, name) != getattr(school, name):
            raise FieldImmutable(f"{name} cannot change ({getattr(school, name)}); register a new school", field=name)
    before = school_value(school)
    _fields(school, body)
    school.version += 1
    school.updated_at = now
    session.flush()
    history.record(session, change_history, resource="school", key=school.code, who=who, before=before,
                   after=school_value(school), at=now)
    return school


def norms(settings: Settings, level: str) -> Norms:
    return Norms(settings.class_limit(level), settings.floor_norm(level), settings.land_norm(level))


def capacity_of(school: School, settings: Settings) -> Capacity | None:
    """核定规模 of a private school (BRIEF §7) with its inputs; None for a public school."""
    if school.kind != "private":
        return None
    return approved_capacity(_area(school.floor_area_x100) or Decimal(0), _area(school.land_area_x100) or Decimal(0),
                             school.classrooms, norms(settings, school.level))


def school_view(session: Session, school: School, settings: Settings) -> dict[str, Any]:
    """The School answer: fields, version, ``approved_capacity`` (核定规模, pupils; private schools) with
    ``approved_capacity_inputs`` (areas, classrooms, norms and the three bounds) and every season's intake."""
    cap = capacity_of(school, settings)
    intakes = session.execute(select(Intake.season, Intake.grade, Intake.seats)
                              .where(Intake.school_code == school.code).order_by(Intake.season, Intake.grade)).all()
    area = _area
    return {"code": school.code, "name": school.name, "kind": school.kind, "level": school.level,
            "township_code": school.township_code, "catchment_townships": school.catchment_townships,
            "floor_area_m2": None if school.floor_area_x100 is None else f"{area(school.floor_area_x100):.2f}",
            "land_area_m2": None if school.land_area_x100 is None else f"{area(school.land_area_x100):.2f}",
            "classrooms": school.classrooms, "current_pupils": school.current_pupils, "status": school.status,
            "version": school.version, "approved_capacity": cap.approved if cap else None,
            "approved_capacity_inputs": cap.as_dict() if cap else None,
            "intakes": [{"season": s, "grade": g, "seats": n} for s, g, n in intakes]}


def list_schools(session: Session, *, kind: str | None, level: str | None, limit: int,
                 cursor: str | None) -> tuple[list[School], str | None]:
    """Schools in code order after ``cursor`` (:mod:`common.paging`, listing ``schools``, keyed by the code; 422
    ``invalid_cursor`` for anything else)."""
    query = select(School).order_by(School.code).limit(limit + 1)
    if kind:
        query = query.where(School.kind == kind)
    if level:
        query = query.where(School.level == level)
    if (after := paging.after("schools", cursor, key=str, pattern=_SCHOOL_CODE)) is not None:
        query = query.where(School.code > after)
    return paging.cut(list(session.scalars(query)), limit, "schools", key=lambda s: s.code)


def prefetch(session: Session, season_grades: set[tuple[int, int]]) -> None:
    """For a bulk write (an import) in this session: load every school (later gets hit the identity map), the
    seats/plans and the final runs' taken seats of ``season_grades`` once, so each row costs no lookups. Final runs
    do not change within the transaction (finalising takes the write lock), so the counts stay true."""
    session.info["schools"] = {s.code: s for s in session.scalars(select(School))}  # held: the identity map is weak
    cache: dict[tuple[str, int, int], Intake | None] = {}
    taken: dict[tuple[int, int], dict[str, int]] = {}
    for season, grade in season_grades:
        for row in session.scalars(select(Intake).where(Intake.season == season, Intake.grade == grade)):
            cache[(row.school_code, season, grade)] = row
        taken[(season, grade)] = final_taken(session, season, grade)
    session.info["intakes"], session.info["final_taken"] = cache, taken
    session.info["intakes_of"] = set(season_grades)


def intake(session: Session, code: str, season: int, grade: int) -> Intake | None:
    """The stored seats/plan row of a school, season and grade (from the `prefetch` cache when there is one)."""
    if (season, grade) in session.info.get("intakes_of", ()):
        return session.info["intakes"].get((code, season, grade))
    return session.get(Intake, (code, season, grade))


def final_taken(session: Session, season: int, grade: int, school_code: str | None = None) -> dict[str, int]:
    """Seats at each school already taken by final runs of the season and grade."""
    cached = session.info.get("final_taken", {}).get((season, grade))
    if cached is not None:
        return {k: v for k, v in cached.items() if school_code in (None, k)}
    query = (select(PlacementRow.school_code, func.count()).join(Run, Run.id == PlacementRow.run_id)
             .where(Run.season == season, Run.grade == grade, Run.state == "final",
                    PlacementRow.school_code.is_not(None)).group_by(PlacementRow.school_code))
    if school_code:
        query = query.where(PlacementRow.school_code == school_code)
    return {code: n for code, n in session.execute(query)}


def _check_intake(school: School, kind: str, grade: int) -> None:
    if school.kind != kind:
        raise WrongSchoolKind(f"school {school.code} is {school.kind}: "
                      f"{'seats are for public schools' if kind == 'public' else 'plans are for private schools'}")
    if school.level not in INTAKE_LEVELS.get(grade, ()):
        raise WrongLevel(f"school {school.code} is {school.level}; grade {grade} is not its intake grade",
                         field="grade")


def _upsert_intake(session: Session, school: School, season: int, grade: int, seats: int, who: Identity,
                   now: datetime) -> None:
    """Store the seats (public) or plan (private) and record the change (``seats`` / ``plan``, key
    ``CODE/season/grade``, values ``{migrant_seats}`` / ``{planned}``)."""
    taken = final_taken(session, season, grade, school.code).get(school.code, 0)
    if seats < taken:
        raise BelowPlaced(f"final runs already placed {taken} pupils at {school.code}; cannot offer {seats}",
                          placed=taken)
    row = intake(session, school.code, season, grade)
    before = None if row is None else row.seats
    if row is None:
        row = Intake(school_code=school.code, season=season, grade=grade, seats=seats, updated_at=now,
                     updated_by=who.subject)
        session.add(row)
        if "intakes" in session.info:
            session.info["intakes"][(school.code, season, grade)] = row
    else:
        row.seats, row.updated_at, row.updated_by = seats, now, who.subject
    if "intakes" not in session.info:  # a bulk write (`prefetch`) flushes once, at its commit
        session.flush()
    field = "migrant_seats" if school.kind == "public" else "planned"
    history.record(session, change_history, resource="seats" if school.kind == "public" else "plan",
                   key=f"{school.code}/{season}/{grade}", who=who, at=now,
                   before=None if before is None else {field: before}, after={field: seats})


def set_seats(session: Session, code: str, season: int, grade: int, migrant_seats: int, *, who: Identity,
              now: datetime) -> dict[str, Any]:
    """Migrant seats (随迁子女学位) of a public school for a grade and season (plan 三(二))."""
    school = get_school(session, code)
    _check_intake(school, "public", grade)
    _upsert_intake(session, school, season, grade, migrant_seats, who, now)
    return {"school_code": code, "season": season, "grade": grade, "kind": "public", "migrant_seats": migrant_seats}


def set_plan(session: Session, code: str, season: int, grade: int, planned: int, *, who: Identity, now: datetime,
             settings: Settings) -> dict[str, Any]:
    """Enrollment plan (招生计划) of a private migrant school (BRIEF §7, plan 三(五)).

    Errors: 422 ``school_phasing_out`` (``school_closed``) for a plan > 0 at such a school; 422
    ``plan_over_capacity`` when current pupils + all the season's planned intake > approved capacity, or the
    grade's pupils > its classrooms × class_limit — with ``approved_capacity``, ``school_total``, ``grade_total``,
    ``grade_limit`` and ``reason`` in the problem body.
    """
    school = get_school(session, code)
    _check_intake(school, "private", grade)
    if planned > 0 and school.status != "active":
        err = SchoolPhasingOut if school.status == "phasing_out" else SchoolClosed
        raise err(f"school {code} is {school.status} and takes no new pupils (plan 三(五))")
    cap = capacity_of(school, settings)
    assert cap is not None
    others = session.scalar(select(func.coalesce(func.sum(Intake.seats), 0))
                            .where(Intake.school_code == code, Intake.season == season, Intake.grade != grade)) or 0
    check = check_plan(cap, grade=grade, planned=planned,
                       current_pupils={int(k): v for k, v in school.current_pupils.items()},
                       classrooms={int(k): v for k, v in school.classrooms.items()}, other_plans=int(others))
    if not check.ok:
        if check.reason == "over_approved_capacity":
            detail = (f"current pupils + planned intake = {check.school_total} > approved capacity "
                      f"{check.approved_capacity} (核定规模)")
        else:
            detail = (f"grade {grade} would hold {check.grade_total} > {school.classrooms.get(str(grade), 0)} "
                      f"classrooms × {cap.norms.class_limit} = {check.grade_limit}")
        raise PlanOverCapacity(detail, field="planned", reason=check.reason, **check.numbers())
    _upsert_intake(session, school, season, grade, planned, who, now)
    return {"school_code": code, "season": season, "grade": grade, "kind": "private", "planned": planned,
            "approved_capacity": cap.approved}
