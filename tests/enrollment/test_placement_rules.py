"""Placement engine, rule by rule (BRIEF §5 tie-break chain, §6 placement): small hand-built instances, pure
functions — no database, no HTTP."""

from __future__ import annotations

import hashlib
import random
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from enrollment.placement import (
    Applicant,
    Cutoff,
    Placement,
    PlacementInputError,
    School,
    SchoolCount,
    blocking_pairs,
    input_digest,
    lottery_key,
    place,
    priority_order,
)

SEED = "HY-2025-grade1-round1"


def app(id: str, score: str = "60.00", other: str = "0.00", since: date | None = date(2020, 5, 1),
        town: str | None = "T1", public: tuple[str, ...] = (), private: tuple[str, ...] = (),
        eligible: bool = True) -> Applicant:
    return Applicant(id, Decimal(score), Decimal(other), since, town, tuple(public), tuple(private), eligible)


def pub(code: str, seats: int, town: str = "T1", catchment: tuple[str, ...] = ("T1",),
        status: str = "active") -> School:
    return School(code, "public", town, seats, frozenset(catchment), status)


def prv(code: str, plan: int, town: str = "T1", status: str = "active") -> School:
    return School(code, "private", town, plan, frozenset(), status)


def sha(seed: str, app_no: str) -> str:
    return hashlib.sha256(f"{seed}:{app_no}".encode()).hexdigest()


def where(result, app_no: str) -> str | None:
    p = result.placements.get(app_no)
    return None if p is None else p.school_code


# --- BRIEF §5: lottery key and the tie-break chain --------------------------------------------------------------

def test_lottery_key_is_sha256_hex_of_seed_colon_application_no():
    assert lottery_key("2025-s1", "HY2025-1-000042") == sha("2025-s1", "HY2025-1-000042")
    assert len(lottery_key("s", "a")) == 64
    assert lottery_key("种子", "申请1") == hashlib.sha256("种子:申请1".encode()).hexdigest()


def test_chain_family_score_first_then_other_guardian_then_earliest_since_then_lottery():
    applicants = [
        app("lottery-b", "70.00", "10.00", date(2019, 1, 1)),
        app("lottery-a", "70.00", "10.00", date(2019, 1, 1)),
        app("no-permit", "70.00", "10.00", None),
        app("later", "70.00", "10.00", date(2021, 1, 1)),
        app("lower-other", "70.00", "0.00", date(2010, 1, 1)),
        app("top", "70.01", "0.00", None),
        app("bottom", "40.00", "50.00", date(2000, 1, 1)),
    ]
    tied = sorted(["lottery-a", "lottery-b"], key=lambda x: sha(SEED, x))
    assert priority_order(applicants, SEED) == ["top", *tied, "later", "no-permit", "lower-other", "bottom"]


def test_lottery_decides_only_full_ties_and_lower_key_wins():
    group = [app(f"HY-{i}", "66.60", "12.40", date(2018, 3, 1)) for i in range(12)]
    for seed in ("s1", "s2", "s3"):
        assert priority_order(group, seed) == sorted((a.id for a in group), key=lambda x: sha(seed, x))
    assert priority_order(group, "s1") != priority_order(group, "s2")  # 12! orders: equal by chance ~never


def test_input_order_does_not_change_the_priority_order():
    group = [app(f"A{i}", f"{50 + i % 3}.00", f"{i % 2}.00", date(2019, 1 + i % 5, 1)) for i in range(30)]
    shuffled = group[:]
    random.Random(7).shuffle(shuffled)
    assert priority_order(group, SEED) == priority_order(shuffled, SEED)


# --- BRIEF §6 round 1: tiers, then the chain ------------------------------------------------------------------

def test_catchment_tier_beats_a_higher_score_from_outside():
    schools = [pub("P1", 1, catchment=("T1",))]
    applicants = [app("outsider", "95.00", town="T2", public=("P1",)),
                  app("local", "45.00", town="T1", public=("P1",))]
    result = place(applicants, schools, seed=SEED)
    assert result.placements["local"] == Placement("P1", 1, 1, 1)
    assert "outsider" not in result.placements
    assert result.waitlist == {"outsider": "no_seat"}
    assert result.cutoffs["P1"] == Cutoff(Decimal("45.00"), 1, "local")


