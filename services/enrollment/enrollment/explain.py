"""Why not this school (issue 13): for each choice a child ranked above the place it got, the school's cut-off
(its last admitted: tier, family score, other guardian's score, residence date, lottery position) and the step of
the tie-break chain that decided (BRIEF §5, §6); for an ineligible child, the rule that failed. Chinese and English,
like the points breakdown. Pure: a run's snapshot and outcomes in, explanations out; nothing stored.

:class:`Explainer` prepares a run once (cut-offs and lottery positions, O(N log N)) and then explains any
application in O(k); a whole 20,000-application season takes well under a second.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from enrollment import placement
from enrollment.evidence import NOT_SCORED, Outcome, chain_key, deciding_step, tier
from enrollment.placement import Applicant, School

PLACED = "placed"  # the school the child got
BELOW_CUTOFF = "below_cutoff"  # the school was full with children ahead in its priority order
CHOICE_ORDER = "choice_order"  # immediate acceptance (志愿优先): filled by those who listed it earlier
NOT_ADMITTING = "not_admitting"  # closed, phasing out, no seats this run, or not a school of this grade and kind
REPEATED = "repeated"  # the same school listed again: only the first counts
INCONSISTENT = "inconsistent"  # the stored outcome contradicts the rules (never for a run that passed its gate)

_NONE = ("无", "none")


def _date(value: Any, lang: int) -> str:
    return str(value) if value else _NONE[lang]


_STEP_TEXT = {
    "tier": ("该校优先录取居住在本学区（第一梯队）的申请人；其最后录取者为第 {cut} 梯队，您为第 {mine} 梯队。",
             "The school admits children living in its catchment (tier 1) first; its last admitted was tier {cut}, "
             "you are tier {mine}."),
    "family_score": ("最后录取者家庭积分 {cut}，您的家庭积分 {mine}。",
                     "Its last admitted family score was {cut}; yours is {mine}."),
    "other_score": ("家庭积分相同（{family}），由另一监护人积分决定：最后录取者 {cut}，您 {mine}。",
                    "Same family score ({family}); the other guardian's score decided: last admitted {cut}, "
                    "yours {mine}."),
    "earliest_since": ("积分均相同，由居住证连续居住起始日决定（越早越优先，无者排后）：最后录取者 {cut}，您 {mine}。",
                       "Same scores; the residence date decided (earlier first, none last): last admitted {cut}, "
                       "yours {mine}."),
    "lottery": ("以上均相同，由摇号决定（序位小者优先）：最后录取者摇号序位 {cut}，您 {mine}。",
                "All equal; the lottery decided (lower first): last admitted lottery position {cut}, yours {mine}."),
}


def _facts(a: Applicant, school: School | None, position: int) -> dict[str, Any]:
    return {"tier": tier(a, school) if school is not None and school.kind == placement.PUBLIC else None,
            "family_score": str(a.family_score), "other_score": str(a.other_score),
            "earliest_since": a.earliest_since.isoformat() if a.earliest_since else None,
            "lottery_position": position}


class Explainer:
    """One run, prepared: applicants, schools, stored outcomes, seed and mechanism (a run's snapshot)."""

    def __init__(self, applicants: Sequence[Applicant], schools: Sequence[School], outcomes: Mapping[str, Outcome],
                 *, seed: str, mechanism: str) -> None:
        self.apps = {a.id: a for a in applicants}
        self.schools = {s.code: s for s in schools}
        self.outcomes = outcomes
        self.seed, self.mechanism = seed, mechanism
        keys = {a.id: chain_key(a, seed) for a in applicants}
        self.keys = keys
        self.position = {no: i for i, no in enumerate(sorted(keys, key=lambda n: keys[n][3]), start=1)}
        last: dict[str, tuple[tuple, str]] = {}
        for no, o in outcomes.items():
            s = self.schools.get(o.school_code) if o.placed else None
            if s is None or no not in self.apps or o.round not in (placement.ROUND_PUBLIC, placement.ROUND_PRIVATE):
                continue
            key = self._key(self.apps[no], s)
            if s.code not in last or key > last[s.code][0]:
                last[s.code] = (key, no)
        self.last = last  # school code → (priority key, application_no) of its last admitted in its choice round

    def _key(self, a: Applicant, s: School) -> tuple:
        return ((tier(a, s),) if s.kind == placement.PUBLIC else (0,)) + self.keys[a.id]

    def _choice(self, a: Applicant, kind: str, rank: int, code: str, seen: set[str]) -> dict[str, Any]:
        s = self.schools.get(code)
        entry: dict[str, Any] = {"kind": kind, "rank": rank, "school_code": code, "result": None,
                                 "decided_by": None, "cutoff": None, "yours": None}
        if code in seen:
            entry["result"] = REPEATED
            entry["explanation"] = {"zh": "重复填报的志愿，只计第一次。", "en": "Listed again: only the first counts."}
            return entry
        seen.add(code)
        if s is None or s.kind != kind or s.status != placement.ACTIVE or s.capacity <= 0:
            entry["result"] = NOT_ADMITTING
            entry["explanation"] = {"zh": "该校本批次不招收（停招、撤并或无学位）。",
                                    "en": "The school takes nobody in this run (closed, phasing out or no seats)."}
            return entry
        mine = self._key(a, s)
        entry["yours"] = _facts(a, s, self.position[a.id])
        cut = self.last.get(code)
        if cut is None:  # the school admitted nobody in its round yet did not take this child
            entry["result"] = INCONSISTENT
            entry["explanation"] = {"zh": "该校仍有空位，录取结果与规则不符。",
                                    "en": "The school kept a free seat: the outcome contradicts the rules."}
            return entry
        other = self.apps[cut[1]]
        entry["cutoff"] = _facts(other, s, self.position[other.id])
        step = deciding_step(mine, cut[0])  # a private key's tier slot is 0 for everyone: never the step
        entry["decided_by"] = step
        if mine > cut[0]:
            entry["result"] = BELOW_CUTOFF
            zh, en = _STEP_TEXT[step]
            values = self._values(step, entry["yours"], entry["cutoff"])
            entry["explanation"] = {"zh": "该校已满。" + zh.format(**values), "en": "The school was full. "
                                    + en.format(**values)}
        elif self.mechanism == placement.IMMEDIATE_ACCEPTANCE and kind == placement.PUBLIC:
            entry["result"] = CHOICE_ORDER
            entry["explanation"] = {"zh": "志愿优先：该校学位已由更早填报该校的申请人占满。",
                                    "en": "Immediate acceptance: the seats went to children who listed the school "
                                          "in an earlier position."}
        else:
            entry["result"] = INCONSISTENT
            entry["explanation"] = {"zh": "您的排位在最后录取者之前，录取结果与规则不符。",
                                    "en": "You rank ahead of its last admitted: the outcome contradicts the rules."}
        return entry

    @staticmethod
    def _values(step: str, yours: dict[str, Any], cut: dict[str, Any]) -> dict[str, Any]:
        field = {"tier": "tier", "family_score": "family_score", "other_score": "other_score",
                 "earliest_since": "earliest_since", "lottery": "lottery_position"}[step]
        return {"mine": yours[field] if yours[field] is not None else "无/none",
                "cut": cut[field] if cut[field] is not None else "无/none", "family": yours["family_score"]}

    def explain(self, application_no: str, eligibility: list[dict[str, Any]] | None = None) -> dict[str, Any]:
        """Why this child got what it got: ``{application_no, outcome: {school_code, round, tier, choice_rank,
        reason}, summary: {zh, en}, choices: [{kind: "public" | "private", rank, school_code, result, decided_by
        (a step of the chain), cutoff and yours: {tier, family_score, other_score, earliest_since,
        lottery_position}, explanation: {zh, en}}], eligibility}`` — ``choices``: every public choice ranked
        above a round-1 place (all of them otherwise), then every private choice ranked above a round-2 place
        (all of them when round 2 gave nothing), the place itself marked ``placed``. ``eligibility``: for an
        ineligible child, the rules not met as points gave them (``[{rule, reason, explanation}]``), passed in.
        KeyError for an application not in the run."""
        a = self.apps[application_no]
        o = self.outcomes[application_no]
        out: dict[str, Any] = {"application_no": a.id, "outcome": {"school_code": o.school_code, "round": o.round,
                                                                   "tier": o.tier, "choice_rank": o.choice_rank,
                                                                   "reason": o.reason},
                               "choices": [], "eligibility": None}
        if not a.eligible:
            scored = o.reason != NOT_SCORED
            out["eligibility"] = eligibility if scored else []
            rules = "；".join(str(r.get("rule")) for r in eligibility or ()) if scored else ""
            out["summary"] = ({"zh": f"不符合入学条件（{rules or '见积分明细'}），不参加录取。",
                               "en": f"Not eligible ({rules or 'see the points breakdown'}): not placed."} if scored
                              else {"zh": "尚无积分结果，不参加本批次录取。",
                                    "en": "No score yet: not placed in this run."})
            return out
        out["choices"] = self._list(a, placement.PUBLIC, a.public_choices,
                                    o.choice_rank if o.round == placement.ROUND_PUBLIC else None)
        if o.round != placement.ROUND_PUBLIC:
            out["choices"] += self._list(a, placement.PRIVATE, a.private_choices,
                                         o.choice_rank if o.round == placement.ROUND_PRIVATE else None)
        out["summary"] = self._summary(o)
        return out

    def _list(self, a: Applicant, kind: str, choices: Sequence[str], placed_at: int | None) -> list[dict[str, Any]]:
        """The entries of one list of choices down to the one placed at (rank ``placed_at``), or all of them."""
        seen: set[str] = set()
        out = []
        for rank, code in enumerate(choices, start=1):
            if rank == placed_at:
                out.append(self._placed(kind, rank, code))
                break
            out.append(self._choice(a, kind, rank, code, seen))
        return out

    @staticmethod
    def _placed(kind: str, rank: int, code: str) -> dict[str, Any]:
        return {"kind": kind, "rank": rank, "school_code": code, "result": PLACED, "decided_by": None,
                "cutoff": None, "yours": None, "explanation": {"zh": "录取于此志愿。", "en": "Placed here."}}

    @staticmethod
    def _summary(o: Outcome) -> dict[str, str]:
        if o.round == placement.ROUND_PUBLIC:
            return {"zh": f"录取于公办学校 {o.school_code}（第 {o.choice_rank} 志愿）。",
                    "en": f"Placed at public school {o.school_code} (choice {o.choice_rank})."}
        if o.round == placement.ROUND_PRIVATE:
            return {"zh": f"公办志愿未录取，录取于民办学校 {o.school_code}（第 {o.choice_rank} 志愿，政府购买学位）。",
                    "en": f"No public choice had room; placed at private school {o.school_code} (choice "
                          f"{o.choice_rank}, a purchased seat)."}
        if o.round == placement.ROUND_DISTRICT:
            return {"zh": f"所填志愿均已满，由教育局统筹安排至 {o.school_code}（政府购买学位）。",
                    "en": f"Every choice was full; the district placed the child at {o.school_code} "
                          f"(a purchased seat)."}
        return {"zh": "所填志愿均已满，且民办学校已无空位，列入候补。",
                "en": "Every choice was full and no private school had a seat left: waitlisted."}
