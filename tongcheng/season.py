"""Play a whole enrollment season through the gateway with the real roles (BRIEF §4, steps 1–8).

:class:`Season` drives a running suite: the bureau checks the rulebook and loads the district (the same import as
``tongcheng import-schools``), the platform submits every application (``POST /applications/batch``), the
departments answer (stub departments, running meanwhile), points are scored per grade (scoring jobs), grades 1
and 7 are placed and published, one appeal is lodged and upheld, carries itself to the department and back, and
its grade is re-run, both grades are
finalised, purchased seats reach funding, the autumn semester is settled, approved and paid, and the auditor
verifies the ledger and downloads the workbook. Each step is timed; long ones show progress bars.

The result (:class:`SeasonResult`) carries what the season produced, for the report (:mod:`tongcheng.report`)
and for the tests to check.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from common.schemas import day_in_shanghai
from tongcheng.api import ApiError, Roles, idempotency_key
from tongcheng.cohort import RULEBOOK_ID, Cohort
from tongcheng.importer import import_district
from tongcheng.schools import AUTUMN, District
from tongcheng.stubs import StubPool

MAX_BATCH_ITEMS = 1000
MAX_BATCH_BYTES = 900_000  # below the services' 1 MB body limit
MECHANISM = "deferred_acceptance"


class SeasonError(RuntimeError):
    """A step could not complete; the message says which and why."""


@dataclass
class Submission:
    """What the platform's batches did: family key → application number, and the counts."""

    numbers: dict[str, str] = field(default_factory=dict)
    created: int = 0
    duplicates: int = 0
    rejected: int = 0
    problems: Counter = field(default_factory=Counter)  # code → count, for rejected items
    batches: int = 0


@dataclass
class SeasonResult:
    """Everything a season produced, as the services answered it."""

    size: int
    seed: int
    season: int
    timings: list[tuple[str, float]] = field(default_factory=list)
    imported: Counter = field(default_factory=Counter)
    submission: Submission = field(default_factory=Submission)
    expected_requests: int = 0
    answered_requests: int = 0
    scoring_jobs: dict[int, dict] = field(default_factory=dict)
    runs: dict[int, list[dict]] = field(default_factory=dict)  # grade → runs in order (last = final)
    appeal: dict | None = None
    purchased_seats: int = 0
    settlements: list[dict] = field(default_factory=list)
    disbursements: list[dict] = field(default_factory=list)
    ledger: dict = field(default_factory=dict)
    roll: dict = field(default_factory=dict)  # {schools, attending, left} of the autumn roll (在校确认)
    events: dict = field(default_factory=dict)  # kind → events the platform read from GET /events
    season_report: dict = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)  # report files downloaded (name → content)

    def final_run(self, grade: int) -> dict:
        return self.runs[grade][-1]

    @property
    def total_cost(self) -> Decimal:
        return sum((Decimal(s["total"]) for s in self.settlements), Decimal("0.00"))


def chunks(items: Iterable[dict], *, max_items: int = MAX_BATCH_ITEMS, max_bytes: int = MAX_BATCH_BYTES) -> Iterator[
        list[dict]]:
    """Consecutive batches of at most ``max_items`` items and about ``max_bytes`` of compact UTF-8 JSON."""
    batch: list[dict] = []
    size = 0
    for item in items:
        n = len(json.dumps(item, ensure_ascii=False, separators=(",", ":")).encode()) + 1
        if batch and (len(batch) >= max_items or size + n > max_bytes):
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += n
    if batch:
        yield batch


# ---- the season ------------------------------------------------------------------------------------------------

