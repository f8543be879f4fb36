"""A practice season (issue 17): ``tongcheng season open YEAR`` (and ``make up``) leave a running suite with a season
that takes applications — its rulebook published, the district's schools, migrant seats, private plans, semesters
and tariffs loaded — so a newcomer can submit an application, have it verified, scored, placed and published with
nothing but ``curl`` (README, quick start).

Idempotent: a rulebook already there is kept (published when still a draft), the district is loaded as
:func:`tongcheng.importer.import_district` loads it (existing records replaced or kept).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

from tongcheng.api import ApiError, Roles
from tongcheng.importer import import_district
from tongcheng.schools import District, Semester, bundled

PRACTICE_SEASON = 2026
"""The season ``make up`` opens: the year after the bundled 2025 (which ``make demo`` plays and finalises)."""


def rulebook_body(year: int) -> dict:
    """The shipped default rulebook (points' ``HY-2025.json``, BRIEF §5) for ``year``: id ``HY-<year>``, cut-off
    30 April of that year."""
    import points

    spec = json.loads((Path(points.__file__).parent / "rulebooks" / "HY-2025.json").read_text(encoding="utf-8"))
    spec.update(id=f"HY-{year}", season=year, cutoff_date=f"{year}-04-30",
                name=f"黄岩区{year}年随迁子女积分入学细则 (practice season, BRIEF §5 default)")
    return spec


def district_for(year: int) -> District:
    """The bundled district (``data/``: the same schools as ``make demo``'s, so a suite that played 2025 keeps
    them) with its migrant seats, plans, semesters and tariffs moved to ``year``."""
    base = bundled()
    autumn, spring = f"{year}-autumn", f"{year + 1}-spring"
    return District(
        schools=base.schools, seats=[replace(s, season=year) for s in base.seats],
        plans=[replace(p, season=year) for p in base.plans],
        tariffs=[replace(t, semester=autumn) for t in base.tariffs if t.semester.endswith("-autumn")],
        semesters=[Semester(autumn, f"{year}学年秋季学期", date(year, 9, 1), date(year + 1, 1, 31)),
                   Semester(spring, f"{year}学年春季学期", date(year + 1, 2, 1), date(year + 1, 7, 15))])


def open_season(roles: Roles, year: int) -> Counter:
    """Open ``year`` for applications as the bureau: publish its rulebook ``HY-<year>`` and load the district sized
    as :func:`district_for` gives it. Returns what was done (``rulebook_created``, ``rulebook_published``,
    ``schools_created`` ...). Raises :class:`tongcheng.api.ApiError` on a refusal."""
    done: Counter = Counter()
    points = roles.bureau.points
    book_id = f"HY-{year}"
    books = {b["id"]: b for b in points.pages("/rulebooks", season=year)}
    if book_id not in books:
        try:
            points.post("/rulebooks", rulebook_body(year))
            done["rulebook_created"] += 1
        except ApiError as exc:
            if exc.status != 409:
                raise
        books = {b["id"]: b for b in points.pages("/rulebooks", season=year)}
    if books.get(book_id, {}).get("state") != "published":
        points.post(f"/rulebooks/{book_id}/publish")
        done["rulebook_published"] += 1
    done.update(import_district(roles.bureau, district_for(year)))
    return done
