"""A rulebook (积分细则) compiled for scoring: BRIEF §5 as data, checked once, precomputed for the hot loop.

The stored form is JSON (see ``schemas.RulebookIn`` for every field and ``rulebooks/HY-2025.json`` for the default).
:func:`compile_rulebook` turns it into :class:`Rules`: points as integer hundredths (centipoints, exact), the cut-off
as an ISO string and its ``"MM-DD"`` tail, item conditions resolved to indexes. It refuses what the scorer could not
apply (unknown item kind, a unit that does not fit the kind, a negative cap, an ``only_without`` naming an unknown or
later item...) with :class:`RulebookError` naming the field, so a stored rulebook always scores.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from common.schemas import DECIMAL_TEXT
from common.townships import COUNTY_CODE
from points.kinds import evaluator, insurance_check, permit_check

# Item kind → the verification kind whose facts it reads (None: no fact), the housing tenure it needs, the date field
# that dates the fact (BRIEF §5: a fact dated after the cut-off does not count), the units it may use, the
# conditions that apply to it.
ITEM_KINDS: dict[str, dict[str, Any]] = {
    "base": {"source": None, "tenure": None, "dated_by": None, "units": {"none"}, "conditions": set()},
    "residence": {"source": "residence_permit", "tenure": None, "dated_by": "continuous_since",
                  "units": {"full_year", "none"}, "conditions": {"in_county", "permit_valid"}},
    "social_insurance": {"source": "social_insurance", "tenure": None, "dated_by": "since",
                         "units": {"month", "none"}, "conditions": {"in_county", "active_at_cutoff"}},
    "owned_home": {"source": "housing", "tenure": "owned", "dated_by": "acquired_on",
                   "units": {"full_year", "none"}, "conditions": {"in_county", "min_share_percent"}},
    "rented_home": {"source": "housing", "tenure": "rented", "dated_by": "registered_on",
                    "units": {"full_year", "none"}, "conditions": {"in_county"}},
    "business": {"source": "business_license", "tenure": None, "dated_by": "established_on",
                 "units": {"full_year", "none"}, "conditions": {"in_county", "license_status", "holder_is_guardian"}},
}
COMMON_CONDITIONS = {"requires", "only_without"}
GUARDIAN_RULE_KINDS = {"guardian_residence_permit": "residence_permit", "guardian_social_insurance": "social_insurance"}
FAMILY_RULE_KINDS = {"child_age", "no_falsified"}
TIE_BREAK_KEYS = ("family_score", "other_guardian_score", "earliest_continuous_since", "lottery")
FAMILY_COMBINES = {"max_guardian"}
GRADES = (1, 7)


class RulebookError(ValueError):
    """A rulebook the scorer cannot apply; ``field`` is the dotted path (``items.2.cap``)."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field, self.message = field, message


@dataclass(frozen=True, slots=True)
class GuardianRule:
    """E1/E2-like condition one guardian must meet (``minimum`` in full years for permits, months for insurance)."""

    label: str
    kind: str
    source: str
    in_county: bool
    must_be_valid: bool  # permit status "valid" / insurance active at the cut-off
    minimum: int
    check: Callable[[list], tuple[bool, str]] = field(compare=False, repr=False)
    missing: Mapping[str, str] = field(compare=False, repr=False, default_factory=dict)
    """Reason codes when no confirmed fact can be checked: ``no_fact`` → ``permit_no_fact``, ``result_mismatch`` →
    ``permit_result_mismatch``..."""
    """``check([(result, facts), ...]) -> (met, reason)`` over the guardian's confirmed results of its kind."""


@dataclass(frozen=True, slots=True)
class Item:
    """One item of the per-guardian table, points in centipoints (1 point = 100)."""

    name: str
    kind: str
    source: str | None
    tenure: str | None
    dated_by: str | None
    unit: str
    fixed: int
    rate: int
    cap: int
    in_county: bool
    permit_valid: bool
    active_at_cutoff: bool
    min_share_percent: Decimal | None
    license_status: frozenset[str] | None
    holder_is_guardian: bool | None
    requires: tuple[int, ...]  # indexes into Rules.guardian_rules
    only_without: tuple[int, ...]  # indexes of earlier items
    evaluate: Callable[[Mapping], tuple[str | None, int]] = field(compare=False, repr=False)
    """``evaluate(facts) -> (None, raw centipoints)`` when the fact counts, else ``(reason, 0)``."""


