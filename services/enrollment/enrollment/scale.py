"""Approved capacity (核定规模) of a private migrant school and the plan checks — BRIEF §7, plan 三(五).

Pure functions over plain numbers: no HTTP, no session. Areas in m² (Decimal), norms in m² per pupil, class
limits in pupils per class.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any


@dataclass(frozen=True)
class Norms:
    """The norms for one school level: ``class_limit`` pupils per class, ``floor_norm`` / ``land_norm`` m² per
    pupil (defaults primary 45 / 6 / 18, junior 50 / 7 / 23, all settings)."""

    class_limit: int
    floor_norm: Decimal
    land_norm: Decimal


@dataclass(frozen=True)
class Capacity:
    """核定规模 with its inputs: ``approved`` = min(by_floor, by_land, by_classrooms) pupils, and which one binds."""

    approved: int
    by_floor: int
    by_land: int
    by_classrooms: int
    binding: str  # "floor" | "land" | "classrooms"
    floor_area_m2: Decimal
    land_area_m2: Decimal
    classrooms: int
    norms: Norms

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: areas and norms as decimal strings."""
        out = asdict(self)
        out["floor_area_m2"] = _plain(self.floor_area_m2)
        out["land_area_m2"] = _plain(self.land_area_m2)
        out["norms"] = {"class_limit": self.norms.class_limit, "floor_norm_m2": _plain(self.norms.floor_norm),
                        "land_norm_m2": _plain(self.norms.land_norm)}
        return out


def _plain(value: Decimal) -> str:
    return format(value.quantize(Decimal("0.01")), "f")


def approved_capacity(floor_area_m2: Decimal, land_area_m2: Decimal, classrooms: Mapping[Any, int],
                      norms: Norms) -> Capacity:
    """approved capacity = min(⌊floor_area / floor_norm⌋, ⌊land_area / land_norm⌋, Σclassrooms × class_limit).

    Exact decimal arithmetic; e.g. floor 3000 m², land 9000 m², 12 classrooms, primary norms (6, 18, 45) →
    min(500, 500, 540) = 500 (floor and land bind equally; the first binding one in that order is named).
    """
    rooms = sum(int(n) for n in classrooms.values())
    by_floor = int(Decimal(floor_area_m2) // norms.floor_norm)
    by_land = int(Decimal(land_area_m2) // norms.land_norm)
    by_rooms = rooms * norms.class_limit
    approved = min(by_floor, by_land, by_rooms)
    binding = "floor" if approved == by_floor else "land" if approved == by_land else "classrooms"
    return Capacity(approved, by_floor, by_land, by_rooms, binding, Decimal(floor_area_m2), Decimal(land_area_m2),
                    rooms, norms)


@dataclass(frozen=True)
class PlanCheck:
    """Why a plan is refused (``ok`` False) and the numbers behind it.

    ``school_total`` = current pupils (all grades) + every planned intake of the season, with this plan;
    ``grade_total`` = current pupils of the grade + this plan; ``grade_limit`` = classrooms of the grade ×
    class_limit.
    """

    ok: bool
    reason: str | None  # None | "over_approved_capacity" | "over_grade_classes"
    approved_capacity: int
    school_total: int
    grade_total: int
    grade_limit: int

    def numbers(self) -> dict[str, int]:
        return {"approved_capacity": self.approved_capacity, "school_total": self.school_total,
                "grade_total": self.grade_total, "grade_limit": self.grade_limit}


def check_plan(capacity: Capacity, *, grade: int, planned: int, current_pupils: Mapping[int, int],
               classrooms: Mapping[int, int], other_plans: int) -> PlanCheck:
    """May the school plan ``planned`` new pupils in ``grade`` (BRIEF §7: no over-scale school, no over-size
    class)?

    ``other_plans`` = the school's planned intake in its other grades this season. Refused when
    current pupils + all planned intake > approved capacity, or when the grade's current pupils + ``planned`` >
    classrooms of the grade × class_limit. A plan of 0 always passes.
    """
    school_total = sum(current_pupils.values()) + other_plans + planned
    grade_total = current_pupils.get(grade, 0) + planned
    grade_limit = classrooms.get(grade, 0) * capacity.norms.class_limit
    reason = None
    if planned > 0 and school_total > capacity.approved:
        reason = "over_approved_capacity"
    elif planned > 0 and grade_total > grade_limit:
        reason = "over_grade_classes"
    return PlanCheck(reason is None, reason, capacity.approved, school_total, grade_total, grade_limit)
