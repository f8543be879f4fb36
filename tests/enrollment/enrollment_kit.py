"""Shared helpers for the enrollment tests: valid ID numbers, fake upstreams on httpx.MockTransport, factories.

The fixture they share (``shared_app``) is in this folder's ``conftest.py``.
"""

from __future__ import annotations

import itertools
import json
import threading
from datetime import date
from typing import Any

import httpx
from stdnum.cn import ric

TOWN_A, TOWN_B, TOWN_C = "331003001", "331003003", "331003107"  # 东城, 西城, 院桥
_serial = itertools.count(100)


def make_id(birth: date, serial: int | None = None, region: str = "331003") -> str:
    """A valid 18-character ID number (GB 11643) for ``birth``."""
    body = f"{region}{birth:%Y%m%d}{(next(_serial) if serial is None else serial) % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")  # the function ignores the last character


def application(season: int = 2025, grade: int = 1, *, birth: date | None = None, public: list[str] | None = None,
                private: list[str] | None = None, township: str = TOWN_A, guardian_count: int = 1,
                **overrides: Any) -> dict[str, Any]:
    """A valid application body; ``overrides`` replace top-level fields."""
    birth = birth or (date(season - 6, 3, 1) if grade == 1 else date(season - 12, 3, 1))
    people = [{"name": f"家长{'甲乙'[i]}", "id_number": make_id(date(1985 + i, 5, 6)), "relation": "father" if i == 0 else
               "mother", "phone": f"1381234567{i}"} for i in range(guardian_count)]
    body = {"season": season, "grade": grade,
            "child": {"name": "小明", "id_number": make_id(birth), "birth_date": birth.isoformat()},
            "guardians": people, "township_code": township,
            "public_choices": public or [], "private_choices": private or [], "claims": {}}
    body.update(overrides)
    return body


def public_school(code: str, township: str = TOWN_A, catchment: list[str] | None = None,
                  level: str = "primary") -> dict[str, Any]:
    return {"code": code, "name": f"公办{code}", "kind": "public", "level": level, "township_code": township,
            "catchment_townships": catchment if catchment is not None else [township]}


def private_school(code: str, township: str = TOWN_B, *, floor: str = "3000.00", land: str = "9000.00",
                   classrooms: dict[str, int] | None = None, pupils: dict[str, int] | None = None,
                   status: str = "active", level: str = "primary") -> dict[str, Any]:
    return {"code": code, "name": f"民办{code}", "kind": "private", "level": level, "township_code": township,
            "floor_area_m2": floor, "land_area_m2": land,
            "classrooms": classrooms if classrooms is not None else {"1": 2, "2": 2},
            "current_pupils": pupils if pupils is not None else {}, "status": status}


FEEDS = ("/facts", "/score-changes")  # verification's and points' change feeds (enrollment.progress_feed)


class FakeUpstream:
    """A scriptable upstream: ``down`` makes every call a connection error; ``calls`` records (method, path, key,
    body). Subclasses answer in ``answer``."""

    def __init__(self) -> None:
        self.down = False
        self.calls: list[tuple[str, str, str | None, Any]] = []
        self.lock = threading.Lock()

    def handler(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            raise httpx.ConnectError("connection refused", request=request)
        body = json.loads(request.content) if request.content else None
        if request.method == "GET" and request.url.path in FEEDS:  # the change feeds enrollment follows: nothing new
            return httpx.Response(200, json={"items": [], "next_cursor": None, "last_seq": 0})
        with self.lock:
            self.calls.append((request.method, request.url.path, request.headers.get("idempotency-key"), body))
            return self.answer(request, body)

    def answer(self, request: httpx.Request, body: Any) -> httpx.Response:  # pragma: no cover - overridden
        raise NotImplementedError

    def client(self) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(self.handler), base_url="http://upstream.test")


