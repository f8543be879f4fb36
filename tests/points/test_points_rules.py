"""BRIEF §5 rule by rule, through the pure scorer ``points.rules.score_family`` and the shipped ``HY-2025``.

Cut-off C = 2025-04-30. A guardian from ``eligible_guardian()`` has a permit since 2019-03-01 (6 full years → 12.00)
and 60 insured months (12.00) → 40 + 12 + 12 = 64.00.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from points.rulebook import RulebookError, compile_rulebook
from points.rules import facts_digest, full_years, score_family, score_many
from points.service import DEFAULT_RULEBOOKS
from points_kit import (case, eligible_guardian, guardian, insurance, license_, owned, permit, rented,
                          result)

SPEC = json.loads((DEFAULT_RULEBOOKS / "HY-2025.json").read_text(encoding="utf-8"))
HY = compile_rulebook(SPEC)


def spec(**changes):
    out = copy.deepcopy(SPEC)
    out.update(changes)
    return out


def item(score, name, guardian_no=1):
    g = next(g for g in score.guardians if g.guardian_no == guardian_no)
    return next(i for i in g.items if i.item == name)


def check(score, rule, guardian_no=None):
    """The check of ``rule`` for ``guardian_no`` (E1, E2), or the family's only check of ``rule`` (E3, E4)."""
    found = [c for c in score.eligibility if c.rule == rule and (guardian_no is None or c.guardian_no == guardian_no)]
    assert len(found) == 1, found
    return found[0]


def one(**results):
    """Score a one-guardian family whose guardian has exactly ``results``."""
    return score_family(HY, case(guardian(1, **results)))


def test_the_default_family_scores_64():
    s = score_family(HY, case())
    assert s.eligible and s.family_score == Decimal("64.00")
    assert [(i.item, str(i.points)) for i in s.guardians[0].items] == [
        ("base", "40.00"), ("residence", "12.00"), ("social_insurance", "12.00"), ("owned_home", "0.00"),
        ("rented_home", "0.00"), ("business", "0.00")]
    assert s.rulebook_id == "HY-2025" and s.cutoff_date == "2025-04-30"


# --- full_years(d, C) -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("d, c, years", [
    ("2024-04-30", "2025-04-30", 1),  # the anniversary itself: one full year
    ("2024-05-01", "2025-04-30", 0),  # one day short
    ("2020-02-29", "2021-02-28", 0),  # (2, 28) < (2, 29): literally not yet
    ("2020-02-29", "2021-03-01", 1),
    ("2020-02-29", "2024-02-29", 4),
    ("2020-02-29", "2024-02-28", 3),
    ("2015-12-31", "2025-04-30", 9),
])
def test_full_years_is_the_briefs_formula(d, c, years):
    assert full_years(d, c) == years


def test_exactly_one_full_year_on_the_anniversary_meets_e1():
    s = one(residence_permit=permit("2024-04-30"), social_insurance=insurance())
    assert check(s, "E1", 1).met and item(s, "residence").points == Decimal("2.00")
    assert s.eligible and s.family_score == Decimal("54.00")


def test_one_day_short_of_a_year_fails_e1_and_the_family_scores_0():
    s = one(residence_permit=permit("2024-05-01"), social_insurance=insurance())
    assert check(s, "E1", 1) == ("E1", False, "permit_too_recent", 1)
    assert not s.eligible and s.family_score == Decimal("0.00")
    assert item(s, "base").reason == "guardian_not_eligible"
    assert s.guardians[0].total == Decimal("12.00")  # the breakdown still shows what the guardian has


@pytest.mark.parametrize("cutoff, years, met", [("2021-02-28", 0, False), ("2021-03-01", 1, True)])
def test_29_february_anniversary_uses_the_formula_literally(cutoff, years, met):
    rules = compile_rulebook(spec(id="HY-2021", season=2021, cutoff_date=cutoff))
    facts = case(guardian(1, residence_permit=permit("2020-02-29"), social_insurance=insurance(12, since="2019-01-01")),
                 season=2021, birth="2014-08-31")
    s = score_family(rules, facts)
    assert check(s, "E1", 1).met is met
    assert item(s, "residence").points == Decimal(2 * years).quantize(Decimal("0.01"))


