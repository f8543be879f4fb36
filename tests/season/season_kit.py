"""Test helpers for tests/season: a fake verification queue behind an httpx.MockTransport, and a transport that
forwards gateway-style calls (``/api/<service>/...`` with a bearer token) to a service's in-process app."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from tongcheng.registry import DEPARTMENT_OF_KIND


@dataclass
class FakeVerification:
    """Pending requests per department, a keyset (or offset) cursor, and a log of the calls it served.

    ``fail_posts``: answer the next N result posts with 503 (after doing nothing).
    """

    requests: list[dict]
    offset_cursor: bool = False
    fail_posts: int = 0
    answered: dict[int, dict] = field(default_factory=dict)
    posts: list[tuple[str, int]] = field(default_factory=list)  # (Idempotency-Key, items)
    replays: dict[str, dict] = field(default_factory=dict)

    def handler(self, department: str) -> Callable[[httpx.Request], httpx.Response]:
        def handle(request: httpx.Request) -> httpx.Response:
            path = request.url.path
            if request.method == "GET" and path == "/api/verification/queue":
                return self._queue(department, request)
            if request.method == "POST" and path == "/api/verification/results/batch":
                return self._post(department, request)
            return httpx.Response(404, json={"code": "not_found", "detail": path})

        return handle

    def pending(self, department: str | None = None) -> list[dict]:
        return [r for r in self.requests if r["id"] not in self.answered
                and (department is None or r["department"] == department)]

    def _queue(self, department: str, request: httpx.Request) -> httpx.Response:
        limit = int(request.url.params.get("limit", 100))
        cursor = request.url.params.get("cursor")
        mine = self.pending(department)
        if self.offset_cursor:
            start = int(cursor or 0)
            page = mine[start:start + limit]
            nxt = str(start + limit) if start + limit < len(mine) else None
        else:
            after = int(cursor or 0)
            later = [r for r in mine if r["id"] > after]
            page = later[:limit]
            nxt = str(page[-1]["id"]) if len(later) > limit else None
        return httpx.Response(200, json={"items": page, "next_cursor": nxt})

    def _post(self, department: str, request: httpx.Request) -> httpx.Response:
        key = request.headers.get("idempotency-key")
        assert key, "departments' POSTs carry an Idempotency-Key"
        body = json.loads(request.content)
        self.posts.append((key, len(body["items"])))
        if self.fail_posts:
            self.fail_posts -= 1
            return httpx.Response(503, json={"code": "upstream_unavailable", "detail": "try again"})
        if key in self.replays:
            return httpx.Response(200, json=self.replays[key], headers={"Idempotent-Replayed": "true"})
        assert len(body["items"]) <= 1000
        items = []
        for item in body["items"]:
            req = next((r for r in self.requests if r["id"] == item["request_id"]), None)
            if req is None or req["department"] != department or req["id"] in self.answered:
                items.append({"request_id": item["request_id"], "status": "rejected", "code": "request_not_found"})
                continue
            self.answered[req["id"]] = item
            items.append({"request_id": req["id"], "status": "stored", "result_id": len(self.answered)})
        out = {"stored": sum(i["status"] == "stored" for i in items),
               "rejected": sum(i["status"] == "rejected" for i in items), "items": items}
        self.replays[key] = out
        return httpx.Response(200, json=out)


def wait_for(what: str, check, timeout_s: float = 120.0):
    """Poll ``check()`` until truthy (its value), failing after ``timeout_s`` naming ``what``."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if found := check():
            return found
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def requests_for(cohort) -> list[dict]:
    """The verification requests a cohort's applications create (docs/api.md: permit and insurance for every
    guardian, housing and business licence where claimed), with ids from 1."""
    out = []
    for n, fam in enumerate(cohort.families, start=1):
        for g in fam.guardians:
            kinds = [("residence_permit", None), ("social_insurance", None)]
            kinds += [("housing", c) for c in fam.claims["housing"] if c["guardian_no"] == g.guardian_no]
            kinds += [("business_license", c) for c in fam.claims["business_license"]
                      if c["guardian_no"] == g.guardian_no]
            for kind, claim in kinds:
                out.append({"id": len(out) + 1, "kind": kind, "department": DEPARTMENT_OF_KIND[kind],
                            "season": cohort.season, "grade": fam.grade, "application_no": f"HY2025-{n:06d}",
                            "guardian_no": g.guardian_no, "subject_name": g.name, "subject_id_number": g.id_number,
                            "claim": claim or {}, "state": "pending"})
    return out


def forward_to(client, identities: dict[str, dict[str, str]], service: str) -> httpx.MockTransport:
    """A transport that acts like the gateway for one in-process service: ``Bearer <token>`` → the identity
    headers in ``identities[token]``, ``/api/<service>/x`` → ``/x``."""

    def handle(request: httpx.Request) -> httpx.Response:
        token = request.headers["authorization"].removeprefix("Bearer ")
        headers = {k: v for k, v in request.headers.items()
                   if k in ("content-type", "idempotency-key", "if-match")}
        headers.update(identities[token])
        path = request.url.path.removeprefix(f"/api/{service}")
        resp = client.request(request.method, path, params=dict(request.url.params), content=request.content,
                              headers=headers)
        return httpx.Response(resp.status_code, headers=dict(resp.headers), content=resp.content)

    return httpx.MockTransport(handle)
