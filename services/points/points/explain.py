"""The breakdown as a family reads it (computed at answer time, never stored).

``explain_score(detail, rules)`` adds to a Score's JSON: per item ``working`` (the arithmetic of the rulebook item)
and ``explanation`` (its reason in plain words), per eligibility check ``explanation``, per guardian ``counts`` and
``note``. Scoring and storage are untouched: the bulk path pays nothing, a read pays for one breakdown.
"""

from __future__ import annotations

import threading
from decimal import Decimal
from typing import Any

from common.vocabulary import DEPARTMENT_BY_CODE, DEPARTMENT_OF
from points.breakdown import DECIMALS


_KIND_NAME = {"base": ("基础分", "base points"), "residence": ("居住证", "residence permit"),
              "social_insurance": ("社保", "social insurance"), "owned_home": ("自有住房", "owned home"),
              "rented_home": ("租赁住房", "rented home"), "business": ("营业执照", "business license")}
_DATED_BY = {"continuous_since": ("连续居住起始日", "the start of continuous residence"),
             "since": ("参保起始日", "the start of the insurance"),
             "acquired_on": ("房产取得日", "the date the home was acquired"),
             "registered_on": ("租赁登记日", "the date the lease was registered"),
             "established_on": ("营业执照成立日", "the date the business was established")}
_DEPARTMENT = {kind: DEPARTMENT_BY_CODE[dept].in_sentence for kind, dept in DEPARTMENT_OF.items()}
"""fact kind → (中文, English) of the department that verifies it, as a sentence names it (common.vocabulary)."""
_LICENSE_STATUS = {"active": ("存续", "active"), "revoked": ("吊销", "revoked"), "cancelled": ("注销", "cancelled")}
_OUTCOME = {"mismatch": ("{dept_zh}核验的记录与申报不符", "{dept_en} found a record that differs from the claim"),
            "not_found": ("{dept_zh}未查到记录", "{dept_en} found no record"),
            "falsified": ("{dept_zh}认定材料虚假", "{dept_en} found the material false")}
_CHECK_SUBJECT = {"permit": ("residence_permit", "居住证", "residence permit"),
                  "insurance": ("social_insurance", "社保", "social insurance")}


