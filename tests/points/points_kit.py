"""Builders of verification facts (docs/api.md shapes) and a fake verification service over httpx.MockTransport.

Imported by the points tests as ``from points_kit import ...`` (pytest puts this folder on ``sys.path``).
"""

from __future__ import annotations

import copy
import json
import threading
from collections.abc import Callable
from typing import Any

import httpx

from common.identity import IDENTITY_HEADER, verify

DEPARTMENT = {"residence_permit": "police", "social_insurance": "hrss", "housing": "housing",
              "business_license": "market"}
_ids = iter(range(1, 10**9))


def permit(since: str = "2019-03-01", *, county: str = "331003", status: str = "valid",
           township: str = "331003001", issued_on: str | None = None) -> dict[str, Any]:
    return {"county_code": county, "status": status, "issued_on": issued_on or since, "continuous_since": since,
            "township_code": township}


def insurance(months: int = 60, *, county: str = "331003", active: bool = True,
              since: str | None = None) -> dict[str, Any]:
    """Social insurance paid ``months`` continuous months up to the 2025 cut-off (April 2025 the last): ``since``
    defaults to the first day of the first of those months, so the months are possible by C."""
    if since is None:
        first = 2025 * 12 + 3 - (months - 1)  # month index of April 2025 is 2025 * 12 + 3 (months from 0)
        since = f"{first // 12:04d}-{first % 12 + 1:02d}-01"
    return {"county_code": county, "active_at_cutoff": active, "continuous_months": months, "since": since}


def owned(acquired_on: str = "2020-06-01", *, share: str = "100.00", county: str = "331003",
          township: str = "331003002") -> dict[str, Any]:
    return {"tenure": "owned", "certificate_no": "浙(2021)黄岩区不动产权第0001234号", "share_percent": share,
            "acquired_on": acquired_on, "county_code": county, "township_code": township}


def rented(registered_on: str = "2021-01-01", *, county: str = "331003") -> dict[str, Any]:
    return {"tenure": "rented", "lease_no": "HYZL-2023-00123", "registered_on": registered_on, "county_code": county,
            "township_code": "331003003"}


def license_(established_on: str = "2018-01-01", *, status: str = "active", holder: bool = True,
             county: str = "331003") -> dict[str, Any]:
    return {"uscc": "92331003MA2ABCDE19", "entity_type": "individual", "county_code": county, "status": status,
            "established_on": established_on, "holder_is_guardian": holder}


def result(kind: str, facts: dict[str, Any] | None, outcome: str = "confirmed", *,
           result_id: int | None = None) -> dict[str, Any]:
    """A verification Result (docs/api.md), with the extra fields a real one carries."""
    return {"id": result_id or next(_ids), "request_id": next(_ids), "outcome": outcome,
            "facts": None if outcome == "not_found" else facts, "note": None, "department": DEPARTMENT[kind],
            "answered_at": "2025-05-02T08:00:00+08:00", "supersedes": None}


def guardian(guardian_no: int = 1, *, pending: list[str] | None = None, **results: Any) -> dict[str, Any]:
    """``guardian(1, residence_permit=permit(), social_insurance=insurance())``: facts dicts become confirmed
    results; pass ``result(...)`` (or a list of them) for other outcomes."""
    out: dict[str, Any] = {kind: None for kind in DEPARTMENT}
    for kind, value in results.items():
        if value is None:
            continue
        if isinstance(value, list):
            out[kind] = [v if "outcome" in v else result(kind, v) for v in value]
        else:
            out[kind] = value if "outcome" in value else result(kind, value)
    return {"guardian_no": guardian_no, "results": out, "pending": pending or []}


def eligible_guardian(guardian_no: int = 1, **more: Any) -> dict[str, Any]:
    """A guardian meeting E1 and E2: permit since 2019-03-01 (6 full years on 2025-04-30), 60 months insured."""
    return guardian(guardian_no, **{"residence_permit": permit(), "social_insurance": insurance(), **more})


