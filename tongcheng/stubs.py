"""Stub partner departments (公安 police, 人力社保 hrss, 住建 housing, 市场监管 market) for the demo and the tests.

Each stub is what a department's integration would be: it pulls its own pending verification requests through the
GATEWAY with its own department credential (``GET /api/verification/queue``), answers each from its registry
(:mod:`tongcheng.registry`), and posts the results in batches of up to 1,000 (``POST
/api/verification/results/batch`` with an ``Idempotency-Key`` derived from the batch, so a retried post replays).

Imperfect partners, for testing the suite (:class:`Faults`): a share of requests answered ``mismatch`` /
``not_found`` / ``falsified`` regardless of the record (decided per request, so a retry answers the same), a delay
before each batch, and an error rate — requests the department fails to answer in a pass (they stay pending and
are tried again in the next pass). Transport errors and 5xx are retried by :mod:`tongcheng.api` (tenacity).
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

import httpx

from common.vocabulary import DEPARTMENTS
from tongcheng.api import ApiError, ServiceApi
from tongcheng.registry import KINDS_OF_DEPARTMENT, Registry, answer

log = logging.getLogger("tongcheng.stubs")
MAX_BATCH = 1000


@dataclass(frozen=True)
class Faults:
    """How imperfect a stub department is. Shares are 0–1 of requests; ``delay_s`` seconds before each batch."""

    mismatch: float = 0.0
    not_found: float = 0.0
    falsified: float = 0.0
    delay_s: float = 0.0
    error_rate: float = 0.0
    seed: int = 0

    def __post_init__(self) -> None:
        for name in ("mismatch", "not_found", "falsified", "error_rate"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(f"{name} must be a share between 0 and 1")
        if self.mismatch + self.not_found + self.falsified > 1.0:
            raise ValueError("mismatch + not_found + falsified must not exceed 1")
        if self.delay_s < 0:
            raise ValueError("delay_s must be ≥ 0")


@dataclass
class Stats:
    """What a stub did: requests seen and answered, outcomes, failures (left pending), rejections, batches."""

    seen: int = 0
    answered: int = 0
    failed: int = 0
    rejected: int = 0
    batches: int = 0
    outcomes: Counter = field(default_factory=Counter)
    rejections: Counter = field(default_factory=Counter)

    def add(self, other: "Stats") -> None:
        self.seen += other.seen
        self.answered += other.answered
        self.failed += other.failed
        self.rejected += other.rejected
        self.batches += other.batches
        self.outcomes.update(other.outcomes)
        self.rejections.update(other.rejections)


class StubDepartment:
    """One department answering from ``registry`` through ``api`` (the verification service as this department).

    ``season`` filters the queue; ``batch_size`` ≤ 1000 is both the page size and the batch posted.
    """

    def __init__(self, department: str, api: ServiceApi, registry: Registry, *, season: int | None = None,
                 faults: Faults = Faults(), batch_size: int = MAX_BATCH):
        if department not in DEPARTMENTS:
            raise ValueError(f"unknown department {department!r}; one of {', '.join(DEPARTMENTS)}")
        if not 1 <= batch_size <= MAX_BATCH:
            raise ValueError("batch_size must be 1 … 1000")
        self.department, self.api, self.registry = department, api, registry
        self.season, self.faults, self.batch_size = season, faults, batch_size
        self.total = Stats()
        self.passes = 0
        self.last_empty_pass_started: float | None = None  # time.monotonic() of the latest pass that found nothing
        self.last_error: str | None = None

    def decide(self, request: dict) -> tuple[str, dict | None]:
        """Outcome and facts for one request: a planted fault (per request id, reproducible) or the record; a
        re-check asked by an appeal (``recheck`` set) is answered from the record, including records entered late."""
        if request.get("kind") != KINDS_OF_DEPARTMENT[self.department]:
            return "not_found", None  # not ours (the service should never send it); say so rather than guess
        if request.get("recheck"):  # an upheld appeal's re-check (复核): the registry again, records entered late too
            return answer(self.registry, request, include_late=True)
        f = self.faults
        if f.falsified or f.mismatch or f.not_found:
            roll = random.Random(f"{f.seed}:{self.department}:{request['id']}:outcome").random()
            if roll < f.falsified:
                return "falsified", None
            if roll < f.falsified + f.mismatch:
                outcome, facts = answer(self.registry, request)
                if facts is not None:
                    return "mismatch", facts
                return "not_found", None
            if roll < f.falsified + f.mismatch + f.not_found:
                return "not_found", None
        return answer(self.registry, request)

    def _fails(self, request: dict) -> bool:
        if not self.faults.error_rate:
            return False
        rng = random.Random(f"{self.faults.seed}:{self.department}:{request['id']}:{self.passes}:error")
        return rng.random() < self.faults.error_rate

    def _post(self, answers: list[dict], stats: Stats) -> int:
        canon = json.dumps(answers, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        key = f"{self.department}-" + hashlib.sha256(canon.encode()).hexdigest()[:40]
        if self.faults.delay_s:
            time.sleep(self.faults.delay_s)
        result = self.api.post("/results/batch", {"items": answers}, key=key)
        stats.batches += 1
        stored = 0
        by_id = {a["request_id"]: a["outcome"] for a in answers}
        for item in result.get("items", []):
            if item.get("status") == "stored":
                stored += 1
                stats.outcomes[by_id.get(item.get("request_id"), "?")] += 1
            else:
                stats.rejected += 1
                stats.rejections[str(item.get("code", "rejected"))] += 1
        stats.answered += stored
        return stored

    def run_once(self) -> Stats:
        """One pass over the department's pending requests; returns what it did.

        Requests already tried in this pass are skipped, and after a batch is stored the pass reads the queue
        from its head again, so it works whatever the cursor encodes.
        """
        stats, tried, cursor = Stats(), set(), None
        started = time.monotonic()
        while True:
            page = self.api.get("/queue", season=self.season, limit=self.batch_size, cursor=cursor)
            fresh = [r for r in page.get("items", []) if r["id"] not in tried]
            if not fresh:
                cursor = page.get("next_cursor")
                if not cursor:
                    break
                continue
            answers = []
            for request in fresh:
                tried.add(request["id"])
                stats.seen += 1
                if self._fails(request):
                    stats.failed += 1
                    continue
                outcome, facts = self.decide(request)
                answers.append({"request_id": request["id"], "outcome": outcome, "facts": facts})
            stored = self._post(answers, stats) if answers else 0
            cursor = None if stored else page.get("next_cursor")
            if not stored and not cursor:
                break
        self.passes += 1
        if stats.seen == 0:
            self.last_empty_pass_started = started
        self.total.add(stats)
        return stats

    def run_loop(self, stop: threading.Event, *, idle_s: float = 0.3) -> Stats:
        """Passes until ``stop`` is set; sleeps ``idle_s`` after a pass that found nothing; survives errors."""
        while not stop.is_set():
            try:
                stats = self.run_once()
                self.last_error = None
            except (ApiError, httpx.HTTPError) as exc:
                self.last_error = str(exc)
                log.warning("%s: pass failed: %s", self.department, exc)
                stop.wait(1.0)
                continue
            if stats.seen == 0 or stats.seen == stats.failed:
                stop.wait(idle_s)
        return self.total

    def correct(self, request_id: str) -> dict:
        """Post a correction for one request after review (复核), answering from the registry including records
        entered late (the demo's appeal case); returns the new Result."""
        request = self.api.get(f"/requests/{request_id}")
        outcome, facts = answer(self.registry, request, include_late=True)
        key = f"{self.department}-correction-{request_id}-{outcome}"
        return self.api.post(f"/requests/{request_id}/results",
                             {"outcome": outcome, "facts": facts, "note": "corrected on review (复核)"}, key=key)


class StubPool:
    """The four stub departments running in background threads (the demo; ``tongcheng stubs --loop``)."""

    def __init__(self, stubs: list[StubDepartment], *, idle_s: float = 0.3):
        self.stubs, self.idle_s = stubs, idle_s
        self.stop_event = threading.Event()
        self.threads: list[threading.Thread] = []

    def start(self) -> "StubPool":
        for stub in self.stubs:
            t = threading.Thread(target=stub.run_loop, args=(self.stop_event,), kwargs={"idle_s": self.idle_s},
                                 name=f"stub-{stub.department}", daemon=True)
            t.start()
            self.threads.append(t)
        return self

    def drained_since(self, moment: float) -> bool:
        """Every department has completed a pass that started after ``moment`` and found its queue empty."""
        return all(s.last_empty_pass_started is not None and s.last_empty_pass_started > moment for s in self.stubs)

    def answered(self) -> int:
        return sum(s.total.answered for s in self.stubs)

    def stop(self) -> None:
        self.stop_event.set()
        for t in self.threads:
            t.join(timeout=30)
        self.threads.clear()

    def __enter__(self) -> "StubPool":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
