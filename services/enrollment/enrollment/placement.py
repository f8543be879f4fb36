"""Placement engine (录取): pure functions, no HTTP, no database — BRIEF §5 (tie-break chain) and §6 (placement).

Input: `Applicant`s (priority data and choices) and `School`s (capacities, catchments, status).
Output: a `PlacementResult` — placements by round, waitlist with reasons, per-school cut-offs and counts, and the
SHA-256 digest of the canonical input. Same input + seed + mechanism → identical result, byte for byte; the order
in which applicants and schools are passed does not matter (the order of each applicant's choices does).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from hashlib import sha256
from heapq import heapify, heappop, heappush, heapreplace
from operator import attrgetter

# The input checks, and the kinds and statuses they know (re-exported: callers name them ``placement.X``).
from enrollment.placement_checks import (ACTIVE, CLOSED, PHASING_OUT, PRIVATE, PUBLIC, SCORE_LIMIT,  # noqa: F401
                                         Columns, PlacementInputError, checked_schools)

DEFERRED_ACCEPTANCE = "deferred_acceptance"
IMMEDIATE_ACCEPTANCE = "immediate_acceptance"  # 志愿优先 ("Boston")
MECHANISMS = (DEFERRED_ACCEPTANCE, IMMEDIATE_ACCEPTANCE)

# Waitlist reason codes (stable; the service stores and publishes them).
REASON_INELIGIBLE = "ineligible"  # applicant.eligible is False: never placed (BRIEF §5, §6)
REASON_NO_SEAT = "no_seat"  # eligible, but no seat anywhere after rounds 1–3 (every private school full)

ROUND_PUBLIC = 1  # public schools, choice-based (DA or IA)
ROUND_PRIVATE = 2  # private migrant schools, choice-based (DA)
ROUND_DISTRICT = 3  # 统筹: assigned by the district, no choice


@dataclass(frozen=True, slots=True)
class Applicant:
    """One application as placement sees it (BRIEF §5 tie-break data, §6 choices).

    Scores are decimals with 2 places (points); `earliest_since` is the earliest residence-permit
    `continuous_since` among the guardians whose score equals the family score (None when none has a permit:
    sorts last). `township` is the township of residence from the confirmed permit (matched against
    `School.catchment` / `School.township`; None never matches). Choices are school codes in order of
    preference; unknown codes, schools of the other kind, schools that take nobody (closed, phasing out, zero
    capacity) and repeated codes (after the first occurrence) are ignored.
    """

    id: str  # application_no
    family_score: Decimal
    other_score: Decimal
    earliest_since: date | None
    township: str | None
    public_choices: tuple[str, ...]  # ≤ 5 (not enforced here)
    private_choices: tuple[str, ...]  # ≤ 3 (not enforced here)
    eligible: bool = True


@dataclass(frozen=True, slots=True)
class School:
    """A school offering seats in one grade this season (BRIEF §6, §7).

    `capacity`: public → migrant seats (随迁子女学位) for the grade; private → remaining enrollment plan (招生计划).
    `catchment`: townships whose residents get tier-1 priority (public schools only; ignored for private).
    `status`: "active" | "phasing_out" | "closed" — only active schools take anybody.
    """

    code: str
    kind: str  # "public" | "private"
    township: str
    capacity: int
    catchment: frozenset[str] = frozenset()
    status: str = ACTIVE


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one applicant goes.

    `round`: 1 public (choice), 2 private (choice), 3 district placement (统筹). Rounds 2 and 3 are purchased
    seats (政府购买学位, plan 三(四)).
    `tier`: 1 (catchment) or 2 in round 1; None in rounds 2 and 3 (no tiers there).
    `choice_rank`: 1-based position of the school in the list used (public_choices for round 1, private_choices
    for round 2), counted in the list as submitted (ignored entries keep their positions); None in round 3.
    """

    school_code: str
    round: int
    tier: int | None
    choice_rank: int | None