def case(*guardians: dict[str, Any], application_no: str = "HY2025-1-000001", grade: int = 1, season: int = 2025,
         birth: str = "2018-08-31", seq: int = 1) -> dict[str, Any]:
    """A CaseFacts as verification answers it (``digest`` is verification's, opaque to points)."""
    return {"application_no": application_no, "season": season, "grade": grade, "child_birth_date": birth,
            "seq": seq, "digest": "f" * 64, "guardians": list(guardians) or [eligible_guardian()]}


class FakeVerification:
    """Serves ``GET /facts/{no}`` and ``GET /facts?season=&grade=&changed_after=&limit=&cursor=`` from memory.

    ``calls`` records every request path and query; ``down = True`` (or ``fail_when(request)`` true) answers 503;
    ``gate`` (an Event) holds every answer until it is set. Every request must carry a valid ``service:points``
    identity (else 401), as the real service demands.
    """

    def __init__(self, secret: str):
        self.secret = secret
        self.cases: dict[str, dict[str, Any]] = {}
        self.seq = 0
        self.calls: list[str] = []
        self.down = False
        self.fail_when: Callable[[httpx.Request], bool] | None = None
        self.gate: threading.Event | None = None

    def put(self, facts: dict[str, Any]) -> dict[str, Any]:
        self.seq += 1
        facts = copy.deepcopy(facts)
        facts["seq"] = self.seq
        self.cases[facts["application_no"]] = facts
        return facts

    def correct(self, application_no: str, guardian_no: int, kind: str, value: dict[str, Any]) -> None:
        """A department's correction: a new current result for one request; the case's ``seq`` moves on."""
        facts = self.cases[application_no]
        g = next(g for g in facts["guardians"] if g["guardian_no"] == guardian_no)
        g["results"][kind] = value if "outcome" in value else result(kind, value)
        self.put(facts)

    def touch(self, application_no: str) -> None:
        """A change of ``seq`` without a change of facts (e.g. a new request that is still pending)."""
        self.put(self.cases[application_no])

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.calls.append(f"{request.url.path}?{request.url.query.decode()}")
        if self.gate is not None:
            self.gate.wait(10)
        if self.down or (self.fail_when is not None and self.fail_when(request)):
            return httpx.Response(503, json={"code": "unavailable", "detail": "down"})
        token = request.headers.get(IDENTITY_HEADER)
        try:
            who = verify(self.secret, token or "")
        except Exception:  # noqa: BLE001
            return httpx.Response(401, json={"code": "unauthenticated", "detail": "no identity"})
        if not who.is_service("points"):
            return httpx.Response(403, json={"code": "forbidden", "detail": who.role})
        path = request.url.path
        if path.startswith("/facts/"):
            no = path.removeprefix("/facts/")
            if no not in self.cases:
                return httpx.Response(404, json={"code": "case_not_found", "detail": no})
            return httpx.Response(200, json=self.cases[no])
        if path == "/facts":
            q = request.url.params
            season, grade = int(q["season"]), int(q["grade"])
            after = int(q.get("changed_after") or 0)
            cursor = int(q.get("cursor") or 0)
            limit = int(q.get("limit") or 100)
            rows = sorted((c for c in self.cases.values() if c["season"] == season and c["grade"] == grade
                           and c["seq"] > max(after, cursor)), key=lambda c: c["seq"])
            page = rows[:limit]
            more = len(rows) > limit
            return httpx.Response(200, content=json.dumps(
                {"items": page, "next_cursor": str(page[-1]["seq"]) if more else None}).encode(),
                headers={"content-type": "application/json"})
        return httpx.Response(404, json={"code": "not_found", "detail": path})

    def client(self) -> httpx.Client:
        return httpx.Client(base_url="http://verification.test", transport=httpx.MockTransport(self.handler))


def with_fake(make_service: Callable[..., Any], secret: str) -> tuple[Any, FakeVerification]:
    """A points TestClient wired to a fresh FakeVerification."""
    fake = FakeVerification(secret)
    client = make_service("points", create_app_kwargs={"http_clients": {"verification": fake.client()}})
    return client, fake
