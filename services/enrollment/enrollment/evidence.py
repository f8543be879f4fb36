"""Evidence of a placement run (issue 13): the publication gate, the stability certificate and the privacy-safe
snapshot file that anyone can re-check with ``tongcheng verify-run`` — BRIEF §5 (tie-break chain), §6 (placement).

Pure functions over the engine's types (:mod:`enrollment.placement`): no HTTP, no database. The service stores
their answers with the run (``Run.evidence``) and the command-line check (``tongcheng/verify_run.py``) runs the
same checks on a downloaded file, without the services.

- :func:`certificate`: round-1 blocking pairs counted from the cut-offs in O(N·k) (N applicants, k ≤ 5 choices),
  written from the rules, not from the engine's internals; and the cut-offs themselves, derived from the
  placements.
- :func:`gate`: every check a run must pass before it is published (公示), each with its numbers.
- :func:`snapshot_file` / :func:`read_file`: the downloadable file (format in ``docs/run-snapshot.md``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from importlib import metadata
from json.encoder import encode_basestring  # the C function json itself uses (ensure_ascii=False)
from pathlib import Path
from typing import Any

from common.schemas import utc_text
from enrollment import placement, placement_checks
from enrollment.placement import Applicant, School

FORMAT = "tongcheng-run-snapshot"
FORMAT_VERSION = 1
NOT_SCORED = "not_scored"  # waitlist reason of an application points had no score for (runs.NOT_SCORED)
EXAMPLES = 10  # how many offending items a check names besides its counts

# Steps of the tie-break chain (BRIEF §5) as an explanation names them, most significant first.
STEPS = ("tier", "family_score", "other_score", "earliest_since", "lottery")


def code_version() -> str:
    """``tongcheng <package version>; engine sha256:<first 12 hex of enrollment/placement.py>``: which code
    placed a run (the engine's own source hash, so an edited engine shows)."""
    try:
        version = metadata.version("tongcheng")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a bare checkout
        version = "unknown"
    source = b"".join(Path(m.__file__).read_bytes() for m in (placement, placement_checks))  # the engine, its checks
    return f"tongcheng {version}; engine sha256:{hashlib.sha256(source).hexdigest()[:12]}"


# ---- priority keys (the tie-break chain, BRIEF §5) ---------------------------------------------------------------

_NO_SINCE = 1 << 40  # earliest_since of None sorts after every date


def chain_key(a: Applicant, seed: str) -> tuple[int, int, int, str]:
    """An applicant's place in the tie-break chain, lower is better: (−family score in hundredths, −other
    guardian's score, earliest_since as a day number (none last), lottery key SHA-256(seed:application_no))."""
    return (-int(a.family_score.scaleb(2)), -int(a.other_score.scaleb(2)),
            a.earliest_since.toordinal() if a.earliest_since else _NO_SINCE, placement.lottery_key(seed, a.id))


def tier(a: Applicant, school: School) -> int:
    """1 when the applicant lives in the public school's catchment (by the confirmed residence township), else 2."""
    return 1 if a.township is not None and a.township in school.catchment else 2


def deciding_step(mine: tuple, theirs: tuple) -> str:
    """The first step of the chain (``STEPS``) at which two public-school keys ``(tier, *chain_key)`` differ;
    ``"same"`` when they are equal (one applicant)."""
    for step, x, y in zip(STEPS, mine, theirs):
        if x != y:
            return step
    return "same"


# ---- placements as stored --------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Outcome:
    """One application's stored outcome: a placement (round, school, tier, choice rank) or a waitlist reason."""

    round: int | None
    school_code: str | None
    tier: int | None
    choice_rank: int | None
    reason: str | None

    @property
    def placed(self) -> bool:
        return self.school_code is not None


def outcomes_of(result: placement.PlacementResult, unscored: set[str] = frozenset()) -> dict[str, Outcome]:
    """The engine's result as stored outcomes (the waitlist reason of an unscored application is ``not_scored``)."""
    out = {no: Outcome(p.round, p.school_code, p.tier, p.choice_rank, None) for no, p in result.placements.items()}
    out.update({no: Outcome(None, None, None, None, NOT_SCORED if no in unscored else reason)
                for no, reason in result.waitlist.items()})
    return out


def _describe(o: Outcome | None) -> str:
    if o is None:
        return "absent"
    if o.placed:
        return f"{o.school_code} (round {o.round}, tier {o.tier}, choice {o.choice_rank})"
    return f"waitlisted ({o.reason})"


# ---- the stability certificate ---------------------------------------------------------------------------------

class _Chains(dict):
    """application_no → :func:`chain_key`, computed on first use (the certificate's two checks share them: each
    key is a SHA-256)."""

    def __init__(self, applicants: Sequence[Applicant], seed: str):
        super().__init__()
        self.by_id, self.seed = {a.id: a for a in applicants}, seed

    def __missing__(self, no: str) -> tuple[int, int, int, str]:
        key = self[no] = chain_key(self.by_id[no], self.seed)
        return key


def cutoffs_from(applicants: Sequence[Applicant], schools: Sequence[School], outcomes: Mapping[str, Outcome],
                 seed: str, chains: Mapping[str, tuple] | None = None) -> dict[str, dict[str, Any] | None]:
    """Per school (every school given, code order) the last applicant admitted in its choice round — round 1 for
    public schools (highest ``(tier, chain_key)``), round 2 for private ones (highest ``chain_key``) — derived from
    the stored placements: ``{application_no, tier (public only), family_score, other_score, earliest_since,
    lottery_key, admitted}``; None when the school admitted nobody in that round. O(N)."""
    chains = _Chains(applicants, seed) if chains is None else chains
    by_code = {s.code: s for s in schools}
    worst: dict[str, tuple[tuple, Applicant]] = {}
    admitted: dict[str, int] = {}
    for a in applicants:
        o = outcomes.get(a.id)
        if o is None or not o.placed or o.school_code not in by_code:
            continue
        s = by_code[o.school_code]
        if (s.kind, o.round) not in ((placement.PUBLIC, placement.ROUND_PUBLIC),
                                     (placement.PRIVATE, placement.ROUND_PRIVATE)):
            continue
        key = ((tier(a, s),) if s.kind == placement.PUBLIC else ()) + chains[a.id]
        admitted[s.code] = admitted.get(s.code, 0) + 1
        if s.code not in worst or key > worst[s.code][0]:
            worst[s.code] = (key, a)
    out: dict[str, dict[str, Any] | None] = {}
    for s in sorted(schools, key=lambda x: x.code):
        if s.code not in worst:
            out[s.code] = None
            continue
        key, a = worst[s.code]
        out[s.code] = {"application_no": a.id, "tier": key[0] if s.kind == placement.PUBLIC else None,
                       "family_score": str(a.family_score), "other_score": str(a.other_score),
                       "earliest_since": a.earliest_since.isoformat() if a.earliest_since else None,
                       "lottery_key": key[-1], "admitted": admitted[s.code]}
    return out


def _usable(s: School, kind: str) -> bool:
    return s.kind == kind and s.status == placement.ACTIVE and s.capacity > 0


def blocking_pairs(applicants: Sequence[Applicant], schools: Sequence[School], outcomes: Mapping[str, Outcome],
                   seed: str, chains: Mapping[str, tuple] | None = None) -> list[tuple[str, str]]:
    """Round-1 blocking pairs (application_no, school code) counted from the cut-offs, O(N·k): an eligible
    applicant lists a usable public school before the school they got in round 1 (or at all, when round 1 gave
    them nothing), and that school either kept a seat free or admitted, as its last, someone the applicant
    outranks there (``(tier, chain_key)`` lower). Deferred acceptance has none (BRIEF §6, stability)."""
    usable = {s.code: s for s in schools if _usable(s, placement.PUBLIC)}
    taken = dict.fromkeys(usable, 0)
    worst: dict[str, tuple] = {}
    by_id = {a.id: a for a in applicants}
    chains = _Chains(applicants, seed) if chains is None else chains
    for no, o in outcomes.items():
        if o.round == placement.ROUND_PUBLIC and o.school_code in usable and no in by_id:
            taken[o.school_code] += 1
            key = (tier(by_id[no], usable[o.school_code]),) + chains[no]
            if o.school_code not in worst or key > worst[o.school_code]:
                worst[o.school_code] = key
    pairs = []
    for a in applicants:
        if not a.eligible:
            continue
        o = outcomes.get(a.id)
        mine = o.school_code if o is not None and o.round == placement.ROUND_PUBLIC else None
        chain = None
        for code in dict.fromkeys(a.public_choices):
            if code == mine:
                break
            s = usable.get(code)
            if s is None:
                continue
            if taken[code] < s.capacity:
                pairs.append((a.id, code))
                continue
            chain = chain or chains[a.id]
            if (tier(a, s),) + chain < worst[code]:
                pairs.append((a.id, code))
    pairs.sort()
    return pairs


def certificate(applicants: Sequence[Applicant], schools: Sequence[School], outcomes: Mapping[str, Outcome],
                seed: str, mechanism: str) -> dict[str, Any]:
    """The stability certificate of a run: ``{blocking_pairs: int, examples: [[application_no, school], ...] (≤ 10),
    required: bool (deferred acceptance must have none; immediate acceptance, 志愿优先, usually has some and is
    not held to it), method, cutoffs: {school: cut-off | None}}`` — see :func:`blocking_pairs`, :func:`cutoffs_from`."""
    chains = _Chains(applicants, seed)  # each applicant's chain key once, for both
    pairs = blocking_pairs(applicants, schools, outcomes, seed, chains)
    return {"blocking_pairs": len(pairs), "examples": [list(p) for p in pairs[:EXAMPLES]],
            "required": mechanism == placement.DEFERRED_ACCEPTANCE,
            "method": "round 1: every eligible applicant's public choices above their placement against each "
                      "school's free seats and last admitted (tier, tie-break chain), O(N·k)",
            "cutoffs": cutoffs_from(applicants, schools, outcomes, seed, chains)}


# ---- the gate --------------------------------------------------------------------------------------------------

def _check(name: str, passed: bool, first: str | None = None, **numbers: Any) -> dict[str, Any]:
    return {"name": name, "passed": passed, **numbers, "first": None if passed else first}


def check_accounted(applicants: Sequence[Applicant], outcomes: Mapping[str, Outcome]) -> dict[str, Any]:
    """applicants = placed + unplaced, each unplaced with a reason, nobody ineligible placed."""
    ids = {a.id for a in applicants}
    missing = sorted(ids - outcomes.keys())
    unknown = sorted(outcomes.keys() - ids)
    placed = sum(1 for no, o in outcomes.items() if no in ids and o.placed)
    unplaced = sum(1 for no, o in outcomes.items() if no in ids and not o.placed)
    no_reason = sorted(no for no, o in outcomes.items() if not o.placed and not o.reason)
    ineligible = sorted(a.id for a in applicants if not a.eligible and (o := outcomes.get(a.id)) and o.placed)
    first = next((f"{no}: {what}" for what, nos in (("in the snapshot but has no outcome", missing),
                                                     ("has an outcome but is not in the snapshot", unknown),
                                                     ("unplaced without a reason", no_reason),
                                                     ("ineligible but placed", ineligible)) for no in nos[:1]), None)
    return _check("accounted", not (missing or unknown or no_reason or ineligible), first,
                  applicants=len(ids), placed=placed, unplaced=unplaced, missing=len(missing), unknown=len(unknown),
                  unplaced_without_reason=len(no_reason), ineligible_placed=len(ineligible))


def check_capacity(schools: Sequence[School], outcomes: Mapping[str, Outcome]) -> dict[str, Any]:
    """No school over its seats (public: migrant seats; private: remaining plan); a phasing-out or closed school
    offers 0; a placement at a school not in the snapshot counts as over (0 seats)."""
    seats = {s.code: (s.capacity if s.status == placement.ACTIVE else 0) for s in schools}
    filled: dict[str, int] = {}
    for o in outcomes.values():
        if o.placed:
            filled[o.school_code] = filled.get(o.school_code, 0) + 1
    over = [{"school_code": c, "seats": seats.get(c, 0), "filled": n} for c, n in sorted(filled.items())
            if n > seats.get(c, 0)]
    first = next((f"{x['school_code']}: {x['filled']} placed, {x['seats']} seats" for x in over), None)
    return _check("capacity", not over, first, schools=len(seats), over=over)


def check_own_choices(applicants: Sequence[Applicant], schools: Sequence[School],
                      outcomes: Mapping[str, Outcome]) -> dict[str, Any]:
    """Every round-1 placement is a public school on the applicant's own public list, at the choice rank and tier
    stored; every round-2 placement a private school on their private list; round 3 a private school."""
    kinds = {s.code: s for s in schools}
    off: list[str] = []
    counted = [0, 0, 0]
    for a in applicants:
        o = outcomes.get(a.id)
        if o is None or not o.placed:
            continue
        s = kinds.get(o.school_code)
        if o.round in (1, 2, 3):
            counted[o.round - 1] += 1
        if o.round == placement.ROUND_PUBLIC:
            ok = (s is not None and s.kind == placement.PUBLIC and o.school_code in a.public_choices
                  and a.public_choices.index(o.school_code) + 1 == o.choice_rank and o.tier == tier(a, s))
        elif o.round == placement.ROUND_PRIVATE:
            ok = (s is not None and s.kind == placement.PRIVATE and o.school_code in a.private_choices
                  and a.private_choices.index(o.school_code) + 1 == o.choice_rank)
        else:
            ok = o.round == placement.ROUND_DISTRICT and s is not None and s.kind == placement.PRIVATE
        if not ok:
            off.append(a.id)
    first = f"{off[0]}: placed at {_describe(outcomes[off[0]])}, not on its own list" if off else None
    return _check("own_choices", not off, first, round_1=counted[0], round_2=counted[1], round_3=counted[2],
                  off_list=len(off), examples=off[:EXAMPLES])


def check_stability(cert: Mapping[str, Any]) -> dict[str, Any]:
    """No round-1 blocking pair (deferred acceptance); under immediate acceptance the count is shown, not held."""
    n = cert["blocking_pairs"]
    passed = n == 0 or not cert["required"]
    first = f"{cert['examples'][0][0]} outranks the last admitted at {cert['examples'][0][1]}" if n else None
    return _check("stability", passed, first, blocking_pairs=n, required=cert["required"],
                  examples=cert["examples"])


def check_cutoffs(stored: Mapping[str, Any] | None, derived: Mapping[str, Any]) -> dict[str, Any]:
    """The cut-offs the run published (the engine's) name the same last-admitted applicant and tier as the ones
    derived from the placements."""
    stored = stored or {}
    differ = []
    for code, cut in derived.items():
        mine = stored.get(code)
        want = None if cut is None else (cut["application_no"], cut["tier"])
        got = None if mine is None else (mine.get("application_no"), mine.get("tier"))
        if want != got:
            differ.append(code)
    first = (f"{differ[0]}: the run states {stored.get(differ[0])}, the placements give "
             f"{derived[differ[0]]}") if differ else None
    return _check("cutoffs", not differ, first, schools=len(derived), differing=len(differ), examples=differ[:EXAMPLES])


def check_digest(stated: str, applicants: Sequence[Applicant], schools: Sequence[School], seed: str,
                 mechanism: str, again: placement.PlacementResult | None = None) -> dict[str, Any]:
    """The run's input digest recomputes from the frozen snapshot (:func:`enrollment.placement.input_digest`;
    ``again``: the snapshot placed again, whose ``input_digest`` is that same value)."""
    recomputed = again.input_digest if again is not None else placement.input_digest(applicants, schools, seed,
                                                                                       mechanism)
    return _check("digest", recomputed == stated,
                  f"the inputs hash to {recomputed}, the run states {stated}: an input was changed",
                  stated=stated, recomputed=recomputed)


def _place_again(applicants: Sequence[Applicant], schools: Sequence[School], seed: str,
                 mechanism: str) -> placement.PlacementResult | placement.PlacementInputError:
    try:
        return placement.place(applicants, schools, seed=seed, mechanism=mechanism)
    except placement.PlacementInputError as exc:
        return exc


def check_reproduced(applicants: Sequence[Applicant], schools: Sequence[School], outcomes: Mapping[str, Outcome],
                     seed: str, mechanism: str,
                     placed: placement.PlacementResult | placement.PlacementInputError | None = None) -> dict[str, Any]:
    """Placing the snapshot again gives the stored outcome of every applicant (same placement and round, same
    waitlist reason; ``not_scored`` stands for the engine's ``ineligible``). ``placed``: the snapshot placed
    again already (or the engine's refusal), placed here when not given."""
    placed = _place_again(applicants, schools, seed, mechanism) if placed is None else placed
    if isinstance(placed, placement.PlacementInputError):
        return _check("reproduced", False, f"the snapshot cannot be placed: {placed}", differing=None)
    again = outcomes_of(placed)
    differ = []
    for no in sorted(again.keys() | outcomes.keys()):
        want, got = again.get(no), outcomes.get(no)
        if (got is not None and got.reason == NOT_SCORED and want is not None
                and want.reason == placement.REASON_INELIGIBLE):
            continue
        if want != got:
            differ.append(no)
    first = (f"{differ[0]}: stated {_describe(outcomes.get(differ[0]))}, placing again gives "
             f"{_describe(again.get(differ[0]))}") if differ else None
    return _check("reproduced", not differ, first, differing=len(differ), examples=differ[:EXAMPLES])


def gate(applicants: Sequence[Applicant], schools: Sequence[School], outcomes: Mapping[str, Outcome], *, seed: str,
         mechanism: str, input_digest: str, stored_cutoffs: Mapping[str, Any] | None) -> dict[str, Any]:
    """Every check a run passes before publication (公示), issue 13: ``{passed, checks: [{name, passed, first (the
    first offence, null when passed), <numbers>}], certificate}`` with checks, in order: ``digest``, ``reproduced``,
    ``accounted``, ``capacity``, ``own_choices``, ``cutoffs``, ``stability``. Cost: one placement (≈ 0.15 s for
    20,000 applicants; its input digest is the one the digest check compares) plus O(N·k)."""
    cert = certificate(applicants, schools, outcomes, seed, mechanism)
    placed = _place_again(applicants, schools, seed, mechanism)  # once, for the digest and the reproduction
    checks = [check_digest(input_digest, applicants, schools, seed, mechanism,
                           None if isinstance(placed, placement.PlacementInputError) else placed),
              check_reproduced(applicants, schools, outcomes, seed, mechanism, placed),
              check_accounted(applicants, outcomes),
              check_capacity(schools, outcomes),
              check_own_choices(applicants, schools, outcomes),
              check_cutoffs(stored_cutoffs, cert["cutoffs"]),
              check_stability(cert)]
    return {"passed": all(c["passed"] for c in checks), "checks": checks, "certificate": cert}


def failed(gate_answer: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The failed checks of a gate answer (each with its numbers)."""
    return [c for c in gate_answer["checks"] if not c["passed"]]


# ---- the stored snapshot (Run.snapshot) and the downloadable file ------------------------------------------------

def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def engine_input(doc: Mapping[str, Any]) -> tuple[list[Applicant], list[School], set[str]]:
    """Engine input from a stored snapshot (``Run.snapshot``) or a snapshot file (both carry ``applicants`` and
    ``schools`` with these fields): (applicants, schools, application_nos never scored)."""
    applicants = [Applicant(id=a.get("application_no") or a["id"], family_score=Decimal(a["family_score"]),
                            other_score=Decimal(a["other_score"]), earliest_since=_day(a["earliest_since"]),
                            township=a["township"], public_choices=tuple(a["public_choices"]),
                            private_choices=tuple(a["private_choices"]), eligible=bool(a["eligible"]))
                  for a in doc["applicants"]]
    schools = [School(code=s["code"], kind=s["kind"], township=s["township"], capacity=s["capacity"],
                      catchment=frozenset(s["catchment"]), status=s["status"]) for s in doc["schools"]]
    unscored = {a.get("application_no") or a["id"] for a in doc["applicants"] if not a.get("scored", True)}
    return applicants, schools, unscored


def snapshot_file(run: Mapping[str, Any], stored: Mapping[str, Any], outcomes: Mapping[str, Outcome],
                  evidence: Mapping[str, Any] | None) -> dict[str, Any]:
    """The privacy-safe snapshot file of a run (``docs/run-snapshot.md``): the run's identity and parameters, the
    schools with their seats, and per application (application_no order) its tie-break values, choices and
    outcome — no names, ID numbers, phone numbers or addresses (the snapshot holds none). ``run``: id, season,
    grade, seq, state, mechanism, seed, rulebook_id, input_digest and the times; ``stored``: the run's stored
    snapshot; ``evidence``: its gate and certificate (or None)."""
    seed = run["seed"]
    applicants = []
    for a in sorted(stored["applicants"], key=lambda x: x["id"]):
        o = outcomes.get(a["id"])
        applicants.append({
            "application_no": a["id"], "eligible": a["eligible"], "scored": a.get("scored", True),
            "family_score": a["family_score"], "other_score": a["other_score"],
            "earliest_since": a["earliest_since"], "township": a["township"],
            "lottery_key": placement.lottery_key(seed, a["id"]),
            "public_choices": a["public_choices"], "private_choices": a["private_choices"],
            "placement": None if o is None or not o.placed else {"round": o.round, "school_code": o.school_code,
                                                                 "tier": o.tier, "choice_rank": o.choice_rank},
            "reason": None if o is None else o.reason})
    keys = ("id", "season", "grade", "seq", "state", "mechanism", "seed", "rulebook_id", "input_digest",
            "created_at", "published_at", "finalised_at")
    return {"format": FORMAT, "format_version": FORMAT_VERSION,
            "run": {**{k: _plain(run.get(k)) for k in keys},
                    "code_version": (evidence or {}).get("code_version")},
            "schools": sorted(stored["schools"], key=lambda s: s["code"]),
            "cutoffs": stored.get("cutoffs", {}),
            "applicants": applicants,
            "certificate": (evidence or {}).get("certificate"),
            "gate": (evidence or {}).get("gate")}


def _plain(value: Any) -> Any:
    """A run's time as every answer writes an instant (UTC with ``Z``), a date as ``YYYY-MM-DD``."""
    if isinstance(value, datetime):
        return utc_text(value)
    return value.isoformat() if hasattr(value, "isoformat") else value


def dumps(doc: Mapping[str, Any]) -> bytes:
    """The file's bytes: UTF-8 JSON, sorted keys, one-space indent (diffable, canonical): exactly
    ``json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1)`` and a newline, written by
    :func:`_indented` (the standard library encodes an indented document in pure Python, generator by generator:
    most of the CPU of a 20,000-applicant file); a document holding anything else than text, integers, booleans,
    null, lists and objects with text keys goes through ``json.dumps`` itself."""
    try:
        text = _indented(doc)
    except _Other:
        text = json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1)
    return (text + "\n").encode()


class _Other(Exception):
    """A value :func:`_indented` leaves to ``json.dumps`` (floats, non-text keys, other types)."""


def _indented(doc: Any) -> str:
    """``json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1)`` for text, integers, booleans, None, lists
    (and tuples) and dicts with text keys; raises :class:`_Other` for anything else."""
    out: list[str] = []
    put, text = out.append, encode_basestring

    def value(v: Any, pad: str) -> None:
        if isinstance(v, str):
            put(text(v))
        elif v is None:
            put("null")
        elif v is True:
            put("true")
        elif v is False:
            put("false")
        elif isinstance(v, int):
            put(int.__repr__(v))
        elif isinstance(v, dict):
            if not v:
                put("{}")
                return
            if not all(isinstance(k, str) for k in v):
                raise _Other
            inner, opening = pad + " ", "{\n"
            for k in sorted(v):
                put(opening + inner + text(k) + ": ")
                opening = ",\n"
                value(v[k], inner)
            put("\n" + pad + "}")
        elif isinstance(v, (list, tuple)):
            if not v:
                put("[]")
                return
            inner, opening = pad + " ", "[\n"
            for item in v:
                put(opening + inner)
                opening = ",\n"
                value(item, inner)
            put("\n" + pad + "]")
        else:
            raise _Other

    value(doc, "")
    return "".join(out)


def file_outcomes(doc: Mapping[str, Any]) -> dict[str, Outcome]:
    """The outcomes a snapshot file states."""
    out = {}
    for a in doc["applicants"]:
        p = a.get("placement")
        out[a["application_no"]] = (Outcome(p["round"], p["school_code"], p["tier"], p["choice_rank"], None) if p
                                    else Outcome(None, None, None, None, a.get("reason")))
    return out


def verify_file(doc: Mapping[str, Any]) -> tuple[str, str, dict[str, Any] | None]:
    """Re-check a snapshot file from itself alone (``tongcheng verify-run``): format, every lottery key, the input
    digest, every placement placed again, everyone accounted for, capacities, own lists, cut-offs, stability.
    Returns (``"ok"`` | ``"different"`` | ``"unreadable"``, one line: the verdict or the first difference found,
    the gate answer or None when the checks did not run)."""
    if doc.get("format") != FORMAT or doc.get("format_version") != FORMAT_VERSION:
        return "unreadable", f"not a {FORMAT} file of version {FORMAT_VERSION}", None
    try:
        run = doc["run"]
        seed, mechanism = str(run["seed"]), run["mechanism"]
        applicants, schools, _ = engine_input(doc)
        for a in doc["applicants"]:
            if a["lottery_key"] != placement.lottery_key(seed, a["application_no"]):
                return "different", (f"{a['application_no']}: lottery_key {a['lottery_key'][:16]}… is not "
                               f"SHA-256({seed}:{a['application_no']})"), None
        outcomes = file_outcomes(doc)
        answer = gate(applicants, schools, outcomes, seed=seed, mechanism=mechanism,
                      input_digest=run["input_digest"], stored_cutoffs=doc.get("cutoffs"))
    except (KeyError, TypeError, ValueError, ArithmeticError, placement.PlacementInputError) as exc:
        return "unreadable", f"the file is not a readable snapshot: {type(exc).__name__}: {exc}", None
    bad = failed(answer)
    if bad:
        return "different", f"{bad[0]['name']}: {bad[0]['first']}", answer
    cert = answer["certificate"]
    placed = sum(o.placed for o in outcomes.values())
    return "ok", (f"run {run['id']} ({run['season']} grade {run['grade']}, {mechanism}, seed {seed}) verified: "
                  f"{len(applicants):,} applicants, {placed:,} placed, every placement recomputed identical, "
                  f"input digest {run['input_digest'][:12]}… recomputed, {cert['blocking_pairs']} blocking pairs, "
                  f"no school over its seats"), answer
