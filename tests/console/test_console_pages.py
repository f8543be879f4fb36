"""The console's pages against a stand-in gateway (``httpx.MockTransport`` answering as the services would), without
a browser: what each page asks the API for, what it shows, what it refuses (issue 12: history, roll confirmation,
the publish gate, the clerk's kind filter, downloads)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from console.accounts import add_staff
from shared_kit import TEST_SECRET

CONSOLE_SECRET = "console-test-secret-" + "y" * 40
Answer = dict | list | Callable[[httpx.Request], httpx.Response]


class FakeGateway:
    """Answers ``(method, "/api/<service><path>")`` from ``routes`` (JSON, or a function of the request); anything
    else 404 ``not_found``. Every request is kept in ``calls``."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], Answer] = {}
        self.calls: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.calls.append(request)
        answer = self.routes.get((request.method, request.url.path))
        if answer is None:
            return httpx.Response(404, json={"code": "not_found", "detail": f"no route {request.url.path}"})
        return answer(request) if callable(answer) else httpx.Response(200, json=answer)

    def last(self, path: str) -> httpx.Request:
        return next(c for c in reversed(self.calls) if c.url.path == path)


@pytest.fixture
def console(tmp_path):
    """``(client, gateway, sign_in)``: the console app on a fake gateway; ``sign_in(username)`` signs in one of the
    accounts made here (bureau, finance, auditor, police, and a school's ``school.hy`` for HYMB10801)."""
    from console.config import Settings
    from console.main import create_app

    settings = Settings(internal_secret=TEST_SECRET, console_secret=CONSOLE_SECRET,
                        database_url=f"sqlite:///{tmp_path / 'console.db'}", password_hash_profile="tests-only-fast")
    gateway = FakeGateway()
    app = create_app(settings, gateway_transport=httpx.MockTransport(gateway))
    with TestClient(app, base_url="http://testserver") as client:
        with app.state.db.write_session() as s:
            for name, role, dept in [("bureau", "bureau", None), ("finance", "finance", None),
                                     ("auditor", "auditor", None), ("police", "department", "police")]:
                add_staff(s, name, "right-password", role, dept)
            add_staff(s, "school.hy", "right-password", "school", school_code="HYMB10801")
            s.commit()

        def sign_in(username: str) -> None:
            client.cookies.clear()
            form = client.get("/console/sign-in")
            csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
            answer = client.post("/console/sign-in", data={"username": username, "password": "right-password",
                                                           "csrf": csrf}, follow_redirects=False)
            assert answer.status_code == 303, answer.text

        yield client, gateway, sign_in


