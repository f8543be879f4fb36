"""Report arithmetic (pure): counts, the public-school share against the 95 % target, demand vs public seats by
township, per-school fill and cut-off, choice satisfaction — plan 二(一), 三(二); BRIEF §1.

Definitions (every figure is over the outcomes passed in):
- ``placed_public`` = round 1; ``placed_purchased`` = rounds 2 and 3 (政府购买学位, plan 三(四));
- ``public_share`` = placed_public / (placed_public + placed_purchased) × 100, percent with 2 decimals rounded
  half-up, ``None`` when nobody is placed; ``meets_target`` compares exactly (no rounding);
- a family's preference list is its public choices then its private choices; ``first_choice`` / ``top_3`` count
  placements at overall rank 1 / ≤ 3; ``no_choice`` counts eligible applicants not placed at any choice
  (district placement or waitlisted);
- by township: every figure is computed here, in `township_counts` (additive counts) and `township_rows`
  (share and shortfall from those counts), as docs/policy.md §10 defines them: ``demand`` = eligible applicants
  residing there (township of the confirmed residence permit); ``public_seats`` = the township's part of the migrant
  seats of the public schools whose catchment includes it (a school's seats divided among its catchment townships
  in proportion to their demand, largest remainder, so the townships add up to the district); ``shortfall`` = the
  public seats the township lacks to meet the target = the fewest more children placed in public schools that
  would bring its share to the target (0 exactly when ``meets_target``); ``needs_more_seats`` = shortfall > 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from typing import Any

from common.townships import townships

SUMMARY_COLUMNS = ("applicants", "eligible", "placed_public", "placed_private_choice", "placed_district",
                   "placed_purchased", "waitlisted", "eligible_waitlisted", "public_share", "target", "meets_target",
                   "first_choice", "top_3", "no_choice")
TOWNSHIP_COLUMNS = ("township_code", "township_name", "demand", "public_seats", "placed_public", "placed_purchased",
                    "waitlisted", "public_share", "meets_target", "shortfall", "needs_more_seats")
TOWNSHIP_COUNTS = ("demand", "public_seats", "placed_public", "placed_purchased", "waitlisted")
HEADERS_ZH = {"grade": "年级", "applicants": "申请人数", "eligible": "符合条件", "placed_public": "公办学校录取",
              "placed_private_choice": "民办志愿录取", "placed_district": "统筹安排", "placed_purchased": "政府购买学位",
              "waitlisted": "未录取", "eligible_waitlisted": "符合条件未录取", "public_share": "公办占比(%)",
              "target": "目标(%)", "meets_target": "达标", "first_choice": "第一志愿录取", "top_3": "前三志愿录取",
              "no_choice": "非志愿安排", "township_code": "乡镇代码", "township_name": "乡镇（街道）",
              "demand": "符合条件需求", "public_seats": "公办学位", "shortfall": "缺少公办学位",
              "needs_more_seats": "需增加学位", "school_code": "学校代码", "name": "学校名称", "kind": "类型",
              "seats": "学位/计划", "filled": "已录取", "round_1": "第一轮", "round_2": "第二轮", "round_3": "第三轮",
              "free": "剩余", "first_choice_demand": "第一志愿人数", "cutoff_score": "最低录取积分",
              "cutoff_tier": "最低录取梯度", "cutoff_application_no": "最低录取申请号"}
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
    catchment: tuple[str, ...] = ()  # public schools: townships whose residents have tier-1 priority (BRIEF §6)


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


def outcome(application_no: str, grade: int, *, eligible: bool, township: str | None,
            public_choices: Sequence[str], private_choices: Sequence[str], round: int | None,
            school_code: str | None, choice_rank: int | None) -> Outcome:
    """One applicant's result from its choices (public, then private) and its placement (``round`` None when
    waitlisted): the one way a run (``runs.create_run``) and its reports (``run_reports``) make an Outcome."""
    first = public_choices[0] if public_choices else private_choices[0] if private_choices else None
    return Outcome(application_no, grade, eligible, township, len(public_choices), first, round, school_code,
                   choice_rank)


def counts(outcomes: Iterable[Outcome]) -> dict[str, int]:
    """Head counts over ``outcomes``: applicants, eligible, placed per round (``placed_purchased`` = rounds 2 + 3),
    waitlisted (``eligible_waitlisted`` of them eligible), and choice satisfaction (``first_choice``, ``top_3``,
    ``no_choice``). A run stores the first of them (``Run.counts``); :func:`summary` adds the share."""
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
    out["placed_purchased"] = out["placed_private_choice"] + out["placed_district"]
    return out


def summary(outcomes: Iterable[Outcome], target: Decimal) -> dict[str, Any]:
    """:func:`counts`, the public share against ``target`` (percent) and choice satisfaction."""
    out: dict[str, Any] = counts(outcomes)
    placed = out["placed_public"] + out["placed_purchased"]
    out["public_share"] = percent(out["placed_public"], placed)
    out["target"] = str(target.quantize(Decimal("0.01")))
    out["meets_target"] = placed > 0 and out["placed_public"] * 100 >= target * placed
    return {k: out[k] for k in SUMMARY_COLUMNS}


def apportion(seats: int, demand: dict[str, int], home: str) -> dict[str, int]:
    """Divide a public school's ``seats`` among its catchment townships (keys of ``demand``) in proportion to their
    eligible demand, largest remainder first (ties by township code), so the parts add up to ``seats`` exactly:
    (10, {A: 1, B: 2}) → {A: 3, B: 7}. With no demand in the catchment (or no catchment) every seat counts toward
    the school's own township ``home``. Policy §10."""
    total = sum(demand.values())
    if seats <= 0:
        return {}
    if total == 0:
        return {home: seats}
    parts = {t: seats * d // total for t, d in demand.items()}
    left = seats - sum(parts.values())
    for t in sorted(demand, key=lambda t: (-(seats * demand[t] % total), t))[:left]:
        parts[t] += 1
    return parts


def township_counts(outcomes: Iterable[Outcome], schools: Sequence[SchoolSeats]) -> dict[str, dict[str, int]]:
    """The additive township figures of ONE grade: ``{township_code ("" when unknown): {demand, public_seats,
    placed_public, placed_purchased, waitlisted}}`` — only townships with demand or seats. Every count adds up over
    townships to the district's (demand = eligible; public_seats = the active public schools' seats) and over
    grades to the season's (`add_counts`). Policy §10."""
    rows: dict[str, dict[str, int]] = {}

    def row(code: str) -> dict[str, int]:
        return rows.setdefault(code, dict.fromkeys(TOWNSHIP_COUNTS, 0))

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
    demand = {code: r["demand"] for code, r in rows.items()}
    for s in schools:
        if s.kind != "public":
            continue
        area = s.catchment or (s.township,)
        for code, n in apportion(s.seats, {t: demand.get(t, 0) for t in area}, s.township).items():
            row(code)["public_seats"] += n
    return rows


def add_counts(*grades: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    """Township counts summed over grades (the season's), township by township."""
    out: dict[str, dict[str, int]] = {}
    for counts in grades:
        for code, r in counts.items():
            acc = out.setdefault(code, dict.fromkeys(TOWNSHIP_COUNTS, 0))
            for k in TOWNSHIP_COUNTS:
                acc[k] += r[k]
    return out


def shortfall(placed_public: int, placed: int, target: Decimal) -> int:
    """Public seats lacking to meet ``target`` (percent): the fewest n ≥ 0 with (placed_public + n) × 100 ≥ target ×
    placed — children now placed by purchase who would need a public seat. 0 exactly when the share meets the
    target (or nobody is placed): (19, 20, 95) → 0; (18, 20, 95) → 1; (0, 12, 95) → 12. Policy §10."""
    need = int((target * placed / 100).to_integral_value(rounding=ROUND_CEILING))
    return max(0, need - placed_public)


def township_rows(counts: dict[str, dict[str, int]], target: Decimal) -> list[dict[str, Any]]:
    """The township table (``TOWNSHIP_COLUMNS``) from `township_counts` / `add_counts`, in code order: the counts,
    ``public_share`` (as in `summary`), ``meets_target``, ``shortfall`` (`shortfall`) and ``needs_more_seats``.
    A township is short exactly when its share is below the target (nobody placed: share None, not short)."""
    names = {code: row["name_zh"] for code, row in townships().items()}
    out = []
    for code in sorted(counts):
        r = counts[code]
        placed = r["placed_public"] + r["placed_purchased"]
        short = shortfall(r["placed_public"], placed, target)
        out.append({"township_code": code or None, "township_name": names.get(code), **r,
                    "public_share": percent(r["placed_public"], placed),
                    "meets_target": placed > 0 and r["placed_public"] * 100 >= target * placed,
                    "shortfall": short, "needs_more_seats": short > 0})
    return out


def by_township(outcomes: Iterable[Outcome], schools: Sequence[SchoolSeats], target: Decimal) -> list[dict[str, Any]]:
    """The township table of one grade's outcomes and seats (`township_counts` then `township_rows`). The one place
    township figures are computed: runs, seasons, the demo's summary and planning what-ifs all come here."""
    return township_rows(township_counts(outcomes, schools), target)


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