# --- E1 to E4 ---------------------------------------------------------------------------------------------------------

def test_a_suspended_permit_fails_e1_and_scores_no_residence_points():
    s = one(residence_permit=permit(status="suspended"), social_insurance=insurance())
    assert check(s, "E1", 1).reason == "permit_suspended"
    assert item(s, "residence").reason == "permit_suspended" and item(s, "residence").points == 0
    assert not s.eligible and s.residence_township_code is None


def test_a_permit_outside_331003_fails_e1():
    s = one(residence_permit=permit(county="330602"), social_insurance=insurance())
    assert check(s, "E1", 1).reason == "permit_outside_county"
    assert item(s, "residence").reason == "outside_county"
    assert not s.eligible


@pytest.mark.parametrize("months, met, points", [(11, False, "2.20"), (12, True, "2.40")])
def test_social_insurance_11_vs_12_months(months, met, points):
    s = one(residence_permit=permit(), social_insurance=insurance(months))
    assert check(s, "E2", 1).met is met
    assert check(s, "E2", 1).reason == ("insurance_ok" if met else "insurance_too_short")
    assert str(item(s, "social_insurance").points) == points  # the item counts months even below E2's minimum
    assert s.eligible is met


@pytest.mark.parametrize("facts, reason", [
    (insurance(active=False), "insurance_not_active"),
    (insurance(county="330602"), "insurance_outside_county"),
    (insurance(since="2025-05-01"), "insurance_dated_after_cutoff"),
])
def test_insurance_must_be_local_active_and_dated_before_the_cutoff(facts, reason):
    s = one(residence_permit=permit(), social_insurance=facts)
    assert check(s, "E2", 1).reason == reason and not s.eligible
    assert item(s, "social_insurance").points == 0


def test_e1_and_e2_must_hold_for_the_same_guardian():
    s = score_family(HY, case(guardian(1, residence_permit=permit()), guardian(2, social_insurance=insurance())))
    assert check(s, "E1", 1).met and check(s, "E2", 2).met
    assert not check(s, "E2", 1).met and not check(s, "E1", 2).met
    assert not s.eligible and s.family_score == 0


def test_one_eligible_guardian_is_enough():
    s = score_family(HY, case(eligible_guardian(1), guardian(2, residence_permit=permit("2024-12-01"))))
    assert s.eligible and s.family_score == Decimal("64.00")
    assert s.tie_break.other_guardian_score == Decimal("0.00")  # guardian 2: under a year, 0 full years


@pytest.mark.parametrize("grade, birth, met", [
    (1, "2019-08-31", True),   # exactly 6 on 31 August 2025
    (1, "2019-09-01", False),  # 6 on 1 September: too young
    (7, "2013-08-31", True),
    (7, "2013-09-01", False),
])
def test_e3_child_age_on_31_august_of_the_season_year(grade, birth, met):
    s = score_family(HY, case(eligible_guardian(), grade=grade, birth=birth))
    assert check(s, "E3") == ("E3", met, "age_ok" if met else "child_too_young", None)
    assert s.eligible is met
    assert s.family_score == (Decimal("64.00") if met else Decimal("0.00"))


def test_e3_without_a_birth_date_fails():
    facts = case(eligible_guardian())
    facts["child_birth_date"] = None
    s = score_family(HY, facts)
    assert check(s, "E3").reason == "birth_date_missing" and not s.eligible


def test_a_falsified_result_of_either_guardian_vetoes_the_family():
    s = score_family(HY, case(eligible_guardian(1, housing=owned()),
                              guardian(2, housing=result("housing", owned(), "falsified"))))
    assert check(s, "E4") == ("E4", False, "falsified_result", 2)
    assert not s.eligible and s.family_score == Decimal("0.00")
    assert s.tie_break.other_guardian_score == 0 and s.tie_break.earliest_continuous_since is None
    assert s.guardians[0].total == Decimal("88.00")  # the guardian's own table is still shown