def csrf_of(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


QUEUE_ITEM = {"id": 41, "kind": "residence_permit", "department": "police", "season": 2025, "grade": 1,
              "application_no": "HY2025-1-000041", "guardian_no": 1, "subject_name": "张三",
              "subject_id_number": "331003198801011234", "state": "pending", "created_at": "2025-05-01T01:30:00+00:00"}


def test_the_clerk_queue_asks_verification_for_one_kind_and_keeps_it_on_the_next_page(console):
    client, gateway, sign_in = console
    gateway.routes[("GET", "/api/verification/queue")] = {"items": [QUEUE_ITEM], "next_cursor": "41"}
    sign_in("police")
    page = client.get("/console/clerk/queue", params={"kind": "residence_permit"})
    assert page.status_code == 200
    asked = gateway.last("/api/verification/queue").url.params
    assert asked["kind"] == "residence_permit" and asked["season"] == "2025"
    assert "kind=residence_permit&cursor=41" in page.text  # the next page keeps the filter
    assert "张*" in page.text and "331003198801011234" not in page.text and "09:30" in page.text  # Asia/Shanghai
    client.get("/console/clerk/queue", params={"kind": "passport"})  # not a kind: no filter sent
    assert "kind" not in gateway.last("/api/verification/queue").url.params


CHECKS = [{"name": "digest", "passed": True, "first": None, "stated": "ab12", "recomputed": "ab12"},
          {"name": "reproduced", "passed": True, "first": None, "differing": 0, "examples": []},
          {"name": "accounted", "passed": True, "first": None, "applicants": 120, "placed": 100, "unplaced": 20,
           "missing": 0, "unknown": 0, "unplaced_without_reason": 0, "ineligible_placed": 0},
          {"name": "capacity", "passed": True, "first": None, "schools": 12, "over": []},
          {"name": "own_choices", "passed": True, "first": None, "round_1": 80, "round_2": 15, "round_3": 5,
           "off_list": 0, "examples": []},
          {"name": "cutoffs", "passed": True, "first": None, "schools": 12, "differing": 0, "examples": []},
          {"name": "stability", "passed": True, "first": None, "blocking_pairs": 0, "required": True,
           "examples": []}]
RUN = {"id": 7, "season": 2025, "grade": 1, "seq": 2, "mechanism": "deferred_acceptance", "seed": "s", "rulebook_id": 1,
       "input_digest": "ab12", "state": "draft", "window_ends_on": None, "version": 1,
       "counts": {"applicants": 120, "placed_public": 80, "placed_purchased": 20},
       "created_at": "2025-07-01T01:00:00+00:00", "published_at": None, "finalised_at": None, "superseded_by": None,
       "gate": {"passed": True, "checked_at": "2025-07-01T01:00:00+00:00", "checks": CHECKS}}


def test_the_publish_page_shows_the_runs_stored_checks_and_names_the_failed_ones_when_refused(console):
    client, gateway, sign_in = console
    gateway.routes[("GET", "/api/enrollment/runs/7")] = RUN
    failed = [{**CHECKS[2], "passed": False, "placed": 99, "missing": 1,
               "first": "HY2025-1-000003: in the snapshot but has no outcome"},
              {**CHECKS[6], "passed": False, "blocking_pairs": 2, "first": "HY2025-1-000009 outranks the last "
                                                                          "admitted at HYGP10701"}]
    gateway.routes[("POST", "/api/enrollment/runs/7/publish")] = lambda r: httpx.Response(
        409, json={"code": "gate_failed", "detail": "run 7 cannot be published: accounted: …", "failed": failed})
    sign_in("bureau")
    page = client.get("/console/bureau/runs/7/publish")
    gate = page.text[page.text.index('<table id="gate">'):]
    assert "全部通过 all passed" in gate and gate.count("通过 passed</span>") == 7
    assert "applicants 120 · placed 100 · unplaced 20" in gate and "blocking_pairs 0" in gate and "stated ab12" in gate
    assert "2025-07-01 09:00" in gate  # checked at, Asia/Shanghai
    answer = client.post("/console/bureau/runs/7/publish", data={"csrf": csrf_of(page.text), "window_days": "5",
                                                                 "version": '"v1"'})
    assert answer.status_code == 409
    refused = answer.text[answer.text.index('id="gate-refused"'):answer.text.index('<table id="gate">')]
    assert "公示被拒绝" in refused and "<code>accounted</code>" in refused and "<code>stability</code>" in refused
    assert "placed 99" in refused and "HY2025-1-000003: in the snapshot but has no outcome" in refused
    assert "blocking_pairs 2" in refused and "<code>digest</code>" not in refused  # only the failed ones
    assert gateway.last("/api/enrollment/runs/7/publish").headers["if-match"] == '"v1"'


def _change(id_: int, action: str, before: Any, after: Any, at: str = "2025-03-01T02:05:00+00:00") -> dict:
    return {"id": id_, "resource": "tariff", "key": "HYMB10801/2025-autumn", "action": action,
            "actor": "bureau:wang", "at": at, "at_utc": at, "before": before, "after": after}


def test_history_shows_who_when_and_each_changed_field_and_pages_on(console):
    client, gateway, sign_in = console
    first = {"standard": "6000.00", "original_fee": "6500.00", "note": None}
    second = {**first, "standard": "5800.00", "note": "按成本核定"}
    path = "/api/funding/tariffs/HYMB10801/2025-autumn/history"
    gateway.routes[("GET", path)] = lambda r: httpx.Response(200, json=(
        {"items": [_change(3, "create", None, first), _change(9, "update", first, second)], "next_cursor": "9"}
        if "cursor" not in r.url.params else {"items": [], "next_cursor": None}))
    for who in ("bureau", "auditor"):
        sign_in(who)
        page = client.get("/console/history", params={"resource": "tariff", "school_code": "HYMB10801",
                                                        "semester": "2025-autumn"})
        assert page.status_code == 200, page.text
        rows = re.findall(r"<tr><td>(.*?)</tr>", page.text[page.text.index('id="changes"'):], re.S)
        assert len(rows) == 2 and "2025-03-01 10:05" in rows[0] and "bureau:wang" in rows[0]  # Beijing time
        assert "创建 created" in rows[0] and "<code>original_fee</code>: <del>—</del> → <ins>6500.00</ins>" in rows[0]
        assert "<code>note</code>" not in rows[0]  # created empty: not listed
        assert "<code>standard</code>: <del>6000.00</del> → <ins>5800.00</ins>" in rows[1]
        assert "original_fee" not in rows[1] and "按成本核定" in rows[1]  # only what changed
        assert gateway.last(path).headers["authorization"].startswith("Bearer ")
        nxt = re.search(r'href="(/console/history\?[^"]*cursor=9)"', page.text).group(1).replace("&amp;", "&")
        assert "semester=2025-autumn" in nxt and client.get(nxt).status_code == 200
        assert gateway.last(path).url.params["cursor"] == "9"
    sign_in("finance")
    assert client.get("/console/history", params={"resource": "school", "school_code": "X"}).status_code == 403


@pytest.mark.parametrize("resource,params,api_path", [
    ("school", {"school_code": "HYGP10701"}, "/api/enrollment/schools/HYGP10701/history"),
    ("seats", {"school_code": "HYGP10701", "season": "2025", "grade": "1"},
     "/api/enrollment/schools/HYGP10701/seats/2025/1/history"),
    ("plan", {"school_code": "HYMB10801", "season": "2025", "grade": "7"},
     "/api/enrollment/schools/HYMB10801/plans/2025/7/history"),
    ("semester", {"semester": "2025-autumn"}, "/api/funding/semesters/2025-autumn/history"),
    ("rulebook", {"rulebook_id": "hy-2025"}, "/api/points/rulebooks/hy-2025/history"),
])
def test_history_reads_each_records_endpoint(console, resource, params, api_path):
    client, gateway, sign_in = console
    gateway.routes[("GET", api_path)] = {"items": [], "next_cursor": None}
    sign_in("auditor")
    page = client.get("/console/history", params={"resource": resource, **params})
    assert page.status_code == 200 and "没有变更记录" in page.text
    assert gateway.calls[-1].url.path == api_path


def test_history_says_what_to_fix_next_to_the_field(console):
    client, gateway, sign_in = console
    gateway.routes[("GET", "/api/enrollment/schools/NOPE/history")] = lambda r: httpx.Response(
        404, json={"code": "school_not_found", "detail": "no school NOPE"})
    sign_in("bureau")
    missing = client.get("/console/history", params={"resource": "seats", "school_code": "HYGP10701"})
    assert missing.status_code == 422 and 'id="e-season"' in missing.text and 'id="e-grade"' in missing.text
    unknown = client.get("/console/history", params={"resource": "school", "school_code": "NOPE"})
    assert unknown.status_code == 404 and re.search(r'id="e-school_code">no school NOPE<', unknown.text)
    sneaky = client.get("/console/history", params={"resource": "school", "school_code": "../runs"})
    assert gateway.calls[-1].url.raw_path.startswith(b"/api/enrollment/schools/..%2Fruns/history")
    assert sneaky.status_code == 404


def _roll(items: list[dict], confirmations: list[dict] | None = None) -> dict:
    counts = {"expected": len(items), "attends": sum(i["status"] == "attends" for i in items),
              "left": sum(i["status"] == "left" for i in items), "awaiting": sum(i["status"] == "awaiting" for i in items)}
    return {"school_code": "HYMB10801", "semester": "2025-autumn", "version": 1, "counts": counts,
            "confirmations": confirmations or [], "items": items, "next_cursor": None}


def _seat(seat_id: int, status: str = "awaiting") -> dict:
    return {"seat_id": seat_id, "application_no": f"HY2025-1-{seat_id:06d}", "grade": 1, "start_date": "2025-09-01",
            "end_date": None, "status": status, "left_on": None, "code": None,
            "pupil": {"name": "王小明", "id_number": "3310**********0011"}}


def test_a_schools_staff_checks_then_confirms_its_roll_with_a_leaver(console):
    client, gateway, sign_in = console
    roll_path = "/api/funding/rolls/HYMB10801/2025-autumn"
    gateway.routes[("GET", roll_path)] = _roll([_seat(11), _seat(12), _seat(13, "attends")])
    gateway.routes[("POST", roll_path + "/confirmations")] = lambda r: httpx.Response(201, json={
        "school_code": "HYMB10801", "semester": "2025-autumn", "version": 2, "confirmation": {}})
    sign_in("school.hy")
    assert client.get("/console/", follow_redirects=False).headers["location"] == "/console/rolls"
    page = client.get("/console/rolls", params={"semester": "2025-autumn"})
    assert page.status_code == 200 and "HYMB10801" in page.text and "王**" in page.text
    assert gateway.last(roll_path).url.params["limit"] == "500"
    token = gateway.last(roll_path).headers["authorization"][7:]
    from common.identity import verify_staff
    assert verify_staff(CONSOLE_SECRET, token).school == "HYMB10801"  # the account's school, in the staff token
    form = {"csrf": csrf_of(page.text), "step": "check", "school_code": "HYMB10801", "semester": "2025-autumn",
            "seat_ids": "11,12,13", "status-11": "attends", "status-12": "left", "left_on-12": "", "code-12": "",
            "status-13": ""}
    missing = client.post("/console/rolls", data=form)  # a leaver without a day or reason: said next to them
    assert missing.status_code == 422 and 'id="e-left_on-12"' in missing.text and 'id="e-code-12"' in missing.text
    assert not any(c.method == "POST" for c in gateway.calls)
    form.update({"left_on-12": "2025-10-15", "code-12": "left_district"})
    check = client.post("/console/rolls", data=form)
    assert check.status_code == 200 and "核对在校确认" in check.text and "2025-10-15" in check.text
    assert "离开本区 left the district" in check.text and not any(c.method == "POST" for c in gateway.calls)
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', check.text))
    done = client.post("/console/rolls", data={**hidden, "step": "confirm"}, follow_redirects=False)
    assert done.status_code == 303 and "confirmed=1" in done.headers["location"]
    sent = gateway.last(roll_path + "/confirmations")
    import json
    assert json.loads(sent.content) == {"attending": [11], "left": [{"seat_id": 12, "left_on": "2025-10-15",
                                                                      "code": "left_district"}]}
    assert sent.headers["idempotency-key"] == hidden["key"]
    assert "已确认在校名单" in client.get(done.headers["location"]).text


def test_the_roll_shows_fundings_refusal_next_to_the_seat_and_another_school_is_403(console):
    client, gateway, sign_in = console
    roll_path = "/api/funding/rolls/HYMB10801/2025-autumn"
    gateway.routes[("GET", roll_path)] = _roll([_seat(11), _seat(12)])
    gateway.routes[("POST", roll_path + "/confirmations")] = lambda r: httpx.Response(422, json={
        "code": "invalid", "detail": "left_on outside the semester",
        "errors": [{"field": "left.0.left_on", "message": "2026-03-01 is after the semester ends"}]})
    gateway.routes[("GET", "/api/funding/semesters")] = {"items": [{"code": "2025-autumn", "name": "2025 秋",
                                                                     "starts_on": "2025-09-01"}]}
    gateway.routes[("GET", "/api/enrollment/schools")] = {"items": [{"code": "HYMB10801", "name": "民办一小"}],
                                                          "next_cursor": None}
    sign_in("bureau")  # the bureau confirms for any school
    page = client.get("/console/rolls", params={"school_code": "HYMB10801", "semester": "2025-autumn"})
    assert page.status_code == 200 and '<option value="HYMB10801" selected>' in page.text
    refused = client.post("/console/rolls", data={
        "csrf": csrf_of(page.text), "step": "confirm", "school_code": "HYMB10801", "semester": "2025-autumn",
        "seat_ids": "11,12", "status-11": "attends", "status-12": "left", "left_on-12": "2026-03-01",
        "code-12": "dropped_out"})
    assert refused.status_code == 422
    assert re.search(r'id="e-left_on-12">2026-03-01 is after the semester ends<', refused.text)
    for status, answer in [(422, {"code": "invalid", "field": "left",
                                  "detail": "left_on for seat 12 must lie between 2025-08-31 and 2026-01-31"}),
                           (409, {"code": "seat_ended", "detail": "seat 12 already ended on 2025-10-01; correct "
                                                                  "money with an adjustment"})]:
        gateway.routes[("POST", roll_path + "/confirmations")] = lambda r, s=status, a=answer: httpx.Response(s, json=a)
        refused = client.post("/console/rolls", data={
            "csrf": csrf_of(page.text), "step": "confirm", "school_code": "HYMB10801", "semester": "2025-autumn",
            "seat_ids": "11,12", "status-12": "left", "left_on-12": "2026-03-01", "code-12": "dropped_out"})
        assert refused.status_code == status
        assert re.search(r'id="e-left_on-12">[^<]*seat 12[^<]*<', refused.text)  # beside the leaver's day
    gateway.routes[("GET", "/api/funding/rolls/HYMB10999/2025-autumn")] = lambda r: httpx.Response(
        403, json={"code": "forbidden", "detail": "this credential belongs to school HYMB10801"})
    sign_in("school.hy")
    other = client.get("/console/rolls", params={"school_code": "HYMB10999", "semester": "2025-autumn"})
    assert other.status_code == 403 and "HYMB10801" in other.text
    assert client.get("/console/bureau/runs").status_code == 403  # a school's staff see the roll only


def test_finance_sees_the_seats_awaiting_the_roll(console):
    client, gateway, sign_in = console
    settlement = {"id": 5, "school_code": "HYMB10801", "semester": "2025-autumn", "state": "draft", "tariff": "6000.00",
                  "tariff_version": 1, "semester_days": 140, "total": "6000.00", "line_count": 1,
                  "awaiting_confirmation": 2, "adjustments_total": "0.00", "paid_total": "0.00",
                  "amount_due": "0.00", "version": 1, "computed_by": "finance", "computed_at": "2025-10-01T00:00:00Z",
                  "approved_by": None, "approved_at": None,
                  "lines": [{"seat_id": 13, "application_no": "HY2025-1-000013", "days": 140, "semester_days": 140,
                             "amount": "6000.00", "pupil": {"name": "李四", "id_number": "3310**********0013"}}],
                  "awaiting": [{"seat_id": 11, "application_no": "HY2025-1-000011",
                                "pupil": {"name": "王小明", "id_number": "3310**********0011"}}]}
    gateway.routes[("GET", "/api/funding/settlements/5")] = settlement
    sign_in("finance")
    page = client.get("/console/finance/settlements/5")
    awaiting = page.text[page.text.index('<table id="awaiting">'):]
    assert "HY2025-1-000011" in awaiting and "现在 now 1；计算时 when computed 2" in awaiting
    assert "HY2025-1-000013" not in awaiting


def _overview_routes(gateway: FakeGateway) -> None:
    run = {**RUN, "state": "final", "counts": {**RUN["counts"], "waitlisted": 20}}
    gateway.routes[("GET", "/api/enrollment/runs")] = lambda r: httpx.Response(200, json={
        "items": [run] if r.url.params["grade"] == "1" else [], "next_cursor": None})
    gateway.routes[("GET", "/api/enrollment/reports/seasons/2025")] = {"grades": [
        {"grade": 1, "provisional": False, "summary": {"applicants": 120, "public_share": "96.00", "target": "95.00",
                                                       "placed_public": 80, "placed_purchased": 20, "waitlisted": 20}}]}
    gateway.routes[("GET", "/api/enrollment/outbox")] = {"topics": {"funding.seats": {"pending": 0, "delivered": 3,
                                                                                       "failing": 0}}}
    gateway.routes[("GET", "/api/verification/progress")] = {"departments": [
        {"department": "police", "answered": 7, "pending": 2, "oldest_pending_id": 41,
         "oldest_pending_at": "2025-05-01T01:30:00+00:00"}]}
    gateway.routes[("GET", "/api/enrollment/reports/applications/2025")] = {"grades": [
        {"grade": 1, "submitted": 130, "withdrawn": 10}, {"grade": 7, "submitted": 0, "withdrawn": 0}]}
    gateway.routes[("GET", "/api/enrollment/runs/preview")] = lambda r: httpx.Response(200, json=PREVIEW if r.url.params[
        "grade"] == "1" else {**PREVIEW, "grade": 7, "would_include": [], "waiting_for_department": []})
    gateway.routes[("GET", "/api/points/scoring-jobs")] = {"items": [
        {"id": 3, "grade": 1, "rulebook_id": "hy-2025", "state": "done", "error": None, "done": 120, "total": 120,
         "rescored": 0, "created_at": "2025-06-01T00:00:00+00:00", "finished_at": "2025-06-01T00:01:00+00:00"}]}


def _csv(answer: httpx.Response) -> list[list[str]]:
    import csv
    import io

    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv"), answer.text[:300]
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    assert all(re.fullmatch(r"[a-z_0-9]+", key) for key in rows[1])  # the field names under the headings
    return [rows[0], *rows[2:]]  # the headings and the data


def test_every_overview_and_runs_table_downloads_as_csv_and_xlsx(console):
    from io import BytesIO

    from openpyxl import load_workbook

    client, gateway, sign_in = console
    _overview_routes(gateway)
    sign_in("bureau")
    page = client.get("/console/bureau")
    links = set(re.findall(r'href="(/console/bureau\?season=2025&amp;table=(\w+)&amp;format=csv)"', page.text))
    assert {name for _, name in links} == {"grades", "runs", "progress", "jobs", "outbox"}
    grades = _csv(client.get("/console/bureau", params={"season": 2025, "table": "grades", "format": "csv"}))
    assert grades[0][:3] == ["年级 grade", "已提交 submitted", "已撤回 withdrawn"]
    assert grades[1][:4] == ["小学一年级 Grade 1", "130", "10", "120"] and "96.00" in grades[1]
    progress = _csv(client.get("/console/bureau", params={"table": "progress", "format": "csv"}))
    assert progress[1] == ["公安 Police", "7", "2", "41", "2025-05-01 09:30"]  # Beijing time, as on the page
    jobs = _csv(client.get("/console/bureau", params={"table": "jobs", "format": "csv"}))
    assert jobs[1][0] == "3" and jobs[1][-1] == "2025-06-01 08:01"
    outbox = _csv(client.get("/console/bureau", params={"table": "outbox", "format": "csv"}))
    assert outbox[1] == ["funding.seats", "0", "3", "0"]
    book = client.get("/console/bureau/runs", params={"table": "runs", "format": "xlsx"})
    assert book.headers["content-disposition"].startswith('attachment; filename="tongcheng-2025-runs.xlsx"')
    rows = list(load_workbook(BytesIO(book.content)).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("批次 run", "年级 grade", "状态 state") and rows[2][:3] == (7, 1, "已定 final")
    assert rows[1][:3] == ("id", "grade", "state") and load_workbook(BytesIO(book.content)).active.freeze_panes == "A3"
    assert 'href="/console/bureau/runs?season=2025&amp;table=runs&amp;format=xlsx"' in client.get(
        "/console/bureau/runs").text


def test_the_whole_clerk_queue_downloads_masked_and_filtered(console):
    client, gateway, sign_in = console

    def queue(request: httpx.Request) -> httpx.Response:
        after = int(request.url.params.get("cursor", "0"))
        items = [{**QUEUE_ITEM, "id": after + n + 1} for n in range(3)] if after < 6 else []
        return httpx.Response(200, json={"items": items, "next_cursor": str(after + 3) if after < 6 else None})

    gateway.routes[("GET", "/api/verification/queue")] = queue
    sign_in("police")
    rows = _csv(client.get("/console/clerk/queue", params={"kind": "residence_permit", "table": "queue",
                                                           "format": "csv"}))
    assert [r[0] for r in rows[1:]] == [str(n) for n in range(1, 7)]  # every page, not just the first
    assert rows[1][1:] == ["居住证 residence permit", "HY2025-1-000041", "1", "张*", "3310**********1234",
                           "2025-05-01 09:30"]
    asked = [c.url.params for c in gateway.calls if c.url.path == "/api/verification/queue"]
    assert all(p["kind"] == "residence_permit" and p["limit"] == "1000" for p in asked) and len(asked) == 3


def test_the_whole_ledger_and_the_mismatches_download(console):
    client, gateway, sign_in = console
    entry = {"seq": 1, "kind": "settlement_approved", "settlement_id": 5, "amount": "6000.00",
             "recorded_at": "2025-10-01T02:00:00+00:00", "body": "{}", "prev_hash": "0" * 64, "hash": "a" * 64}
    gateway.routes[("GET", "/api/funding/ledger")] = lambda r: httpx.Response(200, json=(
        {"items": [entry, {**entry, "seq": 2}], "next_cursor": 2} if "cursor" not in r.url.params
        else {"items": [{**entry, "seq": 3}], "next_cursor": None}))
    gateway.routes[("GET", "/api/funding/ledger/verify")] = {
        "ok": False, "entries": 3, "head_hash": "a" * 64, "first_broken": None, "records_checked": 4,
        "mismatches": [{"record": "settlement", "id": 5, "seq": 1, "reason": "amount differs"}],
        "checked_at": "2025-10-01T02:00:00+00:00"}
    sign_in("auditor")
    ledger = _csv(client.get("/console/auditor/ledger", params={"table": "ledger", "format": "csv"}))
    assert [r[0] for r in ledger[1:]] == ["1", "2", "3"] and ledger[1][4] == "2025-10-01 10:00"
    assert ledger[1][6] == "a" * 64  # the whole hash, for re-checking
    mismatches = _csv(client.get("/console/auditor/ledger", params={"table": "mismatches", "format": "csv"}))
    assert mismatches[1] == ["settlement", "5", "1", "amount differs"]
    page = client.get("/console/auditor/ledger", params={"verify": "1"})
    assert "table=mismatches&amp;format=xlsx" in page.text and "table=ledger&amp;format=csv" in page.text


def test_the_auditor_sees_a_settlements_roll_confirmations_and_links_to_its_tariffs_history(console):
    client, gateway, sign_in = console
    gateway.routes[("GET", "/api/funding/settlements/5")] = {
        "id": 5, "school_code": "HYMB10801", "semester": "2025-autumn", "state": "approved", "total": "6000.00",
        "adjustments_total": "0.00", "paid_total": "0.00", "computed_by": "finance",
        "computed_at": "2025-10-01T00:00:00+00:00", "approved_by": "finance", "approved_at": "2025-10-02T00:00:00+00:00"}
    gateway.routes[("GET", "/api/funding/adjustments")] = {"items": [], "next_cursor": None}
    gateway.routes[("GET", "/api/funding/rolls/HYMB10801/2025-autumn")] = _roll([_seat(11, "attends")], [
        {"id": 2, "confirmed_by": "xu.laoshi", "confirmed_role": "school", "confirmed_at": "2025-09-20T01:00:00+00:00",
         "attending": 1, "left": 0, "unchanged": 0, "entries_digest": "f" * 64, "ledger_seq": 9}])
    gateway.routes[("GET", "/api/funding/ledger")] = {"items": [_entry(12, "settlement_approved", settlement_id=5,
                                                                       amount="6000.00")], "next_cursor": None}
    sign_in("auditor")
    page = client.get("/console/auditor/history", params={"settlement_id": "5"})
    assert gateway.last("/api/funding/ledger").url.params["settlement_id"] == "5"
    own = page.text[page.text.index('id="settlement-ledger"'):page.text.index('id="roll-confirmations"')]
    assert "#12" in own and "结算审批 settlement approved" in own and "6000.00" in own and "finance.li" in own
    rolls = page.text[page.text.index('id="roll-confirmations"'):]
    assert "school:xu.laoshi" in rolls and "2025-09-20 09:00" in rolls and "#9" in rolls
    assert gateway.last("/api/funding/rolls/HYMB10801/2025-autumn").url.params["limit"] == "1"
    assert "/console/history?resource=tariff&amp;school_code=HYMB10801&amp;semester=2025-autumn" in page.text


def _entry(seq: int, kind: str, *, settlement_id: int | None = None, amount: str = "0.00", **body: Any) -> dict:
    text = json.dumps({"seq": seq, "kind": kind, "settlement_id": settlement_id, "by": "finance.li",
                       "semester": "2025-autumn", **body}, ensure_ascii=False, sort_keys=True)
    return {"seq": seq, "kind": kind, "settlement_id": settlement_id, "amount": amount,
            "recorded_at": "2025-10-01T02:00:00+00:00", "body": text, "prev_hash": "0" * 64, "hash": f"{seq:x}" * 64}


def test_the_auditor_sees_a_seats_roll_per_semester_and_its_own_ledger(console):
    client, gateway, sign_in = console
    seat = {"id": 31, "application_no": "HY2025-1-000031", "pupil_name": "王小明", "pupil_id_number": "3310**********0011",
            "school_code": "HYMB10801", "grade": 1, "start_date": "2025-09-01", "end_date": "2025-11-14",
            "end_reason": "left (left_district), 2025-autumn roll", "previous_seat_id": None}
    roll = {"seat_id": 31, "semester": "2025-autumn", "school_code": "HYMB10801", "status": "left",
            "left_on": "2025-11-14", "code": "left_district", "confirmation_id": 4, "confirmed_by": "xu.laoshi",
            "confirmed_role": "school", "confirmed_at": "2025-09-20T01:00:00+00:00", "ledger_seq": 7}
    gateway.routes[("GET", "/api/funding/reports/pupils/HY2025-1-000031")] = {
        "application_no": "HY2025-1-000031", "seats": [seat], "lines": [], "total": "0.00", "draft_total": "0.00",
        "rolls": [roll, {**roll, "semester": "2026-spring", "status": "awaiting", "left_on": None, "code": None,
                         "confirmation_id": None, "confirmed_by": None, "confirmed_role": None, "confirmed_at": None,
                         "ledger_seq": None}]}
    pages = {None: {"items": [_entry(6, "seat_ended", seat_id=31, reason="left (left_district)")],
                    "next_cursor": "c1"},
             "c1": {"items": [_entry(7, "roll_confirmed", left=[{"seat_id": 31, "left_on": "2025-11-14",
                                                                 "code": "left_district"}]),
                              _entry(9, "settlement_approved", settlement_id=5, amount="1196.08")],
                    "next_cursor": None}}
    gateway.routes[("GET", "/api/funding/ledger")] = lambda r: httpx.Response(200, json=pages[r.url.params.get("cursor")])
    sign_in("auditor")
    page = client.get("/console/auditor/history", params={"application_no": "HY2025-1-000031"})
    assert page.status_code == 200
    asked = [c.url.params for c in gateway.calls if c.url.path == "/api/funding/ledger"]
    assert [(q["seat_id"], q.get("cursor")) for q in asked] == [("31", None), ("31", "c1")]  # every page of seat 31
    rolls = page.text[page.text.index('id="seat-rolls"'):]
    assert "离校 left" in rolls and "2025-11-14" in rolls and "school:xu.laoshi" in rolls and "#7" in rolls
    assert "2026-spring" in rolls and "待确认 awaiting" in rolls
    ledger = page.text[page.text.index('id="seat-ledger-31"'):]
    assert [int(n) for n in re.findall(r"<td>#(\d+)</td><td>", ledger)] == [6, 7, 9]
    assert "离校 left 2025-11-14 (left_district)" in ledger and "学位终止 seat ended" in ledger
    assert 'href="/console/auditor/history?settlement_id=5"' in ledger and "1196.08" in ledger
    assert "3310**********0011" in page.text and not re.search(r"\d{17}[\dX]", page.text)


def _appeal(i: int, **kw) -> dict:
    return {"id": i, "run_id": 5, "application_no": f"HY2025-1-00000{i}", "reason": "家长申诉", "state": "upheld",
            "note": "", "lodged_at": "2025-07-01T01:00:00Z", "decided_at": "2025-07-02T01:00:00Z",
            "decided_by": "bureau", "disputes": None, "progress": None, "department": None, "recheck": None,
            "score": None, "included_run_id": None, "last_error": None, **kw}


FACT = {"type": "fact", "guardian_no": 1, "kind": "social_insurance"}
PREVIEW = {"season": 2025, "grade": 1, "included": [],
           "would_include": [_appeal(2, disputes=FACT, progress="rescored", department="hrss",
                                     score={"eligible": True, "family_score": "72.50", "facts_digest": "d"})],
           "waiting_for_department": [_appeal(1, disputes=FACT, progress="waiting_for_department",
                                              department="hrss")]}


def test_the_runs_page_previews_which_appeals_a_rerun_would_include(console):
    client, gateway, sign_in = console
    _overview_routes(gateway)
    sign_in("bureau")
    page = client.get("/console/bureau/runs")
    assert page.status_code == 200
    grade1 = page.text.split("重新录取预览")[1]
    assert "将纳入 1 件复核，1 件仍在等待部门复查" in grade1.split("</caption>")[0]
    assert "#2" in grade1 and "72.50 分" in grade1 and "不纳入：等待" in grade1 and "waiting for hrss" in grade1
    assert gateway.last("/api/enrollment/runs/preview").url.params["season"] == "2025"


def test_the_appeals_queue_shows_progress_and_the_decision_names_the_disputed_fact(console):
    client, gateway, sign_in = console
    appeals = [_appeal(1, disputes=FACT, progress="waiting_for_department", department="hrss"),
               _appeal(2, progress="rescored", score={"eligible": True, "family_score": "72.50"},
                       recheck={"result_id": 9, "outcome": "confirmed"}),
               _appeal(3, disputes={"type": "placement_rule", "rule": "catchment"}, progress="included_in_run",
                       included_run_id=8),
               _appeal(4, state="lodged", decided_at=None, decided_by=None)]
    gateway.routes[("GET", "/api/enrollment/runs/5")] = {**RUN, "id": 5, "state": "published"}
    gateway.routes[("GET", "/api/enrollment/runs")] = {"items": [], "next_cursor": None}
    gateway.routes[("GET", "/api/enrollment/appeals")] = {"items": appeals, "next_cursor": None}
    gateway.routes[("POST", "/api/enrollment/appeals/4/decision")] = lambda r: httpx.Response(
        200, json=_appeal(4, disputes=json.loads(r.content)["disputes"], progress="waiting_for_department"))
    sign_in("bureau")
    page = client.get("/console/bureau/runs/5")
    rows = {i: page.text.split(f'id="appeal-{i}"')[1].split("</tr>")[0] for i in (1, 2, 3, 4)}
    assert "等待" in rows[1] and "waiting for hrss" in rows[1] and "社保 social insurance" in rows[1]
    assert "72.50 分" in rows[2] and "ready for re-run" in rows[2] and "confirmed" in rows[2]
    assert 'href="/console/bureau/runs/8">run #8' in rows[3] and "catchment" in rows[3]
    assert 'name="dispute_type"' in rows[4] and 'name="fact_kind"' in rows[4]
    answer = client.post("/console/bureau/appeals/4/decision", headers={"HX-Request": "true"}, data={
        "csrf": csrf_of(page.text), "run_id": "5", "decision": "upheld", "dispute_type": "fact", "guardian_no": "2",
        "fact_kind": "housing", "rule": "", "note": "查住房"})
    assert answer.status_code == 200, answer.text
    sent = json.loads(gateway.last("/api/enrollment/appeals/4/decision").content)
    assert sent == {"decision": "upheld", "note": "查住房",
                    "disputes": {"type": "fact", "guardian_no": 2, "kind": "housing"}}
    assert "waiting for" in answer.text
    client.post("/console/bureau/appeals/4/decision", data={
        "csrf": csrf_of(page.text), "run_id": "5", "decision": "rejected", "dispute_type": "fact", "note": ""})
    assert "disputes" not in json.loads(gateway.last("/api/enrollment/appeals/4/decision").content)  # only upheld


def test_the_planning_page_shows_the_fewest_extra_public_seats_per_short_township(console):
    """学位规划: the page asks the what-if (nothing stored) with the township's extra seats from its form, and shows
    per township short of 95 % its 学位缺口 and 新增公办学位, where they go, the share reached and the cost."""
    from enrollment.planning_schemas import PlanningOut

    client, gateway, sign_in = console
    example = PlanningOut.model_config["json_schema_extra"]["examples"][0]
    unreachable = {**example["grades"][0]["fewest_extra_public_seats"][0], "township_code": "331003107",
                   "township_name": "院桥镇", "extra_public_seats": None, "reaches_target": False,
                   "reason_code": "no_public_school", "reason": "no active public school serves it",
                   "seats_by_school": [], "reached": None, "one_fewer": None, "grade": None}
    answer = {**example, "grades": [{**example["grades"][0], "fewest_extra_public_seats": [
        *example["grades"][0]["fewest_extra_public_seats"], unreachable]}]}
    gateway.routes[("POST", "/api/enrollment/planning/what-if")] = answer
    sign_in("bureau")
    page = client.get("/console/bureau/planning", params={"season": 2025, "semester": "2025-autumn",
                                                          "township": "331003003", "grade": 1, "seats": 30})
    assert page.status_code == 200, page.text
    asked = json.loads(gateway.last("/api/enrollment/planning/what-if").content)
    assert asked == {"season": 2025, "semester": "2025-autumn",
                     "township_seats": [{"township_code": "331003003", "grade": 1, "seats": 30}]}
    table = page.text[page.text.index("<table>"):page.text.index("</table>")]
    assert "西城街道" in table and "<td>291</td>" in table and "<td>408</td>" in table  # 学位缺口 → 新增公办学位
    assert "HYGP00301 +125" in table and "<td>95.02</td>" in table and "<td>4002000.00</td>" in table
    assert "院桥镇" in table and "无法达标 unreachable" in table and "no active public school serves it" in table
    assert "学位规划 Planning" in page.text and "778" in page.text  # the menu; all short townships together

    gateway.routes[("POST", "/api/enrollment/planning/what-if")] = lambda r: httpx.Response(
        404, json={"code": "no_snapshot", "detail": "season 2025 has no placement run to plan from"})
    page = client.get("/console/bureau/planning", params={"season": 2025})
    assert page.status_code == 200 and "season 2025 has no placement run to plan from" in page.text
    assert json.loads(gateway.last("/api/enrollment/planning/what-if").content) == {"season": 2025}


def test_the_schools_page_and_its_download_name_the_kind_and_level_in_words(console):
    """The register stores codes (``public``, ``nine_year``); the bureau reads 公办 and 九年一贯制 (issue 19)."""
    client, gateway, sign_in = console
    schools = [{"code": "HYMN00101", "name": "黄岩九年一贯制随迁子女学校", "kind": "private", "level": "nine_year",
                "township_code": "331003001", "status": "active", "approved_capacity": 900,
                "intakes": [{"season": 2025, "grade": 1, "seats": 45}, {"season": 2025, "grade": 7, "seats": 50}]},
               {"code": "HYGP00101", "name": "黄岩区第一小学", "kind": "public", "level": "primary",
                "township_code": "331003001", "status": "active", "approved_capacity": 1200, "intakes": []},
               {"code": "HYGX00101", "name": "未来学校", "kind": "public", "level": "senior",
                "township_code": "331003001", "status": "active", "approved_capacity": 1, "intakes": []}]
    gateway.routes[("GET", "/api/enrollment/schools")] = {"items": schools, "next_cursor": None}
    sign_in("bureau")
    page = client.get("/console/bureau/schools", params={"season": 2025})
    assert page.status_code == 200
    cells = re.findall(r"<td>([^<]*)</td>", page.text)
    assert cells[:5] == ["HYMN00101", "黄岩九年一贯制随迁子女学校", "民办 private", "九年一贯制 nine-year", "331003001"]
    assert "公办 public" in cells and "小学 primary" in cells
    assert "senior" in cells  # a code the console does not know is shown as it is, not hidden
    rows = _csv(client.get("/console/bureau/schools", params={"season": 2025, "format": "csv"}))
    assert rows[1][2:4] == ["民办 private", "九年一贯制 nine-year"]


@pytest.mark.parametrize("path", ["/console/bureau?season=abc", "/console/bureau/planning?season=1e3",
                                  "/console/bureau/schools?season=%EF%BC%91", "/console/bureau/reports?season=twenty"])
def test_a_parameter_a_page_cannot_read_is_the_error_page_not_json(console, path):
    """A tester typed ``?season=abc``: FastAPI's ``{"detail": [...]}`` JSON came back. A refusal is a page."""
    client, _, sign_in = console
    sign_in("bureau")
    page = client.get(path)
    assert page.status_code == 422 and page.headers["content-type"].startswith("text/html"), page.text[:200]
    assert "season" in page.text and '"detail"' not in page.text
