"""Report arithmetic (pure): counts, the public-school share against the 95 % target, demand vs public seats by
township, per-school fill and cut-off, choice satisfaction — plan 二(一), 三(二); BRIEF §1.

Definitions (every figure is over the outcomes passed in):
- ``placed_public`` = round 1; ``placed_purchased`` = rounds 2 and 3 (政府购买学位, plan 三(四));
- ``public_share`` = placed_public / (placed_public + placed_purchased) × 100, percent with 2 decimals rounded
  half-up, ``None`` when nobody is placed; ``meets_target`` compares exactly (no rounding);
- a family's preference list is its public choices then its private choices; ``first_choice`` / ``top_3`` count
  placements at overall rank 1 / ≤ 3; ``no_choice`` counts eligible applicants not placed at any choice
  (district placement or waitlisted);
- by township, ``demand`` = eligible applicants residing there (township of the confirmed residence permit) and
  ``public_seats`` = migrant seats of the public schools located there; ``shortfall`` = max(0, demand − seats):
  where more public seats are needed (plan 三(二)).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from common.townships import townships

SUMMARY_COLUMNS = ("applicants", "eligible", "placed_public", "placed_private_choice", "placed_district",
                   "placed_purchased", "waitlisted", "eligible_waitlisted", "public_share", "target", "meets_target",
                   "first_choice", "top_3", "no_choice")
TOWNSHIP_COLUMNS = ("township_code", "township_name", "demand", "public_seats", "placed_public", "placed_purchased",
                    "waitlisted", "shortfall", "needs_more_seats", "public_share")
SCHOOL_COLUMNS = ("school_code", "name", "kind", "township_code", "seats", "filled", "round_1", "round_2", "round_3",
                  "free", "first_choice_demand", "cutoff_score", "cutoff_tier", "cutoff_application_no")


@dataclass(frozen=True)
class Outcome:
    """One applicant's result as reports see it."""

    application_no: str
    grade: int
    eligible: bool
    township: str | None
    public_count: int  # how many public choices the family listed
    first_choice: str | None  # the family's first choice (public, else private)
    round: int | None
    school_code: str | None
    choice_rank: int | None


@dataclass(frozen=True)
class SchoolSeats:
    """Seats a school offered (migrant seats or remaining plan) and its published cut-off, if any."""

    code: str
    name: str
    kind: str
    township: str
    seats: int
    cutoff: dict[str, Any] | None = None


def percent(part: int, whole: int) -> str | None:
    """``part / whole × 100`` with 2 decimals, half-up: (19, 20) → ``"95.00"``; (2, 3) → ``"66.67"``."""
    if whole == 0:
        return None
    return str((Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def overall_rank(o: Outcome) -> int | None:
    """Rank of the school in the family's whole list (public choices, then private); None for round 3 / none."""
    if o.round == 1:
        return o.choice_rank
    if o.round == 2 and o.choice_rank is not None:
        return o.public_count + o.choice_rank
    return None


def summary(outcomes: Iterable[Outcome], target: Decimal) -> dict[str, Any]:
    """Counts, the public share against ``target`` (percent) and choice satisfaction."""
    out = dict.fromkeys(("applicants", "eligible", "placed_public", "placed_private_choice", "placed_district",
                         "waitlisted", "eligible_waitlisted", "first_choice", "top_3", "no_choice"), 0)
    for o in outcomes:
        out["applicants"] += 1
        out["eligible"] += o.eligible
        if o.round is None:
            out["waitlisted"] += 1
            out["eligible_waitlisted"] += o.eligible
        else:
            out[{1: "placed_public", 2: "placed_private_choice", 3: "placed_district"}[o.round]] += 1
        rank = overall_rank(o)
        out["first_choice"] += rank == 1
        out["top_3"] += rank is not None and rank <= 3
        out["no_choice"] += o.eligible and rank is None
    purchased = out["placed_private_choice"] + out["placed_district"]
    placed = out["placed_public"] + purchased
    out["placed_purchased"] = purchased
    out["public_share"] = percent(out["placed_public"], placed)
    out["target"] = str(target.quantize(Decimal("0.01")))
    out["meets_target"] = placed > 0 and out["placed_public"] * 100 >= target * placed
    return {k: out[k] for k in SUMMARY_COLUMNS}


def by_township(outcomes: Iterable[Outcome], schools: Sequence[SchoolSeats]) -> list[dict[str, Any]]:
    """Demand vs public seats per township (only townships with demand or seats), in code order."""
    names = {code: row["name_zh"] for code, row in townships().items()}
    rows: dict[str, dict[str, int]] = {}

    def row(code: str) -> dict[str, int]:
        return rows.setdefault(code, dict.fromkeys(("demand", "public_seats", "placed_public", "placed_purchased",
                                                    "waitlisted"), 0))

    for s in schools:
        if s.kind == "public":
            row(s.township)["public_seats"] += s.seats
    for o in outcomes:
        if not o.eligible:
            continue
        r = row(o.township or "")
        r["demand"] += 1
        if o.round is None:
            r["waitlisted"] += 1
        elif o.round == 1:
            r["placed_public"] += 1
        else:
            r["placed_purchased"] += 1
    out = []
    for code in sorted(rows):
        r = rows[code]
        shortfall = max(0, r["demand"] - r["public_seats"])
        out.append({"township_code": code or None, "township_name": names.get(code), **r, "shortfall": shortfall,
                    "needs_more_seats": shortfall > 0,
                    "public_share": percent(r["placed_public"], r["placed_public"] + r["placed_purchased"])})
    return out


def by_school(outcomes: Iterable[Outcome], schools: Sequence[SchoolSeats]) -> list[dict[str, Any]]:
    """Seats, filled (per round), free seats, first-choice demand and the cut-off per school, in code order."""
    filled: dict[str, list[int]] = {s.code: [0, 0, 0] for s in schools}
    first: dict[str, int] = dict.fromkeys(filled, 0)
    for o in outcomes:
        if o.school_code is not None and o.round is not None:
            filled.setdefault(o.school_code, [0, 0, 0])[o.round - 1] += 1
        if o.first_choice in first:
            first[o.first_choice] += 1
    out = []
    for s in sorted(schools, key=lambda s: s.code):
        f = filled[s.code]
        cut = s.cutoff or {}
        out.append({"school_code": s.code, "name": s.name, "kind": s.kind, "township_code": s.township,
                    "seats": s.seats, "filled": sum(f), "round_1": f[0], "round_2": f[1], "round_3": f[2],
                    "free": max(0, s.seats - sum(f)), "first_choice_demand": first[s.code],
                    "cutoff_score": cut.get("family_score"), "cutoff_tier": cut.get("tier"),
                    "cutoff_application_no": cut.get("application_no")})
    return out


def to_csv(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> str:
    """CSV text with a header row; None → empty cell, booleans as ``true`` / ``false``."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for r in rows:
        writer.writerow(["" if r.get(c) is None else str(r[c]).lower() if isinstance(r.get(c), bool) else r[c]
                         for c in columns])
    return buf.getvalue()
