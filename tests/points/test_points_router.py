"""The points service over HTTP (docs/api.md, points), with verification faked by httpx.MockTransport."""

from __future__ import annotations

import copy
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text

from shared_kit import TEST_SECRET
from points.main import create_app
from points_kit import (FakeVerification, case, eligible_guardian, guardian, insurance, owned, permit,
                          result)

ALL_ROLES = [("platform", None), ("bureau", None), ("finance", None), ("auditor", None), ("service", None),
             ("department", "police"), ("department", "hrss")]
WHAT_IF = {"rulebook_id": "HY-2025", "grade": 1, "child_birth_date": "2018-05-01",
           "guardians": [{"guardian_no": 1, "facts": {"residence_permit": permit(),
                                                      "social_insurance": insurance(60),
                                                      "housing": owned("2020-06-01")}}]}


@pytest.fixture
def svc(make_service):
    fake = FakeVerification(TEST_SECRET)
    client = make_service("points", create_app_kwargs={"http_clients": {"verification": fake.client()}})
    return client, fake


def rulebook_body(client, auth, **changes):
    body = client.get("/rulebooks/HY-2025", headers=auth("bureau")).json()
    for key in ("id", "state", "version", "created_by", "created_at", "updated_at", "published_at"):
        body.pop(key)
    body.update(changes)
    return body


def wait_job(client, auth, job_id, timeout_s=30.0):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        job = client.get(f"/scoring-jobs/{job_id}", headers=auth("bureau")).json()
        if job["state"] != "running":
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} still running: {job}")


def run_job(client, auth, **body):
    answer = client.post("/scoring-jobs", json={"season": 2025, "grade": 1, **body}, headers=auth("bureau"))
    assert answer.status_code == 202, answer.text
    return wait_job(client, auth, answer.json()["id"])


# --- roles ------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_role_matrix(svc, auth):
    client, fake = svc
    fake.put(case())
    body = rulebook_body(client, auth)
    readers = {"bureau", "platform", "auditor", "service"}
    matrix = [
        ("GET", "/rulebooks", None, readers),
        ("GET", "/rulebooks/HY-2025", None, readers),
        ("POST", "/rulebooks", body, {"bureau"}),
        ("PUT", "/rulebooks/HY-2025", body, {"bureau"}),
        ("POST", "/rulebooks/HY-2025/publish", None, {"bureau"}),
        ("POST", "/scores/HY2025-1-000001", None, {"bureau", "service"}),
        ("GET", "/scores/HY2025-1-000001", None, {"platform", "bureau", "service", "auditor"}),
        ("GET", "/scores?season=2025&grade=1", None, {"bureau", "service"}),
        ("POST", "/scoring-jobs", {"season": 2025, "grade": 1}, {"bureau", "service"}),
        ("GET", "/scoring-jobs/1", None, {"bureau", "service"}),
        ("GET", "/scoring-jobs?season=2025", None, {"bureau", "service"}),
        ("POST", "/what-if", WHAT_IF, {"platform", "bureau"}),
    ]
    for method, path, payload, allowed in matrix:
        for role, dept in ALL_ROLES:
            answer = client.request(method, path, json=payload, headers=auth(role, dept))
            if role in allowed:
                assert answer.status_code not in (401, 403), (method, path, role, answer.text)
            else:
                assert answer.status_code == 403 and answer.json()["code"] == "forbidden", (method, path, role)
        assert client.request(method, path, json=payload).status_code == 401


# --- rulebooks --------------------------------------------------------------------------------------------------------

