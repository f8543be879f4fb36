"""Who moved between two runs of a grade, and why (issue 13): pure, over two stored snapshots and their outcomes.

A re-run after an appeal, a correction, a withdrawal or a change of seats moves some children; this names each of
them — from where to where — with the reasons that apply to that child, and counts them. BRIEF §6 (placement),
plan 二(一) (publication of results).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from enrollment.evidence import Outcome

MOVED, NEWLY_PLACED, LOST_PLACE = "moved", "newly_placed", "lost_place"
# Reasons, in the order an item lists them.
APPEAL_UPHELD = "appeal_upheld"  # an upheld appeal (复核) of the child between the two runs
FACT_CORRECTED = "fact_corrected"  # the child's own tie data changed: scores, residence date, township, eligibility
WITHDRAWAL = "withdrawal"  # the application was withdrawn (in the older run only)
NEW_APPLICATION = "new_application"  # in the newer run only
CHANGED_SEATS = "changed_seats"  # a school the child listed, had or got offers another number of seats
KNOCK_ON = "knock_on"  # none of the above: others' changes moved the child (deferred acceptance chains)
REASONS = (APPEAL_UPHELD, FACT_CORRECTED, WITHDRAWAL, NEW_APPLICATION, CHANGED_SEATS, KNOCK_ON)
_TIE_FIELDS = ("family_score", "other_score", "earliest_since", "township", "eligible", "scored")


def _where(o: Outcome | None) -> dict[str, Any] | None:
    if o is None:
        return None
    return {"school_code": o.school_code, "round": o.round, "tier": o.tier, "choice_rank": o.choice_rank,
            "reason": o.reason}


def _change(old: Outcome | None, new: Outcome | None) -> str | None:
    was, now = old is not None and old.placed, new is not None and new.placed
    if was and now:
        return MOVED if (old.school_code, old.round) != (new.school_code, new.round) else None
    if now:
        return NEWLY_PLACED
    if was:
        return LOST_PLACE
    return None


def diff(older: Mapping[str, Any], older_outcomes: Mapping[str, Outcome], newer: Mapping[str, Any],
         newer_outcomes: Mapping[str, Outcome], *, appeals_upheld: set[str], withdrawn: set[str]) -> dict[str, Any]:
    """The difference from the ``older`` run to the ``newer`` one (stored snapshots: ``{applicants: [{id, ...}],
    schools: [{code, capacity, status, ...}]}``; outcomes by application_no).

    ``appeals_upheld``: application numbers with an upheld appeal between the runs; ``withdrawn``: those withdrawn.
    → ``{counts: {compared, unchanged, moved, newly_placed, lost_place, entered, left}, reasons: {reason: n},
    seats_changed: [{school_code, before, after}], items: [{application_no, change, from, to, reasons}]}`` — items
    in application_no order, only the children whose placement changed (``moved``: another school or round;
    ``newly_placed``; ``lost_place``). ``from`` / ``to`` are null for a child absent from that run.
    """
    old_apps = {a["id"]: a for a in older["applicants"]}
    new_apps = {a["id"]: a for a in newer["applicants"]}

    def seats(doc: Mapping[str, Any]) -> dict[str, int]:
        return {s["code"]: s["capacity"] if s["status"] == "active" else 0 for s in doc["schools"]}

    before, after = seats(older), seats(newer)
    changed_seats = sorted(c for c in before.keys() | after.keys() if before.get(c) != after.get(c))
    changed = set(changed_seats)
    items = []
    counts = Counter()
    for no in sorted(old_apps.keys() | new_apps.keys()):
        o, n = older_outcomes.get(no), newer_outcomes.get(no)
        a_old, a_new = old_apps.get(no), new_apps.get(no)
        if a_old is None:
            counts["entered"] += 1
        elif a_new is None:
            counts["left"] += 1
        change = _change(o, n)
        if change is None:
            counts["unchanged"] += 1
            continue
        counts[change] += 1
        reasons = []
        if no in appeals_upheld:
            reasons.append(APPEAL_UPHELD)
        if a_old is not None and a_new is not None and any(a_old.get(f) != a_new.get(f) for f in _TIE_FIELDS):
            reasons.append(FACT_CORRECTED)
        if a_new is None and no in withdrawn:
            reasons.append(WITHDRAWAL)
        if a_old is None:
            reasons.append(NEW_APPLICATION)
        app = a_new or a_old
        listed = {*app["public_choices"], *app["private_choices"], *(x.school_code for x in (o, n) if x and x.placed)}
        if listed & changed:
            reasons.append(CHANGED_SEATS)
        if not reasons:
            reasons.append(KNOCK_ON)
        items.append({"application_no": no, "change": change, "from": _where(o), "to": _where(n),
                      "reasons": reasons})
    by_reason = Counter(r for item in items for r in item["reasons"])
    return {"counts": {"compared": len(old_apps.keys() | new_apps.keys()),
                       **{k: counts[k] for k in ("unchanged", MOVED, NEWLY_PLACED, LOST_PLACE, "entered", "left")}},
            "reasons": {r: by_reason[r] for r in REASONS},
            "seats_changed": [{"school_code": c, "before": before.get(c), "after": after.get(c)}
                              for c in changed_seats],
            "items": items}