def test_tier_2_applicants_compete_by_the_chain_for_what_tier_1_leaves():
    schools = [pub("P1", 2, catchment=("T1",))]
    applicants = [app("local", "41.00", town="T1", public=("P1",)),
                  app("far-high", "80.00", town="T3", public=("P1",)),
                  app("far-low", "79.99", town="T2", public=("P1",)),
                  app("no-town", "99.00", town=None, public=("P1",))]
    result = place(applicants, schools, seed=SEED)
    assert {k: (p.school_code, p.tier) for k, p in result.placements.items()} == {
        "local": ("P1", 1), "no-town": ("P1", 2)}
    assert result.cutoffs["P1"] == Cutoff(Decimal("99.00"), 2, "no-town")  # the last admitted: the tier-2 one


@pytest.mark.parametrize("level", ["family", "other", "since", "since_none"])
def test_each_level_of_the_chain_decides_a_single_seat(level):
    better, worse = {
        "family": (app("b", "60.01", public=("P1",)), app("a", "60.00", "99.00", date(2000, 1, 1), public=("P1",))),
        "other": (app("b", "60.00", "20.01", date(2022, 1, 1), public=("P1",)),
                  app("a", "60.00", "20.00", date(2001, 1, 1), public=("P1",))),
        "since": (app("b", "60.00", "5.00", date(2019, 4, 29), public=("P1",)),
                  app("a", "60.00", "5.00", date(2019, 4, 30), public=("P1",))),
        "since_none": (app("b", "60.00", "5.00", date(2023, 4, 30), public=("P1",)),
                       app("a", "60.00", "5.00", None, public=("P1",))),
    }[level]
    for seed in ("x", "y", "z"):  # the lottery never gets a say
        result = place([worse, better], [pub("P1", 1)], seed=seed)
        assert where(result, "b") == "P1" and "a" in result.waitlist


def test_only_the_lottery_differs_the_lower_sha256_wins():
    applicants = [app("HY2025-1-000101", public=("P1",)), app("HY2025-1-000102", public=("P1",))]
    outcomes = set()
    for i in range(40):
        seed = f"seed-{i}"
        expected = min((a.id for a in applicants), key=lambda x: sha(seed, x))
        result = place(applicants, [pub("P1", 1)], seed=seed)
        assert where(result, expected) == "P1", seed
        assert result.cutoffs["P1"].application_no == expected
        outcomes.add(expected)
    assert len(outcomes) == 2  # both applicants win under some seed


def test_lottery_also_breaks_ties_inside_tier_2_and_in_round_2():
    applicants = [app("x1", town="T9", public=("P1",), private=("M1",)),
                  app("x2", town="T9", public=("P1",), private=("M1",)),
                  app("x3", town="T9", public=("P1",), private=("M1",))]
    schools = [pub("P1", 1, catchment=("T1",)), prv("M1", 1, town="T5")]
    for seed in ("a", "b", "c", "d"):
        ranked = sorted(("x1", "x2", "x3"), key=lambda x: sha(seed, x))
        result = place(applicants, schools, seed=seed)
        assert result.placements[ranked[0]] == Placement("P1", 1, 2, 1)
        assert result.placements[ranked[1]] == Placement("M1", 2, None, 1)
        assert result.waitlist == {ranked[2]: "no_seat"}


def test_deferred_acceptance_lets_a_better_applicant_displace_a_tentative_one():
    # c (tier 1 at P2) displaces b, who falls back to P3; a keeps P1.
    schools = [pub("P1", 1), pub("P2", 1, catchment=("T2",)), pub("P3", 1)]
    applicants = [app("a", "90.00", public=("P1", "P2")),
                  app("b", "80.00", public=("P1", "P2", "P3")),
                  app("c", "50.00", town="T2", public=("P2",))]
    result = place(applicants, schools, seed=SEED)
    assert result.placements == {"a": Placement("P1", 1, 1, 1), "b": Placement("P3", 1, 1, 3),
                                 "c": Placement("P2", 1, 1, 1)}
    assert blocking_pairs(result, applicants, schools, SEED) == []