def test_hy_2025_is_loaded_and_published_once(svc, auth):
    client, _ = svc
    page = client.get("/rulebooks", headers=auth("platform")).json()
    assert page["next_cursor"] is None
    books = page["items"]
    assert [(b["id"], b["state"], b["version"], b["season"], b["cutoff_date"]) for b in books] == [
        ("HY-2025", "published", 1, 2025, "2025-04-30")]
    assert [i["item"] for i in books[0]["items"]] == ["base", "residence", "social_insurance", "owned_home",
                                                      "rented_home", "business"]
    assert [i["cap"] for i in books[0]["items"]] == ["40.00", "20.00", "24.00", "30.00", "5.00", "10.00"]
    with TestClient(create_app(client.app.state.settings)) as again:  # a restart on the same database
        listed = again.get("/rulebooks", headers=auth("bureau")).json()["items"]
        assert [(b["id"], b["version"]) for b in listed] == [("HY-2025", 1)]


def test_rulebooks_page_in_season_creation_order(svc, auth):
    """``GET /rulebooks`` pages like every list (common.paging): a page of one at a time follows ``next_cursor``
    through the same rulebooks, in the same order (season, creation, id), as one page; filters hold across pages."""
    client, _ = svc
    bureau = auth("bureau")
    for rid, season in (("HY-2026-p1", 2026), ("HY-2025-p2", 2025), ("HY-2026-p0", 2026)):
        body = rulebook_body(client, auth, id=rid)
        body["season"], body["cutoff_date"] = season, f"{season}-04-30"
        created = client.post("/rulebooks", json=body, headers=bureau)
        assert created.status_code == 201, created.text

    def walk(**params) -> list[str]:
        ids, cursor = [], None
        while True:
            page = client.get("/rulebooks", params={**params, "limit": 1, **({"cursor": cursor} if cursor else {})},
                              headers=bureau).json()
            ids += [b["id"] for b in page["items"]]
            if not (cursor := page["next_cursor"]):
                return ids

    whole = [b["id"] for b in client.get("/rulebooks", headers=bureau).json()["items"]]
    assert whole == ["HY-2025", "HY-2025-p2", "HY-2026-p1", "HY-2026-p0"]
    assert walk() == whole
    assert walk(season=2026) == ["HY-2026-p1", "HY-2026-p0"]
    assert walk(state="draft") == ["HY-2025-p2", "HY-2026-p1", "HY-2026-p0"]


def test_rulebook_lifecycle_draft_edit_publish_immutable(svc, auth):
    client, _ = svc
    bureau = auth("bureau")
    body = rulebook_body(client, auth, id="HY-2025-b", name="黄岩区2025年积分细则(修订)")
    created = client.post("/rulebooks", json=body, headers=bureau)
    assert created.status_code == 201 and created.headers["etag"] == '"v1"'
    assert created.json()["state"] == "draft" and created.json()["created_by"] == "bureau-test"
    assert client.post("/rulebooks", json=body, headers=bureau).json()["code"] == "rulebook_exists"

    body.pop("id")
    body["items"][0]["fixed"] = body["items"][0]["cap"] = "45.00"
    edited = client.put("/rulebooks/HY-2025-b", json=body, headers={**bureau, "If-Match": '"v1"'})
    assert edited.status_code == 200 and edited.headers["etag"] == '"v2"'
    assert edited.json()["items"][0]["fixed"] == "45.00"
    stale = client.put("/rulebooks/HY-2025-b", json=body, headers={**bureau, "If-Match": '"v1"'})
    assert stale.status_code == 412 and stale.json()["code"] == "precondition_failed"
    assert client.get("/rulebooks/HY-2025-b", headers=bureau).headers["etag"] == '"v2"'

    published = client.post("/rulebooks/HY-2025-b/publish", headers=bureau)
    assert published.status_code == 200 and published.json()["state"] == "published"
    assert published.json()["published_at"] and published.headers["etag"] == '"v3"'
    for headers in (bureau, {**bureau, "If-Match": '"v3"'}):
        refused = client.put("/rulebooks/HY-2025-b", json=body, headers=headers)
        assert refused.status_code == 409 and refused.json()["code"] == "rulebook_published"
    again = client.post("/rulebooks/HY-2025-b/publish", headers=bureau)
    assert again.status_code == 200 and again.json() == published.json()
    hy = client.put("/rulebooks/HY-2025", json=body, headers=bureau)
    assert hy.status_code == 409 and hy.json()["code"] == "rulebook_published"
    assert client.get("/rulebooks/HY-2025", headers=bureau).json()["items"][0]["fixed"] == "40.00"
    assert client.get("/rulebooks/nope", headers=bureau).json()["code"] == "rulebook_not_found"


