"""The practice season (issue 17): ``tongcheng season open YEAR`` (what ``make up`` runs for 2026) leaves a running
suite (five processes on free ports) with a season that takes applications — rulebook HY-2026 published, the
district's schools, seats, plans, semesters and tariffs — and a newcomer's applications go all the way: verified
by the stub departments, scored, placed in a run and published. Opening twice changes nothing. The README's
quick start is played first, as written (its shell block, with ``var/`` the test's folder), on the fresh suite."""

from __future__ import annotations

import json
import re
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from season_kit import wait_for
from shared_kit import free_port
from tongcheng.api import Roles
from tongcheng.cli import GATEWAY_URL_FILE
from tongcheng.cohort import generate
from tongcheng.demo import DEMO_ENV, make_stubs
from tongcheng.practice import PRACTICE_SEASON, district_for, open_season
from tongcheng.registry import Registry
from tongcheng.secrets import generate as generate_secrets
from tongcheng.suite import DEFAULT_PORTS, Suite

pytestmark = pytest.mark.processes
YEAR, SIZE = PRACTICE_SEASON, 12
REPO = Path(__file__).resolve().parents[2]


def play_readme_quick_start(var: Path, gateway: str) -> list[dict]:
    """Run the README's quick-start block (bash, from the repository) against ``gateway``, its ``var/`` being the
    test's folder → the JSON answers it printed, in order. ``tongcheng stubs`` finds the gateway as after
    ``tongcheng up --free-ports`` (``var/run/gateway.url``)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", readme[readme.index("## Five minutes as the platform"):], re.S).group(1)
    assert block.startswith("GW=http://127.0.0.1:8000;"), block[:80]
    block = block.replace("GW=http://127.0.0.1:8000", f"GW={gateway}", 1).replace("var/", f"{var}/")
    block = block.replace("tongcheng stubs ", f"tongcheng stubs --var {var} ")
    done = subprocess.run(["bash", "-eu", "-o", "pipefail", "-c", block], cwd=REPO, capture_output=True, text=True,
                          timeout=240)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


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

        (var / GATEWAY_URL_FILE).write_text(suite.url() + "\n", encoding="utf-8")  # as `tongcheng up` leaves it
        answers = play_readme_quick_start(var, suite.url())
        submitted, queue, job, score, run, published, placement, mine = answers
        assert submitted["application_no"] == f"HY{YEAR}-1-000001" and submitted["state"] == "submitted", answers
        assert {r["application_no"] for r in queue["items"]} == {submitted["application_no"]}, queue
        assert job["id"] == 1 and score["eligible"] is True, (job, score)
        assert run["id"] == 1 and published["state"] == "published", (run, published)
        assert placement["run_state"] == "published" and placement["placed"] is True, placement
        assert [a["application_no"] for a in mine["items"]] == [submitted["application_no"]], mine

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