class FakeVerification(FakeUpstream):
    """``POST /cases/batch``, idempotent by application_no; ``refuse`` names application_nos it answers 422 for
    (when they are in a batch). ``POST /cases/{no}/withdrawal``: ``withdrawn`` (404 ``case_not_found`` for a case
    it has not taken)."""

    def __init__(self) -> None:
        super().__init__()
        self.cases: dict[str, dict[str, Any]] = {}
        self.refuse: set[str] = set()
        self.withdrawn: set[str] = set()

    def answer(self, request: httpx.Request, body: Any) -> httpx.Response:
        if request.url.path.endswith("/withdrawal"):
            no = request.url.path.split("/")[2]
            if no not in self.cases:
                return httpx.Response(404, json={"code": "case_not_found", "detail": f"no case {no}"})
            self.withdrawn.add(no)
            return httpx.Response(200, json={"application_no": no, "withdrawn_at": "2025-04-20T02:00:00Z",
                                             "requests": []})
        assert request.url.path == "/cases/batch" and request.headers.get("idempotency-key")
        nos = [c["application_no"] for c in body["items"]]
        if self.refuse & set(nos):
            return httpx.Response(422, json={"code": "validation_error", "detail": "bad case"})
        created = 0
        for case in body["items"]:
            if case["application_no"] not in self.cases:
                self.cases[case["application_no"]] = case
                created += 1
        return httpx.Response(200, json={"created": created, "existing": len(nos) - created, "amended": 0,
                                         "application_nos": nos})


class FakeFunding(FakeUpstream):
    """``POST /purchased-seats/handover``: one seat per application_no, whatever is resent; ``GET /tariffs``;
    ``GET /semesters/{code}`` for the codes in ``semesters`` (404 ``semester_not_found`` otherwise)."""

    def __init__(self) -> None:
        super().__init__()
        self.seats: dict[str, dict[str, Any]] = {}
        self.tariffs: dict[str, str] = {}  # school code → standard (yuan), answered by GET /tariffs, one page
        self.semesters: set[str] = {"2025-autumn", "2026-spring"}

    def answer(self, request: httpx.Request, body: Any) -> httpx.Response:
        if request.method == "GET" and request.url.path.startswith("/semesters/"):
            code = request.url.path.removeprefix("/semesters/")
            if code not in self.semesters:
                return httpx.Response(404, json={"code": "semester_not_found", "detail": f"no semester '{code}'"})
            return httpx.Response(200, json={"code": code})
        if request.method == "GET" and request.url.path == "/tariffs":
            semester = request.url.params["semester"]
            return httpx.Response(200, json={"items": [{"school_code": c, "semester": semester, "standard": v}
                                                       for c, v in sorted(self.tariffs.items())], "next_cursor": None})
        assert request.url.path == "/purchased-seats/handover" and request.headers.get("idempotency-key")
        created = 0
        for seat in body["seats"]:
            if seat["application_no"] not in self.seats:
                self.seats[seat["application_no"]] = {**seat, "run_id": body["run_id"]}
                created += 1
        return httpx.Response(200, json={"created": created, "existing": len(body["seats"]) - created})


class FakePoints(FakeUpstream):
    """``GET /scores?season=&grade=&limit=&cursor=`` from ``scores`` (application_no → ScoreSummary), paged;
    ``GET /scores/{no}`` adds ``eligibility`` (set it in ``eligibility``)."""

    def __init__(self) -> None:
        super().__init__()
        self.scores: dict[str, dict[str, Any]] = {}
        self.eligibility: dict[str, list[dict[str, Any]]] = {}  # application_no → Score.eligibility

    def set(self, no: str, family: str, *, eligible: bool = True, other: str = "0.00", since: str | None = "2020-01-01",
            township: str | None = TOWN_A, rulebook: str = "HY-2025", season: int = 2025, grade: int = 1) -> None:
        self.scores[no] = {"application_no": no, "season": season, "grade": grade, "rulebook_id": rulebook,
                           "cutoff_date": f"{season}-04-30", "eligible": eligible, "family_score": family,
                           "tie_break": {"other_guardian_score": other, "earliest_continuous_since": since},
                           "residence_township_code": township, "facts_digest": "x" * 64,
                           "scored_at": "2025-05-01T00:00:00+00:00", "extra_field_ignored": True}

    def answer(self, request: httpx.Request, body: Any) -> httpx.Response:
        if request.url.path.startswith("/scores/"):  # one Score, with its eligibility checks
            score = self.scores.get(request.url.path.rsplit("/", 1)[1])
            if score is None:
                return httpx.Response(404, json={"code": "score_not_found"})
            return httpx.Response(200, json={"eligibility": self.eligibility.get(score["application_no"], []),
                                             **score})
        assert request.url.path == "/scores"
        season, grade = int(request.url.params["season"]), int(request.url.params["grade"])
        limit = int(request.url.params.get("limit", 100))
        after = request.url.params.get("cursor") or ""
        items = sorted((s for s in self.scores.values() if s["season"] == season and s["grade"] == grade
                        and s["application_no"] > after), key=lambda s: s["application_no"])
        page = items[:limit]
        nxt = page[-1]["application_no"] if len(items) > limit else None
        return httpx.Response(200, json={"items": page, "next_cursor": nxt})