@dataclass(frozen=True, slots=True)
class Cutoff:
    """The last (lowest-priority) applicant a school admitted in its choice round (round 1 for public schools,
    round 2 for private ones) — the published 录取线. Round-3 assignments are not competitive and never set it.
    `tier` is None for private schools."""

    family_score: Decimal
    tier: int | None
    application_no: str


@dataclass(frozen=True, slots=True)
class SchoolCount:
    """Seats offered and taken at one school. `capacity` is the effective seats offered: the school's capacity
    when active, 0 when phasing out or closed. `filled` counts every round; `by_round` = (round 1, 2, 3)."""

    capacity: int
    filled: int
    by_round: tuple[int, int, int] = (0, 0, 0)


@dataclass(frozen=True, slots=True)
class PlacementResult:
    """Outcome of one run (录取批次).

    placements: application_no → Placement, for every placed applicant (keys in application_no order).
    waitlist: application_no → reason code (REASON_INELIGIBLE, REASON_NO_SEAT) for everyone else.
    cutoffs: school code → Cutoff, or None when the school admitted nobody in its choice round; every school given.
    counts: school code → SchoolCount; every school given.
    input_digest: SHA-256 hex of the canonical input (see `input_digest`).
    Every applicant is in exactly one of placements / waitlist.
    """

    placements: dict[str, Placement]
    waitlist: dict[str, str]
    cutoffs: dict[str, Cutoff | None]
    counts: dict[str, SchoolCount]
    input_digest: str
    seed: str
    mechanism: str


def lottery_key(seed: str, application_no: str) -> str:
    """Lottery key of BRIEF §5: SHA-256 hex (64 lowercase chars) of f"{seed}:{application_no}" in UTF-8.
    Lower wins; the seed is published with the round."""
    return sha256(f"{seed}:{application_no}".encode()).hexdigest()


def priority_order(applicants: Iterable[Applicant], seed: str) -> list[str]:
    """Application numbers ordered by the tie-break chain of BRIEF §5, best first: family score (high first) →
    other guardian's score (high first) → earliest_since (earlier first, None last) → lottery key (low first).
    Tiers are not applied here (they depend on the school). Eligibility is not looked at: every applicant passed
    is ordered. Raises PlacementInputError on a duplicate application_no or a score that is not a Decimal with
    at most 2 places."""
    cols = Columns(list(applicants))
    return [cols.ids[i] for i in _rank_order(cols, seed)]


def input_digest(applicants: Iterable[Applicant], schools: Iterable[School], seed: str, mechanism: str) -> str:
    """SHA-256 hex of the canonical serialisation of a run's input: compact UTF-8 JSON, sorted keys, of
    `{"v": 1, "seed", "mechanism", "applicants": {column: [values in application_no order]}, "schools": [[code,
    kind, township, capacity, [catchment sorted], status] in code order]}`. Applicant columns: id,
    family_score_hundredths and other_score_hundredths (integers: the value counts, not how it was written),
    earliest_since_day (date.toordinal(), 2**40 for none), township, public_choices, private_choices (as given,
    ignored codes included), eligible. Independent of the order of applicants and schools; the order of each
    applicant's choices counts. `place` records the same value in `PlacementResult.input_digest`."""
    cols = Columns(list(applicants))
    return _digest(cols, _id_order(cols), checked_schools(schools), seed, mechanism)


