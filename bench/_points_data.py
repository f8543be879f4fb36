"""Synthetic CaseFacts for the points benchmarks: a realistic mix of one- and two-guardian families."""

from __future__ import annotations

import random
from datetime import date, timedelta

TOWNSHIPS = ["331003001", "331003002", "331003003", "331003004", "331003005", "331003007", "331003107"]


def _day(rng: random.Random, start: int, end: int) -> str:
    first = date(start, 1, 1)
    return (first + timedelta(days=rng.randrange((date(end, 12, 31) - first).days))).isoformat()


def _result(rng: random.Random, seq: list[int], department: str, facts: dict) -> dict:
    seq[0] += 1
    roll = rng.random()
    if roll < 0.004:
        return {"id": seq[0], "outcome": "falsified", "department": department, "facts": None}
    if roll < 0.03:
        return {"id": seq[0], "outcome": "mismatch", "department": department, "facts": facts}
    if roll < 0.06:
        return {"id": seq[0], "outcome": "not_found", "department": department, "facts": None}
    return {"id": seq[0], "outcome": "confirmed", "department": department, "facts": facts}


def make_case(rng: random.Random, n: int, *, season: int = 2025, grade: int = 1, seq: list[int] | None = None) -> dict:
    """One CaseFacts (the shape of verification's ``GET /facts/{application_no}``)."""
    seq = seq if seq is not None else [n * 10]
    guardians = []
    for gno in range(1, 3 if rng.random() < 0.7 else 2):
        county = "331003" if rng.random() < 0.97 else "330602"
        results: dict = {
            "residence_permit": _result(rng, seq, "police", {
                "county_code": county, "status": "valid" if rng.random() < 0.95 else "suspended",
                "issued_on": _day(rng, 2008, 2024), "continuous_since": _day(rng, 2008, 2025),
                "township_code": rng.choice(TOWNSHIPS)}),
            "social_insurance": _result(rng, seq, "hrss", {
                "county_code": county, "active_at_cutoff": rng.random() < 0.95,
                "continuous_months": rng.randrange(0, 180), "since": _day(rng, 2010, 2024)}),
            "housing": None, "business_license": None,
        }
        pending = []
        if rng.random() < 0.5:
            if rng.random() < 0.4:
                facts = {"tenure": "owned", "certificate_no": f"浙(2021)黄岩区不动产权第{n:07d}号",
                         "share_percent": rng.choice(["100.00", "50.00", "49.99", "33.33"]),
                         "acquired_on": _day(rng, 2005, 2025), "county_code": county,
                         "township_code": rng.choice(TOWNSHIPS)}
            else:
                facts = {"tenure": "rented", "lease_no": f"HYZL-2023-{n:05d}", "registered_on": _day(rng, 2015, 2025),
                         "county_code": county, "township_code": rng.choice(TOWNSHIPS)}
            if rng.random() < 0.05:
                pending.append("housing")
            else:
                results["housing"] = _result(rng, seq, "housing", facts)
        if rng.random() < 0.2:
            results["business_license"] = _result(rng, seq, "market", {
                "uscc": "92331003MA2ABCDE19", "entity_type": "individual", "county_code": county,
                "status": "active" if rng.random() < 0.9 else "revoked", "established_on": _day(rng, 2005, 2025),
                "holder_is_guardian": rng.random() < 0.9})
        guardians.append({"guardian_no": gno, "results": results, "pending": pending})
    return {"application_no": f"HY{season}-{grade}-{n:06d}", "season": season, "grade": grade,
            "child_birth_date": _day(rng, season - 7, season - 6) if grade == 1 else _day(rng, season - 13, season - 12),
            "seq": n, "digest": None, "guardians": guardians}


def make_cases(count: int, *, seed: int = 2025, season: int = 2025, grade: int = 1) -> list[dict]:
    rng = random.Random(seed)
    seq = [0]
    return [make_case(rng, n, season=season, grade=grade, seq=seq) for n in range(1, count + 1)]
