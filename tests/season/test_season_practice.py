"""The practice season (issue 17): ``tongcheng season open YEAR`` (what ``make up`` runs for 2026) leaves a running
suite (five processes on free ports) with a season that takes applications — rulebook HY-2026 published, the
district's schools, seats, plans, semesters and tariffs — and a newcomer's applications go all the way: verified
by the stub departments, scored, placed in a run and published. Opening twice changes nothing."""

from __future__ import annotations

import time
import uuid

import pytest

from season_kit import wait_for
from shared_kit import free_port
from tongcheng.api import Roles
from tongcheng.cohort import generate
from tongcheng.demo import DEMO_ENV, make_stubs
from tongcheng.practice import PRACTICE_SEASON, district_for, open_season
from tongcheng.registry import Registry
from tongcheng.secrets import generate as generate_secrets
from tongcheng.suite import DEFAULT_PORTS, Suite

pytestmark = pytest.mark.processes
YEAR, SIZE = PRACTICE_SEASON, 12


def test_an_opened_season_takes_applications_through_to_a_published_placement(tmp_path):
    var = tmp_path / "var"
    generate_secrets(var)
    suite = Suite(var=var, ports={name: free_port() for name in DEFAULT_PORTS}, extra_env=dict(DEMO_ENV))
    cohort = generate(SIZE, 31, district=district_for(YEAR))
    try:
        suite.start_all()
        roles = Roles.connect(suite.url(), var)
        done = open_season(roles, YEAR)
        assert done["rulebook_created"] == 1 and done["rulebook_published"] == 1 and done["schools_created"] == 60
        again = open_season(roles, YEAR)  # idempotent: nothing new
        assert not again["rulebook_created"] and not again["rulebook_published"] and not again["schools_created"]
        books = list(roles.bureau.points.pages("/rulebooks", season=YEAR))
        assert [(b["id"], b["state"]) for b in books] == [(f"HY-{YEAR}", "published")]
        semesters = {s["code"] for s in roles.bureau.funding.pages("/semesters")}
        assert {f"{YEAR}-autumn", f"{YEAR + 1}-spring"} <= semesters

        pool = make_stubs(roles, Registry.from_cohort(cohort), YEAR)
        pool.start()
        try:
            numbers = {}
            for family in cohort.families:
                answer = roles.platform.enrollment.post("/applications", family.application(YEAR),
                                                        key=str(uuid.uuid4()))
                assert answer["state"] == "submitted" and answer["season"] == YEAR
                numbers[answer["application_no"]] = family.grade
            wait_for("the cases handed over", lambda: roles.bureau.enrollment.get("/outbox")["pending"] == 0)
            handed = time.monotonic()
            wait_for("the departments' answers", lambda: pool.drained_since(handed))
            for grade in sorted(set(numbers.values())):
                job = roles.bureau.points.post("/scoring-jobs", {"season": YEAR, "grade": grade},
                                               key=str(uuid.uuid4()))
                wait_for(f"scoring grade {grade}",
                         lambda: roles.bureau.points.get(f"/scoring-jobs/{job['id']}")["state"] == "done")
                run = roles.bureau.enrollment.post("/runs", {"season": YEAR, "grade": grade, "seed": "practice"},
                                                   key=str(uuid.uuid4()))
                published = roles.bureau.enrollment.post(f"/runs/{run['id']}/publish", {"window_days": 5},
                                                         key=str(uuid.uuid4()))
                assert published["state"] == "published"
            for no in numbers:
                where = roles.platform.enrollment.get(f"/placements/{no}")
                assert where["run_state"] == "published" and (where["placed"] or where["reason"]), where
        finally:
            pool.stop()
            roles.close()
    finally:
        suite.stop_all()