def test_a_new_rulebook_gets_an_id_and_the_cutoff_default(svc, auth):
    client, _ = svc
    body = rulebook_body(client, auth, season=2026)
    body.pop("cutoff_date")
    created = client.post("/rulebooks", json=body, headers=auth("bureau")).json()
    assert created["id"] == "HY-2026-v1" and created["cutoff_date"] == "2026-04-30"


@pytest.mark.parametrize("mutate, field", [
    (lambda b: b["items"][1].update(kind="lottery_ticket"), "items.1.kind"),
    (lambda b: b["items"][2].update(cap="-1.00"), "items.2.cap"),
    (lambda b: b["items"][2].update(cap=24), "items.2.cap"),
    (lambda b: b["items"][2].update(colour="red"), "items.2.colour"),
    (lambda b: b["eligibility"][0].update(kind="horoscope"), "eligibility.0"),
    (lambda b: b["items"][4]["conditions"].update(only_without=["business"]), "items.4.conditions.only_without"),
    (lambda b: b["items"][2].update(unit="full_year"), "items.2.unit"),
])
@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_rulebook_the_scorer_cannot_apply_is_refused_naming_the_field(svc, auth, mutate, field):
    client, _ = svc
    body = rulebook_body(client, auth, id="HY-2025-bad")
    mutate(body)
    answer = client.post("/rulebooks", json=body, headers=auth("bureau"))
    assert answer.status_code == 422 and answer.json()["field"] == field, answer.text
    draft = rulebook_body(client, auth, id="HY-2025-c")
    assert client.post("/rulebooks", json=draft, headers=auth("bureau")).status_code == 201
    draft.pop("id")
    mutate(draft)
    answer = client.put("/rulebooks/HY-2025-c", json=draft, headers={**auth("bureau"), "If-Match": '"v1"'})
    assert answer.status_code == 422 and answer.json()["field"] == field
    assert client.get("/rulebooks/HY-2025-c", headers=auth("bureau")).headers["etag"] == '"v1"'


# --- scores -----------------------------------------------------------------------------------------------------------

def test_score_now_stores_one_current_score(svc, auth):
    client, fake = svc
    fake.put(case(eligible_guardian(1), eligible_guardian(2, housing=owned())))
    scored = client.post("/scores/HY2025-1-000001", headers=auth("service"))
    assert scored.status_code == 200, scored.text
    body = scored.json()
    assert body["family_score"] == "88.00" and body["eligible"] is True and body["rulebook_id"] == "HY-2025"
    assert body["tie_break"] == {"other_guardian_score": "64.00", "earliest_continuous_since": "2019-03-01"}
    assert body["residence_township_code"] == "331003001" and len(body["facts_digest"]) == 64
    assert {e["rule"] for e in body["eligibility"]} == {"E1", "E2", "E3", "E4"}
    home = body["guardians"][1]["items"][3]
    assert (home["item"], home["department"], home["raw"], home["points"], home["cap"]) == (
        "owned_home", "housing", "24.00", "24.00", "30.00")
    assert home["fact"]["certificate_no"] and "note" not in home["fact"]
    assert client.get("/scores/HY2025-1-000001", headers=auth("auditor")).json() == body

    fake.correct("HY2025-1-000001", 2, "housing", result("housing", owned(), "falsified"))
    again = client.post("/scores/HY2025-1-000001", headers=auth("bureau")).json()
    assert again["family_score"] == "0.00" and again["eligible"] is False
    page = client.get("/scores?season=2025&grade=1", headers=auth("service")).json()
    assert [i["family_score"] for i in page["items"]] == ["0.00"] and page["next_cursor"] is None
    assert set(page["items"][0]) == {"application_no", "season", "grade", "rulebook_id", "cutoff_date", "eligible",
                                     "family_score", "tie_break", "residence_township_code", "facts_digest",
                                     "scored_at"}


