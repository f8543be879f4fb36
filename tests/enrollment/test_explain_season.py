"""Why not this school agrees with the placement for every applicant of a 20,000-application season (issue 13):
the season is generated in-process (cohort generator, points rules), placed, and every child's explanation checked
against the placement, with each school's last admitted and the tie-break chain recomputed here from the engine's
own order (``priority_order``), not from the explainer's."""

from __future__ import annotations

from collections import Counter

import pytest

from bench._frozen_season import frozen_season
from enrollment import evidence
from enrollment.explain import BELOW_CUTOFF, NOT_ADMITTING, PLACED, REPEATED, Explainer
from enrollment.placement import place, priority_order

SEED = "HY2025-why"


@pytest.fixture(scope="module")
def season():
    return frozen_season(20_000, 7)


def _last_admitted(result, applicants, schools, rank):
    """school code → application_no of its last admitted in its choice round, from the result and the chain."""
    by_id = {a.id: a for a in applicants}
    kinds = {s.code: s for s in schools}
    last: dict[str, tuple] = {}
    for no, p in result.placements.items():
        s = kinds[p.school_code]
        if (p.round, s.kind) not in ((1, "public"), (2, "private")):
            continue
        key = ((1 if by_id[no].township in s.catchment else 2) if s.kind == "public" else 0, rank[no])
        if p.school_code not in last or key > last[p.school_code][0]:
            last[p.school_code] = (key, no)
    return {code: no for code, (_, no) in last.items()}


def _step(a, b, tier_a, tier_b):
    """The first step at which applicants a and b differ, from their raw values (BRIEF §5)."""
    for name, x, y in (("tier", tier_a, tier_b), ("family_score", a.family_score, b.family_score),
                       ("other_score", a.other_score, b.other_score),
                       ("earliest_since", a.earliest_since, b.earliest_since)):
        if x != y:
            return name
    return "lottery"


def test_every_applicant_has_a_why_not_that_agrees_with_the_placement(season):
    grades, scores = season
    assert sum(len(apps) for apps, _ in grades.values()) == 20_000
    seen = Counter()
    for grade, (applicants, schools) in grades.items():
        result = place(applicants, schools, seed=SEED)
        rank = {no: r for r, no in enumerate(priority_order(applicants, SEED))}
        last = _last_admitted(result, applicants, schools, rank)
        by_id = {a.id: a for a in applicants}
        kinds = {s.code: s for s in schools}
        explainer = Explainer(applicants, schools, evidence.outcomes_of(result), seed=SEED, mechanism=result.mechanism)
        for a in applicants:
            unmet = [{"rule": c.rule, "reason": c.reason} for c in scores[a.id].eligibility if not c.met]
            why = explainer.explain(a.id, unmet)
            p = result.placements.get(a.id)
            assert why["outcome"]["school_code"] == (p.school_code if p else None)
            assert why["summary"]["zh"] and why["summary"]["en"]
            if not a.eligible:
                assert why["outcome"]["reason"] == "ineligible" and why["choices"] == []
                assert why["eligibility"] == unmet and unmet, a.id  # the rule that failed, as points decided
                assert all(r["rule"] in why["summary"]["en"] for r in unmet)
                seen["ineligible"] += 1
                continue
            public = [c for c in why["choices"] if c["kind"] == "public"]
            private = [c for c in why["choices"] if c["kind"] == "private"]
            if p is not None and p.round == 1:  # every public choice down to the placement, nothing private
                assert [c["rank"] for c in public] == list(range(1, p.choice_rank + 1)) and not private
                assert public[-1]["result"] == PLACED and public[-1]["school_code"] == p.school_code
            else:
                assert [c["rank"] for c in public] == list(range(1, len(a.public_choices) + 1))
                stop = p.choice_rank if p is not None and p.round == 2 else len(a.private_choices)
                assert [c["rank"] for c in private] == list(range(1, stop + 1))
                if p is not None and p.round == 2:
                    assert private[-1]["result"] == PLACED and private[-1]["school_code"] == p.school_code
            for c in why["choices"]:
                assert c["explanation"]["zh"] and c["explanation"]["en"]
                seen[c["result"]] += 1
                if c["result"] in (PLACED, REPEATED):
                    continue
                s = kinds.get(c["school_code"])
                if c["result"] == NOT_ADMITTING:
                    assert s is None or s.kind != c["kind"] or s.status != "active" or s.capacity == 0
                    continue
                assert c["result"] == BELOW_CUTOFF, (a.id, c)
                cut = by_id[last[c["school_code"]]]
                tier_a = (1 if a.township in s.catchment else 2) if s.kind == "public" else None
                tier_c = (1 if cut.township in s.catchment else 2) if s.kind == "public" else None
                assert ((tier_a or 0), rank[a.id]) > ((tier_c or 0), rank[cut.id])  # the child ranks below it
                assert c["cutoff"]["family_score"] == str(cut.family_score) and c["cutoff"]["tier"] == tier_c
                assert c["decided_by"] == _step(a, cut, tier_a, tier_c)
                seen[c["decided_by"]] += 1
    # the season exercises every kind of answer, and ties far down the chain
    assert seen[PLACED] > 10_000 and seen[BELOW_CUTOFF] > 5_000 and seen["ineligible"] > 500
    assert all(seen[step] > 0 for step in ("tier", "family_score", "other_score", "earliest_since")), seen
