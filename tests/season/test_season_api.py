"""The gateway client: readable problem details, retries only where a retry is safe, cursor paging, and the
bureau's district import (409 → replace with If-Match)."""

import json

import httpx
import pytest

from tongcheng.api import ApiError, Gateway, Roles
from tongcheng.schools import bundled
from tongcheng.importer import import_district
from tongcheng.season import chunks


def gateway(handler, **kw) -> Gateway:
    return Gateway("http://gw.test", "tok", transport=httpx.MockTransport(handler), **kw)


def test_problem_details_become_a_readable_error():
    def handler(request):
        return httpx.Response(422, json={"code": "validation_error", "detail": "items.0.grade: bad",
                                         "errors": [{"field": "items.0.grade", "message": "Input should be 1 or 7"}]})

    with pytest.raises(ApiError) as err:
        gateway(handler).enrollment.post("/applications/batch", {"items": []}, key="k")
    assert err.value.status == 422 and err.value.code == "validation_error"
    assert "POST /api/enrollment/applications/batch → 422 validation_error" in str(err.value)
    assert "items.0.grade: Input should be 1 or 7" in str(err.value)


@pytest.mark.parametrize("method, key, attempts", [("GET", None, 3), ("POST", "k", 3), ("POST", None, 1),
                                                    ("PUT", None, 3)])
def test_5xx_retried_only_when_safe(method, key, attempts):
    calls = []

    def handler(request):
        calls.append(request.headers.get("idempotency-key"))
        return httpx.Response(503, json={"code": "upstream_unavailable", "detail": "down"})

    gw = gateway(handler, attempts=3)
    with pytest.raises(ApiError) as err:
        gw.send(method, "/api/points/x", key=key)
    assert err.value.status == 503 and len(calls) == attempts
    assert set(calls) == {key}


def test_429_is_retried_for_any_call_after_retry_after():
    answers = [httpx.Response(429, headers={"Retry-After": "0"}, json={"code": "rate_limited"}),
               httpx.Response(201, json={"ok": True})]
    assert gateway(lambda r: answers.pop(0)).points.post("/scores/x") == {"ok": True}


def test_pages_follow_the_cursor():
    def handler(request):
        cursor = request.url.params.get("cursor")
        assert request.url.params["limit"] == "2"
        if cursor is None:
            return httpx.Response(200, json={"items": [1, 2], "next_cursor": "c2"})
        return httpx.Response(200, json={"items": [3], "next_cursor": None})

    assert list(gateway(handler).funding.pages("/settlements", limit=2)) == [1, 2, 3]


def test_roles_use_their_own_credentials(tmp_path):
    (tmp_path / "tokens.json").write_text(json.dumps({s: f"tok-{s}" for s in (
        "platform-taizhou", "bureau-1", "finance-1", "auditor-1", "dept-police", "dept-hrss", "dept-housing",
        "dept-market")}))
    seen = []
    roles = Roles.connect("http://gw.test", tmp_path,
                          transport=httpx.MockTransport(lambda r: (seen.append(r.headers["authorization"]),
                                                                   httpx.Response(200, json={}))[1]))
    roles.platform.enrollment.get("/x")
    roles.departments["hrss"].verification.get("/queue")
    assert seen == ["Bearer tok-platform-taizhou", "Bearer tok-dept-hrss"]
    with pytest.raises(FileNotFoundError, match="make setup"):
        Roles.connect("http://gw.test", tmp_path / "nowhere")


def test_import_district_replaces_existing_schools_with_if_match():
    district = bundled()
    calls = []

    def handler(request):
        calls.append((request.method, request.url.path, request.headers.get("if-match")))
        path = request.url.path
        if request.method == "POST" and path.endswith("/schools"):
            code = json.loads(request.content)["code"]
            if code.endswith("01"):
                return httpx.Response(409, json={"code": "conflict", "detail": "exists"})
            return httpx.Response(201, json={"code": code})
        if request.method == "GET":
            return httpx.Response(200, json={}, headers={"ETag": '"v3"'})
        if path.endswith("/semesters"):
            return httpx.Response(409, json={"code": "conflict", "detail": "exists"})
        return httpx.Response(200, json={})

    done = import_district(gateway(handler), district)
    existing = [s for s in district.schools if s.code.endswith("01")]
    assert done["schools_updated"] == len(existing) and done["schools_created"] == len(district.schools) - len(
        existing)
    assert done["seats"] == len(district.seats) and done["plans"] == len(district.plans)
    assert done["tariffs"] == len(district.tariffs) and done["semesters_existing"] == 2
    puts = [c for c in calls if c[0] == "PUT" and "/schools/" in c[1] and "/seats/" not in c[1]
            and "/plans/" not in c[1]]
    assert len(puts) == len(existing) and all(c[2] == '"v3"' for c in puts)


def test_import_district_stops_on_a_refused_plan():
    def handler(request):
        if "/plans/" in request.url.path:
            return httpx.Response(422, json={"code": "plan_over_capacity", "detail": "plan 500 > capacity 400"})
        return httpx.Response(201 if request.method == "POST" else 200, json={})

    with pytest.raises(ApiError, match="plan_over_capacity"):
        import_district(gateway(handler), bundled())


def test_batches_respect_count_and_size():
    items = [{"n": i, "pad": "x" * 500} for i in range(2500)]
    batches = list(chunks(items, max_items=1000, max_bytes=200_000))
    assert sum(len(b) for b in batches) == 2500 and [x for b in batches for x in b] == items
    assert all(len(b) <= 1000 and len(json.dumps(b, separators=(",", ":"))) <= 200_000 for b in batches)
