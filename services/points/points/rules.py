"""积分入学 scoring, BRIEF §5, as pure functions: plain data in, plain data out, no HTTP, no session, no clock.

``score_family(rules, case_facts) -> Score``

``rules`` is a :class:`points.rulebook.Rules` (``compile_rulebook(spec)`` once per rulebook; a spec mapping is
accepted too and compiled on every call, which is slow). ``case_facts`` is verification's CaseFacts as plain data::

    {"application_no": "HY2025-1-000001", "season": 2025, "grade": 1, "child_birth_date": "2019-03-01",
     "guardians": [{"guardian_no": 1,
                    "results": {"residence_permit": Result | [Result, ...] | None, "social_insurance": ...,
                                "housing": ..., "business_license": ...},
                    "pending": ["housing"]}]}
    Result = {"id": 17, "outcome": "confirmed" | "mismatch" | "not_found" | "falsified", "department": "police",
              "facts": {...facts of record, dates as "YYYY-MM-DD"...} | None}

The rules, as the brief gives them (every number comes from the rulebook):

- only ``confirmed`` results count; a fact dated after the cut-off C (its ``continuous_since``, ``acquired_on``,
  ``registered_on``, ``established_on``, and for social insurance its ``since``) does not count;
- ``full_years(d, C) = C.year − d.year − 1 if (C.month, C.day) < (d.month, d.day)`` (so a permit from 2020-02-29
  has 0 full years on 2021-02-28 and 1 on 2021-03-01);
- eligible when one guardian meets every guardian rule (E1 permit, E2 insurance) and the family rules hold
  (E3 child's age on 31 August of the season year, E4 no ``falsified`` result for any guardian);
- per guardian, each item's raw points = fixed + rate × units, points = min(raw, cap); an item with
  ``only_without`` scores nothing when one of those items scored (a rented home beside an owned home);
- family score = the higher guardian total; an ineligible family scores 0 (and its tie-break values are 0 / none);
- tie-break values: the other guardian's total (0 with one guardian), and the earliest ``continuous_since`` of a
  counted permit (confirmed, in the county, valid, not after C) among the guardians whose total is the family score.

Points are handled as integer hundredths and returned as ``Decimal`` with 2 places; never float.

Reason codes. Eligibility: ``permit_ok``, ``permit_too_recent``, ``permit_suspended``, ``permit_not_valid``,
``permit_outside_county``, ``permit_dated_after_cutoff``, ``permit_incomplete``, ``permit_no_fact``,
``permit_pending``, ``permit_result_mismatch`` / ``_not_found`` / ``_falsified``, ``permit_fact_unreadable``; the same
with ``insurance_`` (``insurance_ok``, ``insurance_too_short``, ``insurance_not_active``...); ``age_ok``,
``child_too_young``, ``birth_date_missing``, ``birth_date_unreadable``, ``grade_not_covered``; ``no_falsified``,
``falsified_result``; ``no_guardian``. Items: ``ok``, ``capped``, ``no_fact``, ``pending``, ``result_<outcome>``,
``dated_after_cutoff``, ``outside_county``, ``permit_suspended``, ``permit_not_valid``, ``insurance_not_active``,
``share_below_minimum``, ``license_not_active``, ``not_holder``, ``fact_incomplete``, ``fact_unreadable``,
``guardian_not_eligible`` (base without E1 and E2), ``excluded_by_<item>``.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from common.vocabulary import DEPARTMENT_OF, FACT_FIELDS
from points.breakdown import DECIMALS as _D
from points.breakdown import Check, GuardianScore, ItemScore, Score, TieBreak
from points.rulebook import Rules, compile_rulebook

__all__ = ["Check", "GuardianScore", "ItemScore", "Score", "TieBreak", "facts_digest", "full_years", "score_family",
           "score_many"]

KIND_DEPARTMENT = DEPARTMENT_OF  # kind → department, from the suite's vocabulary (common.vocabulary)
KINDS = tuple(sorted(KIND_DEPARTMENT))  # sorted: the digest walks kinds in this order
_KIND_SET = frozenset(KINDS)
_HOUSING_SLOT = {"owned": "housing/owned", "rented": "housing/rented"}
# FACT_FIELDS (common.vocabulary): the fields of each kind a score depends on, in a fixed order; the facts digest
# covers exactly these.


def full_years(d: str, cutoff: str) -> int:
    """BRIEF §5: ``C.year − d.year``, minus 1 when ``(C.month, C.day) < (d.month, d.day)``; ISO date strings."""
    return int(cutoff[:4]) - int(d[:4]) - (cutoff[5:] < d[5:])


_new = tuple.__new__  # builds the breakdown NamedTuples without their Python-level __new__ (hot loop)


def _iso(value: Any) -> Any:
    return value if value is None or type(value) is str else value.isoformat()


_KIND_FIELDS = tuple((kind, FACT_FIELDS[kind]) for kind in KINDS)


def _kind_fields(results: Mapping[str, Any]) -> list[tuple[str, tuple | None]]:
    """Kinds in sorted order with their digest fields, when ``results`` holds a kind this module does not know."""
    return [(kind, FACT_FIELDS.get(kind)) for kind in sorted(results)]


def _missing(kind: str, others: Mapping[str, str], pending: Any) -> str:
    """Why a kind has no confirmed fact: ``result_mismatch`` / ``result_not_found`` / ``result_falsified`` /
    ``pending`` / ``no_fact``."""
    outcome = others.get(kind)
    if outcome is not None:
        return f"result_{outcome}"
    return "pending" if kind in pending else "no_fact"


def _score_items(rules: Rules, confirmed: dict, others: dict, pending: Any, met: list[bool]) -> tuple[int, list]:
    """The per-guardian table (BRIEF §5): every item with the fact used, raw and capped points, and why.

    ``confirmed`` maps a slot (kind, or ``housing/owned``) to ``[(result, facts), ...]``."""
    got: list[int] = []
    out = []
    total = 0
    for name, slot, source, evaluate, requires, only_without, cap in rules.plan:
        fact = rid = dept = None
        if source is None:
            why, value = evaluate(None)
        else:
            cands = confirmed.get(slot)
            if cands is None:
                value = 0
                if source in confirmed:
                    why = "no_fact"
                elif source in others:
                    why = "result_" + others[source]
                else:
                    why = "pending" if source in pending else "no_fact"
            else:
                if len(cands) == 1:
                    r, fact = cands[0]
                    try:
                        why, value = evaluate(fact)
                    except (TypeError, ValueError, AttributeError):
                        why, value = "fact_unreadable", 0
                else:
                    why, value, r, fact = _best(evaluate, cands)
                rid, dept = r.get("id"), r.get("department") or KIND_DEPARTMENT[source]
        raw = 0
        if why is None:
            if requires:
                for i in requires:
                    if not met[i]:
                        why = "guardian_not_eligible"
                        break
            if only_without and why is None:
                for i in only_without:
                    if got[i]:
                        why = "excluded_by_" + rules.plan[i][0]
                        break
            if why is None:
                raw = value
                why = "capped" if raw > cap else "ok"
        pts = raw if raw <= cap else cap
        got.append(pts)
        total += pts
        out.append(_new(ItemScore, (name, fact, rid, dept, _D[raw], _D[pts], _D[cap], why)))
    return total, out


def _best(evaluate: Any, cands: list) -> tuple[str | None, int, Any, Any]:
    """Of several confirmed facts for one item (two owned homes...), the one that scores most; when none counts,
    the first with its reason."""
    best = None
    for r, f in cands:
        try:
            reason, value = evaluate(f)
        except (TypeError, ValueError, AttributeError):
            reason, value = "fact_unreadable", 0
        if best is None or (reason is None and (best[0] is not None or value > best[1])):
            best = (reason, value, r, f)
    return best


def _read_results(g: Mapping[str, Any], key: list) -> tuple[dict[str, list], dict[str, str], bool]:
    """One guardian's results by kind: the confirmed facts by slot (``housing/owned``, ``housing/rented`` and an
    empty ``housing`` marker, or the kind) as ``[(result, facts)]``, the first other outcome of each kind, and
    whether any result is falsified. Appends what the facts digest covers to ``key``."""
    results = g.get("results") or {}
    confirmed: dict[str, list] = {}
    others: dict[str, str] = {}
    falsified = False
    for kind, fields in (_KIND_FIELDS if results.keys() <= _KIND_SET else _kind_fields(results)):
        res = results.get(kind)
        if res is None:
            continue
        if type(res) is not list and (type(res) is dict or isinstance(res, Mapping)):
            res = (res,)
        for r in res:
            outcome = r.get("outcome")
            f = r.get("facts")
            if f is None:
                key.append((kind, r.get("id"), outcome, r.get("department"), None))
                f = {}
            else:
                key.append((kind, r.get("id"), outcome, r.get("department"),
                            tuple(map(f.get, fields)) if fields else tuple(sorted(f.items()))))
            if outcome == "confirmed":
                slot = kind if kind != "housing" else _HOUSING_SLOT.get(f.get("tenure"), "housing/?")
                if slot in confirmed:
                    confirmed[slot].append((r, f))
                else:
                    confirmed[slot] = [(r, f)]
                    if slot != kind:
                        confirmed.setdefault(kind, None)
            else:
                if kind not in others:
                    others[kind] = outcome
                if outcome == "falsified":
                    falsified = True
    return confirmed, others, falsified


def _guardian_checks(rules: Rules, gno: Any, confirmed: dict, others: dict, pending: Any,
                     checks: list[Check]) -> list[bool]:
    """The guardian rules (E1, E2, ...) in the rulebook's order: appends each Check to ``checks`` and returns
    whether each was met."""
    met = []
    for label, source, rule_check, missing in rules.guardian_plan:
        cands = confirmed.get(source)
        if cands:
            try:
                ok, reason = rule_check(cands)
            except (TypeError, ValueError, AttributeError):
                ok, reason = False, missing["fact_unreadable"]
        else:
            ok, reason = False, missing[_missing(source, others, pending)]
        met.append(ok)
        checks.append(_new(Check, (label, ok, reason, gno)))
    return met


def _family_checks(rules: Rules, grade: Any, birth: str | None, falsified: Any, checks: list[Check]) -> bool:
    """The family rules (the child's age, no falsified result) in the rulebook's order; appends each Check and
    returns whether all were met."""
    family_ok = True
    for label in rules.family_rule_order:
        if label == rules.child_age_label:
            ok, reason = _child_age(rules, grade, birth)
            checks.append(_new(Check, (label, ok, reason, None)))
        else:
            ok = falsified is None
            checks.append(_new(Check, (label, ok, "no_falsified" if ok else "falsified_result", falsified)))
        family_ok = family_ok and ok
    return family_ok


def _tie_break(tops: list[tuple[int, Any, tuple | None]]) -> tuple[int, int, str | None, str | None]:
    """BRIEF §5 from each guardian's ``(total, guardian_no, counted permit)``: the family score (the best total),
    the other guardian's score, the earliest ``continuous_since`` among the guardians holding the best total and
    the township of that permit (else of any counted permit) → ``(best, other, earliest, township)``."""
    if len(tops) == 1:
        permit = tops[0][2]
        return tops[0][0], 0, permit[0] if permit else None, permit[1] if permit else None
    totals = sorted(t[0] for t in tops)
    best = totals[-1] if totals else 0
    other = totals[-2] if len(totals) > 1 else 0
    lead = sorted((t[2][0], t[1] or 0, t[2][1]) for t in tops if t[0] == best and t[2] is not None)
    earliest = lead[0][0] if lead else None
    township = lead[0][2] if lead else next((t[2][1] for t in tops if t[2] is not None), None)
    return best, other, earliest, township


def score_family(rulebook: Rules | Mapping[str, Any], case_facts: Mapping[str, Any]) -> Score:
    """Score one family (BRIEF §5) with its whole breakdown; see the module docstring for the shapes.

    Per guardian: read the results (:func:`_read_results`), check the guardian rules (:func:`_guardian_checks`),
    add up the points (:func:`_score_items`) and find the counted permit (:func:`_permit_of`); then the family
    rules (:func:`_family_checks`), the tie-break data (:func:`_tie_break`) and the digest of every fact read."""
    rules = rulebook if type(rulebook) is Rules else compile_rulebook(rulebook)
    grade = case_facts.get("grade")
    birth = _iso(case_facts.get("child_birth_date"))
    guardians = case_facts.get("guardians") or ()
    if len(guardians) > 1 and not (len(guardians) == 2 and _guardian_no(guardians[0]) < _guardian_no(guardians[1])):
        guardians = sorted(guardians, key=_guardian_no)
    checks: list[Check] = []
    falsified = None
    any_eligible = False
    scored: list[GuardianScore] = []
    tops: list[tuple[int, Any, tuple | None]] = []  # (total, guardian_no, counted permit)
    key: list = []  # what the facts digest covers, in reading order
    for g in guardians:
        gno = g.get("guardian_no")
        pending = g.get("pending") or ()
        key.append(gno)
        key.append(sorted(pending) if pending else None)
        confirmed, others, lied = _read_results(g, key)
        if lied and falsified is None:
            falsified = gno
        met = _guardian_checks(rules, gno, confirmed, others, pending, checks)
        any_eligible = any_eligible or all(met)
        total, items = _score_items(rules, confirmed, others, pending, met)
        scored.append(_new(GuardianScore, (gno, _D[total], items)))
        tops.append((total, gno, _permit_of(confirmed.get("residence_permit"), rules)))
    if not guardians and rules.guardian_rules:
        checks.append(_new(Check, (rules.guardian_rules[0].label, False, "no_guardian", None)))
    family_ok = _family_checks(rules, grade, birth, falsified, checks)
    eligible = any_eligible and family_ok and bool(guardians)
    best, other, earliest, township = _tie_break(tops)
    if not eligible:
        best = other = 0
        earliest = None
    digest = _digest((case_facts.get("season"), grade, birth, key))
    return _new(Score, (case_facts.get("application_no"), rules.season, grade, rules.rulebook_id, rules.cutoff,
                        eligible, checks, scored, _D[best], _new(TieBreak, (_D[other], earliest)), township, digest,
                        None))


def score_many(rules: Rules, cases: Iterable[Mapping[str, Any]]) -> list[Score]:
    """``[score_family(rules, c) for c in cases]`` with the cyclic garbage collector paused for the batch.

    Scoring creates no reference cycles; but every breakdown is a few dozen small containers, and with many of them
    alive the collector's full passes would dominate a large batch (100,000 families: about twice the time)."""
    with gc_paused():
        return [score_family(rules, c) for c in cases]


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic garbage collector paused inside (when it was on), for work that makes many containers and no
    cycles (:func:`score_many`)."""
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _guardian_no(g: Mapping[str, Any]) -> int:
    return g.get("guardian_no") or 0


def _permit_of(cands: list | None, rules: Rules) -> tuple[str, str | None] | None:
    """(continuous_since, township_code) of the guardian's counted permit: confirmed, in the county, valid, dated no
    later than C; the earliest when there are several."""
    if not cands:
        return None
    best = None
    for _, f in cands:
        since = _iso(f.get("continuous_since"))
        if (since and since <= rules.cutoff and f.get("county_code") == rules.county and f.get("status") == "valid"
                and (best is None or since < best[0])):
            best = (since, f.get("township_code"))
    return best


def _child_age(rules: Rules, grade: Any, birth: str | None) -> tuple[bool, str]:
    """E3: the child's age in full years on ``rules.age_on`` (31 August of the season year) ≥ the grade's minimum."""
    minimum = rules.child_min_age.get(grade) if type(grade) is int else None
    if minimum is None:
        return False, "grade_not_covered"
    if not birth:
        return False, "birth_date_missing"
    on = rules.age_on
    try:
        age = int(on[:4]) - int(birth[:4]) - (on[5:] < birth[5:])
    except (TypeError, ValueError):
        return False, "birth_date_unreadable"
    return (True, "age_ok") if age >= minimum else (False, "child_too_young")


def facts_digest(case_facts: Mapping[str, Any]) -> str:
    """SHA-256 over the facts a score depends on: season, grade, birth date, and per guardian (by guardian_no) its
    pending kinds and every result's id, outcome, department and the :data:`FACT_FIELDS` of its facts (other
    fields ignored). The same value ``score_family`` puts in ``Score.facts_digest``; dates are ISO strings."""
    key: list = []
    for g in sorted(case_facts.get("guardians") or (), key=_guardian_no):
        results = g.get("results") or {}
        pending = g.get("pending") or ()
        key.append(g.get("guardian_no"))
        key.append(sorted(pending) if pending else None)
        for kind in sorted(results):
            res = results[kind]
            if res is None:
                continue
            fields = FACT_FIELDS.get(kind)
            for r in ((res,) if isinstance(res, Mapping) else res):
                f = r.get("facts")
                key.append((kind, r.get("id"), r.get("outcome"), r.get("department"),
                            None if f is None else
                            (tuple(map(f.get, fields)) if fields else tuple(sorted(f.items())))))
    return _digest((case_facts.get("season"), case_facts.get("grade"), _iso(case_facts.get("child_birth_date")), key))


def _digest(key: tuple) -> str:
    """SHA-256 hex of a canonical serialisation: marshal format 0 (no references, no interning flags, so equal
    values give equal bytes) for str/int/bool/None/tuple/list; ``repr`` when something else (a date) is inside."""
    try:
        data = marshal.dumps(key, 0)
    except ValueError:
        data = repr(key).encode()
    return hashlib.sha256(data).hexdigest()