# --- immediate vs deferred acceptance ----------------------------------------------------------------------------

def test_immediate_and_deferred_acceptance_differ_on_a_small_instance():
    schools = [pub("X", 1), pub("Y", 1)]
    applicants = [app("A", "90.00", public=("X",)),
                  app("B", "80.00", public=("X", "Y")),
                  app("C", "70.00", public=("Y",))]
    da = place(applicants, schools, seed=SEED)
    ia = place(applicants, schools, seed=SEED, mechanism="immediate_acceptance")
    # DA: B, turned away by X, still beats C at Y.
    assert {k: p.school_code for k, p in da.placements.items()} == {"A": "X", "B": "Y"}
    assert da.waitlist == {"C": "no_seat"}
    assert blocking_pairs(da, applicants, schools, SEED) == []
    # IA (志愿优先): Y is gone to its first-choice applicant C in step 1, before B's second choice counts.
    assert {k: p.school_code for k, p in ia.placements.items()} == {"A": "X", "C": "Y"}
    assert ia.placements["C"] == Placement("Y", 1, 1, 1)
    assert ia.waitlist == {"B": "no_seat"}
    assert blocking_pairs(ia, applicants, schools, SEED) == [("B", "Y")]
    assert da.mechanism == "deferred_acceptance" and ia.mechanism == "immediate_acceptance"
    assert da.input_digest != ia.input_digest


def test_immediate_acceptance_steps_count_usable_choices_only():
    # B's first listed school is closed and the second listed twice: under IA, Y is B's step-1 choice.
    schools = [pub("X", 1), pub("Y", 1), pub("Z", 1, status="closed")]
    applicants = [app("A", "90.00", public=("X", "Y")), app("B", "50.00", public=("Z", "Y", "Y", "X"))]
    ia = place(applicants, schools, seed=SEED, mechanism="immediate_acceptance")
    assert ia.placements["B"] == Placement("Y", 1, 1, 2)  # choice_rank counts positions as submitted
    assert ia.placements["A"] == Placement("X", 1, 1, 1)


# --- rounds 2 and 3 ----------------------------------------------------------------------------------------------

def test_round_2_private_choices_by_the_chain_without_tiers():
    schools = [pub("P1", 1), prv("M1", 1, town="T1"), prv("M2", 5, town="T2")]
    applicants = [app("public", "99.00", public=("P1",), private=("M1",)),
                  app("high", "70.00", town="T3", public=("P1",), private=("M1", "M2")),
                  app("local", "50.00", town="T1", public=("P1",), private=("M1", "M2"))]
    result = place(applicants, schools, seed=SEED)
    assert result.placements["public"].round == 1  # placed in round 1: takes no private seat
    assert result.placements["high"] == Placement("M1", 2, None, 1)  # M1's township gives no priority
    assert result.placements["local"] == Placement("M2", 2, None, 2)
    assert result.cutoffs["M1"] == Cutoff(Decimal("70.00"), None, "high")
    assert result.counts["M1"] == SchoolCount(1, 1, (0, 1, 0))


def test_round_3_prefers_own_township_then_most_remaining_seats_then_code():
    schools = [prv("M-own-small", 2, town="T1"), prv("M-own-big", 3, town="T1"),
               prv("M-far-b", 9, town="T2"), prv("M-far-a", 9, town="T3"), prv("M-out", 50, status="phasing_out")]
    applicants = [app("t1-first", "90.00", town="T1"), app("t1-second", "80.00", town="T1"),
                  app("t1-third", "70.00", town="T1"), app("nowhere", "60.00", town="T7"),
                  app("no-town", "59.00", town=None), app("ineligible", "0.00", town="T1", eligible=False)]
    result = place(applicants, schools, seed=SEED)
    got = {k: p.school_code for k, p in result.placements.items()}
    # own township, most remaining: big (3) → big (2 left, tie with small 2: code order "M-own-big" < "M-own-small")
    # → small (2 left vs big 1)
    assert got["t1-first"] == "M-own-big" and got["t1-second"] == "M-own-big" and got["t1-third"] == "M-own-small"
    # no private school in T7: the most remaining seats anywhere, ties by code (M-far-a < M-far-b, 9 each)
    assert got["nowhere"] == "M-far-a" and got["no-town"] == "M-far-b"
    assert all(p == Placement(p.school_code, 3, None, None) for p in result.placements.values())
    assert result.waitlist == {"ineligible": "ineligible"}
    assert result.counts["M-out"] == SchoolCount(0, 0, (0, 0, 0))
    assert result.cutoffs["M-own-big"] is None  # round 3 is not competitive: no cut-off