def test_score_errors(svc, auth):
    client, fake = svc
    assert client.get("/scores/HY2025-1-000009", headers=auth("bureau")).json()["code"] == "not_scored"
    missing = client.post("/scores/HY2025-1-000009", headers=auth("bureau"))
    assert missing.status_code == 404 and missing.json()["code"] == "case_not_found"
    fake.put(case(application_no="HY2026-1-000001", season=2026))
    none = client.post("/scores/HY2026-1-000001", headers=auth("bureau"))
    assert none.status_code == 409 and none.json()["code"] == "no_published_rulebook"
    fake.down = True
    down = client.post("/scores/HY2026-1-000001", headers=auth("bureau"))
    assert down.status_code == 503 and down.json()["code"] == "upstream_unavailable"
    assert client.get("/scores?season=2025&cursor=%%%", headers=auth("bureau")).status_code == 422
    assert client.get("/scores?season=2025&grade=3", headers=auth("bureau")).status_code == 422


def test_score_listing_pages_by_application_no(svc, auth):
    client, fake = svc
    for n in range(1, 26):
        fake.put(case(eligible_guardian(1, social_insurance=insurance(12 + n)), application_no=f"HY2025-1-{n:06d}"))
    fake.put(case(application_no="HY2025-7-000001", grade=7, birth="2012-01-01"))
    assert run_job(client, auth)["rescored"] == 25
    seen, cursor = [], None
    while True:
        page = client.get("/scores", params={"season": 2025, "grade": 1, "limit": 10, **({"cursor": cursor}
                                                                                          if cursor else {})},
                          headers=auth("service")).json()
        seen += page["items"]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert [i["application_no"] for i in seen] == [f"HY2025-1-{n:06d}" for n in range(1, 26)]
    assert seen[0]["family_score"] == "54.60"  # 40 + 12 + 13 × 0.2
    assert client.get("/scores?season=2025&grade=7", headers=auth("bureau")).json()["items"] == []


# --- scoring jobs -----------------------------------------------------------------------------------------------------

def test_scoring_job_progress_and_partial_rescoring(svc, auth):
    client, fake = svc
    for n in range(1, 31):
        fake.put(case(eligible_guardian(1), application_no=f"HY2025-1-{n:06d}"))
    first = run_job(client, auth)
    assert (first["state"], first["total"], first["done"], first["rescored"], first["unchanged"]) == (
        "done", 30, 30, 30, 0)
    assert first["rulebook_id"] == "HY-2025" and first["last_seq"] == 30 and first["changed_after"] is None
    before = {n: client.get(f"/scores/HY2025-1-{n:06d}", headers=auth("bureau")).json() for n in (4, 5)}

    fake.correct("HY2025-1-000005", 1, "housing", owned())  # a department answers a housing request
    fake.calls.clear()
    second = run_job(client, auth)
    assert (second["total"], second["rescored"], second["unchanged"]) == (1, 1, 0)
    assert second["changed_after"] == 30 and any("changed_after=30" in c for c in fake.calls)
    assert client.get("/scores/HY2025-1-000004", headers=auth("bureau")).json() == before[4]
    after5 = client.get("/scores/HY2025-1-000005", headers=auth("bureau")).json()
    assert (before[5]["family_score"], after5["family_score"]) == ("64.00", "88.00")

    fake.touch("HY2025-1-000006")  # seq moves, facts do not
    third = run_job(client, auth)
    assert (third["total"], third["rescored"], third["unchanged"]) == (1, 0, 1)

    full = run_job(client, auth, full=True)  # everything fetched, nothing changed
    assert (full["total"], full["rescored"], full["unchanged"]) == (30, 0, 30)