@dataclass(frozen=True, slots=True)
class Rules:
    """A compiled rulebook. Dates are ISO strings; ``cut_md`` is the cut-off's ``"MM-DD"``."""

    rulebook_id: str
    season: int
    cutoff: str
    cut_year: int
    cut_md: str
    county: str
    guardian_rules: tuple[GuardianRule, ...]
    child_age_label: str | None
    child_min_age: Mapping[int, int]
    age_on: str  # the date the child's age is measured on (31 August of the season year by default)
    no_falsified_label: str | None
    family_rule_order: tuple[str, ...]  # labels of the family-level rules, in rulebook order
    rule_order: tuple[str, ...]  # every eligibility label, in rulebook order
    items: tuple[Item, ...]
    tie_break: tuple[str, ...]
    combine: str
    guardian_plan: tuple = field(default=(), compare=False, repr=False)
    """Per guardian rule, for the scorer's loop: ``(label, source kind, check, missing-reason map)``."""
    plan: tuple = field(default=(), compare=False, repr=False)
    """Per item, for the scorer's loop: ``(name, slot, source, evaluate, requires, only_without, cap)`` where
    ``slot`` is the source kind, or ``housing/owned`` / ``housing/rented`` for homes."""


def to_centipoints(value: Any, field: str, *, allow_negative: bool = False) -> int:
    """``"0.20"`` → ``20``. Points are decimal strings with at most 2 places (integers accepted); never floats."""
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        raise RulebookError(field, 'points must be a decimal string such as "0.20"')
    if isinstance(value, str) and not DECIMAL_TEXT.fullmatch(value):  # "１２", "1_2", " 12" (which Decimal() takes)
        raise RulebookError(field, "points must be plain ASCII digits with an optional '-' and at most 2 decimals")
    try:
        amount = Decimal(value)
    except InvalidOperation:
        raise RulebookError(field, 'points must be a decimal string such as "0.20"') from None
    if not amount.is_finite() or amount.as_tuple().exponent < -2:
        raise RulebookError(field, "points have at most 2 decimals")
    if amount < 0 and not allow_negative:
        raise RulebookError(field, "must not be negative")
    if abs(amount) >= 10**6:
        raise RulebookError(field, "too large")
    return int(amount * 100)


def _flag(cond: Mapping[str, Any], name: str, field: str, default: bool) -> bool:
    value = cond.get(name)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise RulebookError(f"{field}.{name}", "must be true or false")
    return value


def _count(value: Any, field: str, default: int) -> int:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise RulebookError(field, "must be a non-negative integer")
    return value


