"""The fewest extra public seats per township (新增公办学位) that bring the township to the 95 % target — plan 二(一),
三(二); issue 13. Pure: placement runs again over the frozen snapshot (`enrollment.placement.rounds`), nothing is
stored.

Where extra seats go: a township's extra seats go to the active public schools serving it (located there or with it
in their catchment; children only reach a seat at a school they listed), one seat at a time to the school with the
highest ``weight / (2 × seats already added + 1)`` (Sainte-Laguë, ties to the lower school code), weight = the
school's seats in the snapshot (at least 1). So the split is in proportion to their seats, and a school never loses
a seat when the township gets one more (no Alabama paradox): n + 1 seats are n seats plus one.

What is measured (docs/policy.md §10): a township of one grade meets the target when placed in public × 100 ≥
target × (placed in public + placed by purchase), over its eligible children. ``P(n)`` = the township meets the
target when placement runs again with n extra seats in it (everything else as asked).

Why the search is exact under deferred acceptance (round 1), with seats added only:
1. More seats make nobody worse off in round 1 (student-optimal stable matching, Gale–Sotomayor), so the township's
   placed-in-public ``pp(n)`` never falls as n grows; one more seat places at most one more child in round 1, so
   ``pp(n) ≤ pp(0) + n``.
2. Fewer children enter round 2 (serial dictatorship) and round 3 (every private seat left is taken while any
   remains), so a child placed by purchase stays placed: the township's placed total ``placed(n)`` never falls.
3. P(n) needs pp(n) ≥ need(placed(n)) ≥ need(placed(m)) for any m ≤ n (need(x) = ⌈target × x / 100⌉). Hence the
   shortfall s = need(placed(0)) − pp(0) is a lower bound: P(m) is false for m < s. The search keeps ``lo`` (P false
   for every m ≤ lo) and ``need``; it finds the first m > lo with pp(m) ≥ need (pp is monotone: bracket, then
   interpolate/bisect), and either P(m) holds — m is the answer — or placed grew, need rises to need(placed(m)) and
   lo = m. With every serving school unlimited (``pp(∞)``) below ``need``, no number of seats reaches the target.
Immediate acceptance (志愿优先) is not monotone in seats: the same search runs, by fresh placements, and the answer
says ``exact: false`` (it reaches the target and one fewer does not, but a smaller number might).

Cost: one full placement per township with its serving schools unlimited, then each probe continues deferred
acceptance from the nearest probe with more seats (`placement.rounds(start=...)`): a few ms each.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import ROUND_CEILING, Decimal
from fractions import Fraction
from heapq import heapify, heapreplace

from enrollment import placement
from enrollment.placement import School

INF = -1  # the probe key of "every serving school unlimited"


def serving(schools: Sequence[School], township: str) -> list[School]:
    """The active public schools serving ``township``: located there or with it in their catchment."""
    return [s for s in schools if s.kind == placement.PUBLIC and s.status == placement.ACTIVE
            and (s.township == township or township in s.catchment)]


def spread(n: int, weights: Mapping[str, int]) -> dict[str, int]:
    """``n`` seats over the schools of ``weights`` (code → weight ≥ 1) by Sainte-Laguë, sequentially: each seat to
    the school with the highest weight / (2 × seats it already has + 1), ties to the lower code. House-monotone:
    ``spread(n + 1)`` is ``spread(n)`` plus one seat. (8, {A: 1, B: 3}) → {A: 2, B: 6}; (1, {A: 5, B: 5}) → {A: 1}.
    Closed form for the bulk: every bid above W / (n − k) is taken at once (at most n of them), the last ≤ 1.5 k
    seats one by one."""
    if n <= 0 or not weights:
        return {}
    codes = sorted(weights)
    total, k = sum(weights.values()), len(codes)
    m = max(0, n - k)
    # bids of school i: w_i / (j + 1/2), j = 0, 1, ...; those above d = total / m: j < w_i·m/total − 1/2
    got = {c: max(0, -(-(2 * weights[c] * m - total) // (2 * total))) for c in codes} if m else dict.fromkeys(codes, 0)
    heap = [(-Fraction(2 * weights[c], 2 * got[c] + 1), c) for c in codes]
    heapify(heap)
    for _ in range(n - sum(got.values())):
        c = heap[0][1]
        got[c] += 1
        heapreplace(heap, (-Fraction(2 * weights[c], 2 * got[c] + 1), c))
    return {c: v for c, v in got.items() if v}


def added_seats(schools: Sequence[School], changes: Mapping[str, int], township_seats: Mapping[str, int]
                ) -> tuple[Counter[str], dict[str, int]]:
    """Seats added per school code: ``changes`` (code → seats, negative to remove) plus each township's extra seats
    (`spread` over its `serving` schools, weight = snapshot seats) → (added per code, seats that found no public
    school per township)."""
    add: Counter[str] = Counter(changes)
    lost: dict[str, int] = {}
    for town, n in township_seats.items():
        if n <= 0:
            continue
        weights = {s.code: max(s.capacity, 1) for s in serving(schools, town)}
        if not weights:
            lost[town] = n
            continue
        add.update(spread(n, weights))
    return add, lost


def apply(schools: Sequence[School], add: Mapping[str, int], bound: int | None = None) -> list[School]:
    """The schools with ``add`` seats added (never below 0); ``bound``: public seats capped there (a school with at
    least as many seats as there are eligible applicants never turns anyone away: the outcome is the same)."""
    out = []
    for s in schools:
        cap = max(0, s.capacity + add.get(s.code, 0))
        if bound is not None and s.kind == placement.PUBLIC:
            cap = min(cap, bound)
        out.append(replace(s, capacity=cap) if cap != s.capacity else s)
    return out


@dataclass(frozen=True)
class Counts:
    """One township's eligible children by outcome (policy §10)."""

    public: int
    purchased: int
    waitlisted: int

    @property
    def placed(self) -> int:
        return self.public + self.purchased

    def meets(self, target: Decimal) -> bool:
        return self.placed > 0 and self.public * 100 >= target * self.placed


