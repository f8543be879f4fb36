"""A family's score and its breakdown, as plain immutable data (NamedTuples: readable, cheap to build, equal when
their values are). ``rules.score_family`` builds them; ``Score.to_dict()`` is the JSON shape of docs/api.md; the words a
family reads beside it (workings, explanations) are added when answering, by :mod:`points.explain`."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, NamedTuple


class ItemScore(NamedTuple):
    """One item of one guardian: the fact used (or considered), who confirmed it, raw and capped points, and why
    (``ok``, ``capped``, ``no_fact``, ``pending``, ``result_mismatch``, ``dated_after_cutoff``, ``outside_county``,
    ``permit_suspended``, ``share_below_minimum``, ``excluded_by_owned_home``, ``guardian_not_eligible``...)."""

    item: str
    fact: dict | None
    result_id: Any
    department: str | None
    raw: Decimal
    points: Decimal
    cap: Decimal
    reason: str


class GuardianScore(NamedTuple):
    guardian_no: int
    total: Decimal
    items: list[ItemScore]


class Check(NamedTuple):
    """One eligibility rule for the family or one guardian: met or not, with a stable reason code."""

    rule: str
    met: bool
    reason: str
    guardian_no: int | None = None


class TieBreak(NamedTuple):
    other_guardian_score: Decimal
    earliest_continuous_since: str | None


class Score(NamedTuple):
    """A family's score with its whole breakdown (docs/api.md ``Score``). ``scored_at`` is left to the caller
    (``score._replace(scored_at=...)``): the domain has no clock."""

    application_no: str | None
    season: int
    grade: Any
    rulebook_id: str
    cutoff_date: str
    eligible: bool
    eligibility: list[Check]
    guardians: list[GuardianScore]
    family_score: Decimal
    tie_break: TieBreak
    residence_township_code: str | None
    facts_digest: str
    scored_at: str | None = None

    def summary(self) -> dict[str, Any]:
        """ScoreSummary as JSON data (decimal strings)."""
        return {"application_no": self.application_no, "season": self.season, "grade": self.grade,
                "rulebook_id": self.rulebook_id, "cutoff_date": self.cutoff_date, "eligible": self.eligible,
                "family_score": _2f(self.family_score),
                "tie_break": {"other_guardian_score": _2f(self.tie_break.other_guardian_score),
                              "earliest_continuous_since": self.tie_break.earliest_continuous_since},
                "residence_township_code": self.residence_township_code, "facts_digest": self.facts_digest,
                "scored_at": self.scored_at}

    def to_dict(self, *, scored_at: str | None = None) -> dict[str, Any]:
        """Score as JSON data (decimal strings), the shape of docs/api.md; ``scored_at`` given: with that instead of
        ``self.scored_at`` (as ``self._replace(scored_at=...).to_dict()``, without copying the tuple)."""
        out = self.summary()
        if scored_at is not None:
            out["scored_at"] = scored_at
        out["eligibility"] = [{"rule": rule, "met": met, "reason": reason, "guardian_no": gno}
                              for rule, met, reason, gno in self.eligibility]
        text = _TEXTS  # the fields unpacked and each Decimal's text looked up inline: a third less time (issue 15)
        out["guardians"] = [{"guardian_no": gno, "total": _2f(total), "items": [
            {"item": item, "fact": fact, "result_id": rid, "department": dept,
             "raw": text[raw, raw.is_signed()], "points": text[pts, pts.is_signed()],
             "cap": text[cap, cap.is_signed()], "reason": why}
            for item, fact, rid, dept, raw, pts, cap, why in items]} for gno, total, items in self.guardians]
        return out


class _Points(dict):
    """centipoints → Decimal with 2 places, filled on first use (a plain subscript in the hot loop)."""

    def __missing__(self, centipoints: int) -> Decimal:
        value = Decimal(centipoints).scaleb(-2)
        if len(self) < 100_000:
            self[centipoints] = value
        return value


class _Text(dict):
    """(Decimal, its sign) → its text with 2 places, filled on first use: ``format`` of a Decimal costs some 0.8 µs
    and a breakdown formats about 35 (a third of storing a score, issue 15). The sign is in the key because
    ``Decimal("-0") == Decimal("0")`` while their texts differ."""

    def __missing__(self, key: tuple[Decimal, bool]) -> str:
        text = f"{key[0]:.2f}"
        if len(self) < 100_000:
            self[key] = text
        return text


_TEXTS = _Text()


def _2f(value: Decimal) -> str:
    """``f"{value:.2f}"``, kept per value (:class:`_Text`)."""
    return _TEXTS[value, value.is_signed()]


DECIMALS = _Points()
"""centipoints → Decimal with 2 places, e.g. ``DECIMALS[8720] == Decimal("87.20")``."""
