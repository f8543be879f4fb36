"""Invariants of the scorer (BRIEF §5), checked with hypothesis over generated families and rulebooks."""

from __future__ import annotations

import copy
import json
from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from points.rulebook import compile_rulebook
from points.rules import facts_digest, score_family
from points.service import DEFAULT_RULEBOOKS

SPEC = json.loads((DEFAULT_RULEBOOKS / "HY-2025.json").read_text(encoding="utf-8"))
HY = compile_rulebook(SPEC)
KINDS = ("residence_permit", "social_insurance", "housing", "business_license")
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Dates around the cut-off (2025-04-30), including 29 February and facts dated after it.
days = st.dates(date(2000, 1, 1), date(2026, 6, 30)).map(date.isoformat)
county = st.sampled_from(["331003"] * 9 + ["330602"])
recent = st.dates(date(2000, 1, 1), date(2026, 6, 30)).map(date.isoformat)
old = st.dates(date(2000, 1, 1), date(2024, 4, 30)).map(date.isoformat)
days = st.one_of(old, old, recent)  # mostly ≥ 1 year before the cut-off
FACTS = {
    "residence_permit": st.fixed_dictionaries({
        "county_code": county, "status": st.sampled_from(["valid"] * 9 + ["suspended"]),
        "issued_on": days, "continuous_since": days,
        "township_code": st.sampled_from(["331003001", "331003004", "331003107"])}),
    "social_insurance": st.fixed_dictionaries({
        "county_code": county, "active_at_cutoff": st.sampled_from([True] * 9 + [False]),
        "continuous_months": st.integers(0, 300),
        "since": days}),
    "housing": st.one_of(
        st.fixed_dictionaries({"tenure": st.just("owned"), "certificate_no": st.just("浙(2021)黄岩区不动产权第1号"),
                               "share_percent": st.sampled_from(["0.00", "49.99", "50.00", "66.67", "100.00"]),
                               "acquired_on": days, "county_code": county}),
        st.fixed_dictionaries({"tenure": st.just("rented"), "lease_no": st.just("HYZL-1"), "registered_on": days,
                               "county_code": county})),
    "business_license": st.fixed_dictionaries({
        "uscc": st.just("92331003MA2ABCDE19"), "county_code": county,
        "status": st.sampled_from(["active", "active", "revoked", "cancelled"]), "established_on": days,
        "holder_is_guardian": st.booleans()}),
}
ids = st.integers(1, 10**6)


def results(kind: str, outcomes: st.SearchStrategy[str]) -> st.SearchStrategy[dict]:
    return st.builds(lambda i, o, f: {"id": i, "outcome": o, "department": "dept", "facts": None if o == "not_found"
                                      else f}, ids, outcomes, FACTS[kind])


@st.composite
def families(draw, outcomes=st.sampled_from(["confirmed"] * 12 + ["mismatch", "not_found", "falsified"])):
    """One or two guardians. Tuned so that about a third of the families are eligible (most facts confirmed, local,
    dated a year or more before the cut-off): with uniform choices almost none are, and the properties would only
    ever see families scoring 0."""
    guardians = []
    for gno in range(1, draw(st.integers(1, 2)) + 1):
        res = {kind: draw(results(kind, outcomes) if kind in ("residence_permit", "social_insurance")
                          and draw(st.integers(0, 9)) else st.none() | results(kind, outcomes)) for kind in KINDS}
        guardians.append({"guardian_no": gno, "results": res, "pending": []})
    grade = draw(st.sampled_from([1, 7]))
    birth = draw(st.dates(date(2010, 1, 1) if grade == 7 else date(2016, 1, 1),
                          date(2013, 12, 31) if grade == 7 else date(2019, 12, 31)).map(date.isoformat))
    return {"application_no": "HY2025-1-000001", "season": 2025, "grade": grade, "child_birth_date": birth,
            "guardians": guardians}