def test_round_3_goes_in_priority_order_and_stops_when_every_private_seat_is_gone():
    schools = [prv("M1", 2, town="T2"), pub("P1", 0)]
    applicants = [app("c", "50.00", private=("M1",)), app("a", "70.00", town="T9", public=("P1",)),
                  app("b", "60.00", town="T1"), app("d", "40.00", public=("P1",))]
    result = place(applicants, schools, seed=SEED)
    assert result.placements["c"] == Placement("M1", 2, None, 1)  # round 2 first
    assert result.placements["a"] == Placement("M1", 3, None, None)  # best of the rest
    assert result.waitlist == {"b": "no_seat", "d": "no_seat"}
    assert result.counts["M1"] == SchoolCount(2, 2, (0, 1, 1))


def test_round_3_uses_seats_round_2_left_over_only():
    schools = [prv("M1", 1, town="T1"), prv("M2", 1, town="T2")]
    applicants = [app("choice", "50.00", town="T2", private=("M1",)), app("district", "90.00", town="T1")]
    result = place(applicants, schools, seed=SEED)
    assert result.placements["choice"] == Placement("M1", 2, None, 1)
    assert result.placements["district"] == Placement("M2", 3, None, None)  # own-township M1 already full


# --- who is never placed, and what is ignored -----------------------------------------------------------------

def test_ineligible_applicants_are_never_placed_even_with_free_seats():
    schools = [pub("P1", 10), prv("M1", 10)]
    applicants = [app("x", "0.00", public=("P1",), private=("M1",), eligible=False),
                  app("y", "99.00", public=("P1",), eligible=False)]
    result = place(applicants, schools, seed=SEED)
    assert result.placements == {}
    assert result.waitlist == {"x": "ineligible", "y": "ineligible"}
    assert all(c is None for c in result.cutoffs.values())


@pytest.mark.parametrize("status", ["phasing_out", "closed"])
def test_phasing_out_and_closed_schools_take_nobody(status):
    schools = [pub("P-gone", 30, status=status), pub("P1", 1), prv("M-gone", 30, status=status), prv("M1", 1)]
    applicants = [app("a", "90.00", public=("P-gone", "P1"), private=("M-gone",)),
                  app("b", "80.00", public=("P-gone",), private=("M-gone", "M1")),
                  app("c", "70.00", public=("P-gone",), private=("M-gone",))]
    result = place(applicants, schools, seed=SEED)
    assert result.placements == {"a": Placement("P1", 1, 1, 2), "b": Placement("M1", 2, None, 2)}
    assert result.waitlist == {"c": "no_seat"}
    for code in ("P-gone", "M-gone"):
        assert result.counts[code] == SchoolCount(0, 0, (0, 0, 0)) and result.cutoffs[code] is None


def test_zero_capacity_no_choices_unknown_codes_and_wrong_kinds_are_harmless():
    schools = [pub("P0", 0), pub("P1", 1), prv("M0", 0), prv("M1", 1, town="T2")]
    applicants = [app("none", "90.00"),  # no choices at all → round 3
                  app("junk", "80.00", public=("NOPE", "M1", "P0", "", "P1"), private=("P1", "NOPE")),
                  app("late", "10.00", public=("P1",), private=("M0",))]
    result = place(applicants, schools, seed=SEED)
    assert result.placements["junk"] == Placement("P1", 1, 1, 5)
    assert result.placements["none"] == Placement("M1", 3, None, None)
    assert result.waitlist == {"late": "no_seat"}
    assert result.counts["P0"] == SchoolCount(0, 0, (0, 0, 0)) and result.cutoffs["P0"] is None
    assert result.counts["M0"] == SchoolCount(0, 0, (0, 0, 0))