def test_a_falsified_result_without_facts_still_vetoes():
    s = one(residence_permit=permit(), social_insurance=insurance(),
            business_license=result("business_license", None, "falsified"))
    assert not s.eligible and check(s, "E4").reason == "falsified_result"


# --- only confirmed facts, as of the cut-off --------------------------------------------------------------------------

@pytest.mark.parametrize("outcome", ["mismatch", "not_found"])
def test_mismatch_and_not_found_are_ignored(outcome):
    s = one(residence_permit=result("residence_permit", permit(), outcome), social_insurance=insurance(),
            housing=result("housing", owned(), outcome))
    assert check(s, "E1", 1).reason == f"permit_result_{outcome}"
    assert item(s, "residence").reason == f"result_{outcome}" and item(s, "residence").points == 0
    assert item(s, "owned_home").points == 0 and item(s, "owned_home").fact is None
    assert not s.eligible


def test_a_pending_request_is_named():
    s = score_family(HY, case(guardian(1, pending=["housing"], residence_permit=permit(),
                                       social_insurance=insurance())))
    assert item(s, "owned_home").reason == "pending" and s.eligible


@pytest.mark.parametrize("name, facts, kind", [
    ("owned_home", owned("2025-05-01"), "housing"),
    ("rented_home", rented("2025-05-01"), "housing"),
    ("business", license_("2025-05-01"), "business_license"),
])
def test_a_fact_dated_after_the_cutoff_is_ignored(name, facts, kind):
    s = one(residence_permit=permit(), social_insurance=insurance(), **{kind: facts})
    assert item(s, name).reason == "dated_after_cutoff" and item(s, name).points == 0
    assert s.family_score == Decimal("64.00")


def test_a_fact_dated_on_the_cutoff_counts():
    s = one(residence_permit=permit(), social_insurance=insurance(), housing=owned("2025-04-30"))
    assert item(s, "owned_home").points == Decimal("20.00")


def test_a_permit_dated_after_the_cutoff_does_not_count():
    s = one(residence_permit=permit("2025-05-01"), social_insurance=insurance())
    assert check(s, "E1", 1).reason == "permit_dated_after_cutoff"
    assert item(s, "residence").reason == "dated_after_cutoff"
    assert s.residence_township_code is None and s.tie_break.earliest_continuous_since is None


# --- items and caps ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, kind, facts, raw, points, reason", [
    ("residence", "residence_permit", permit("2015-04-30"), "20.00", "20.00", "ok"),      # 10 years: cap reached
    ("residence", "residence_permit", permit("2010-01-01"), "30.00", "20.00", "capped"),  # 15 years
    ("social_insurance", "social_insurance", insurance(120), "24.00", "24.00", "ok"),
    ("social_insurance", "social_insurance", insurance(150), "30.00", "24.00", "capped"),
    ("owned_home", "housing", owned("2015-04-30"), "30.00", "30.00", "ok"),               # 20 + 10
    ("owned_home", "housing", owned("2010-04-30"), "35.00", "30.00", "capped"),
    ("rented_home", "housing", rented("2020-04-30"), "5.00", "5.00", "ok"),
    ("rented_home", "housing", rented("2017-01-01"), "8.00", "5.00", "capped"),
    ("business", "business_license", license_("2015-04-30"), "10.00", "10.00", "ok"),
    ("business", "business_license", license_("2013-01-01"), "12.00", "10.00", "capped"),
])
def test_caps_reached_and_exceeded(name, kind, facts, raw, points, reason):
    results = {"residence_permit": permit(), "social_insurance": insurance(), kind: facts}
    s = one(**results)
    it = item(s, name)
    assert (str(it.raw), str(it.points), it.reason) == (raw, points, reason)
    assert it.cap == Decimal(SPEC["items"][[i["item"] for i in SPEC["items"]].index(name)]["cap"])


def test_the_highest_possible_guardian_is_the_sum_of_caps_without_rent():
    s = one(residence_permit=permit("2000-01-01"), social_insurance=insurance(300), housing=owned("2000-01-01"),
            business_license=license_("2000-01-01"))
    assert s.family_score == Decimal("124.00")  # 40 + 20 + 24 + 30 + 10; rent is excluded by the owned home