def _reason_table() -> dict[str, tuple[str, str]]:
    """Every reason code the scorer emits (``points.kinds``, ``points.rules``, ``points.rulebook``) → (中文, English)
    templates. ``result_<outcome>`` and ``excluded_by_<item>`` are matched by prefix in :func:`explain`."""
    table = {
        # items
        "ok": ("计入", "counted"),
        "capped": ("超过上限，按上限 {cap} 分计", "above the cap: counted at the cap of {cap}"),
        "no_fact": ("没有该项已核实的记录", "no confirmed record for this item"),
        "pending": ("{dept_zh}尚未核验", "{dept_en} has not answered yet"),
        "dated_after_cutoff": ("{date_zh}在截止日 {cutoff} 之后", "{date_en} is after the cut-off {cutoff}"),
        "outside_county": ("{what_zh}不在黄岩区（{county}）", "the {what_en} is not in Huangyan (county {county})"),
        "permit_suspended": ("居住证被暂停（漏签注）", "the residence permit is suspended (missed endorsement)"),
        "permit_not_valid": ("居住证在截止日不是有效状态", "the residence permit is not valid at the cut-off"),
        "insurance_not_active": ("截止日 {cutoff} 社保未在缴", "social insurance not active at the cut-off {cutoff}"),
        "share_below_minimum": ("监护人产权份额低于 {share}%", "the guardian's share of the home is below {share} %"),
        "license_not_active": ("营业执照不是{statuses_zh}状态", "the business license is not {statuses_en}"),
        "not_holder": ("监护人不是营业执照的经营者", "the guardian is not the license holder"),
        "fact_incomplete": ("记录缺少计分所需的字段", "the record lacks a field the score needs"),
        "fact_unreadable": ("记录无法读取", "the record could not be read"),
        "guardian_not_eligible": ("该监护人未满足 {requires}，无此项", "the guardian does not meet {requires}"),
        # family rules
        "age_ok": ("孩子在 {age_on} 已满 {min_age} 周岁", "the child is {min_age} or older on {age_on}"),
        "child_too_young": ("孩子在 {age_on} 未满 {min_age} 周岁", "the child is under {min_age} on {age_on}"),
        "birth_date_missing": ("缺少孩子的出生日期", "the child's birth date is missing"),
        "birth_date_unreadable": ("孩子的出生日期无法读取", "the child's birth date cannot be read"),
        "grade_not_covered": ("本细则没有 {grade} 年级的年龄规定", "this rulebook has no age rule for grade {grade}"),
        "no_falsified": ("没有被认定虚假的材料", "no material was found false"),
        "falsified_result": ("监护人 {guardian_no} 的材料被认定虚假，一票否决",
                             "a department found guardian {guardian_no}'s material false: a veto"),
        "no_guardian": ("申请没有监护人", "the application has no guardian"),
        # guardian rules: E1 (permit) and E2 (insurance)
        "permit_ok": ("截至 {cutoff} 持有效居住证、连续居住满 {minimum} 年",
                      "a valid residence permit with at least {minimum} {years} of continuous residence by {cutoff}"),
        "permit_too_recent": ("截至 {cutoff} 连续居住不满 {minimum} 年",
                              "fewer than {minimum} {years} of continuous residence by {cutoff}"),
        "permit_dated_after_cutoff": ("居住证在截止日 {cutoff} 后才开始连续居住",
                                      "the permit's continuous residence starts after the cut-off {cutoff}"),
        "permit_outside_county": ("居住证不是黄岩区（{county}）的", "the permit is not Huangyan's (county {county})"),
        "permit_incomplete": ("居住证记录缺少连续居住起始日", "the permit record has no start of continuous residence"),
        "insurance_ok": ("截至 {cutoff} 社保在缴、连续缴费满 {minimum} 个月",
                         "social insurance active at the cut-off, at least {minimum} continuous {months} by "
                         "{cutoff}"),
        "insurance_too_short": ("截至 {cutoff} 连续缴费不满 {minimum} 个月",
                                "fewer than {minimum} continuous {months} of social insurance by {cutoff}"),
        "insurance_dated_after_cutoff": ("社保在截止日 {cutoff} 后才开始参保",
                                         "the insurance starts after the cut-off {cutoff}"),
        "insurance_outside_county": ("社保不在黄岩区（{county}）", "the insurance is not in Huangyan (county {county})"),
        "insurance_incomplete": ("社保记录缺少连续缴费月数", "the insurance record has no continuous months"),
    }
    for prefix, (kind, zh, en) in _CHECK_SUBJECT.items():
        dept_zh, dept_en = _DEPARTMENT[kind]
        table[f"{prefix}_no_fact"] = (f"没有已核实的{zh}", f"no confirmed {en}")
        table[f"{prefix}_pending"] = (f"{dept_zh}尚未核验{zh}", f"{dept_en} has not verified the {en} yet")
        table[f"{prefix}_fact_unreadable"] = (f"{zh}记录无法读取", f"the {en} record could not be read")
        for outcome, (ozh, oen) in _OUTCOME.items():
            table[f"{prefix}_result_{outcome}"] = (ozh.format(dept_zh=dept_zh), oen.format(dept_en=dept_en))
    for outcome, pair in _OUTCOME.items():
        table[f"result_{outcome}"] = pair
    return table


REASONS: dict[str, tuple[str, str]] = _reason_table()
"""Reason code → (中文, English) template; the one table every explanation comes from."""
_PREFIXED = {"excluded_by_": ("已计{other_zh}，此项不计", "not counted because {other_en} scored"),
             "result_": ("{dept_zh}核验结果为 {outcome}，不计", "{dept_en} answered {outcome}: not counted"),
             "permit_result_": ("公安核验结果为 {outcome}", "the police answered {outcome}"),
             "insurance_result_": ("人力社保核验结果为 {outcome}", "HR & social security answered {outcome}")}
UNEXPLAINED = ("未说明的原因 {code}", "unexplained reason {code}")


class _Context(dict):
    def __missing__(self, key: str) -> str:
        return "?"


def _pair(code: str, ctx: dict[str, Any]) -> tuple[str, str]:
    """(中文, English) for ``code`` with ``ctx`` filled in (a value the caller does not know reads ``?``)."""
    ctx = _Context(ctx, code=code)
    template = REASONS.get(code)
    if template is None:
        template = UNEXPLAINED
        for prefix, pattern in sorted(_PREFIXED.items(), key=lambda p: -len(p[0])):
            if code.startswith(prefix) and len(code) > len(prefix):
                rest = code[len(prefix):]
                other = _KIND_NAME.get((ctx.get("items") or {}).get(rest, rest), (rest, rest))
                ctx.update(outcome=rest, other_zh=other[0], other_en=other[1])
                template = pattern
                break
    return template[0].format_map(ctx), template[1].format_map(ctx)


def explain(code: str, **ctx: Any) -> str:
    """``"中文 / English"`` for one reason code (:data:`REASONS`); ``ctx`` fills the numbers (cutoff, cap,
    minimum...). An unknown code answers ``"未说明的原因 <code> / unexplained reason <code>"``, never an error."""
    zh, en = _pair(code, ctx)
    return f"{zh} / {en}"


def _centi(text: str) -> int:
    return int(Decimal(text).scaleb(2))