def place(
    applicants: Sequence[Applicant],
    schools: Sequence[School],
    *,
    seed: str,
    mechanism: str = DEFERRED_ACCEPTANCE,
) -> PlacementResult:
    """Run the three placement rounds of BRIEF §6 over a frozen snapshot.

    Round 1 (public): student-proposing deferred acceptance over public choices, capacity = migrant seats, priority
    = tier (1 catchment, 2 otherwise) then the tie-break chain; or, with mechanism="immediate_acceptance"
    (志愿优先), step k: every unassigned applicant applies to their k-th usable choice and the school accepts for
    good, by priority, up to its remaining seats.
    Round 2 (private): eligible applicants unplaced after round 1 propose over their private choices (deferred
    acceptance), capacity = remaining plan, priority = the tie-break chain without tiers.
    Round 3 (统筹): those still unplaced, in chain order, take a seat at the private school with room in their
    own township (most remaining seats first, ties by code); else at the private school with the most remaining
    seats (ties by code).
    Ineligible applicants are never placed (waitlist "ineligible"); eligible applicants left over are waitlisted
    "no_seat". Raises PlacementInputError on malformed input (see there).

    Cost: one sort of the applicants plus O(proposals · log seats): 100 000 applicants × 5 choices × 200 schools
    take about 0.8 s of CPU and 40 MB (`python -m bench.placement`).
    """
    if mechanism not in MECHANISMS:
        raise PlacementInputError(f"unknown mechanism {mechanism!r}; expected one of {', '.join(MECHANISMS)}")
    ranking = rank(applicants, seed)
    school_list = checked_schools(schools)
    digest = _digest(ranking.cols, list(map(ranking.order.__getitem__, ranking.by_id)), school_list, seed, mechanism)
    rd = rounds(ranking, school_list, mechanism)
    placements, waitlist = _placements(ranking, rd)
    cutoffs, counts = _school_figures(ranking, rd, school_list)
    return PlacementResult(placements, waitlist, cutoffs, counts, digest, seed, mechanism)


def _placements(ranking: Ranking, rd: Rounds) -> tuple[dict[str, Placement], dict[str, str]]:
    """Each applicant's place from the rounds' outcome (``{application_no: Placement}``), or its waitlist reason
    (``no_seat`` / ``ineligible``), in application_no order so the result is reproducible byte for byte. Placements
    are immutable, so equal ones are shared."""
    ranked, r1, r2, r3, pub_codes, prv_codes = ranking.ranked, rd.r1, rd.r2, rd.r3, rd.pub_codes, rd.prv_codes
    memo: dict[tuple, Placement] = {}
    placements: dict[str, Placement] = {}
    waitlist: dict[str, str] = {}
    for r in ranking.by_id:
        a = ranked[r]
        if (s := r1[r]) >= 0:
            code = pub_codes[s]
            spec = (code, ROUND_PUBLIC, 1 if a.township in rd.pub_catch[s] else 2, a.public_choices.index(code) + 1)
        elif (s := r2[r]) >= 0:
            code = prv_codes[s]
            spec = (code, ROUND_PRIVATE, None, a.private_choices.index(code) + 1)
        elif (s := r3.get(r, -1)) >= 0:
            spec = (prv_codes[s], ROUND_DISTRICT, None, None)
        else:
            waitlist[a.id] = REASON_NO_SEAT if a.eligible else REASON_INELIGIBLE
            continue
        p = memo.get(spec)
        if p is None:
            p = memo[spec] = Placement(*spec)
        placements[a.id] = p
    return placements, waitlist


