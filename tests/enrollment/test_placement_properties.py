"""Placement engine invariants on random instances (hypothesis), and a differential test of round 1 against the
`matching` package's student-optimal hospital/residents solver (BRIEF §6: stable, reproducible placement)."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.placement import matching_round1
from enrollment.placement import Applicant, School, blocking_pairs, place, priority_order

TOWNS = ["T1", "T2", "T3", "T4"]
SCORES = [Decimal(x) for x in ("0.00", "40.00", "52.50", "60.00", "71.25")]  # few values: ties are common
OTHERS = [Decimal(x) for x in ("0.00", "12.20", "30.00")]
SINCES = [None, date(2016, 9, 1), date(2019, 4, 30), date(2021, 1, 15)]
MECHANISMS = ["deferred_acceptance", "immediate_acceptance"]


@st.composite
def instances(draw, max_applicants: int = 30):
    schools = []
    for kind, prefix, most in (("public", "P", 6), ("private", "M", 4)):
        for i in range(draw(st.integers(0, most))):
            schools.append(School(
                f"{prefix}{i}", kind, draw(st.sampled_from(TOWNS)), draw(st.integers(0, 5)),
                frozenset(draw(st.lists(st.sampled_from(TOWNS), max_size=2))) if kind == "public" else frozenset(),
                draw(st.sampled_from(["active"] * 6 + ["phasing_out", "closed"]))))
    codes = [s.code for s in schools] + ["NOPE"]
    choice = st.sampled_from(codes)
    applicants = [
        Applicant(f"HY-{i:03d}", draw(st.sampled_from(SCORES)), draw(st.sampled_from(OTHERS)),
                  draw(st.sampled_from(SINCES)), draw(st.sampled_from(TOWNS + [None])),
                  tuple(draw(st.lists(choice, max_size=5))), tuple(draw(st.lists(choice, max_size=3))),
                  draw(st.sampled_from([True] * 7 + [False])))
        for i in range(draw(st.integers(0, max_applicants)))
    ]
    seed = draw(st.text(alphabet="ab12:-", max_size=6))
    return applicants, schools, seed


def usable(schools, kind):
    return {s.code: s for s in schools if s.kind == kind and s.status == "active" and s.capacity > 0}


def listed(choices, schools_by_code):
    """Usable codes in preference order, first occurrence only."""
    return list(dict.fromkeys(c for c in choices if c in schools_by_code))


def round1_blocking(result, applicants, schools, seed):
    """An independent statement of round-1 stability: (applicant, school) pairs that would both rather be
    together — the school is listed before the applicant's round-1 school (or at all, when unplaced in round 1)
    and has a free seat or holds someone it ranks lower (tier, then the chain)."""
    rank = {x: i for i, x in enumerate(priority_order(applicants, seed))}
    pubs = usable(schools, "public")
    held = defaultdict(list)
    for no, p in result.placements.items():
        if p.round == 1:
            held[p.school_code].append(no)
    by_id = {a.id: a for a in applicants}

    def prio(a, code):
        return (a.township not in pubs[code].catchment, rank[a.id])

    pairs = []
    for a in applicants:
        if not a.eligible:
            continue
        p = result.placements.get(a.id)
        mine = p.school_code if p is not None and p.round == 1 else None
        for code in listed(a.public_choices, pubs):
            if code == mine:
                break
            if len(held[code]) < pubs[code].capacity or any(prio(by_id[b], code) > prio(a, code)
                                                             for b in held[code]):
                pairs.append((a.id, code))
    return sorted(pairs)


def check_invariants(result, applicants, schools, seed, mechanism):
    by_id = {a.id: a for a in applicants}
    pubs, prvs = usable(schools, "public"), usable(schools, "private")
    rank = {x: i for i, x in enumerate(priority_order(applicants, seed))}

    # everyone exactly once; only eligible applicants placed; reasons
    assert set(result.placements) | set(result.waitlist) == set(by_id)
    assert not set(result.placements) & set(result.waitlist)
    assert all(by_id[no].eligible for no in result.placements)
    assert all(reason == ("no_seat" if by_id[no].eligible else "ineligible")
               for no, reason in result.waitlist.items())

    # no school over capacity; counts agree with the placements; schools that take nobody took nobody
    taken = Counter((p.school_code, p.round) for p in result.placements.values())
    assert set(result.counts) == set(result.cutoffs) == {s.code for s in schools}
    for s in schools:
        c = result.counts[s.code]
        assert c.by_round == tuple(taken[(s.code, r)] for r in (1, 2, 3))
        assert c.filled == sum(c.by_round) <= c.capacity == (s.capacity if s.status == "active" else 0)
        if s.kind == "public":
            assert c.by_round[1:] == (0, 0)
        else:
            assert c.by_round[0] == 0

    # each placement is what its round allows
    for no, p in result.placements.items():
        a = by_id[no]
        if p.round == 1:
            assert p.school_code in pubs and p.choice_rank == a.public_choices.index(p.school_code) + 1
            assert p.tier == (1 if a.township in pubs[p.school_code].catchment else 2)
        elif p.round == 2:
            assert p.school_code in prvs and p.choice_rank == a.private_choices.index(p.school_code) + 1
            assert p.tier is None
        else:
            assert p.round == 3 and p.school_code in prvs and p.tier is None and p.choice_rank is None

    # never placed below a school that had room for them in that round
    full1 = {code: result.counts[code].by_round[0] == s.capacity for code, s in pubs.items()}
    full2 = {code: result.counts[code].by_round[1] == s.capacity for code, s in prvs.items()}
    round2 = defaultdict(list)
    for no, p in result.placements.items():
        if p.round == 2:
            round2[p.school_code].append(rank[no])
    for a in applicants:
        if not a.eligible:
            continue
        p = result.placements.get(a.id)
        mine1 = p.school_code if p is not None and p.round == 1 else None
        for code in listed(a.public_choices, pubs):
            if code == mine1:
                break
            assert full1[code], (a.id, code)
        if mine1 is not None:
            continue
        mine2 = p.school_code if p is not None and p.round == 2 else None
        for code in listed(a.private_choices, prvs):
            if code == mine2:
                break
            assert full2[code], (a.id, code)
            assert max(round2[code]) < rank[a.id], (a.id, code)  # round 2 is stable too (common priority)
        if p is None:  # waitlisted although eligible: every private seat is gone
            assert all(result.counts[code].filled == s.capacity for code, s in prvs.items())
        elif p.round == 3 and prvs[p.school_code].township != a.township:
            assert all(result.counts[code].filled == s.capacity for code, s in prvs.items()
                       if s.township == a.township), a.id

    # cut-offs: the lowest-priority applicant admitted in the school's choice round
    for code, cut in result.cutoffs.items():
        admitted = [no for no, p in result.placements.items() if p.school_code == code and p.round in (1, 2)]
        if not admitted:
            assert cut is None
            continue
        if code in pubs:
            last = max(admitted, key=lambda x: (by_id[x].township not in pubs[code].catchment, rank[x]))
        else:
            last = max(admitted, key=rank.__getitem__)
        assert cut.application_no == last and cut.family_score == by_id[last].family_score
        assert cut.tier == result.placements[last].tier

    # stability of round 1 under deferred acceptance; the engine's blocking_pairs agrees with the definition
    pairs = round1_blocking(result, applicants, schools, seed)
    assert blocking_pairs(result, applicants, schools, seed) == pairs
    if mechanism == "deferred_acceptance":
        assert pairs == []
    else:
        # immediate acceptance (志愿优先): a school the applicant listed j-th (usable lists) and did not get holds only
        # people who listed it earlier, or at the same step with a better priority there
        held = defaultdict(list)
        for no, p in result.placements.items():
            if p.round == 1:
                held[p.school_code].append(no)

        def prio(x, code):
            return (by_id[x].township not in pubs[code].catchment, rank[x])

        for a in applicants:
            if not a.eligible:
                continue
            p = result.placements.get(a.id)
            mine = p.school_code if p is not None and p.round == 1 else None
            for j, code in enumerate(listed(a.public_choices, pubs)):
                if code == mine:
                    break
                for b in held[code]:
                    step = listed(by_id[b].public_choices, pubs).index(code)
                    assert step < j or (step == j and prio(b, code) < prio(a.id, code)), (a.id, b, code)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(), st.sampled_from(MECHANISMS))
def test_invariants_on_random_instances(instance, mechanism):
    applicants, schools, seed = instance
    result = place(applicants, schools, seed=seed, mechanism=mechanism)
    check_invariants(result, applicants, schools, seed, mechanism)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(max_applicants=20), st.sampled_from(MECHANISMS), st.randoms(use_true_random=False))
def test_same_input_same_result_whatever_the_order(instance, mechanism, rnd):
    applicants, schools, seed = instance
    first = place(applicants, schools, seed=seed, mechanism=mechanism)
    a2, s2 = applicants[:], schools[:]
    rnd.shuffle(a2)
    rnd.shuffle(s2)
    again = place(a2, s2, seed=seed, mechanism=mechanism)
    assert again == first and repr(again) == repr(first)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(max_applicants=20))
def test_more_seats_never_hurt_anyone_under_deferred_acceptance(instance):
    """Adding a seat at one public school leaves every round-1 applicant at least as well off (student-optimal
    stable matchings are monotone in capacities) — a check that round 1 really is DA, not some other stable
    matching."""
    applicants, schools, seed = instance
    before = place(applicants, schools, seed=seed)
    for i, s in enumerate(schools):
        if s.kind != "public" or s.status != "active":
            continue
        more = schools[:i] + [School(s.code, s.kind, s.township, s.capacity + 1, s.catchment, s.status)] + schools[i + 1:]
        after = place(applicants, more, seed=seed)
        pubs = usable(more, "public")
        for a in applicants:
            old, new = before.placements.get(a.id), after.placements.get(a.id)
            if old is None or old.round != 1:
                continue
            assert new is not None and new.round == 1
            prefs = listed(a.public_choices, pubs)
            assert prefs.index(new.school_code) <= prefs.index(old.school_code)


# --- differential: round 1 = student-optimal stable matching of the `matching` package ----------------------

def _random_instance(rng: random.Random, n: int):
    schools = [School(f"P{i:02d}", "public", rng.choice(TOWNS), rng.choice([0, 1, 2, 3, 5, 8, 13]),
                      frozenset(rng.sample(TOWNS, rng.randrange(0, 3))), rng.choice(["active"] * 9 + ["closed"]))
               for i in range(rng.randrange(3, 15))]
    schools += [School(f"M{i}", "private", rng.choice(TOWNS), rng.randrange(0, 20)) for i in range(3)]
    codes = [s.code for s in schools if s.kind == "public"] + ["M0", "NOPE"]
    popular = rng.sample(codes, 3)
    applicants = []
    for i in range(n):
        k = rng.randrange(0, 6)
        picks = [rng.choice(popular) if rng.random() < 0.4 else rng.choice(codes) for _ in range(k)]
        applicants.append(Applicant(
            f"HY2025-{i:05d}", rng.choice(SCORES), rng.choice(OTHERS), rng.choice(SINCES),
            rng.choice(TOWNS + [None]), tuple(picks), (), rng.random() < 0.9))
    return applicants, schools


@pytest.mark.parametrize("case", range(20))
def test_round_1_equals_student_optimal_deferred_acceptance_of_matching(case):
    rng = random.Random(1000 + case)
    applicants, schools = _random_instance(rng, rng.randrange(1, 201))
    seed = f"diff-{case}"
    ours = place(applicants, schools, seed=seed)
    theirs, _, _ = matching_round1(applicants, schools, seed)
    assert {no: p.school_code for no, p in ours.placements.items() if p.round == 1} == theirs
    assert blocking_pairs(ours, applicants, schools, seed) == []