def working(raw: str, cap: str, reason: str, rule: Any) -> str | None:
    """The arithmetic of one counted item, from its rulebook ``Item`` (centipoints) and its stored raw points:
    ``"3 full years × 3.00 = 9.00"``, ``"20.00 + 4 full years × 1.00 = 24.00"``, ``"150 months × 0.20 = 30.00,
    capped at 24.00"``, ``"fixed 40.00"``. Units = (raw − fixed) / rate, in exact integers. ``None`` when the item did
    not count (its explanation says why), when the rulebook item is unknown, or when raw does not fit the item."""
    if rule is None or reason not in ("ok", "capped"):
        return None
    raw_c, cap_c, fixed, rate = _centi(raw), _centi(cap), rule.fixed, rule.rate
    if rule.unit == "none" or rate == 0:
        if raw_c != fixed:
            return None
        text = f"fixed {DECIMALS[fixed]}"
    else:
        units, rest = divmod(raw_c - fixed, rate)
        if rest or units < 0:
            return None
        word = ("full year" if rule.unit == "full_year" else "month") + ("" if units == 1 else "s")
        text = f"{DECIMALS[fixed]} + " if fixed else ""
        text += f"{units} {word} × {DECIMALS[rate]} = {DECIMALS[raw_c]}"
    return text + (f", capped at {DECIMALS[cap_c]}" if raw_c > cap_c else "")


class _Words:
    """One rulebook's words, worked out once: the fixed context of each item and rule, and a memo of the texts
    already made (the same few reasons recur on every read). ``rules`` None: a rulebook that cannot be found."""

    def __init__(self, rules: Any):
        self.rules = rules
        self.items = {i.name: i for i in rules.items} if rules is not None else {}
        self.guardian_rules = {g.label: g for g in rules.guardian_rules} if rules is not None else {}
        names = {i.name: i.kind for i in rules.items} if rules is not None else {}
        self.base = {"county": getattr(rules, "county", "331003"), "items": names}
        if rules is not None:
            self.base.update(cutoff=rules.cutoff, age_on=rules.age_on)
        self.item_ctx = {name: self._item_ctx(rule) for name, rule in self.items.items()}
        self.memo: dict[tuple, Any] = {}

    def _item_ctx(self, rule: Any) -> dict[str, Any]:
        dept = _DEPARTMENT.get(rule.source or "", ("部门", "the department"))
        dated = _DATED_BY.get(rule.dated_by, ("日期", "the date"))
        statuses = sorted(rule.license_status or ())
        return dict(self.base, what_zh=_KIND_NAME[rule.kind][0], what_en=_KIND_NAME[rule.kind][1],
                    date_zh=dated[0], date_en=dated[1], dept_zh=dept[0], dept_en=dept[1],
                    share=f"{rule.min_share_percent:.2f}" if rule.min_share_percent is not None else "?",
                    statuses_zh="/".join(_LICENSE_STATUS.get(s, (s, s))[0] for s in statuses) or "?",
                    statuses_en=" or ".join(_LICENSE_STATUS.get(s, (s, s))[1] for s in statuses) or "?")

    def _remember(self, key: tuple, value: Any) -> Any:
        if len(self.memo) < 4096:
            self.memo[key] = value
        return value

    def check(self, c: dict[str, Any], grade: Any, cutoff: Any) -> tuple[str, str]:
        key = ("check", c["rule"], c["reason"], c.get("guardian_no"), grade, cutoff)
        found = self.memo.get(key)
        if found is not None:
            return found
        rule = self.guardian_rules.get(c["rule"])
        minimum = rule.minimum if rule else "?"
        ctx = dict(self.base, cutoff=cutoff, grade=grade, guardian_no=c.get("guardian_no"), minimum=minimum,
                   years="full year" if minimum == 1 else "full years", months="month" if minimum == 1 else "months")
        if self.rules is not None:
            ctx["min_age"] = self.rules.child_min_age.get(grade, "?")
        return self._remember(key, _pair(c["reason"], ctx))

    def item(self, i: dict[str, Any], unmet: frozenset, cutoff: Any) -> tuple[str | None, str]:
        """(working, explanation) of one stored item."""
        reason = i["reason"]
        key = ("item", i["item"], reason, i["raw"], i["cap"], cutoff,
               unmet if reason == "guardian_not_eligible" else None)
        found = self.memo.get(key)
        if found is not None:
            return found
        rule = self.items.get(i["item"])
        ctx = dict(self.item_ctx.get(i["item"], self.base), cap=i["cap"], cutoff=cutoff)
        if rule is not None:
            ctx["requires"] = " & ".join(label for label in (self.rules.guardian_rules[n].label
                                                             for n in rule.requires) if label in unmet) or "?"
        return self._remember(key, (working(i["raw"], i["cap"], reason, rule), explain(reason, **ctx)))


_WORDS: dict[int, _Words] = {}
_WORDS_LOCK = threading.Lock()  # request threads share it