def _day(value: Any, field: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise RulebookError(field, "must be a date YYYY-MM-DD") from None


def _missing_reasons(prefix: str) -> dict[str, str]:
    reasons = ("no_fact", "pending", "fact_unreadable", "result_mismatch", "result_not_found", "result_falsified")
    return _Reasons({r: f"{prefix}_{r}" for r in reasons}, prefix=prefix)


class _Reasons(dict):
    def __init__(self, known: dict[str, str], *, prefix: str):
        super().__init__(known)
        self.prefix = prefix

    def __missing__(self, reason: str) -> str:
        return f"{self.prefix}_{reason}"


def _eligibility(spec: Mapping[str, Any], season: int, cutoff: str, county: str) -> dict[str, Any]:
    rules = spec.get("eligibility") or []
    if not isinstance(rules, list):
        raise RulebookError("eligibility", "must be a list")
    out: dict[str, Any] = {"guardian": [], "child_age_label": None, "child_min_age": {}, "age_on": f"{season}-08-31",
                           "no_falsified_label": None, "family": [], "order": []}
    for n, rule in enumerate(rules):
        field = f"eligibility.{n}"
        if not isinstance(rule, Mapping):
            raise RulebookError(field, "must be an object")
        label, kind = rule.get("rule"), rule.get("kind")
        if not isinstance(label, str) or not label:
            raise RulebookError(f"{field}.rule", "must name the rule (E1, E2...)")
        if label in out["order"]:
            raise RulebookError(f"{field}.rule", f"rule {label} appears twice")
        out["order"].append(label)
        if kind in GUARDIAN_RULE_KINDS:
            permit = kind == "guardian_residence_permit"
            valid_key, min_key = ("permit_valid", "min_full_years") if permit else ("active_at_cutoff", "min_months")
            in_county, valid = _flag(rule, "in_county", field, True), _flag(rule, valid_key, field, True)
            minimum = _count(rule.get(min_key), f"{field}.{min_key}", 1 if permit else 12)
            make = permit_check if permit else insurance_check
            out["guardian"].append(GuardianRule(
                label=label, kind=kind, source=GUARDIAN_RULE_KINDS[kind], in_county=in_county, must_be_valid=valid,
                minimum=minimum, check=make(in_county, valid, minimum, cutoff, county),
                missing=_missing_reasons("permit" if permit else "insurance")))
        elif kind == "child_age":
            if out["child_age_label"] is not None:
                raise RulebookError(f"{field}.kind", "only one child_age rule")
            ages = rule.get("min_age")
            if not isinstance(ages, Mapping) or not ages:
                raise RulebookError(f"{field}.min_age", "must map grades (\"1\", \"7\") to ages")
            for grade, age in ages.items():
                if str(grade) not in {str(g) for g in GRADES}:
                    raise RulebookError(f"{field}.min_age.{grade}", "grade must be 1 or 7")
                out["child_min_age"][int(grade)] = _count(age, f"{field}.min_age.{grade}", 0)
            month, day = rule.get("on_month", 8), rule.get("on_day", 31)
            try:
                out["age_on"] = date(season, month, day).isoformat()
            except (TypeError, ValueError):
                raise RulebookError(f"{field}.on_day", "on_month/on_day is not a date of the season year") from None
            out["child_age_label"] = label
            out["family"].append(label)
        elif kind == "no_falsified":
            if out["no_falsified_label"] is not None:
                raise RulebookError(f"{field}.kind", "only one no_falsified rule")
            out["no_falsified_label"] = label
            out["family"].append(label)
        else:
            raise RulebookError(f"{field}.kind", f"unknown eligibility kind {kind!r}")
    return out


def _item(raw: Any, n: int, names: list[str], guardian_labels: list[str], cutoff: str, county: str) -> Item:
    field = f"items.{n}"
    if not isinstance(raw, Mapping):
        raise RulebookError(field, "must be an object")
    kind = raw.get("kind")
    if kind not in ITEM_KINDS:
        raise RulebookError(f"{field}.kind", f"unknown item kind {kind!r}; known: {', '.join(ITEM_KINDS)}")
    meta = ITEM_KINDS[kind]
    name = raw.get("item") or kind
    if not isinstance(name, str) or name in names:
        raise RulebookError(f"{field}.item", f"item name {name!r} must be a unique string")
    unit = raw.get("unit") or "none"
    if unit not in meta["units"]:
        raise RulebookError(f"{field}.unit", f"unit {unit!r} does not fit kind {kind}; use one of {sorted(meta['units'])}")
    fixed = to_centipoints(raw.get("fixed", "0"), f"{field}.fixed")
    rate = to_centipoints(raw.get("rate", "0"), f"{field}.rate")
    if "cap" not in raw:
        raise RulebookError(f"{field}.cap", "every item needs a cap")
    cap = to_centipoints(raw["cap"], f"{field}.cap")
    if cap < fixed:
        raise RulebookError(f"{field}.cap", "the cap is below the item's fixed points: it could never be paid")
    if unit == "none" and rate:
        raise RulebookError(f"{field}.rate", "an item without a unit has no rate; use fixed")
    cond = raw.get("conditions") or {}
    if not isinstance(cond, Mapping):
        raise RulebookError(f"{field}.conditions", "must be an object")
    for key, value in cond.items():
        if value is not None and key not in meta["conditions"] | COMMON_CONDITIONS:
            raise RulebookError(f"{field}.conditions.{key}", f"condition {key!r} does not apply to kind {kind}")
    cfield = f"{field}.conditions"
    share = cond.get("min_share_percent")
    if share is not None:
        share = Decimal(to_centipoints(share, f"{cfield}.min_share_percent")) / 100
        if share > 100:
            raise RulebookError(f"{cfield}.min_share_percent", "a share is at most 100")
    statuses = cond.get("license_status")
    if statuses is not None and (not isinstance(statuses, list) or not all(isinstance(s, str) for s in statuses)):
        raise RulebookError(f"{cfield}.license_status", "must be a list of statuses")
    holder = cond.get("holder_is_guardian")
    if holder is not None and not isinstance(holder, bool):
        raise RulebookError(f"{cfield}.holder_is_guardian", "must be true or false")
    requires = []
    for label in cond.get("requires") or []:
        if label not in guardian_labels:
            raise RulebookError(f"{cfield}.requires", f"{label!r} is not a guardian eligibility rule of this rulebook")
        requires.append(guardian_labels.index(label))
    only_without = []
    for other in cond.get("only_without") or []:
        if other not in names:
            raise RulebookError(f"{cfield}.only_without", f"{other!r} is not an item listed before this one")
        only_without.append(names.index(other))
    params = dict(name=name, kind=kind, source=meta["source"], tenure=meta["tenure"], dated_by=meta["dated_by"],
                  unit=unit, fixed=fixed, rate=rate, cap=cap, in_county=_flag(cond, "in_county", cfield, True),
                  permit_valid=_flag(cond, "permit_valid", cfield, True),
                  active_at_cutoff=_flag(cond, "active_at_cutoff", cfield, True), min_share_percent=share,
                  license_status=frozenset(statuses) if statuses is not None else None, holder_is_guardian=holder,
                  requires=tuple(requires), only_without=tuple(only_without))
    return Item(**params, evaluate=evaluator(params, cutoff, county))


def compile_rulebook(spec: Mapping[str, Any], rulebook_id: str | None = None) -> Rules:
    """Check a rulebook spec (plain JSON data) and precompute it. Raises :class:`RulebookError` naming the field.

    ``rulebook_id`` defaults to ``spec["id"]``. ``cutoff_date`` defaults to 30 April of the season year (BRIEF §3)
    and must lie in that year; ``county_code`` is Huangyan's (331003); an item's cap is at least its fixed points.
    """
    rid = rulebook_id or spec.get("id")
    if not isinstance(rid, str) or not rid:
        raise RulebookError("id", "a rulebook needs an id")
    season = spec.get("season")
    if isinstance(season, bool) or not isinstance(season, int) or not 2000 <= season <= 2100:
        raise RulebookError("season", "must be a year between 2000 and 2100")
    cutoff = _day(spec.get("cutoff_date") or f"{season}-04-30", "cutoff_date")
    if cutoff.year != season:
        raise RulebookError("cutoff_date", f"the cut-off date lies in the season year {season}")
    county = spec.get("county_code", COUNTY_CODE)
    if county != COUNTY_CODE:
        raise RulebookError("county_code", f"this suite's rulebooks are Huangyan's: county {COUNTY_CODE}")
    iso = cutoff.isoformat()
    elig = _eligibility(spec, season, iso, county)
    items_raw = spec.get("items")
    if not isinstance(items_raw, list) or not items_raw:
        raise RulebookError("items", "a rulebook needs at least one item")
    labels = [g.label for g in elig["guardian"]]
    items: list[Item] = []
    for n, raw in enumerate(items_raw):
        items.append(_item(raw, n, [i.name for i in items], labels, iso, county))
    family = spec.get("family") or {}
    combine = family.get("combine", "max_guardian") if isinstance(family, Mapping) else None
    if combine not in FAMILY_COMBINES:
        raise RulebookError("family.combine", f"unknown family rule {combine!r}; known: {sorted(FAMILY_COMBINES)}")
    chain = spec.get("tie_break") or list(TIE_BREAK_KEYS)
    if not isinstance(chain, list) or len(set(chain)) != len(chain):
        raise RulebookError("tie_break", "must be a list of distinct keys")
    for n, key in enumerate(chain):
        if key not in TIE_BREAK_KEYS:
            raise RulebookError(f"tie_break.{n}", f"unknown tie-break key {key!r}; known: {', '.join(TIE_BREAK_KEYS)}")
    if chain[0] != "family_score":
        raise RulebookError("tie_break.0", "the chain starts with family_score")
    return Rules(rulebook_id=rid, season=season, cutoff=iso, cut_year=cutoff.year, cut_md=iso[5:], county=county,
                 guardian_rules=tuple(elig["guardian"]), child_age_label=elig["child_age_label"],
                 child_min_age=elig["child_min_age"], age_on=elig["age_on"],
                 no_falsified_label=elig["no_falsified_label"], family_rule_order=tuple(elig["family"]),
                 rule_order=tuple(elig["order"]), items=tuple(items), tie_break=tuple(chain), combine=combine,
                 guardian_plan=tuple((g.label, g.source, g.check, g.missing) for g in elig["guardian"]),
                 plan=tuple((i.name, f"{i.source}/{i.tenure}" if i.tenure else i.source, i.source, i.evaluate,
                             i.requires, i.only_without, i.cap) for i in items))

