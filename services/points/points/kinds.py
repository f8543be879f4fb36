"""What each rulebook kind means (BRIEF §5), as closures over one rulebook's numbers for the scorer's hot loop.

Facts are verification's facts of record (plain dicts, dates as ISO strings). Each evaluator returns
``(None, raw centipoints)`` when the fact counts, else ``(reason, 0)``. Each guardian check takes the guardian's
confirmed ``[(result, facts), ...]`` of its kind and returns ``(met, reason)``. A fact dated after the cut-off C never
counts; ``full_years(d, C) = C.year − d.year − ((C.month, C.day) < (d.month, d.day))``, computed on ISO strings.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

Evaluate = Callable[[Mapping], tuple[str | None, int]]


def _date(value: Any) -> str | None:
    return value if value is None or type(value) is str else value.isoformat()


def months_by_cutoff(months: int, since: str | None, cutoff: str) -> int:
    """Social insurance months as of C (社保缴费月数, "continuous up to the cut-off date", BRIEF glossary): the months
    the department reports, but no more than the calendar months from ``since`` through C, both months counted
    (since 2024-05-01, C 2025-04-30 → at most 12). A department answers after C and may count months paid since;
    a ``since`` missing leaves the reported months as they are."""
    if since is None:
        return months
    possible = (int(cutoff[:4]) - int(since[:4])) * 12 + int(cutoff[5:7]) - int(since[5:7]) + 1
    return min(months, max(possible, 0))


def permit_check(in_county: bool, valid: bool, minimum: int, cutoff: str, county: str):
    """E1: a confirmed permit issued in the county, valid at C, with ≥ ``minimum`` full years."""
    cut_year, cut_md = int(cutoff[:4]), cutoff[5:]

    def check(cands: list) -> tuple[bool, str]:
        first = None
        for _, f in cands:
            since = f.get("continuous_since")
            if type(since) is not str:
                since = _date(since)
            if not since:
                why = "permit_incomplete"
            elif since > cutoff:
                why = "permit_dated_after_cutoff"
            elif in_county and f.get("county_code") != county:
                why = "permit_outside_county"
            elif valid and f.get("status") != "valid":
                why = "permit_suspended" if f.get("status") == "suspended" else "permit_not_valid"
            elif cut_year - int(since[:4]) - (cut_md < since[5:]) < minimum:
                why = "permit_too_recent"
            else:
                return True, "permit_ok"
            first = first or why
        return False, first or "permit_no_fact"

    return check


def insurance_check(in_county: bool, active: bool, minimum: int, cutoff: str, county: str):
    """E2: confirmed social insurance in the county, active at C, with ≥ ``minimum`` continuous months."""

    def check(cands: list) -> tuple[bool, str]:
        first = None
        for _, f in cands:
            since, months = _date(f.get("since")), f.get("continuous_months")
            if since is not None and since > cutoff:
                why = "insurance_dated_after_cutoff"
            elif in_county and f.get("county_code") != county:
                why = "insurance_outside_county"
            elif active and f.get("active_at_cutoff") is not True:
                why = "insurance_not_active"
            elif type(months) is not int:
                why = "insurance_incomplete"
            elif months_by_cutoff(months, since, cutoff) < minimum:
                why = "insurance_too_short"
            else:
                return True, "insurance_ok"
            first = first or why
        return False, first or "insurance_no_fact"

    return check


def evaluator(p: dict[str, Any], cutoff: str, county: str) -> Evaluate:
    """The evaluator of one item (``p``: the item's compiled parameters, points in centipoints)."""
    kind, fixed, rate, dated_by = p["kind"], p["fixed"], p["rate"], p["dated_by"]
    per_year, per_month = p["unit"] == "full_year", p["unit"] == "month"
    cut_year, cut_md = int(cutoff[:4]), cutoff[5:]
    in_county, valid, active = p["in_county"], p["permit_valid"], p["active_at_cutoff"]
    min_share, statuses, holder = p["min_share_percent"], p["license_status"], p["holder_is_guardian"]
    any_county = not in_county

    if kind == "base":
        counts = (None, fixed)
        return lambda f: counts

    if kind == "social_insurance":
        def insurance(f: Mapping) -> tuple[str | None, int]:
            since = _date(f.get("since"))
            if since is not None and since > cutoff:
                return "dated_after_cutoff", 0
            if not (any_county or f.get("county_code") == county):
                return "outside_county", 0
            if active and f.get("active_at_cutoff") is not True:
                return "insurance_not_active", 0
            months = f.get("continuous_months")
            if type(months) is not int or months < 0:
                return "fact_incomplete", 0
            return None, fixed + rate * months_by_cutoff(months, since, cutoff) if per_month else fixed

        return insurance

    permit_valid = valid and kind == "residence"  # the residence item's permit must be valid (its condition)

    def dated(f: Mapping) -> tuple[str | None, int]:
        """Residence, homes and businesses: dated by ``continuous_since`` / ``acquired_on`` / ``registered_on`` /
        ``established_on``; then each kind's own conditions (the permit's status, the share, the licence)."""
        d = f.get(dated_by)
        if type(d) is not str:
            if d is None:
                return "fact_incomplete", 0
            d = d.isoformat()
        if d > cutoff:
            return "dated_after_cutoff", 0
        if not (any_county or f.get("county_code") == county):
            return "outside_county", 0
        if permit_valid and (status := f.get("status")) != "valid":
            return ("permit_suspended" if status == "suspended" else "permit_not_valid"), 0
        if min_share is not None:
            try:
                if Decimal(f.get("share_percent")) < min_share:
                    return "share_below_minimum", 0
            except (TypeError, InvalidOperation):
                return "fact_incomplete", 0
        if statuses is not None and f.get("status") not in statuses:
            return "license_not_active", 0
        if holder is not None and f.get("holder_is_guardian") is not holder:
            return "not_holder", 0
        return None, fixed + rate * (cut_year - int(d[:4]) - (cut_md < d[5:])) if per_year else fixed

    return dated