@pytest.mark.parametrize("share, points", [("49.99", "0.00"), ("50.00", "24.00"), ("100.00", "24.00")])
def test_owned_share_at_least_50_percent(share, points):
    s = one(residence_permit=permit(), social_insurance=insurance(), housing=owned("2021-04-30", share=share))
    assert str(item(s, "owned_home").points) == points
    assert item(s, "owned_home").reason == ("share_below_minimum" if points == "0.00" else "ok")


def test_a_rented_home_is_ignored_when_an_owned_home_scores():
    s = one(residence_permit=permit(), social_insurance=insurance(), housing=[rented("2019-01-01"), owned()])
    assert item(s, "owned_home").points == Decimal("24.00")
    rent = item(s, "rented_home")
    assert rent.points == 0 and rent.raw == 0 and rent.reason == "excluded_by_owned_home"
    assert rent.fact["tenure"] == "rented"  # the lease was seen, and set aside
    assert s.family_score == Decimal("88.00")


def test_a_rented_home_counts_when_the_owned_home_scores_nothing():
    s = one(residence_permit=permit(), social_insurance=insurance(),
            housing=[rented("2019-01-01"), owned(share="49.99")])
    assert item(s, "owned_home").points == 0
    assert item(s, "rented_home").points == Decimal("5.00")


def test_each_guardians_rent_depends_only_on_their_own_home():
    s = score_family(HY, case(eligible_guardian(1, housing=owned()), eligible_guardian(2, housing=rented())))
    assert item(s, "rented_home", 2).points == Decimal("4.00")


@pytest.mark.parametrize("facts, reason", [
    (license_(holder=False), "not_holder"),
    (license_(status="revoked"), "license_not_active"),
    (license_(status="cancelled"), "license_not_active"),
    (license_(county="330602"), "outside_county"),
])
def test_business_license_must_be_active_local_and_held_by_the_guardian(facts, reason):
    s = one(residence_permit=permit(), social_insurance=insurance(), business_license=facts)
    assert item(s, "business").reason == reason and item(s, "business").points == 0


def test_the_breakdown_names_the_fact_its_department_and_result():
    r = result("business_license", license_(), result_id=4242)
    s = one(residence_permit=permit(), social_insurance=insurance(), business_license=r)
    it = item(s, "business")
    assert (it.result_id, it.department, it.fact["uscc"]) == (4242, "market", "92331003MA2ABCDE19")
    assert item(s, "residence").department == "police"
    assert item(s, "social_insurance").department == "hrss"


def test_points_are_decimals_with_two_places_never_floats():
    s = score_family(HY, case(eligible_guardian(1, social_insurance=insurance(37))))
    values = [s.family_score, s.tie_break.other_guardian_score] + [
        v for g in s.guardians for i in g.items for v in (i.raw, i.points, i.cap)] + [g.total for g in s.guardians]
    assert all(type(v) is Decimal and v.as_tuple().exponent == -2 for v in values)
    assert item(s, "social_insurance").points == Decimal("7.40")
    assert s.to_dict()["family_score"] == "59.40"


# --- family score and tie-break values --------------------------------------------------------------------------------

def test_one_guardian_has_other_score_0():
    s = score_family(HY, case(eligible_guardian(1)))
    assert s.tie_break.other_guardian_score == Decimal("0.00")
    assert s.tie_break.earliest_continuous_since == "2019-03-01"


def test_two_guardians_family_is_the_higher_and_other_is_the_lower():
    s = score_family(HY, case(eligible_guardian(1), eligible_guardian(2, housing=owned())))
    assert [g.total for g in s.guardians] == [Decimal("64.00"), Decimal("88.00")]
    assert s.family_score == Decimal("88.00") and s.tie_break.other_guardian_score == Decimal("64.00")


def test_guardians_are_read_in_guardian_no_order():
    g1, g2 = eligible_guardian(1), eligible_guardian(2, housing=owned())
    assert score_family(HY, case(g1, g2)) == score_family(HY, case(g2, g1))


