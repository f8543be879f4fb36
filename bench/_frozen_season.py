"""A whole season's frozen placement input built in-process, without the services (issue 13's "why not" test and
the planning benchmark): the cohort generator's families (``tongcheng.cohort``), each scored by the points rules
(``points.rules.score_many``, rulebook HY-2025) from its guardians' residence-permit and social-insurance records,
and the district's schools with their migrant seats and plans for the grade — the same shape as a run's snapshot
(``enrollment.runs.snapshot``). Homes and business licences are left out (points from them would only shift
scores); the tie-break data, the townships, the choices and eligibility come through the real rules.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from enrollment.placement import Applicant, School
from tongcheng.cohort import generate
from tongcheng.schools import for_size

CENT = Decimal("0.01")


def _result(n: int, department: str, facts: dict | None) -> dict:
    return {"id": n, "outcome": "confirmed" if facts else "not_found", "department": department, "facts": facts}


def frozen_season(size: int, seed: int) -> tuple[dict[int, tuple[list[Applicant], list[School]]], dict]:
    """``({grade: (applicants, schools)}, points Score by application_no)`` for grades 1 and 7 of a generated
    season of ``size`` applications (reproducible for (size, seed))."""
    from points.rulebook import compile_rulebook
    from points.rules import score_many
    from points.service import DEFAULT_RULEBOOKS

    district = for_size(size)
    cohort = generate(size, seed, district=district)
    rules = compile_rulebook(json.loads((DEFAULT_RULEBOOKS / "HY-2025.json").read_text(encoding="utf-8")))
    seats = {(x.school_code, x.grade): x.migrant_seats for x in district.seats}
    plans = {(x.school_code, x.grade): x.planned for x in district.plans}
    grades: dict[int, tuple[list[Applicant], list[School]]] = {}
    all_scores: dict = {}
    for grade in (1, 7):
        families = cohort.by_grade(grade)
        cases = []
        for i, fam in enumerate(families, start=1):
            guardians = [{"guardian_no": g.guardian_no, "pending": [],
                          "results": {"residence_permit": _result(4 * i + g.guardian_no, "police", g.permit),
                                      "social_insurance": _result(4 * i + 2 + g.guardian_no, "hrss", g.insurance),
                                      "housing": None, "business_license": None}} for g in fam.guardians]
            cases.append({"application_no": f"HY{cohort.season}-{grade}-{i:06d}", "season": cohort.season,
                          "grade": grade, "child_birth_date": fam.child["birth_date"], "seq": i, "digest": None,
                          "guardians": guardians})
        scores = {s.application_no: s for s in score_many(rules, cases)}
        all_scores.update(scores)
        applicants = []
        for case, fam in zip(cases, families):
            s = scores[case["application_no"]]
            since = s.tie_break.earliest_continuous_since
            applicants.append(Applicant(
                id=case["application_no"], family_score=Decimal(s.family_score).quantize(CENT),
                other_score=Decimal(s.tie_break.other_guardian_score).quantize(CENT),
                earliest_since=None if since is None else date.fromisoformat(str(since)),
                township=s.residence_township_code or fam.township_code, public_choices=tuple(fam.public_choices),
                private_choices=tuple(fam.private_choices), eligible=s.eligible))
        level = "primary" if grade == 1 else "junior"
        schools = [School(s.code, s.kind, s.township_code,
                          (seats if s.kind == "public" else plans).get((s.code, grade), 0),
                          frozenset(s.catchment_townships) if s.kind == "public" else frozenset(), s.status)
                   for s in district.schools if s.level == level]
        grades[grade] = (applicants, schools)
    return grades, all_scores