def test_a_new_published_rulebook_rescores_everything(svc, auth):
    client, fake = svc
    for n in range(1, 6):
        fake.put(case(eligible_guardian(1), application_no=f"HY2025-1-{n:06d}"))
    run_job(client, auth)
    body = rulebook_body(client, auth, id="HY-2025-r2")
    body["items"][0]["fixed"] = body["items"][0]["cap"] = "50.00"
    assert client.post("/rulebooks", json=body, headers=auth("bureau")).status_code == 201
    assert run_job(client, auth)["total"] == 0  # a draft changes nothing
    assert client.post("/rulebooks/HY-2025-r2/publish", headers=auth("bureau")).status_code == 200
    job = run_job(client, auth)
    assert (job["rulebook_id"], job["total"], job["rescored"]) == ("HY-2025-r2", 5, 5)
    score = client.get("/scores/HY2025-1-000003", headers=auth("bureau")).json()
    assert (score["rulebook_id"], score["family_score"]) == ("HY-2025-r2", "74.00")
    # going back to the first rulebook scores every case again: the stored scores are r2's
    back = run_job(client, auth, rulebook_id="HY-2025")
    assert (back["rulebook_id"], back["changed_after"], back["total"], back["rescored"]) == ("HY-2025", None, 5, 5)
    score = client.get("/scores/HY2025-1-000003", headers=auth("bureau")).json()
    assert (score["rulebook_id"], score["family_score"]) == ("HY-2025", "64.00")
    assert run_job(client, auth, rulebook_id="HY-2025")["total"] == 0  # and after it, only what changes


def test_a_job_commits_page_by_page_and_a_failure_keeps_what_was_done(make_service, auth):
    fake = FakeVerification(TEST_SECRET)
    client = make_service("points", facts_page_size=10,
                          create_app_kwargs={"http_clients": {"verification": fake.client()}})
    for n in range(1, 36):
        fake.put(case(eligible_guardian(1), application_no=f"HY2025-1-{n:06d}"))
    fake.fail_when = lambda request: request.url.params.get("cursor") == "20"  # the third page of ten
    failed = run_job(client, auth)
    assert failed["state"] == "failed" and "unavailable" in failed["error"]
    assert (failed["done"], failed["rescored"], failed["last_seq"]) == (20, 20, None)
    assert len(client.get("/scores?season=2025&grade=1&limit=1000", headers=auth("bureau")).json()["items"]) == 20
    fake.fail_when = None
    retry = run_job(client, auth)
    assert retry["changed_after"] is None  # a failed job moves no watermark
    assert (retry["state"], retry["total"], retry["rescored"], retry["unchanged"]) == ("done", 35, 15, 20)


def test_a_running_job_is_answered_instead_of_a_second(svc, auth):
    client, fake = svc
    fake.put(case())
    fake.gate = threading.Event()
    first = client.post("/scoring-jobs", json={"season": 2025, "grade": 1}, headers=auth("bureau")).json()
    second = client.post("/scoring-jobs", json={"season": 2025, "grade": 1}, headers=auth("service"))
    assert second.status_code == 202 and second.json()["id"] == first["id"] and second.json()["state"] == "running"
    fake.gate.set()
    assert wait_job(client, auth, first["id"])["state"] == "done"
    assert client.get("/scoring-jobs/999", headers=auth("bureau")).json()["code"] == "job_not_found"
    refused = client.post("/scoring-jobs", json={"season": 2030, "grade": 1}, headers=auth("bureau"))
    assert refused.status_code == 409 and refused.json()["code"] == "no_published_rulebook"
    later = run_job(client, auth, full=True)
    listed = client.get("/scoring-jobs?season=2025", headers=auth("bureau")).json()
    assert [j["id"] for j in listed["items"]] == [later["id"], first["id"]] and listed["next_cursor"] is None
    assert listed["items"][0] == client.get(f"/scoring-jobs/{later['id']}", headers=auth("bureau")).json()
    assert client.get("/scoring-jobs?season=2025&grade=7", headers=auth("bureau")).json()["items"] == []
    assert client.get("/scoring-jobs?season=2026", headers=auth("service")).json()["items"] == []