def _school_figures(ranking: Ranking, rd: Rounds, school_list: Sequence[School]
                    ) -> tuple[dict[str, Cutoff | None], dict[str, SchoolCount]]:
    """Per school, in code order: its cut-off (the last applicant admitted: the largest admitted key of round 1 at a
    public school, the last rank of round 2 at a private one; ``None`` when nobody was) and its head counts by
    round (capacity 0 for a school not active)."""
    ranked, big, pub_codes, prv_codes = ranking.ranked, len(ranking.ranked) + 1, rd.pub_codes, rd.prv_codes
    worst1 = [max(keys) if keys else -1 for keys in rd.pub_admitted]  # largest admitted key per school (cut-off)
    filled = {sch.code: [0, 0, 0] for sch in school_list}
    for s, keys in enumerate(rd.pub_admitted):
        filled[pub_codes[s]][0] = len(keys)
    for s, code in enumerate(prv_codes):
        filled[code][1] = rd.prv_cap[s] - rd.after_round2[s]
    for s in rd.r3.values():
        filled[prv_codes[s]][2] += 1
    cutoffs: dict[str, Cutoff | None] = {}
    counts: dict[str, SchoolCount] = {}
    for sch in school_list:
        cut = None
        if (s := rd.pub_index.get(sch.code, -1)) >= 0 and worst1[s] >= 0:
            last = ranked[worst1[s] % big]
            cut = Cutoff(last.family_score, worst1[s] // big, last.id)
        elif (s := rd.prv_index.get(sch.code, -1)) >= 0 and rd.last2[s] >= 0:
            last = ranked[rd.last2[s]]
            cut = Cutoff(last.family_score, None, last.id)
        cutoffs[sch.code] = cut
        by_round = filled[sch.code]
        counts[sch.code] = SchoolCount(sch.capacity if sch.status == ACTIVE else 0, sum(by_round), tuple(by_round))
    return cutoffs, counts


@dataclass(frozen=True, slots=True)
class Ranking:
    """The applicants of a snapshot in tie-break-chain order for one seed (BRIEF §5): what every placement of the
    snapshot with that seed shares, whatever the seats (planning places one snapshot many times, issue 13).
    ``ranked[r]`` is the applicant of global rank r (0 = best); ``by_id`` lists the ranks in application_no order;
    ``order[r]`` is rank r's position in ``cols.apps``."""

    cols: Columns
    order: list[int]
    ranked: list[Applicant]
    by_id: list[int]


@dataclass(frozen=True, slots=True)
class Rounds:
    """The three rounds' outcome by rank (see `place`): ``r1[r]`` the public school index (in ``pub_codes``) of
    rank r or -1, ``r2[r]`` the private school index (in ``prv_codes``) taken in round 2 or -1, ``r3`` rank →
    private school index taken in round 3; ``pub_admitted`` the admitted keys (tier × (n + 1) + rank) per public
    school; ``prv_cap`` / ``after_round2`` the private seats before / after round 2; ``last2`` the last rank
    admitted per private school in round 2 (-1: none)."""

    r1: list[int]
    r2: list[int]
    r3: dict[int, int]
    pub_codes: list[str]
    pub_index: dict[str, int]
    pub_catch: list[frozenset[str]]
    pub_admitted: list[list[int]]
    prv_codes: list[str]
    prv_index: dict[str, int]
    prv_cap: list[int]
    after_round2: list[int]
    last2: list[int]
    ranking: Ranking
    pub_cap: list[int]  # seats per public school (in ``pub_codes``)
    held: list[list[int]] | None  # deferred acceptance's state (negated keys per school; None for immediate)
    nxt: list[int] | None  # per rank, where in its public choices it stopped (None for immediate acceptance)


def rank(applicants: Sequence[Applicant], seed: str) -> Ranking:
    """The applicants validated and ordered by the tie-break chain of ``seed`` (`priority_order`), once for every
    placement of the same snapshot: `place` = `rank` + the input digest + `rounds`. Raises PlacementInputError."""
    cols = Columns(list(applicants))
    order = _rank_order(cols, seed)  # applicant positions, best first
    ranked = list(map(cols.apps.__getitem__, order))  # index = global rank, 0 = best
    ranked_ids = list(map(cols.ids.__getitem__, order))
    by_id = sorted(range(len(ranked)), key=ranked_ids.__getitem__)  # ranks in application_no order
    return Ranking(cols, order, ranked, by_id)


def rounds(ranking: Ranking, schools: Sequence[School], mechanism: str = DEFERRED_ACCEPTANCE, *,
           start: Rounds | None = None) -> Rounds:
    """Rounds 1–3 of BRIEF §6 (see `place`) over an already ranked snapshot, by rank: no input digest and no
    result objects, so a what-if can place a snapshot again with other seats for the cost of the matching alone
    (issue 13). `place` calls it: the same engine, the same outcome.

    ``start``: a deferred-acceptance `Rounds` of the same ranking whose public schools had at least as many seats
    each (PlacementInputError otherwise); round 1 then continues from its matching with the seats taken away
    (`_resume_deferred_acceptance`) instead of starting over, with the same outcome, and the result's public
    school lists are the start's (a school may have 0 seats). Rounds 2 and 3 always run in full. Raises
    PlacementInputError."""
    if mechanism not in MECHANISMS:
        raise PlacementInputError(f"unknown mechanism {mechanism!r}; expected one of {', '.join(MECHANISMS)}")
    ranked = ranking.ranked
    school_list = checked_schools(schools)
    n = len(ranked)
    big = n + 1  # priority key at a public school = tier * big + rank: rank = key % big, tier = key // big

    # Round 1 (public).
    held: list[list[int]] | None = None
    nxt: list[int] | None = None
    if start is None:
        pub_codes, pub_cap, pub_catch = _usable(school_list, PUBLIC)
        pub_index = {code: s for s, code in enumerate(pub_codes)}
        if mechanism == DEFERRED_ACCEPTANCE:
            held, nxt = _public_deferred_acceptance(ranked, pub_index, pub_cap, pub_catch, big)
            pub_admitted = [[-k for k in h] for h in held]
        else:
            pub_admitted = _public_immediate_acceptance(ranked, pub_index, pub_cap, pub_catch, big)
    else:
        if start.held is None or start.nxt is None or start.ranking is not ranking:
            raise PlacementInputError("a start must be a deferred-acceptance placement of the same ranking")
        pub_codes, pub_index, pub_catch = start.pub_codes, start.pub_index, start.pub_catch
        seats = {sch.code: sch.capacity if sch.status == ACTIVE else 0 for sch in school_list if sch.kind == PUBLIC}
        pub_cap = [seats.get(code, 0) for code in pub_codes]
        usable, _, _ = _usable(school_list, PUBLIC)
        if not set(usable) <= pub_index.keys() or any(c > sc for c, sc in zip(pub_cap, start.pub_cap)):
            raise PlacementInputError("a start must have had at least as many seats at every public school")
        held, nxt = [list(h) for h in start.held], list(start.nxt)
        _resume_deferred_acceptance(ranked, pub_index, pub_cap, pub_catch, big, held, nxt)
        pub_admitted = [[-k for k in h] for h in held]
    r1 = [-1] * n  # public school index per rank
    for s, keys in enumerate(pub_admitted):
        for k in keys:
            r1[k % big] = s

    # Round 2 (private): deferred acceptance under one common priority (the chain) is serial dictatorship.
    prv_codes, prv_cap, _ = _usable(school_list, PRIVATE)
    prv_index = {code: s for s, code in enumerate(prv_codes)}
    remaining = list(prv_cap)
    r2, last2 = _private_round(ranked, r1, prv_index, remaining)
    after_round2 = list(remaining)

    # Round 3 (统筹): whoever is still unplaced, in rank order.
    towns = {sch.code: sch.township for sch in school_list}
    waiting = [r for r in range(n) if r1[r] < 0 and r2[r] < 0 and ranked[r].eligible]
    r3 = _district_round(ranked, waiting, remaining, prv_codes, [towns[c] for c in prv_codes])
    return Rounds(r1, r2, r3, pub_codes, pub_index, pub_catch, pub_admitted, prv_codes, prv_index, prv_cap,
                  after_round2, last2, ranking, pub_cap, held, nxt)


def blocking_pairs(
    result: PlacementResult,
    applicants: Sequence[Applicant],
    schools: Sequence[School],
    seed: str,
) -> list[tuple[str, str]]:
    """Round-1 (public) blocking pairs of `result`: (application_no, school code) such that the eligible applicant
    lists the usable public school strictly before their round-1 school (or at all, when not placed in round 1)
    and the school either has a free seat after round 1 or admitted in round 1 someone of lower priority there.
    Empty for deferred acceptance (stability, BRIEF §6); usually not for immediate acceptance.
    Sorted by (application_no, school code). Written independently of `place`'s internals, from the rules."""
    apps = list(applicants)
    rank = {app_no: r for r, app_no in enumerate(priority_order(apps, seed))}
    by_id = {a.id: a for a in apps}
    pub_codes, pub_cap, pub_catch = _usable(checked_schools(schools), PUBLIC)
    pub_index = {code: s for s, code in enumerate(pub_codes)}

    def priority(a: Applicant, s: int) -> tuple[int, int]:  # lower is better
        return (1 if a.township in pub_catch[s] else 2, rank[a.id])

    taken = [0] * len(pub_codes)
    worst: list[tuple[int, int] | None] = [None] * len(pub_codes)
    for app_no, p in result.placements.items():
        s = pub_index.get(p.school_code)
        if p.round != ROUND_PUBLIC or s is None or app_no not in by_id:
            continue
        taken[s] += 1
        pr = priority(by_id[app_no], s)
        worst[s] = pr if worst[s] is None else max(worst[s], pr)
    pairs = []
    for a in apps:
        if not a.eligible:
            continue
        p = result.placements.get(a.id)
        mine = pub_index.get(p.school_code) if p is not None and p.round == ROUND_PUBLIC else None
        for s in _usable_choices(a.public_choices, pub_index):
            if s == mine:
                break
            w = worst[s]
            if taken[s] < pub_cap[s] or (w is not None and w > priority(a, s)):
                pairs.append((a.id, pub_codes[s]))
    pairs.sort()
    return pairs


# --- internals (the input checks are in enrollment.placement_checks) ------------------------------------------

def _rank_order(cols: Columns, seed: str) -> list[int]:
    """Positions in cols.apps in tie-break-chain order (BRIEF §5), best first: one sort of an integer per
    applicant packing the whole chain, most significant first — (L − 1 − family), (L − 1 − other), since day
    (48 bits each, L = 2**48) and the lottery digest as a 256-bit number (numeric order of digests = order of
    their hex keys). Every field fits its bits, so comparing the integers compares the chain level by level.
    Lottery digests are unique per application_no: the order is total."""
    prefix = sha256(f"{seed}:".encode())
    from_bytes = int.from_bytes
    lottery = []
    for app_no in cols.ids:
        h = prefix.copy()
        h.update(app_no.encode())
        lottery.append(from_bytes(h.digest(), "big"))
    top = SCORE_LIMIT - 1
    packed = [(((top - f) << 48 | (top - o)) << 48 | d) << 256 | lot
              for f, o, d, lot in zip(cols.family, cols.other, cols.since, lottery)]
    return sorted(range(len(packed)), key=packed.__getitem__)


def _id_order(cols: Columns) -> list[int]:
    return sorted(range(len(cols.ids)), key=cols.ids.__getitem__)


def _digest(cols: Columns, by_id: list[int], schools: list[School], seed: str, mechanism: str) -> str:
    """See `input_digest`; `by_id` = positions in cols.apps in application_no order."""
    apps = list(map(cols.apps.__getitem__, by_id))
    doc = {
        "v": 1,
        "seed": seed,
        "mechanism": mechanism,
        "applicants": {
            "id": list(map(cols.ids.__getitem__, by_id)),
            "family_score_hundredths": list(map(cols.family.__getitem__, by_id)),
            "other_score_hundredths": list(map(cols.other.__getitem__, by_id)),
            "earliest_since_day": list(map(cols.since.__getitem__, by_id)),
            "township": list(map(attrgetter("township"), apps)),
            "public_choices": list(map(attrgetter("public_choices"), apps)),
            "private_choices": list(map(attrgetter("private_choices"), apps)),
            "eligible": list(map(bool, map(attrgetter("eligible"), apps))),
        },
        "schools": [[s.code, s.kind, s.township, s.capacity, sorted(s.catchment), s.status] for s in schools],
    }
    text = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"), check_circular=False)
    return sha256(text.encode()).hexdigest()


def _usable(schools: list[School], kind: str) -> tuple[list[str], list[int], list[frozenset[str]]]:
    """Codes, capacities and catchments of the schools of `kind` that take anybody (active, capacity > 0), in
    code order; a school's position in these lists is its index in the matching."""
    codes: list[str] = []
    caps: list[int] = []
    catch: list[frozenset[str]] = []
    for s in schools:
        if s.kind == kind and s.status == ACTIVE and s.capacity > 0:
            codes.append(s.code)
            caps.append(s.capacity)
            catch.append(frozenset(s.catchment))
    return codes, caps, catch


def _usable_choices(choices: Sequence[str], index: dict[str, int]) -> list[int]:
    """School indices in preference order: codes not in `index` dropped, repeats after the first dropped."""
    out = list(map(index.get, choices))
    if None in out or len(set(out)) != len(out):
        out = list(dict.fromkeys(s for s in out if s is not None))
    return out


def _public_deferred_acceptance(
    ranked: list[Applicant], index: dict[str, int], caps: list[int], catch: list[frozenset[str]], big: int
) -> tuple[list[list[int]], list[int]]:
    """Student-proposing deferred acceptance (Gale–Shapley) over public choices, in McVitie–Wilson order:
    applicants enter one at a time in rank order and whoever is turned away proposes on at once (the outcome does
    not depend on the order). An applicant's key at school s is tier * big + rank, lower is better. Unusable and
    repeated codes need no filtering: the first are skipped, and a school that turned someone away turns them
    away again. Returns (per school the held keys negated — a heap, the worst on top; per rank the position in
    its choices where it stopped), the state `_resume_deferred_acceptance` continues from."""
    held: list[list[int]] = [[] for _ in caps]  # per school a max-heap of keys, stored negated
    nxt = [0] * len(ranked)
    entering = [r for r, a in enumerate(ranked) if a.eligible and a.public_choices]
    _chains(entering, ranked, index, caps, catch, big, held, nxt)
    return held, nxt


def _resume_deferred_acceptance(
    ranked: list[Applicant], index: dict[str, int], caps: list[int], catch: list[frozenset[str]], big: int,
    held: list[list[int]], nxt: list[int]
) -> None:
    """Deferred acceptance continued after seats were taken away (`caps` ≤ the seats `held` was reached with; the
    state is changed in place): each school over its seats turns away its worst held applicants, who propose on
    down their lists. Every turning-away so far was justified under the fewer seats too (the school then held at
    least as many applicants of higher priority as it now has seats), so no one is ever turned away by a school
    that could take them in a stable matching: the result is the student-optimal stable matching for `caps`,
    the same as `_public_deferred_acceptance` from scratch (issue 13's planning places one snapshot many times)."""
    evicted = []
    for s, h in enumerate(held):
        while len(h) > caps[s]:
            evicted.append(-heappop(h) % big)
    _chains(evicted, ranked, index, caps, catch, big, held, nxt)


def _chains(
    entering: Iterable[int], ranked: list[Applicant], index: dict[str, int], caps: list[int],
    catch: list[frozenset[str]], big: int, held: list[list[int]], nxt: list[int]
) -> None:
    """Each rank of `entering` proposes from `nxt[rank]` on down its public choices; whoever a full school turns
    away for it proposes on at once (McVitie–Wilson). Mutates `held` and `nxt`."""
    get = index.get
    big2 = 2 * big
    for cur in entering:
        a = ranked[cur]
        choices, town, i = a.public_choices, a.township, nxt[cur]
        while True:
            evicted = -1
            end = len(choices)
            while i < end:
                s = get(choices[i])
                i += 1
                if s is None:
                    continue
                k = (big if town in catch[s] else big2) + cur
                h = held[s]
                if len(h) < caps[s]:
                    heappush(h, -k)
                    break
                if h and k < -h[0]:
                    evicted = -heapreplace(h, -k) % big
                    break
            nxt[cur] = i
            if evicted < 0:
                break
            cur = evicted  # resumes after the school that just let them go
            a = ranked[cur]
            choices, town, i = a.public_choices, a.township, nxt[cur]


def _public_immediate_acceptance(
    ranked: list[Applicant], index: dict[str, int], caps: list[int], catch: list[frozenset[str]], big: int
) -> list[list[int]]:
    """Immediate acceptance (志愿优先, "Boston"): in step k every still-unassigned applicant applies to their k-th
    usable choice (unusable and repeated codes removed first); each school admits for good, lowest key first, up
    to its remaining seats. Returns the admitted keys per school."""
    prefs: dict[int, list[int]] = {}
    for r, a in enumerate(ranked):
        if a.eligible and a.public_choices:
            p = _usable_choices(a.public_choices, index)
            if p:
                prefs[r] = p
    admitted: list[list[int]] = [[] for _ in caps]
    free = list(caps)
    active = list(prefs)  # ascending rank
    step = 0
    while active:
        applying: list[list[int]] = [[] for _ in caps]
        for r in active:
            s = prefs[r][step]
            applying[s].append((1 if ranked[r].township in catch[s] else 2) * big + r)
        placed: set[int] = set()
        for s, keys in enumerate(applying):
            if keys and free[s] > 0:
                keys.sort()
                taken = keys[: free[s]]
                free[s] -= len(taken)
                admitted[s].extend(taken)
                placed.update(k % big for k in taken)
        step += 1
        active = [r for r in active if r not in placed and len(prefs[r]) > step]
    return admitted


def _private_round(
    ranked: list[Applicant], r1: list[int], index: dict[str, int], remaining: list[int]
) -> tuple[list[int], list[int]]:
    """Round 2 (BRIEF §6): student-proposing deferred acceptance over private choices with one priority order
    shared by every school (the chain, no tiers). With a common priority DA's outcome is serial dictatorship
    (nobody is ever displaced), so applicants take, in rank order, their first listed school with room.
    Mutates `remaining`. Returns (private school per rank or -1, last admitted rank per school or -1)."""
    out = [-1] * len(ranked)
    last = [-1] * len(remaining)
    get = index.get
    for r, a in enumerate(ranked):
        if r1[r] >= 0 or not a.eligible:
            continue
        for code in a.private_choices:
            s = get(code)
            if s is not None and remaining[s] > 0:
                remaining[s] -= 1
                out[r] = s
                last[s] = r
                break
    return out, last


def _district_round(
    ranked: list[Applicant], waiting: list[int], remaining: list[int], codes: list[str], towns: list[str]
) -> dict[int, int]:
    """Round 3 (统筹, BRIEF §6): `waiting` (ranks, ascending) take in turn the private school with the most
    remaining seats in their own township, else the one with the most remaining seats anywhere; ties by code.
    Mutates `remaining`; returns rank → private school index for those placed (the rest: every school full)."""
    # lazy max-heaps of (-remaining, code, index); an entry whose count is out of date is dropped when it surfaces
    everywhere = [(-remaining[s], codes[s], s) for s in range(len(codes)) if remaining[s] > 0]
    by_town: dict[str, list[tuple[int, str, int]]] = {}
    for entry in everywhere:
        by_town.setdefault(towns[entry[2]], []).append(entry)
    heapify(everywhere)
    for h in by_town.values():
        heapify(h)

    def best(h: list[tuple[int, str, int]]) -> int:
        while h:
            neg, _, s = h[0]
            if -neg == remaining[s]:
                return s
            heappop(h)
        return -1

    out: dict[int, int] = {}
    for r in waiting:
        town = ranked[r].township
        local = by_town.get(town) if town is not None else None
        s = best(local) if local else -1
        if s < 0:
            s = best(everywhere)
            if s < 0:
                break  # every private school is full: the rest wait
        out[r] = s
        remaining[s] -= 1
        if remaining[s] > 0:
            entry = (-remaining[s], codes[s], s)
            heappush(everywhere, entry)
            heappush(by_town[towns[s]], entry)
    return out