@st.composite
def rulebooks(draw):
    """HY-2025 with other fixed points, rates and caps (non-negative, 2 decimals; a cap at least the fixed part, as
    the rulebook check requires)."""
    spec = copy.deepcopy(SPEC)
    cents = st.integers(0, 5000)
    text = lambda c: f"{c // 100}.{c % 100:02d}"  # noqa: E731
    for item in spec["items"]:
        fixed = draw(cents)
        item["fixed"], item["cap"] = text(fixed), text(draw(st.integers(fixed, 5000)))
        if item["unit"] != "none":
            item["rate"] = text(draw(cents))
    return compile_rulebook(spec)


def sum_of_caps(rules) -> Decimal:
    return sum((Decimal(i.cap) / 100 for i in rules.items), Decimal("0.00"))


@FAST
@given(families(), rulebooks())
def test_family_score_never_exceeds_the_sum_of_caps(family, rules):
    s = score_family(rules, family)
    assert Decimal("0") <= s.family_score <= sum_of_caps(rules)
    for g in s.guardians:
        assert all(i.points == min(i.raw, i.cap) and i.raw >= 0 for i in g.items)
        assert g.total == sum((i.points for i in g.items), Decimal("0.00"))
    totals = [g.total for g in s.guardians]
    assert s.family_score == (max(totals) if s.eligible else 0)
    assert s.tie_break.other_guardian_score == (sorted(totals)[-2] if s.eligible and len(totals) == 2 else 0)


@FAST
@given(families(), st.data())
def test_adding_a_confirmed_fact_never_lowers_the_score(family, data):
    """The invariant, stated with eligibility in mind: for a family with no ``falsified`` result (a falsified result
    is a veto: the family scores 0 whatever else it has), adding a confirmed fact never lowers the family score.
    Eligibility can only be gained (E1/E2 get one more candidate, E3 does not depend on facts, E4 only on falsified
    results), so an eligible family stays eligible; an ineligible one scores 0 before and ≥ 0 after. Each item takes
    the best of its facts; the one exclusion (a rented home beside an owned home that scores) swaps at most 5
    points for at least 20 under HY-2025."""
    clean = {**family, "guardians": [
        {**g, "results": {k: (None if r is not None and r["outcome"] == "falsified" else r)
                          for k, r in g["results"].items()}} for g in family["guardians"]]}
    before = score_family(HY, clean)
    g = data.draw(st.sampled_from(clean["guardians"]))
    kind = data.draw(st.sampled_from(KINDS))
    new = data.draw(results(kind, st.just("confirmed")))
    grown = copy.deepcopy(clean)
    slot = next(x for x in grown["guardians"] if x["guardian_no"] == g["guardian_no"])["results"]
    current = slot[kind]
    if current is None or current["outcome"] != "confirmed":
        slot[kind] = new  # the request is answered (or corrected) with a confirmed fact
    else:
        slot[kind] = [current, new]  # one more confirmed fact of the same kind (a second home, licence...)
    after = score_family(HY, grown)
    assert after.family_score >= before.family_score
    assert after.eligible or not before.eligible


@FAST
@given(families(outcomes=st.sampled_from(["confirmed", "mismatch"])), st.data())
def test_a_falsified_result_vetoes_any_family(family, data):
    g = data.draw(st.sampled_from(family["guardians"]))
    kind = data.draw(st.sampled_from(KINDS))
    g["results"][kind] = {"id": 1, "outcome": "falsified", "department": "dept", "facts": None}
    s = score_family(HY, family)
    assert not s.eligible and s.family_score == 0
    assert any(c.rule == "E4" and not c.met for c in s.eligibility)


@FAST
@given(families())
def test_same_facts_and_rulebook_give_the_same_score_and_digest(family):
    first = score_family(HY, family)
    again = score_family(HY, copy.deepcopy(family))
    assert first == again and first.facts_digest == again.facts_digest == facts_digest(family)
    reordered = copy.deepcopy(family)
    reordered["guardians"].reverse()
    for g in reordered["guardians"]:
        g["results"] = dict(reversed(list(g["results"].items())))
        for r in g["results"].values():
            if r is not None and r["facts"] is not None:
                r["facts"] = dict(reversed(list(r["facts"].items())))
    assert score_family(HY, reordered) == first
    assert json.dumps(first.to_dict(), sort_keys=True) == json.dumps(again.to_dict(), sort_keys=True)