def test_earliest_permit_among_the_guardians_with_the_family_score():
    g1 = guardian(1, residence_permit=permit("2015-04-30"), social_insurance=insurance(60))  # 40 + 20 + 12 = 72
    g2 = guardian(2, residence_permit=permit("2010-01-01", township="331003004"),
                  social_insurance=insurance(60))  # 15 years, capped at 20: also 72
    s = score_family(HY, case(g1, g2))
    assert s.family_score == Decimal("72.00") and s.tie_break.other_guardian_score == Decimal("72.00")
    assert s.tie_break.earliest_continuous_since == "2010-01-01"
    assert s.residence_township_code == "331003004"


def test_the_earliest_permit_of_a_lower_scoring_guardian_does_not_count():
    g1 = eligible_guardian(1, housing=owned())  # 88, permit 2019-03-01
    g2 = guardian(2, residence_permit=permit("2005-01-01", township="331003005"), social_insurance=insurance())
    s = score_family(HY, case(g1, g2))
    assert s.tie_break.earliest_continuous_since == "2019-03-01"
    assert s.residence_township_code == "331003001"


def test_a_leader_without_a_permit_has_no_date_and_the_township_comes_from_the_other_guardian():
    g1 = guardian(1, residence_permit=permit(township="331003007"))  # 12 points, not eligible alone
    g2 = guardian(2, social_insurance=insurance(120), housing=owned("2010-01-01"),
                  business_license=license_("2010-01-01"))  # 24 + 30 + 10 = 64, no permit
    s = score_family(HY, case(g1, g2))
    assert not s.eligible  # nobody meets E1 and E2
    assert s.residence_township_code == "331003007"
    g1_eligible = eligible_guardian(1, residence_permit=permit("2024-04-30", township="331003007"))  # 40+2+12 = 54
    s = score_family(HY, case(g1_eligible, g2))
    assert s.eligible and s.family_score == Decimal("64.00")
    assert s.tie_break.other_guardian_score == Decimal("54.00")
    assert s.tie_break.earliest_continuous_since is None  # the leader has no permit: none sorts last
    assert s.residence_township_code == "331003007"


# --- digest and robustness --------------------------------------------------------------------------------------------

def test_the_digest_is_the_facts_digest_and_changes_with_the_facts():
    facts = case(eligible_guardian(1, housing=owned()))
    s = score_family(HY, facts)
    assert s.facts_digest == facts_digest(facts) and len(s.facts_digest) == 64
    changed = copy.deepcopy(facts)
    changed["guardians"][0]["results"]["housing"]["facts"]["share_percent"] = "50.00"
    assert facts_digest(changed) != s.facts_digest
    annotated = copy.deepcopy(facts)
    annotated["guardians"][0]["results"]["housing"]["note"] = "checked twice"  # not a fact scoring reads
    annotated["digest"] = "0" * 64
    assert facts_digest(annotated) == s.facts_digest


def test_unreadable_facts_do_not_crash_and_do_not_count():
    bad = permit()
    bad["continuous_since"] = "2019-3-1x"
    s = one(residence_permit=bad, social_insurance=insurance(), housing=owned(share="half"))
    assert item(s, "owned_home").reason == "fact_incomplete"
    assert not s.eligible or item(s, "residence").points >= 0


def test_no_guardian_means_not_eligible():
    facts = case()
    facts["guardians"] = []
    s = score_family(HY, facts)
    assert not s.eligible and s.family_score == 0
    assert check(s, "E1").reason == "no_guardian"


def test_score_many_equals_one_by_one():
    families = [case(eligible_guardian(1, social_insurance=insurance(m)), application_no=f"A{m}") for m in range(30)]
    assert score_many(HY, families) == [score_family(HY, f) for f in families]


def test_a_spec_mapping_is_compiled_on_the_fly():
    facts = case()
    assert score_family(SPEC, facts) == score_family(HY, facts)


# --- the rulebook as data -------------------------------------------------------------------------------------------