def need(placed: int, target: Decimal) -> int:
    """Children placed in public that ``placed`` children need for ``target`` percent: ⌈target × placed / 100⌉."""
    return int((target * placed / 100).to_integral_value(rounding=ROUND_CEILING))


def township_counts(rd: placement.Rounds, ranks: Sequence[int]) -> Counts:
    """`Counts` of the eligible applicants at ``ranks`` in a placement by rank."""
    pub = pur = wait = 0
    r1, r2, r3 = rd.r1, rd.r2, rd.r3
    for r in ranks:
        if r1[r] >= 0:
            pub += 1
        elif r2[r] >= 0 or r in r3:
            pur += 1
        else:
            wait += 1
    return Counts(pub, pur, wait)


@dataclass
class Found:
    """The search's answer for one township of one grade: ``seats`` the fewest extra public seats (None:
    unreachable, ``reason_code`` and ``reason`` say why), ``at`` / ``one_fewer`` the township's counts with
    ``seats`` and ``seats − 1``, ``rounds`` the placement with ``seats`` (None when unreachable), ``where`` the seats per
    school, ``placements`` how many times placement ran, ``exact`` whether minimality is proved (deferred
    acceptance)."""

    township: str
    shortfall: int
    seats: int | None
    exact: bool
    reason: str | None = None
    reason_code: str | None = None  # township_unknown | no_public_school | not_enough_applicants
    at: Counts | None = None
    one_fewer: Counts | None = None
    best: Counts | None = None  # with every serving school unlimited
    rounds: placement.Rounds | None = None
    where: dict[str, int] = field(default_factory=dict)
    placements: int = 0


class Probes:
    """Placement of one grade run again with n extra seats in one township (everything else as asked), memoised;
    under deferred acceptance each probe continues from the nearest one with more seats."""

    def __init__(self, ranking: placement.Ranking, mechanism: str, schools: Sequence[School],
                 changes: Mapping[str, int], township_seats: Mapping[str, int], township: str) -> None:
        self.ranking, self.mechanism, self.schools, self.township = ranking, mechanism, schools, township
        self.base_n = township_seats.get(township, 0)
        others = {t: n for t, n in township_seats.items() if t != township}
        self.add, _ = added_seats(schools, changes, others)
        self.weights = {s.code: max(s.capacity, 1) for s in serving(schools, township)}
        self.base_spread = spread(self.base_n, self.weights)
        self.bound = sum(a.eligible for a in ranking.ranked)
        self.ranks = [r for r, a in enumerate(ranking.ranked) if a.eligible and (a.township or "") == township]
        self.states: dict[int, placement.Rounds] = {}
        self.counts: dict[int, Counts] = {}
        self.runs = 0

    def where(self, n: int) -> dict[str, int]:
        """Extra seats per school for n seats on top of the township's seats already asked."""
        total = spread(self.base_n + n, self.weights)
        return {c: v - self.base_spread.get(c, 0) for c, v in total.items() if v - self.base_spread.get(c, 0)}

    def unlimited(self, n: int) -> bool:
        """Whether n seats make every serving school as good as unlimited (the outcome is the INF probe's)."""
        add = Counter(self.add)
        add.update(spread(self.base_n + n, self.weights))
        return all(s.capacity + add[s.code] >= self.bound for s in serving(self.schools, self.township))

    def at(self, n: int) -> Counts:
        if n in self.counts:
            return self.counts[n]
        if n != INF and self.unlimited(n):
            self.counts[n] = self.at(INF)
            self.states[n] = self.states[INF]
            return self.counts[n]
        add = Counter(self.add)
        if n != INF:
            add.update(spread(self.base_n + n, self.weights))
        schools = apply(self.schools, add, self.bound)
        if n == INF:
            schools = [replace(s, capacity=self.bound) if s.code in self.weights else s for s in schools]
        start = None
        if self.mechanism == placement.DEFERRED_ACCEPTANCE and self.states:
            above = [m for m in self.states if m == INF or m >= n]
            if above:
                start = self.states[min(above, key=lambda m: (m == INF, m))]
        self.states[n] = rd = placement.rounds(self.ranking, schools, self.mechanism, start=start)
        self.runs += 1
        self.counts[n] = township_counts(rd, self.ranks)
        return self.counts[n]