class Season:
    """One season against a running suite. ``pool``: the stub departments already answering (or ``None`` when
    departments run elsewhere; the driver then waits on verification's facts)."""

    def __init__(self, roles: Roles, cohort: Cohort, district: District, *, pool: StubPool | None = None,
                 console: Console | None = None, quiet: bool = False, run_seed: str | None = None,
                 timeout_s: float = 900.0, stall_s: float = 120.0):
        self.roles, self.cohort, self.district, self.pool = roles, cohort, district, pool
        self.console = console or Console()
        self.quiet = quiet
        self.season = cohort.season
        self.run_seed = run_seed or f"HY{cohort.season}-{cohort.seed}"
        self.timeout_s, self.stall_s = timeout_s, stall_s
        self.result = SeasonResult(size=cohort.size, seed=cohort.seed, season=cohort.season)
        self.progress = Progress(SpinnerColumn(), TextColumn("[progress.description]{task.description}"),
                                 BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=self.console,
                                 disable=quiet, transient=False)

    # -- plumbing ------------------------------------------------------------------------------------------------
    @contextmanager
    def step(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        except (ApiError, SeasonError) as exc:
            if not self.quiet:
                self.console.print(f"[red]✗[/red] {name}")
            raise SeasonError(f"step '{name}' failed: {exc}") from exc
        finally:
            elapsed = time.perf_counter() - started
            self.result.timings.append((name, elapsed))
        if not self.quiet:
            self.console.print(f"[green]✓[/green] {name} [dim]({elapsed:.1f} s)[/dim]")

    def _wait(self, what: str, check, *, interval_s: float = 0.25, marker=None) -> Any:
        """Poll ``check()`` until truthy. ``marker()`` → (progress key, hint): when the key has not changed for
        ``stall_s`` seconds the wait fails with the hint (e.g. the outbox's last error) instead of hanging."""
        deadline = time.monotonic() + self.timeout_s
        last_key, last_change = None, time.monotonic()
        while True:
            got = check()
            if got:
                return got
            now = time.monotonic()
            if marker is not None:
                key, hint = marker()
                if key != last_key:
                    last_key, last_change = key, now
                elif now - last_change > self.stall_s:
                    raise SeasonError(f"no progress for {self.stall_s:.0f} s waiting for {what}: {hint}")
            if now > deadline:
                raise SeasonError(f"timed out after {self.timeout_s:.0f} s waiting for {what}")
            time.sleep(interval_s)

    def log(self, text: str) -> None:
        if not self.quiet:
            self.console.print(f"  [dim]{text}[/dim]")

    # -- steps ---------------------------------------------------------------------------------------------------
    def run(self) -> SeasonResult:
        """Play every step in order; raises :class:`SeasonError` naming the step that failed."""
        with self.progress:
            with self.step("set-up: rulebook, schools, seats, plans, semesters, tariffs"):
                self.check_rulebook()
                self.result.imported = import_district(self.roles.bureau, self.district, progress=self.progress)
            with self.step("applications submitted by the platform"):
                self.submit()
            with self.step("departments verify"):
                self.verify()
            with self.step("points scored"):
                self.score()
            with self.step("placement runs published"):
                for grade in (1, 7):
                    self.place(grade)
            with self.step("appeal lodged, upheld, re-checked by hrss, rescored; grade re-run"):
                self.appeal()
            with self.step("runs finalised, purchased seats handed to funding"):
                self.finalise()
            with self.step("schools confirm the autumn roll (在校确认)"):
                self.confirm_rolls()
            with self.step("autumn settled, approved and paid"):
                self.settle()
            with self.step("auditor verifies the ledger"):
                self.audit()
            with self.step("reports fetched"):
                self.fetch_reports()
            with self.step("platform follows GET /events"):
                self.follow_events()
        return self.result

    def check_rulebook(self) -> None:
        books = list(self.roles.bureau.points.pages("/rulebooks"))
        book = next((b for b in books if b.get("id") == RULEBOOK_ID), None)
        if book is None:
            raise SeasonError(f"rulebook {RULEBOOK_ID} is not loaded in points (found: "
                              f"{', '.join(str(b.get('id')) for b in books) or 'none'})")
        if book.get("state", "published") != "published":
            raise SeasonError(f"rulebook {RULEBOOK_ID} is {book.get('state')}, not published")

    def submit(self) -> None:
        """The platform posts every family's application in batches, one after the other (so the application
        numbers follow the cohort's order). The next batch and its key are built in a second thread while the
        current one is in flight: building them was the driver's share of the step's wall time."""
        families = self.cohort.families
        sub = self.result.submission
        task = self.progress.add_task("platform submits applications", total=len(families))
        offset = 0
        prepared = ((batch, idempotency_key("applications", self.season, batch))
                    for batch in chunks(f.application(self.season) for f in families))
        for batch, key in _ahead(prepared):
            answer = self.roles.platform.enrollment.post("/applications/batch", {"items": batch}, key=key)
            sub.batches += 1
            for item in answer["items"]:
                fam = families[offset + item["index"]]
                if item["status"] == "created":
                    sub.created += 1
                    sub.numbers[fam.key] = item["application_no"]
                elif item["status"] == "duplicate":
                    sub.duplicates += 1
                    sub.numbers[fam.key] = item["existing_application_no"]
                else:
                    sub.rejected += 1
                    sub.problems[f"{item.get('code')}:{item.get('field')}"] += 1
            offset += len(batch)
            self.progress.update(task, completed=offset)
        if sub.rejected:
            self.log(f"{sub.rejected} application(s) refused: {dict(sub.problems.most_common(5))}")
        self.result.expected_requests = sum(
            2 * len(f.guardians) + len(f.claims["housing"]) + len(f.claims["business_license"])
            for f in families if f.key in sub.numbers)

    def _outbox(self) -> dict:
        return self.roles.bureau.enrollment.get("/outbox")

    def verify(self) -> None:
        """Wait until enrollment's outbox has handed every case to verification and every department has
        answered all its requests."""
        task = self.progress.add_task("departments answer", total=self.result.expected_requests)
        bureau = self.roles.bureau.enrollment

        outbox: dict = {}

        def delivered() -> bool:
            outbox.update(self._outbox())
            if self.pool is not None:
                self.progress.update(task, completed=self.pool.answered())
            if outbox["pending"] and outbox.get("failing"):
                bureau.post("/outbox/flush", key=idempotency_key("flush", time.time_ns()))  # keyed: retried
            return outbox["pending"] == 0

        self._wait("enrollment's outbox to deliver the cases", delivered,
                   marker=lambda: (outbox.get("delivered"), f"outbox {outbox}"))
        handed = time.monotonic()
        if self.pool is not None:
            def drained() -> bool:
                self.progress.update(task, completed=self.pool.answered())
                return self.pool.drained_since(handed)

            errors = lambda: "; ".join(f"{s.department}: {s.last_error}" for s in self.pool.stubs  # noqa: E731
                                       if s.last_error) or "no errors reported"
            self._wait("the departments to answer", drained, interval_s=0.2,
                       marker=lambda: (self.pool.answered(), errors()))
            self.result.answered_requests = self.pool.answered()
        else:
            def no_pending() -> bool:
                pending = answered = 0
                for grade in (1, 7):
                    for case in self.roles.bureau.verification.pages("/facts", season=self.season, grade=grade):
                        for g in case["guardians"]:
                            pending += len(g.get("pending", []))
                            answered += sum(r is not None for r in g["results"].values())
                self.progress.update(task, completed=answered)
                self.result.answered_requests = answered
                return pending == 0

            self._wait("the departments to answer", no_pending, interval_s=2.0)
        self.progress.update(task, completed=self.result.answered_requests)

    def score(self) -> None:
        points = self.roles.bureau.points
        jobs = {grade: points.post("/scoring-jobs", {"season": self.season, "grade": grade},
                                   key=idempotency_key("scoring-job", self.season, grade, self.run_seed))
                for grade in (1, 7)}
        tasks = {grade: self.progress.add_task(f"points scores grade {grade}", total=job.get("total") or None)
                 for grade, job in jobs.items()}

        def finished() -> bool:
            states = []
            for grade, job in jobs.items():
                job = jobs[grade] = points.get(f"/scoring-jobs/{job['id']}")
                self.progress.update(tasks[grade], total=job.get("total") or None, completed=job.get("done", 0))
                if job["state"] == "failed":
                    raise SeasonError(f"scoring job for grade {grade} failed: {job.get('error')}")
                states.append(job["state"] == "done")
            return all(states)

        self._wait("the scoring jobs", finished, interval_s=0.3,
                   marker=lambda: (tuple(j.get("done") for j in jobs.values()), f"jobs {jobs}"))
        self.result.scoring_jobs = jobs

    def place(self, grade: int) -> dict:
        """Run placement for ``grade`` over a frozen snapshot with the published seed, and publish it (公示)."""
        en = self.roles.bureau.enrollment
        runs = self.result.runs.setdefault(grade, [])
        body = {"season": self.season, "grade": grade, "mechanism": MECHANISM, "seed": self.run_seed}
        run = en.post("/runs", body, key=idempotency_key("run", body, len(runs)))
        run = en.post(f"/runs/{run['id']}/publish", {"window_days": 5}, key=idempotency_key("publish", run["id"]))
        runs.append(run)
        counts = run.get("counts", {})
        self.log(f"grade {grade}: run {run['id']} published — {counts.get('placed_public', '?')} public, "
                 f"{counts.get('placed_purchased', '?')} purchased, {counts.get('waitlisted', '?')} waitlisted")
        return run

    def appeal(self) -> None:
        """The platform lodges an appeal (复核) for the family whose insurance record was missing, naming the fact it
        disputes; the bureau upholds it. The appeal carries itself (enrollment.appeals_flow): the re-check reaches
        hrss's queue, the stub department answers it from the registry, points rescore. The bureau checks the
        re-run preview and re-runs the grade, which includes the appeal."""
        sub = self.result.submission
        case = next((f for f in self.cohort.planted("appeal_case") if f.key in sub.numbers), None)
        grade = case.grade if case else 1
        run = self.result.final_run(grade)
        bureau = self.roles.bureau.enrollment
        if case is not None:
            number = sub.numbers[case.key]
            body = {"reason": "家长申诉：社保缴费记录漏登，已在人力社保部门补录 (insurance record was missing)",
                    "disputes": {"type": "fact", "guardian_no": 1, "kind": "social_insurance"}}
        else:  # no planted case in this cohort: appeal for the first waitlisted application
            waiting = next((p for p in bureau.pages(f"/runs/{run['id']}/placements") if not p["placed"]), None)
            if waiting is None:
                self.log("no appeal: nobody is waitlisted")
                return
            number = waiting["application_no"]
            body = {"reason": "家长申诉 (the family asks for a review)",
                    "disputes": {"type": "placement_rule", "rule": "review"}}
        appeal = self.roles.platform.enrollment.post("/appeals", {"run_id": run["id"], "application_no": number, **body},
                                                     key=idempotency_key("appeal", run["id"], number))
        decided = bureau.post(f"/appeals/{appeal['id']}/decision",
                              {"decision": "upheld", "note": "复核：请人力社保部门重新核验 (re-checked by the department)"},
                              key=idempotency_key("decision", appeal["id"]))
        state: dict = {}

        def ready() -> bool:
            state.update(bureau.get(f"/appeals/{appeal['id']}"))
            return state["progress"] in ("rescored", "ready_for_rerun")

        if self.pool is None and case is not None:
            self.log("no stub departments: the appeal waits for hrss's answer")
        self._wait("the appeal's re-check and rescoring", ready, interval_s=0.1,
                   marker=lambda: ((state.get("progress"), state.get("last_error")), f"appeal {state}"))
        preview = bureau.get("/runs/preview", season=self.season, grade=grade)
        if appeal["id"] not in [a["id"] for a in preview["would_include"]]:
            raise SeasonError(f"the re-run preview does not include appeal {appeal['id']}: {preview}")
        before = bureau.get(f"/placements/{number}")
        rerun = self.place(grade)
        after = bureau.get(f"/placements/{number}")
        included = bureau.get(f"/appeals/{appeal['id']}")
        moved = bureau.get(f"/runs/{rerun['id']}/diff")  # against the run it replaced
        self.result.files[f"run-{rerun['id']}-diff.json"] = json.dumps(moved, ensure_ascii=False, indent=1).encode()
        score = state.get("score") or {}
        self.result.appeal = {"application_no": number, "grade": grade, "appeal": included, "decision": decided,
                              "correction": state.get("recheck"), "eligible_after": score.get("eligible"),
                              "family_score": score.get("family_score"), "before": before, "after": after,
                              "moved": moved["counts"]}
        self.log(f"appeal {appeal['id']} for {number} upheld, {state['progress']} "
                 f"({state.get('department') or 'no department'}: {(state.get('recheck') or {}).get('outcome')}), "
                 f"{included['progress']} {included.get('included_run_id')}: before {_where(before)}, "
                 f"after {_where(after)}")
        reasons = ", ".join(f"{k} {v}" for k, v in moved["reasons"].items() if v)
        self.log(f"re-run {rerun['id']} against run {moved['against']}: {len(moved['items'])} placement(s) changed "
                 f"({moved['counts']['moved']} moved, {moved['counts']['newly_placed']} newly placed, "
                 f"{moved['counts']['lost_place']} lost a place; {reasons or 'no reasons'})")

    def finalise(self) -> None:
        en = self.roles.bureau.enrollment
        expected = 0
        for grade in (1, 7):
            run = self.result.final_run(grade)
            final = en.post(f"/runs/{run['id']}/finalise", key=idempotency_key("finalise", run["id"]))
            self.result.runs[grade][-1] = final
            expected += final.get("handover", {}).get("purchased_seats", final["counts"].get("placed_purchased", 0))
            snapshot = self.roles.auditor.enrollment.get_response(f"/runs/{final['id']}/snapshot")  # issue 13
            self.result.files[snapshot_name(final)] = snapshot.content
        task = self.progress.add_task("purchased seats reach funding", total=expected)

        outbox: dict = {}

        def handed() -> bool:
            outbox.update(self._outbox())
            seats = outbox.get("topics", {}).get("funding.seats", {})
            if outbox["pending"] and outbox.get("failing"):
                en.post("/outbox/flush", key=idempotency_key("flush", time.time_ns()))
            self.progress.update(task, completed=expected if not seats.get("pending") else 0)
            return outbox["pending"] == 0

        self._wait("enrollment's outbox to hand the purchased seats to funding", handed, interval_s=0.1,
                   marker=lambda: (outbox.get("delivered"), f"outbox {outbox}"))
        count = sum(1 for _ in self.roles.bureau.funding.pages("/purchased-seats"))
        self.progress.update(task, completed=count)
        self.result.purchased_seats = count
        if count != expected:
            self.log(f"[yellow]funding holds {count} purchased seats, enrollment handed over {expected}[/yellow]")

    def confirm_rolls(self) -> None:
        """Each private school's staff confirms its autumn roll with its own credential (the bureau for a school
        without one): every pupil attends except about one in 37, who left during the semester — moved to a public
        school (插班), left the district or dropped out — on a day of October to December. Settlements then bill
        confirmed pupils only, to the day they left (BRIEF §8)."""
        bureau = self.roles.bureau.funding
        schools = sorted({s["school_code"] for s in bureau.pages("/purchased-seats", semester=AUTUMN)})
        codes = ("public_school", "left_district", "dropped_out")
        days = ("2025-10-31", "2025-11-14", "2025-12-01")
        task = self.progress.add_task("schools confirm their roll", total=len(schools))
        attending = left = 0
        for school in schools:
            staff = self.roles.schools.get(school)
            api = staff.funding if staff else bureau
            seats = [i for i in api.pages(f"/rolls/{school}/{AUTUMN}") if i["status"] == "awaiting"]
            leavers = [i for i in seats if i["seat_id"] % 37 == 0 and i["end_date"] is None]
            body = {"attending": [i["seat_id"] for i in seats if i not in leavers],
                    "left": [{"seat_id": i["seat_id"], "left_on": days[n % 3], "code": codes[n % 3]}
                             for n, i in enumerate(leavers)]}
            if body["attending"] or body["left"]:
                api.post(f"/rolls/{school}/{AUTUMN}/confirmations", body, key=idempotency_key("roll", school, AUTUMN))
            attending, left = attending + len(body["attending"]), left + len(body["left"])
            self.progress.advance(task)
        self.result.roll = {"schools": len(schools), "attending": attending, "left": left}
        self.log(f"autumn roll confirmed by {len(schools)} schools: {attending} pupils attend, {left} left during "
                 "the semester (billed to the day they left)")

    def set_budget(self) -> None:
        """Finance appropriates each calendar year of the school year what the forecast says it will cost (settled
        and projected, rounded up to the next 10,000 yuan), so the budget figures the auditor's workbook shows are
        whole: appropriation, settled, paid, remaining (BRIEF §8)."""
        finance = self.roles.finance.funding
        for year in finance.get(f"/forecast/{self.season}")["budget"]:
            need = Decimal(year["settled"]) + Decimal(year["forecast"])
            appropriation = max((need / 10_000).to_integral_value(rounding="ROUND_CEILING") * 10_000, 10_000)
            finance.put(f"/budget/{year['year']}", {"appropriation": f"{appropriation:.2f}"})
            self.log(f"budget {year['year']}: {appropriation:,.2f} yuan appropriated (forecast {need:,.2f})")

    def settle(self) -> None:
        self.set_budget()
        bureau, finance = self.roles.bureau.funding, self.roles.finance.funding
        run = bureau.post("/settlements/run", {"semester": AUTUMN}, key=idempotency_key("settle", AUTUMN))
        for skipped in run.get("skipped", []):
            self.log(f"settlement skipped for {skipped['school_code']}: {skipped['code']} {skipped['detail']}")
        drafts = list(bureau.pages("/settlements", semester=AUTUMN))
        task = self.progress.add_task("finance approves and pays", total=len(drafts))
        paid_on = day_in_shanghai().isoformat()  # the finance office's day, as the service checks it
        settled, payments = [], []
        for s in drafts:
            if s["state"] == "draft":
                s = finance.post(f"/settlements/{s['id']}/approve", if_match=f'"v{s["version"]}"',
                                 key=idempotency_key("approve", s["id"], s["version"]))
            if s["state"] == "approved":
                due = s.get("amount_due", s["total"])
                if Decimal(due) > 0:
                    payments.append(finance.post(
                        f"/settlements/{s['id']}/disbursements",
                        {"reference": f"HYCZ-{AUTUMN}-{s['school_code']}", "amount": due, "paid_on": paid_on},
                        key=idempotency_key("pay", s["id"], due)))
                s = finance.get(f"/settlements/{s['id']}", lines="false")
            settled.append(s)
            self.progress.advance(task)
        self.result.settlements, self.result.disbursements = settled, payments

    def audit(self) -> None:
        auditor = self.roles.auditor.funding
        self.result.ledger = auditor.get("/ledger/verify")
        resp = auditor.get_response("/exports/auditor.xlsx", semester=AUTUMN)
        self.result.files["auditor-2025-autumn.xlsx"] = resp.content
        if not self.result.ledger.get("ok"):
            self.log(f"[red]ledger verification failed: {self.result.ledger.get('first_broken')}[/red]")

    def follow_events(self) -> None:
        """The platform follows the season through ``GET /events`` alone (issue 13): every application ends in a
        ``final`` or ``withdrawn`` event."""
        kinds: Counter = Counter()
        last: dict[str, str] = {}
        after = 0
        while True:
            page = self.roles.platform.enrollment.get("/events", after=after, limit=1000)
            for e in page["items"]:
                kinds[e["kind"]] += 1
                last[e["application_no"]] = e["kind"]
            after = page["last_id"]
            if page["next_cursor"] is None:
                break
        self.result.events = dict(kinds)
        open_ = [no for no, kind in last.items() if kind not in ("final", "withdrawn")]
        counts = ", ".join(f"{k} {v:,}" for k, v in kinds.items())
        self.log(f"platform feed: {sum(kinds.values()):,} events ({counts}); {len(last) - len(open_):,} of "
                 f"{len(last):,} applications followed to final or withdrawn")

    def fetch_reports(self) -> None:
        """The season report (JSON, each view as CSV, the whole as a workbook), each final run's rosters (workbook,
        one sheet per school) and the appeals with their decisions, as the bureau downloads them."""
        en = self.roles.bureau.enrollment
        self.result.season_report = en.get(f"/reports/seasons/{self.season}")
        for view in ("summary", "townships", "schools"):
            resp = en.get_response(f"/reports/seasons/{self.season}", format="csv", view=view)
            self.result.files[f"season-{self.season}-{view}.csv"] = resp.content
        self.result.files[f"season-{self.season}.xlsx"] = en.get_response(f"/reports/seasons/{self.season}",
                                                                          format="xlsx").content
        for grade in (1, 7):
            run = self.result.final_run(grade)
            self.result.files[f"run-{run['id']}-grade-{grade}-rosters.xlsx"] = en.get_response(
                f"/reports/runs/{run['id']}/rosters", format="xlsx").content
        self.result.files[f"appeals-{self.season}.xlsx"] = en.get_response("/reports/appeals", format="xlsx").content


def _ahead(items: Iterator[Any]) -> Iterator[Any]:
    """``items`` in order, the next one taken in a worker thread while the caller works on (or waits for the
    answer to) the current one."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="season-ahead") as worker:
        upcoming = worker.submit(next, items, None)
        while (item := upcoming.result()) is not None:
            upcoming = worker.submit(next, items, None)
            yield item


def snapshot_name(run: dict) -> str:
    """The report file of a final run's snapshot (``tongcheng verify-run`` checks it)."""
    return f"run-{run['id']}-{run['season']}-grade-{run['grade']}-snapshot.json"


def _where(placement: dict) -> str:
    if not placement.get("placed"):
        return f"waitlisted ({placement.get('reason')})"
    return f"{placement.get('school_code')} (round {placement.get('round')})"