def test_numbers_come_from_the_rulebook():
    changed = spec(id="HY-2025-x")
    changed["items"][0]["fixed"] = "50.00"
    changed["items"][0]["cap"] = "50.00"
    changed["items"][2]["rate"] = "0.50"
    changed["eligibility"][1]["min_months"] = 6
    s = score_family(compile_rulebook(changed), case(eligible_guardian(1, social_insurance=insurance(10))))
    assert s.eligible and s.family_score == Decimal("67.00")  # 50 + 12 + 10 × 0.5
    assert s.rulebook_id == "HY-2025-x"


@pytest.mark.parametrize("mutate, field", [
    (lambda s: s["items"][1].update(kind="lottery_ticket"), "items.1.kind"),
    (lambda s: s["items"][2].update(cap="-1.00"), "items.2.cap"),
    (lambda s: s["items"][2].update(unit="full_year"), "items.2.unit"),
    (lambda s: s["items"][1].update(rate="0.125"), "items.1.rate"),
    (lambda s: s["items"][4]["conditions"].update(only_without=["business"]), "items.4.conditions.only_without"),
    (lambda s: s["items"][0]["conditions"].update(requires=["E9"]), "items.0.conditions.requires"),
    (lambda s: s["items"][1]["conditions"].update(min_share_percent="50.00"), "items.1.conditions.min_share_percent"),
    (lambda s: s["eligibility"][0].update(kind="horoscope"), "eligibility.0.kind"),
    (lambda s: s.update(tie_break=["family_score", "shoe_size"]), "tie_break.1"),
    (lambda s: s.update(cutoff_date="2025-02-30"), "cutoff_date"),
])
def test_rulebooks_the_scorer_cannot_apply_are_refused_naming_the_field(mutate, field):
    bad = spec()
    mutate(bad)
    with pytest.raises(RulebookError) as info:
        compile_rulebook(bad)
    assert info.value.field == field


def test_insurance_months_count_up_to_the_cutoff_only():
    """社保缴费月数 are continuous months up to C (BRIEF glossary): a department answering after C may report months
    paid since; no more count than the calendar months from ``since`` through C (April 2025)."""
    from points.kinds import months_by_cutoff

    late = one(residence_permit=permit(), social_insurance=insurance(60, since="2024-06-01"))  # 11 months by C
    assert check(late, "E2", 1).reason == "insurance_too_short" and late.family_score == Decimal("0.00")
    assert item(late, "social_insurance").raw == Decimal("2.20")
    just = one(residence_permit=permit(), social_insurance=insurance(60, since="2024-05-01"))  # 12 months by C
    assert check(just, "E2", 1).met and item(just, "social_insurance").raw == Decimal("2.40")
    fewer = one(residence_permit=permit(), social_insurance=insurance(30, since="2010-01-01"))  # reported months win
    assert item(fewer, "social_insurance").raw == Decimal("6.00")
    assert months_by_cutoff(60, "2025-04-30", "2025-04-30") == 1 and months_by_cutoff(5, None, "2025-04-30") == 5


@given(months=st.integers(0, 600), since=st.dates(date(1990, 1, 1), date(2025, 4, 30)))
def test_months_by_cutoff_never_exceed_either_bound(months, since):
    from points.kinds import months_by_cutoff

    counted = months_by_cutoff(months, since.isoformat(), "2025-04-30")
    possible = (2025 - since.year) * 12 + 4 - since.month + 1
    assert counted == min(months, possible) and 0 <= counted <= months


@pytest.mark.parametrize("change, field", [
    (lambda s: s.update(county_code="330102"), "county_code"),
    (lambda s: s.update(cutoff_date="2030-01-01"), "cutoff_date"),
    (lambda s: s["items"][0].update(fixed="20.00", cap="10.00"), "items.0.cap"),
])
def test_rulebooks_that_cannot_serve_huangyan_are_refused(change, field):
    spec = copy.deepcopy(SPEC)
    change(spec)
    with pytest.raises(RulebookError) as refused:
        compile_rulebook(spec)
    assert refused.value.field == field