def _first_reaching(p: Probes, lo: int, goal: int, base: int) -> int:
    """The first n > lo with pp(n) ≥ goal, where pp(n) < goal for every n ≤ lo, pp is monotone, pp(n) ≤ base + n
    and pp(∞) ≥ goal. Brackets by jumping at the rate seen so far (children placed in public per extra seat; each
    further jump at least doubles), then narrows by interpolation, with a bisection after any interpolation that
    did not halve the bracket."""
    n, step = lo + 1, 0
    while True:
        v = p.at(n).public
        if v >= goal:
            hi, f_hi = n, v
            break
        lo, f_lo = n, v
        rate = Fraction(max(v - base, 1), max(n, 1))
        step = max(math.ceil((goal - v) / rate), 2 * step, 1)
        n += step  # terminates: a large enough n makes every serving school unlimited, and pp(∞) ≥ goal
    bisect = False
    while hi - lo > 1:
        if bisect:
            g = (lo + hi) // 2
        else:
            g = lo + math.ceil(Fraction(goal - f_lo, f_hi - f_lo) * (hi - lo))
        g = min(max(g, lo + 1), hi - 1)
        width = hi - lo
        v = p.at(g).public
        if v >= goal:
            hi, f_hi = g, v
        else:
            lo, f_lo = g, v
        bisect = not bisect and 2 * (hi - lo) > width
    return hi


def fewest_seats(ranking: placement.Ranking, mechanism: str, schools: Sequence[School],
                 changes: Mapping[str, int], township_seats: Mapping[str, int], township: str,
                 now: Counts, target: Decimal) -> Found:
    """The fewest extra public seats in ``township`` (on top of the what-if's ``changes`` and ``township_seats``)
    with which placement run again brings the township's share to ``target`` percent, given its counts ``now``
    (with no extra seats). See the module's docstring for the argument and the cost."""
    exact = mechanism == placement.DEFERRED_ACCEPTANCE
    goal = need(now.placed, target)
    short = max(0, goal - now.public)
    found = Found(township, short, None, exact)
    if short == 0:
        found.seats, found.at = 0, now
        return found
    if not township:
        found.reason_code = "township_unknown"
        found.reason = "children without a known township of residence have no township to add seats in"
        return found
    p = Probes(ranking, mechanism, schools, changes, township_seats, township)
    if not p.weights:
        found.reason_code = "no_public_school"
        found.reason = "no active public school is located in the township or has it in its catchment"
        return found
    best = found.best = p.at(INF)
    lo = short - 1  # P(m) is false for every m ≤ lo
    while True:
        if best.public < goal:
            found.reason_code = "not_enough_applicants"
            found.reason = (f"even with unlimited seats at its public schools only "
                            f"{best.public} of its {best.placed} placed children would be in public schools "
                            f"(the others list none of them), {goal} needed")
            found.placements = p.runs
            return found
        m = _first_reaching(p, lo, goal, now.public)
        c = p.at(m)
        if c.meets(target):
            break
        goal, lo = need(c.placed, target), m  # placed grew (waitlisted children found private seats): need more
    while not exact and m > 0 and p.at(m - 1).meets(target):  # not monotone: one fewer must not reach it
        m, c = m - 1, p.at(m - 1)
    found.seats, found.at, found.rounds, found.where = m, c, p.states[m], p.where(m)
    found.one_fewer = p.at(m - 1)
    found.placements = p.runs
    return found