def test_duplicate_choices_count_once_at_their_first_position():
    schools = [pub("P1", 1), pub("P2", 1)]
    applicants = [app("top", "90.00", public=("P1",)), app("dup", "50.00", public=("P1", "P1", "P2", "P2"))]
    for mechanism in ("deferred_acceptance", "immediate_acceptance"):
        result = place(applicants, schools, seed=SEED, mechanism=mechanism)
        assert result.placements["dup"] == Placement("P2", 1, 1, 3)


def test_empty_input():
    result = place([], [], seed=SEED)
    assert (result.placements, result.waitlist, result.cutoffs, result.counts) == ({}, {}, {}, {})
    assert result.input_digest == input_digest([], [], SEED, "deferred_acceptance")


# --- result shape, counts, cut-offs --------------------------------------------------------------------------

def test_every_applicant_appears_once_and_dicts_are_in_code_order():
    schools = [pub("P2", 2), pub("P1", 1, catchment=("T2",)), prv("M1", 1)]
    applicants = [app(f"HY-{i:03d}", f"{40 + i}.00", town=("T1", "T2")[i % 2], public=("P1", "P2"), private=("M1",))
                  for i in range(8)]
    random.Random(3).shuffle(applicants)
    result = place(applicants, schools, seed=SEED)
    assert set(result.placements) | set(result.waitlist) == {a.id for a in applicants}
    assert not set(result.placements) & set(result.waitlist)
    assert list(result.placements) == sorted(result.placements)
    assert list(result.waitlist) == sorted(result.waitlist)
    assert list(result.counts) == list(result.cutoffs) == ["M1", "P1", "P2"]
    assert result.counts["P1"] == SchoolCount(1, 1, (1, 0, 0))
    assert result.cutoffs["P1"] == Cutoff(Decimal("47.00"), 1, "HY-007")  # best T2 applicant, tier 1
    # P2's catchment is T1: HY-006 and HY-004 (tier 1) beat HY-005 (45.00 but tier 2), who gets M1 in round 2
    assert result.cutoffs["P2"] == Cutoff(Decimal("44.00"), 1, "HY-004")
    assert result.placements["HY-005"] == Placement("M1", 2, None, 1)


# --- reproducibility and the input digest ----------------------------------------------------------------------

def _instance(seed: int, n: int = 60):
    rng = random.Random(seed)
    towns = ["T1", "T2", "T3"]
    schools = [pub(f"P{i}", rng.randrange(0, 5), rng.choice(towns), tuple(rng.sample(towns, 1))) for i in range(5)]
    schools += [prv(f"M{i}", rng.randrange(0, 6), rng.choice(towns)) for i in range(3)]
    codes = [s.code for s in schools]
    applicants = [app(f"HY-{i:04d}", f"{rng.choice([50, 55, 60])}.00", f"{rng.choice([0, 5])}.00",
                      rng.choice([None, date(2019, 1, 1), date(2020, 1, 1)]), rng.choice(towns),
                      tuple(rng.sample(codes, rng.randrange(0, 5))), tuple(rng.sample(codes, rng.randrange(0, 3))),
                      rng.random() > 0.1) for i in range(n)]
    return applicants, schools


def test_same_input_and_seed_give_the_same_result_byte_for_byte_whatever_the_input_order():
    applicants, schools = _instance(1)
    first = place(applicants, schools, seed=SEED)
    shuffled_a, shuffled_s = applicants[::-1], schools[::-1]
    again = place(shuffled_a, shuffled_s, seed=SEED)
    assert again == first
    assert repr(again) == repr(first)
    assert first.input_digest == again.input_digest == input_digest(shuffled_a, schools, SEED, "deferred_acceptance")


def test_another_seed_changes_only_lottery_ties():
    applicants, schools = _instance(2, n=80)
    one, two = priority_order(applicants, "seed-one"), priority_order(applicants, "seed-two")
    assert one != two
    chain = {a.id: (a.family_score, a.other_score, a.earliest_since or date.max) for a in applicants}
    assert [chain[x] for x in one] == [chain[x] for x in two]  # same sequence of chain values: ties reshuffled

    distinct = [replace(a, family_score=Decimal(i) + Decimal("0.25")) for i, a in enumerate(applicants)]
    r1, r2 = place(distinct, schools, seed="seed-one"), place(distinct, schools, seed="seed-two")
    assert (r1.placements, r1.waitlist, r1.cutoffs, r1.counts) == (r2.placements, r2.waitlist, r2.cutoffs, r2.counts)
    assert r1.input_digest != r2.input_digest  # the seed is part of the input