# --- what-if ----------------------------------------------------------------------------------------------------------

def test_what_if_scores_without_storing(svc, auth):
    client, fake = svc
    answer = client.post("/what-if", json=WHAT_IF, headers=auth("platform"))
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["family_score"] == "88.00" and body["application_no"] is None and body["scored_at"]
    assert body["guardians"][0]["items"][3]["department"] == "housing"
    assert client.get("/scores?season=2025", headers=auth("bureau")).json()["items"] == []
    assert fake.calls == []

    draft = rulebook_body(client, auth, id="HY-2025-draft")
    draft["items"][3]["fixed"] = "25.00"
    client.post("/rulebooks", json=draft, headers=auth("bureau"))
    on_draft = client.post("/what-if", json={**WHAT_IF, "rulebook_id": "HY-2025-draft"}, headers=auth("bureau"))
    assert on_draft.json()["family_score"] == "93.00" and on_draft.json()["rulebook_id"] == "HY-2025-draft"

    two = copy.deepcopy(WHAT_IF)
    two["guardians"].append({"guardian_no": 2, "facts": {"residence_permit": permit(status="suspended")}})
    assert client.post("/what-if", json=two, headers=auth("bureau")).json()["tie_break"]["other_guardian_score"] == (
        "0.00")
    bad = copy.deepcopy(WHAT_IF)
    bad["guardians"][0]["facts"]["residence_permit"]["colour"] = "red"
    refused = client.post("/what-if", json=bad, headers=auth("bureau"))
    assert refused.status_code == 422 and refused.json()["field"].endswith("residence_permit.colour")
    unknown = client.post("/what-if", json={**WHAT_IF, "rulebook_id": "HY-1999"}, headers=auth("bureau"))
    assert unknown.status_code == 404
    # what verification would refuse as facts of record, what-if refuses too
    elsewhere = copy.deepcopy(WHAT_IF)
    elsewhere["guardians"][0]["facts"]["residence_permit"]["township_code"] = "330102001"
    refused = client.post("/what-if", json=elsewhere, headers=auth("bureau"))
    assert refused.status_code == 422 and "not in county 331003" in refused.json()["detail"], refused.text
    unborn = client.post("/what-if", json={**WHAT_IF, "child_birth_date": "2099-01-01"}, headers=auth("bureau"))
    assert unborn.status_code == 422 and "child_birth_date" in unborn.json()["detail"]
    assert client.get("/scores?season=2025", headers=auth("bureau")).json()["items"] == []


def test_ineligible_family_through_the_service(svc, auth):
    client, fake = svc
    fake.put(case(guardian(1, residence_permit=permit("2024-05-01"), social_insurance=insurance())))
    body = client.post("/scores/HY2025-1-000001", headers=auth("bureau")).json()
    assert body["eligible"] is False and body["family_score"] == "0.00"
    e1 = next(e for e in body["eligibility"] if e["rule"] == "E1")
    assert e1 == {"rule": "E1", "met": False, "reason": "permit_too_recent", "guardian_no": 1,
                  "explanation": "截至 2025-04-30 连续居住不满 1 年 / "
                                 "fewer than 1 full year of continuous residence by 2025-04-30"}


# --- bad cursors and races ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("cursor", ["QQA",  # "A\0": reached PostgreSQL (500), an empty page on SQLite
                                    "IEE", "SFkgMjAyNQ", "Bw", "_w", "QUFB" * 14, "LUE", "ab$"])