def _words(rules: Any) -> _Words:
    """The :class:`_Words` of a compiled rulebook (keyed by the object's identity, which the entry keeps alive; at
    most 64 kept, the oldest dropped first)."""
    words = _WORDS.get(id(rules))
    if words is None or words.rules is not rules:
        words = _Words(rules)
        with _WORDS_LOCK:
            while len(_WORDS) >= 64:
                _WORDS.pop(next(iter(_WORDS)))
            _WORDS[id(rules)] = words
    return words


def explain_score(detail: dict[str, Any], rules: Any) -> dict[str, Any]:
    """A Score's JSON (``Score.to_dict()`` or a stored one) with the explained fields added (docs/api.md ``Score``):
    items get ``working`` and ``explanation``, eligibility checks ``explanation``, guardians ``counts`` and ``note``.
    ``rules`` is the compiled rulebook the score was made with (``points.rulebook.Rules``; ``None`` when it cannot be
    found: workings are then null and numbers in the texts read ``?``). ``detail`` is not changed.

    A guardian ``counts`` when the family is eligible: the family score is the higher guardian total and the other
    total is the first tie-break (BRIEF §5), so then every guardian's total takes part, with or without E1/E2 (a
    guardian missing one scores no item that requires it: the base points). ``note`` says what the guardian or the
    family misses; null when the guardian meets every guardian rule of an eligible family."""
    words = _words(rules)
    guardian_rules = words.guardian_rules
    cutoff, grade = detail.get("cutoff_date"), detail.get("grade")
    out = dict(detail)
    checks, misses = [], {}
    for c in detail.get("eligibility") or ():
        pair = words.check(c, grade, cutoff)
        checks.append({**c, "explanation": f"{pair[0]} / {pair[1]}"})
        if not c["met"]:
            guardian_rule = c["rule"] in guardian_rules or (
                rules is None and c["reason"].startswith(("permit_", "insurance_")))
            misses.setdefault(c.get("guardian_no") if guardian_rule else "family", []).append((c["rule"], pair))
    out["eligibility"] = checks
    eligible = bool(detail.get("eligible"))
    guardians = []
    for g in detail.get("guardians") or ():
        own = misses.get(g["guardian_no"], [])
        unmet = frozenset(label for label, _ in own)
        explained = []
        for i in g["items"]:
            work, words_ = words.item(i, unmet, cutoff)
            explained.append({**i, "working": work, "explanation": words_})
        lost = [i["item"] for i in explained if i["reason"] == "guardian_not_eligible"]
        note = None if eligible and not own else _note(eligible, own, lost, misses.get("family", []), detail,
                                                        guardian_rules)
        guardians.append({**g, "items": explained, "counts": eligible, "note": note})
    out["guardians"] = guardians
    return out


def _note(eligible: bool, own: list, lost: list[str], family_misses: list, detail: dict[str, Any],
          guardian_rules: dict) -> str | None:
    """Why a guardian's total does not count, or what it misses while counting; None when nothing is missing.
    ``own``: the guardian's unmet rules ``[(label, (zh, en))]``; ``lost``: its items that needed them."""
    zh = [f"未满足 {label}（{pair[0]}）" for label, pair in own]
    en = [f"does not meet {label}: {pair[1]}" for label, pair in own]
    if eligible:
        if not own:
            return None
        items = ", ".join(lost)
        return ("计入家庭积分；" + "；".join(zh) + (f"，不得 {items} 分" if lost else "")
                + " / counts toward the family score; " + "; ".join(en)
                + (f"; so no points for {items}" if lost else ""))
    zh_family, en_family = [], []
    labels = " & ".join(guardian_rules) or "E1 & E2"
    if not _any_guardian_meets_all(detail, guardian_rules):
        zh_family.append(f"没有一位监护人同时满足 {labels}")
        en_family.append(f"no guardian meets {labels}")
    for label, pair in family_misses:
        zh_family.append(f"{label}：{pair[0]}")
        en_family.append(f"{label}: {pair[1]}")
    zh_text = "不计入：" + "；".join(zh + [f"家庭不符合条件（{'；'.join(zh_family)}），家庭积分为 0"])
    en_text = "does not count: " + "; ".join(
        en + [f"the family is not eligible ({'; '.join(en_family)}), so its score is 0.00"])
    return f"{zh_text} / {en_text}"


def _any_guardian_meets_all(detail: dict[str, Any], guardian_rules: dict) -> bool:
    by_guardian: dict[Any, bool] = {}
    for c in detail.get("eligibility") or ():
        if c["rule"] in guardian_rules or (not guardian_rules and c["reason"].startswith(("permit_", "insurance_"))):
            if c.get("guardian_no") is None:
                continue
            by_guardian[c["guardian_no"]] = by_guardian.get(c["guardian_no"], True) and c["met"]
    return any(by_guardian.values())