def test_digest_covers_every_input_field():
    applicants, schools = _instance(3, n=10)
    base = input_digest(applicants, schools, SEED, "deferred_acceptance")
    a0, s0 = applicants[0], schools[0]
    variants = [
        ([replace(a0, family_score=a0.family_score + Decimal("0.01"))] + applicants[1:], schools),
        ([replace(a0, other_score=a0.other_score + Decimal("0.01"))] + applicants[1:], schools),
        ([replace(a0, earliest_since=date(2001, 2, 3))] + applicants[1:], schools),
        ([replace(a0, township="T99")] + applicants[1:], schools),
        ([replace(a0, public_choices=("P1", "P2"))] + applicants[1:], schools),
        ([replace(a0, public_choices=("P2", "P1"))] + applicants[1:], schools),
        ([replace(a0, private_choices=("M9",))] + applicants[1:], schools),
        ([replace(a0, eligible=not a0.eligible)] + applicants[1:], schools),
        ([replace(a0, id="HY-9999")] + applicants[1:], schools),
        (applicants[1:], schools),
        (applicants, [replace(s0, capacity=s0.capacity + 1)] + schools[1:]),
        (applicants, [replace(s0, catchment=frozenset({"T9"}))] + schools[1:]),
        (applicants, [replace(s0, status="closed")] + schools[1:]),
        (applicants, [replace(s0, township="T9")] + schools[1:]),
    ]
    digests = {input_digest(a, s, SEED, "deferred_acceptance") for a, s in variants}
    assert base not in digests and len(digests) == len(variants)
    assert input_digest(applicants, schools, "other", "deferred_acceptance") != base
    assert input_digest(applicants, schools, SEED, "immediate_acceptance") != base
    # the value of a score counts, not how many zeros it was written with
    same = [replace(a0, family_score=Decimal(str(a0.family_score)).quantize(Decimal("0.1")))] + applicants[1:]
    assert input_digest(same, schools, SEED, "deferred_acceptance") == base


# --- malformed input -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("applicants, schools, mechanism", [
    ([app("a"), app("a")], [], "deferred_acceptance"),
    ([], [pub("P1", 1), prv("P1", 1)], "deferred_acceptance"),
    ([], [School("P1", "charter", "T1", 1)], "deferred_acceptance"),
    ([], [pub("P1", 1, status="open")], "deferred_acceptance"),
    ([], [pub("P1", -1)], "deferred_acceptance"),
    ([], [School("P1", "public", "T1", 1.5)], "deferred_acceptance"),  # type: ignore[arg-type]
    ([replace(app("a"), family_score=61.5)], [], "deferred_acceptance"),  # type: ignore[arg-type]
    ([app("a", "61.505")], [], "deferred_acceptance"),
    ([app("a", other="NaN")], [], "deferred_acceptance"),
    ([app("a", other="sNaN")], [], "deferred_acceptance"),
    ([app("a", "-1.00")], [], "deferred_acceptance"),
    ([app("a", "Infinity")], [], "deferred_acceptance"),
    ([replace(app("a"), earliest_since="2020-01-01")], [], "deferred_acceptance"),  # type: ignore[arg-type]
    ([replace(app("a"), id=17)], [], "deferred_acceptance"),  # type: ignore[arg-type]
    ([], [], "lottery_only"),
], ids=["dup-app", "dup-school", "kind", "status", "negative-cap", "float-cap", "float-score", "3-places", "nan",
        "snan", "negative-score", "infinite-score", "since-string", "int-id", "mechanism"])
def test_malformed_input_is_refused_with_a_value_error(applicants, schools, mechanism):
    with pytest.raises(PlacementInputError) as caught:
        place(applicants, schools, seed=SEED, mechanism=mechanism)
    assert isinstance(caught.value, ValueError)
