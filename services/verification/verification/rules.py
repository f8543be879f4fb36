"""The verification rules as plain functions: no HTTP, no session (BRIEF §2, §4 steps 3–4; plan 四(二)).

- which requests a case needs (:func:`planned_requests`): a request of every kind ``ALWAYS`` asked (residence
  permit: police; social insurance: hrss) for every guardian, of the claimed kinds (housing, business licence)
  where claimed;
- whether an answer fits its request (:func:`check_answer`): facts present or absent by outcome, dates of record
  not in the future, and a ``confirmed`` answer that agrees with what was claimed;
- the canonical digest of a case's current results (:func:`facts_digest`) and the masking of personal data.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from common.logging import mask_id
# The kinds, their departments, which are always asked and which fields a confirmed answer repeats are the suite's
# vocabulary: one table in common.vocabulary (re-exported here for the rules' callers).
from common.vocabulary import (ALWAYS, CLAIM_FIELDS, DEPARTMENT_OF, FACT_DATES, KINDS,  # noqa: F401
                               normalize_certificate_no)
from verification.errors import ContradictsClaim, FactsInvalid


@dataclass(frozen=True)
class PlannedRequest:
    """What one request asks: ``kind`` about guardian ``guardian_no`` (name, ID number), with the ``claim``."""

    guardian_no: int
    kind: str
    subject_name: str
    subject_id_number: str
    claim: dict[str, Any]

    @property
    def department(self) -> str:
        return DEPARTMENT_OF[self.kind]

    @property
    def key(self) -> tuple[int, str]:
        return self.guardian_no, self.kind


def planned_requests(guardians: Iterable[Mapping[str, Any]], claims: Mapping[str, Iterable[Mapping[str, Any]]]
                     ) -> list[PlannedRequest]:
    """The requests a case needs, ordered by guardian then kind.

    ``guardians``: ``[{guardian_no, name, id_number}]``; ``claims``: ``{"housing": [{guardian_no, tenure, ...}],
    "business_license": [{guardian_no, uscc}]}`` (JSON-ready values; ``guardian_no`` is dropped from the claim).
    """
    out: list[PlannedRequest] = []
    claimed = {kind: {c["guardian_no"]: {k: v for k, v in c.items() if k != "guardian_no"} for c in items}
               for kind, items in claims.items()}
    for g in sorted(guardians, key=lambda g: g["guardian_no"]):
        for kind in KINDS:
            if kind in ALWAYS:
                claim: dict[str, Any] | None = {}
            else:
                claim = claimed.get(kind, {}).get(g["guardian_no"])
            if claim is not None:
                out.append(PlannedRequest(g["guardian_no"], kind, g["name"], g["id_number"], claim))
    return out


EARLIEST_RECORD = date(1949, 10, 1)  # no residence permit, home, licence or contribution of record predates it


def canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def sha256_of(value: Any) -> str:
    return hashlib.sha256(canonical_json(value).encode()).hexdigest()


def check_answer(kind: str, claim: Mapping[str, Any], outcome: str, facts: Mapping[str, Any] | None, *,
                 today: date) -> None:
    """Refuse an answer that cannot be right for its request (BRIEF §4 step 4).

    ``facts`` are the already-typed facts of record (JSON-ready). ``confirmed`` and ``mismatch`` need facts,
    ``not_found`` must have none, ``falsified`` may have them. No date of record may lie after ``today`` or before
    1 October 1949; social insurance months may not exceed the calendar months from ``since`` through ``today``.
    A ``confirmed`` answer must agree with the claim (same tenure, certificate or lease number, share, USCC):
    a record that differs is a ``mismatch``. Raises :class:`FactsInvalid` or :class:`ContradictsClaim` (422).
    """
    if outcome in ("confirmed", "mismatch") and facts is None:
        raise FactsInvalid(f"a {outcome} result carries the facts of record", field="facts")
    if outcome == "not_found" and facts is not None:
        raise FactsInvalid("a not_found result carries no facts (facts: null)", field="facts")
    if facts is None:
        return
    for name in FACT_DATES:
        if name in facts and date.fromisoformat(str(facts[name])) > today:
            raise FactsInvalid(f"facts.{name} {facts[name]} lies in the future", field=f"facts.{name}")
        if name in facts and date.fromisoformat(str(facts[name])) < EARLIEST_RECORD:
            raise FactsInvalid(f"facts.{name} {facts[name]} lies before {EARLIEST_RECORD}", field=f"facts.{name}")
    if kind == "social_insurance" and "since" in facts and "continuous_months" in facts:
        since = date.fromisoformat(str(facts["since"]))
        possible = (today.year - since.year) * 12 + today.month - since.month + 1
        if facts["continuous_months"] > possible:
            raise FactsInvalid(f"facts.continuous_months {facts['continuous_months']} is more than the {possible} "
                               f"calendar months from since {since} through this month", field="facts.continuous_months")
    if outcome != "confirmed":
        return
    differs = [name for name in _claim_fields(kind, claim) if str(facts.get(name)) != str(claim[name])]
    if differs:
        raise ContradictsClaim(
            f"a confirmed {kind} result must agree with the claim; {', '.join(differs)} differ(s): "
            "post outcome 'mismatch' with the facts of record", field=f"facts.{differs[0]}")


def _claim_fields(kind: str, claim: Mapping[str, Any]) -> list[str]:
    """The claim's fields a confirmed answer repeats (``CLAIM_FIELDS``), those the claim holds (an owned home has
    no lease number)."""
    return [k for k in CLAIM_FIELDS.get(kind, ()) if k in claim]


def guardian_facts_canonical(results: Mapping[str, Mapping[str, Any] | None], pending: list[str]) -> dict[str, Any]:
    """The part of one guardian that scoring depends on: per kind the outcome, facts and department, and the
    kinds still pending (ids, notes and timestamps left out, so an identical correction keeps the digest)."""
    return {
        "results": {kind: None if r is None else {"outcome": r["outcome"], "facts": r["facts"],
                                                  "department": r["department"]}
                    for kind, r in sorted(results.items())},
        "pending": sorted(pending),
    }


def facts_digest(season: int, grade: int, child_birth_date: date, guardians: list[dict[str, Any]]) -> str:
    """SHA-256 hex of the canonical case facts: ``guardians`` = ``[{guardian_no, results: {kind: Result|None},
    pending}]`` with results as JSON-ready dicts."""
    return sha256_of({
        "season": season, "grade": grade, "child_birth_date": child_birth_date.isoformat(),
        "guardians": [{"guardian_no": g["guardian_no"], **guardian_facts_canonical(g["results"], g["pending"])}
                      for g in sorted(guardians, key=lambda g: g["guardian_no"])],
    })


def canonical_digest(season: int, grade: int, child_birth_date: date,
                     guardians: list[tuple[int, Mapping[str, Mapping[str, Any] | None], list[str]]]) -> str:
    """:func:`facts_digest` from what it keeps of each guardian, already gathered (a page of CaseFacts builds them
    as it reads its rows; issue 15): ``guardians`` = ``[(guardian_no, {kind: {outcome, facts, department} | None},
    pending)]`` in ``guardian_no`` order."""
    return sha256_of({"season": season, "grade": grade, "child_birth_date": child_birth_date.isoformat(),
                      "guardians": [{"guardian_no": no, "results": results, "pending": sorted(pending)}
                                    for no, results, pending in guardians]})


def mask_name(name: str) -> str:
    """``张三`` → ``张*``, ``欧阳娜娜`` → ``欧***``, ``Ali`` → ``A**`` (first character kept)."""
    return name[:1] + "*" * max(len(name) - 1, 1) if name else name


def mask_id_number(id_number: str) -> str:
    """``331003199001011234`` → ``3310**********1234``."""
    return mask_id(id_number) or ""