def test_a_cursor_the_listing_did_not_give_is_422(svc, auth, cursor):
    """``next_cursor`` decodes to an application_no; anything else (NUL, a space, BEL, bytes that are not UTF-8,
    a leading "-", over 40 characters, not base64) is 422 ``invalid_cursor``, on both backends."""
    client, _ = svc
    resp = client.get("/scores", params={"season": 2025, "cursor": cursor}, headers=auth("bureau"))
    assert resp.status_code == 422 and resp.json()["code"] == "invalid_cursor", resp.text
    assert resp.json()["field"] == "cursor"


@contextmanager
def writers_held(client, table: str, where: str | None, n: int):
    """Start ``n`` writers while ``table`` (or its ``where`` rows) is locked, release once all ``n`` wait on the
    lock (PostgreSQL): every writer has read the state before any can change it. SQLite serialises writers
    anyway (BEGIN IMMEDIATE): the block just runs."""
    engine = client.app.state.db.engine
    if engine.dialect.name != "postgresql":
        yield lambda: time.sleep(0.3)
        return
    with engine.connect() as holder:
        holder.execute(text(f"LOCK TABLE {table} IN SHARE MODE" if where is None else
                            f"SELECT 1 FROM {table} WHERE {where} FOR UPDATE"))

        def wait() -> None:
            deadline = time.monotonic() + 20
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as probe:
                while probe.execute(text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                         "AND wait_event_type = 'Lock'")).scalar_one() < n:
                    assert time.monotonic() < deadline, f"{n} writers never waited on {table}"
                    time.sleep(0.02)

        yield wait
        holder.rollback()


def held_at_once(client, table, where, fn, n=6):
    with ThreadPoolExecutor(max_workers=n) as pool:
        with writers_held(client, table, where, n) as wait:
            futures = [pool.submit(fn, i) for i in range(n)]
            wait()
        return [f.result() for f in futures]


def test_writers_racing_with_one_etag_make_one_change(svc, auth):
    """6 PUTs with the same If-Match, all having read the draft before any writes: the row is locked (FOR UPDATE)
    before If-Match is checked, so one wins and five get 412 (on PostgreSQL all six won before: a lost update)."""
    client, _ = svc
    body = rulebook_body(client, auth, id="HY-2025-race")
    assert client.post("/rulebooks", json=body, headers=auth("bureau")).status_code == 201
    body.pop("id")
    answers = held_at_once(client, "rulebooks", "id = 'HY-2025-race'", lambda i: client.put(
        "/rulebooks/HY-2025-race", json={**body, "name": f"细则{i}"}, headers={**auth("bureau"), "If-Match": '"v1"'}))
    assert sorted(a.status_code for a in answers) == [200] + [412] * 5, [a.text[:200] for a in answers]
    winner = next(a for a in answers if a.status_code == 200)
    stored = client.get("/rulebooks/HY-2025-race", headers=auth("bureau"))
    assert stored.headers["etag"] == winner.headers["etag"] == '"v2"'
    assert stored.json()["name"] == winner.json()["name"]


def test_racing_job_requests_start_one_job(svc, auth):
    """6 POST /scoring-jobs at once, all having found no running job: the partial unique index on running jobs
    lets one insert win; the others answer its job (on PostgreSQL each started its own before)."""
    client, fake = svc
    fake.put(case())
    fake.gate = threading.Event()  # the job stays running while the callers race
    answers = held_at_once(client, "scoring_jobs", None, lambda i: client.post(
        "/scoring-jobs", json={"season": 2025, "grade": 1}, headers=auth("bureau")))
    assert {a.status_code for a in answers} == {202}, [a.text[:200] for a in answers]
    assert len({a.json()["id"] for a in answers}) == 1
    fake.gate.set()
    job = wait_job(client, auth, answers[0].json()["id"])
    assert (job["state"], job["rescored"]) == ("done", 1)
    again = client.post("/scoring-jobs", json={"season": 2025, "grade": 1}, headers=auth("bureau")).json()
    assert again["id"] != job["id"]  # a finished job leaves the index: the next request starts a new one
    assert wait_job(client, auth, again["id"])["state"] == "done"