def upstreams() -> tuple[FakeVerification, FakePoints, FakeFunding, dict[str, httpx.Client]]:
    v, p, f = FakeVerification(), FakePoints(), FakeFunding()
    return v, p, f, {"verification": v.client(), "points": p.client(), "funding": f.client()}


def start_app(url: str, tmp_dir: Any, http_clients: dict[str, httpx.Client] | None = None, **overrides: Any):
    """A started TestClient of the enrollment app on ``url`` (for module-scoped apps; close with ``__exit__``)."""
    from fastapi.testclient import TestClient

    from shared_kit import TEST_SECRET
    from enrollment.config import Settings
    from enrollment.main import create_app

    overrides.setdefault("outbox_dispatcher", False)
    settings = Settings(internal_secret=TEST_SECRET, database_url=url, data_dir=tmp_dir, **overrides)
    client = TestClient(create_app(settings, http_clients=http_clients), raise_server_exceptions=False)
    client.__enter__()
    return client


MONDAY = date(2025, 6, 2)


def hand_checkable_season(app, auth, points):
    """The hand-checkable instance: S1 (东城, 2 seats), S2 (西城, 1 seat), P1 (西城, plan 2), P2 (院桥, plan 2);
    a1..a5 eligible, a6 ineligible, a7 withdrawn, a8 never scored."""
    bureau, platform = auth("bureau"), auth("platform")
    for body in (public_school("S1", TOWN_A), public_school("S2", TOWN_B)):
        assert app.post("/schools", json=body, headers=bureau).status_code == 201
    for code, town in (("P1", TOWN_B), ("P2", TOWN_C)):
        assert app.post("/schools", json=private_school(code, town), headers=bureau).status_code == 201
        assert app.put(f"/schools/{code}/plans/2025/1", json={"planned": 2}, headers=bureau).status_code == 200
    app.put("/schools/S1/seats/2025/1", json={"migrant_seats": 2}, headers=bureau)
    app.put("/schools/S2/seats/2025/1", json={"migrant_seats": 1}, headers=bureau)
    wishes = {"a1": (TOWN_A, ["S1", "S2"], []), "a2": (TOWN_A, ["S1"], []), "a3": (TOWN_B, ["S1", "S2"], []),
              "a4": (TOWN_B, ["S2"], ["P1"]), "a5": (TOWN_C, ["S1"], ["P2"]), "a6": (TOWN_A, ["S1"], []),
              "a7": (TOWN_A, ["S1"], []), "a8": (TOWN_A, ["S1"], [])}
    nos = {}
    for name, (town, public, private) in wishes.items():
        resp = app.post("/applications", json=application(public=public, private=private, township=town),
                        headers=platform)
        assert resp.status_code == 201, resp.text
        nos[name] = resp.json()["application_no"]
    for name, score, town in (("a1", "90.00", TOWN_A), ("a2", "80.00", TOWN_A), ("a3", "85.00", TOWN_B),
                              ("a4", "70.00", TOWN_B), ("a5", "60.00", TOWN_C), ("a7", "99.00", TOWN_A)):
        points.set(nos[name], score, township=town)
    points.set(nos["a6"], "0.00", eligible=False)
    app.app.state.clock = lambda: date(2025, 4, 1)
    assert app.post(f"/applications/{nos['a7']}/withdraw", headers=platform).status_code == 200
    app.app.state.clock = lambda: MONDAY
    return nos


# ---- the real verification and points apps behind enrollment (the ``suite`` fixture in conftest.py) --------------

_answer_keys = itertools.count(1)
PERMIT = {"county_code": "331003", "status": "valid", "issued_on": "2019-03-01", "continuous_since": "2019-03-01",
          "township_code": TOWN_A}


def insurance(months: int) -> dict[str, Any]:
    """hrss's facts of record: ``months`` continuous months in Huangyan since 2019, active at the cut-off."""
    return {"county_code": "331003", "active_at_cutoff": True, "continuous_months": months, "since": "2019-01-01"}


def answer_queue(verification, auth, department: str, decide) -> list[dict[str, Any]]:
    """The department answers every request in its queue with ``decide(request) → (outcome, facts)``."""
    items = verification.get("/queue", headers=auth("department", department)).json()["items"]
    for item in items:
        outcome, facts = decide(item)
        posted = verification.post(f"/requests/{item['id']}/results", json={"outcome": outcome, "facts": facts},
                                   headers={**auth("department", department),
                                            "Idempotency-Key": f"k{next(_answer_keys)}"})
        assert posted.status_code == 201, posted.text
    return items
