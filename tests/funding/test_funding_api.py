"""The funding service through HTTP on SQLite and PostgreSQL: semesters, tariffs, hand-over, settlement,
approval, disbursement, adjustments, transfers, budget, totals — BRIEF §8, plan 三(四)."""

from datetime import date, timedelta
from decimal import Decimal


from funding_kit import id_number, paid_on_today, seat

AUTUMN = "2025-autumn"


def money_sum(values):
    return sum((Decimal(v) for v in values), Decimal("0.00"))


def test_semesters_and_tariff_versions(f, backend):
    sem = f.semester(AUTUMN)
    assert (sem["starts_on"], sem["ends_on"], sem["days"]) == ("2025-09-01", "2026-01-31", 153)
    assert f.semester("2026-spring")["ends_on"] == "2026-07-15"
    custom = f.semester("2025-summer-camp", name="暑期", starts_on="2025-07-16", ends_on="2025-08-31")
    assert custom["days"] == 47 and custom["name"] == "暑期"
    assert f.post("bureau", "/semesters", {"code": AUTUMN}).json()["code"] == "semester_exists"
    assert f.post("bureau", "/semesters", {"code": "2025-summer"}).status_code == 422  # no default dates
    for code in ("0000-autumn", "9999-autumn"):  # no calendar day there: refused in words, not Python's
        refused = f.post("bureau", "/semesters", {"code": code})
        assert refused.status_code == 422 and "isoformat" not in refused.json()["detail"], refused.text
    assert f.post("bureau", "/semesters", {"code": "x", "starts_on": "2025-09-02",
                                           "ends_on": "2025-09-01"}).status_code == 422
    listed = f.ok(f.get("auditor", "/semesters"))
    assert [s["code"] for s in listed["items"]] == ["2025-summer-camp", AUTUMN, "2026-spring"]
    assert listed["next_cursor"] is None
    first = f.ok(f.get("auditor", "/semesters", params={"limit": 2}))  # paged by start day (common.paging)
    rest = f.ok(f.get("auditor", "/semesters", params={"limit": 2, "cursor": first["next_cursor"]}))
    assert [s["code"] for s in first["items"] + rest["items"]] == ["2025-summer-camp", AUTUMN, "2026-spring"]
    assert rest["next_cursor"] is None
    assert f.ok(f.get("finance", f"/semesters/{AUTUMN}")) == sem  # one semester, as it was created
    missing = f.get("auditor", "/semesters/1999-nope")
    assert (missing.status_code, missing.json()["code"]) == (404, "semester_not_found")
    assert f.get("school:PS001", f"/semesters/{AUTUMN}").status_code == 403
    assert f.ok(f.get("service:enrollment", f"/semesters/{AUTUMN}"))["code"] == AUTUMN

    # the suggestion is the lower input and is the standard when none is given
    v1 = f.tariff("PS001", AUTUMN, "3200.00", "3000")
    assert (v1["suggestion"], v1["standard"], v1["standard_source"], v1["version"]) == \
           ("3000.00", "3000.00", "suggestion", 1)
    assert v1["decided_by"] == "bureau-user" and v1["decided_at"]
    stale = f.put("bureau", f"/tariffs/PS001/{AUTUMN}", {"operating_cost_per_pupil": "1", "original_fee": "1"},
                  headers={"If-Match": '"v0"'})
    assert stale.status_code == 412
    v2 = f.put("bureau", f"/tariffs/PS001/{AUTUMN}", {"operating_cost_per_pupil": "2800.00", "original_fee": "3100.50",
                                                      "standard": "2900.00", "note": "区教育局会议纪要"},
               headers={"If-Match": '"v1"'})
    assert v2.status_code == 200 and v2.headers["etag"] == '"v2"'
    assert (v2.json()["suggestion"], v2.json()["standard"], v2.json()["standard_source"]) == \
           ("2800.00", "2900.00", "decided")
    f.tariff("PS002", AUTUMN, "2500.00", "2600.00")
    current = f.ok(f.get("finance", f"/tariffs?semester={AUTUMN}"))["items"]
    assert [(t["school_code"], t["version"], t["standard"]) for t in current] == \
           [("PS001", 2, "2900.00"), ("PS002", 1, "2500.00")]
    history = f.ok(f.get("auditor", f"/tariffs/PS001/{AUTUMN}/history"))["items"]
    assert [(t["after"]["version"], t["after"]["standard"], t["after"]["original_fee"]) for t in history] == \
           [(1, "3000.00", "3000.00"), (2, "2900.00", "3100.50")]
    assert f.get("auditor", f"/tariffs/PS009/{AUTUMN}/history").json()["code"] == "tariff_not_found"
    unknown = f.put("bureau", "/tariffs/PS001/2030-autumn",
                    {"operating_cost_per_pupil": "1.00", "original_fee": "1.00"})
    assert unknown.status_code == 404 and unknown.json()["code"] == "semester_not_found"


def test_handover_is_idempotent_and_id_numbers_are_masked(f, backend):
    ids = [id_number() for _ in range(3)]
    seats = [seat(f"HY2025-1-{i:06d}", "PS001", "2025-09-01", id_no=ids[i]) for i in range(3)]
    first = f.handover(*seats)
    assert (first["created"], first["existing"]) == (3, 0)
    again = f.handover(*seats, run_id="run-2")
    assert (again["created"], again["existing"]) == (0, 3)
    assert [i["seat_id"] for i in again["items"]] == [i["seat_id"] for i in first["items"]]
    # a repeat inside one batch, plus one new seat
    mixed = f.handover(seats[0], seat("HY2025-1-000009", "PS001", "2025-09-01"),
                       seat("HY2025-1-000009", "PS001", "2025-09-01"))
    assert [i["status"] for i in mixed["items"]] == ["existing", "created", "existing"]
    # the same key replays the first answer
    key = {"Idempotency-Key": "handover-run-7"}
    body = {"run_id": "run-7", "seats": [seat("HY2025-7-000001", "JS01", "2025-09-01")]}
    r1 = f.post("bureau", "/purchased-seats/handover", body, headers=key)
    r2 = f.post("bureau", "/purchased-seats/handover", body, headers=key)
    assert r1.json()["created"] == 1 and r2.headers.get("idempotent-replayed") == "true" and r2.json() == r1.json()
    reused = f.post("bureau", "/purchased-seats/handover", {**body, "run_id": "run-8"}, headers=key)
    assert reused.status_code == 422 and reused.json()["code"] == "idempotency_key_reused"

    listing = f.get("auditor", "/purchased-seats?school_code=PS001&limit=2")
    page1 = f.ok(listing)
    assert len(page1["items"]) == 2 and page1["next_cursor"]
    listing2 = f.get("auditor", f"/purchased-seats?school_code=PS001&limit=2&cursor={page1['next_cursor']}")
    page2 = f.ok(listing2)
    assert len(page2["items"]) == 2 and page2["next_cursor"] is None
    for item in page1["items"] + page2["items"]:
        assert item["pupil_id_number"][6:14] == "********"
    for full in ids:
        assert full not in listing.text and full not in listing2.text
    assert f.get("auditor", "/purchased-seats?cursor=abc").json()["code"] == "invalid_cursor"
    # another service may not hand seats over
    assert f.post("service:points", "/purchased-seats/handover", {"seats": seats}).status_code == 403


def test_settle_approve_pay_and_immutability(f, backend):
    f.semester(AUTUMN)
    f.tariff("PS001", AUTUMN, "3200.00", "3000.00")
    created = f.handover(
        seat("HY2025-1-000001", "PS001", "2025-09-01"),                     # whole semester: 3000.00
        seat("HY2025-1-000002", "PS001", "2025-11-01"),                     # starts late, 92 days: 1803.92
        seat("HY2025-1-000003", "PS001", "2025-09-01"),                     # leaves early (below), 61 days: 1196.08
        seat("HY2025-1-000004", "PS001", "2026-01-31"),                     # a single day: 19.61
        seat("HY2025-1-000005", "PS001", "2026-02-01"),                     # after the semester: no line
    )
    seat_ids = [i["seat_id"] for i in created["items"]]
    ended = f.ok(f.post("bureau", f"/purchased-seats/{seat_ids[2]}/end", {"end_date": "2025-10-31",
                                                                          "reason": "随父母返乡"}))
    assert ended["seat"]["end_date"] == "2025-10-31" and ended["affected_settlements"] == []
    assert f.post("bureau", f"/purchased-seats/{seat_ids[2]}/end",
                  {"end_date": "2025-10-30", "reason": "again"}).json()["code"] == "seat_ended"

    draft = f.settle("PS001", AUTUMN)
    assert draft["state"] == "draft" and draft["semester_days"] == 153 and draft["tariff"] == "3000.00"
    got = {ln["application_no"]: (ln["days"], ln["amount"]) for ln in draft["lines"]}
    assert got == {"HY2025-1-000001": (153, "3000.00"), "HY2025-1-000002": (92, "1803.92"),
                   "HY2025-1-000003": (61, "1196.08"), "HY2025-1-000004": (1, "19.61")}
    assert money_sum(ln["amount"] for ln in draft["lines"]) == Decimal(draft["total"]) == Decimal("6019.61")
    assert all("*" in ln["pupil"]["id_number"] for ln in draft["lines"])
    assert draft["amount_due"] == "0.00"  # nothing is owed before approval

    # recomputing a draft replaces it
    f.handover(seat("HY2025-1-000006", "PS001", "2025-09-01"))
    redo = f.settle("PS001", AUTUMN, role="bureau")
    assert redo["id"] == draft["id"] and redo["version"] == 2 and redo["line_count"] == 5
    assert redo["total"] == "9019.61" and len(redo["lines"]) == 5

    # approval: stale If-Match → 412, then finance approves; bureau may not
    assert f.post("finance", f"/settlements/{redo['id']}/approve", headers={"If-Match": '"v1"'}).status_code == 412
    assert f.post("bureau", f"/settlements/{redo['id']}/approve").status_code == 403
    approved = f.approve(redo)
    assert approved["state"] == "approved" and approved["approved_by"] == "finance-user"
    assert approved["amount_due"] == approved["total"] == "9019.61"
    assert f.post("finance", f"/settlements/{redo['id']}/approve").json()["code"] == "settlement_not_draft"

    # immutable: no tariff change, no recompute
    replace = f.put("bureau", f"/tariffs/PS001/{AUTUMN}", {"operating_cost_per_pupil": "1.00", "original_fee": "1.00"})
    assert replace.status_code == 409 and replace.json()["code"] == "semester_settled"
    recompute = f.post("finance", "/settlements", {"school_code": "PS001", "semester": AUTUMN})
    assert recompute.status_code == 409 and recompute.json()["code"] == "semester_settled"
    assert f.ok(f.get("auditor", f"/tariffs/PS001/{AUTUMN}/history"))["items"][-1]["after"]["version"] == 1
    stored = f.ok(f.get("auditor", f"/settlements/{redo['id']}"))
    assert stored["total"] == "9019.61" and len(stored["lines"]) == 5

    # disbursement: exactly the amount due
    url = f"/settlements/{redo['id']}/disbursements"
    wrong = f.post("finance", url, {"reference": "HYCZ-2026-0001", "amount": "9019.60", "paid_on": paid_on_today()})
    assert wrong.status_code == 422 and wrong.json()["code"] == "amount_mismatch"
    assert wrong.json()["amount_due"] == "9019.61"
    paid = f.ok(f.post("finance", url, {"reference": "HYCZ-2026-0001", "amount": "9019.61",
                                        "paid_on": paid_on_today()}), 201)
    assert paid["amount"] == "9019.61"
    after = f.ok(f.get("auditor", f"/settlements/{redo['id']}"))
    assert after["state"] == "paid" and after["amount_due"] == "0.00" and after["paid_total"] == "9019.61"
    # the sum of the line amounts = the settlement total = the disbursement
    assert money_sum(ln["amount"] for ln in after["lines"]) == Decimal(after["total"]) == Decimal(paid["amount"])
    again = f.post("finance", url, {"reference": "HYCZ-2026-0002", "amount": "0.01", "paid_on": paid_on_today()})
    assert again.json()["code"] == "nothing_due"

    ledger = f.ok(f.get("auditor", "/ledger"))["items"]
    assert [(e["seq"], e["kind"], e["amount"]) for e in ledger] == \
           [(1, "seat_ended", "0.00"), (2, "roll_confirmed", "0.00"), (3, "roll_confirmed", "0.00"),
            (4, "settlement_approved", "9019.61"), (5, "disbursement", "9019.61")]
    verified = f.ok(f.get("auditor", "/ledger/verify"))
    assert verified["ok"] and verified["entries"] == 5 and verified["head_hash"] == ledger[-1]["hash"]


def test_rounding_half_up_through_the_service(f, backend):
    f.semester("2024-spring")  # 1 Feb – 15 Jul 2024: 166 days
    f.tariff("PS001", "2024-spring", "3000.01", "3500.00")
    f.handover(seat("HY2024-1-000001", "PS001", "2024-02-01"), seat("HY2024-1-000002", "PS001", "2024-04-24"))
    ids = f.ok(f.get("bureau", "/purchased-seats"))["items"]
    f.ok(f.post("bureau", f"/purchased-seats/{ids[0]['id']}/end", {"end_date": "2024-04-23", "reason": "转学"}))
    draft = f.settle("PS001", "2024-spring")
    # 300001 fen × 83 / 166 = 150000.5 fen → 1500.01 half-up (banker's rounding would give 1500.00)
    assert [(ln["days"], ln["amount"]) for ln in draft["lines"]] == [(83, "1500.01"), (83, "1500.01")]
    assert draft["total"] == "3000.02"


def test_adjustments_after_approval(f, backend):
    f.semester(AUTUMN)
    f.tariff("PS001", AUTUMN, "3000.00", "3000.00")
    items = f.handover(seat("HY2025-1-000001", "PS001", "2025-09-01"),
                       seat("HY2025-1-000002", "PS001", "2025-09-01"))["items"]
    s1, s2 = items[0]["seat_id"], items[1]["seat_id"]
    draft = f.settle("PS001", AUTUMN)
    body = {"settlement_id": draft["id"], "seat_id": s1, "corrected_end_date": "2025-10-31", "reason": "提前离校"}
    assert f.post("finance", "/adjustments", body).json()["code"] == "settlement_not_approved"
    approved = f.approve(draft)
    assert approved["total"] == "6000.00"

    # the pupil actually left on 31 October; ending the seat names the settlement to correct
    ended = f.ok(f.post("bureau", f"/purchased-seats/{s1}/end", {"end_date": "2025-10-31", "reason": "提前离校"}))
    assert ended["affected_settlements"] == [draft["id"]]
    adj = f.ok(f.post("finance", "/adjustments", body), 201)
    assert (adj["days_before"], adj["days_after"], adj["amount_before"], adj["amount_after"], adj["delta"]) == \
           (153, 61, "3000.00", "1196.08", "-1803.92")
    assert adj["settlement_id"] == draft["id"] and adj["seat_id"] == s1 and adj["ledger_seq"] == 4  # after the roll and the seat_ended entries
    assert f.post("finance", "/adjustments", body).json()["code"] == "no_change"
    # a second correction counts from the first: the pupil left even earlier
    adj2 = f.ok(f.post("bureau", "/adjustments", {**body, "corrected_end_date": "2025-09-30"}), 201)
    # 3000 × 30/153 = 588.235… → 588.24; 588.24 − 1196.08 = −607.84
    assert (adj2["days_before"], adj2["days_after"], adj2["amount_after"], adj2["delta"]) == \
           (61, 30, "588.24", "-607.84")

    settlement = f.ok(f.get("auditor", f"/settlements/{draft['id']}?lines=false"))
    assert settlement["total"] == "6000.00" and settlement["lines"] is None  # approved total never changes
    assert settlement["version"] == approved["version"] + 2  # each adjustment changes the answer: a new ETag
    assert Decimal(settlement["adjustments_total"]) == Decimal(adj["delta"]) + Decimal(adj2["delta"])
    assert Decimal(settlement["amount_due"]) == Decimal("6000.00") + Decimal(settlement["adjustments_total"])
    # paying the corrected amount due
    due = settlement["amount_due"]
    f.ok(f.post("finance", f"/settlements/{draft['id']}/disbursements",
                {"reference": "PAY-77", "amount": due, "paid_on": paid_on_today()}), 201)
    # the seat missing from a settlement, a date before the start
    other = f.post("finance", "/adjustments", {**body, "seat_id": 999})
    assert other.status_code == 404
    early = f.post("finance", "/adjustments", {**body, "seat_id": s2, "corrected_end_date": "2025-08-01"})
    assert early.status_code == 422 and early.json()["field"] == "corrected_end_date"
    never = f.ok(f.post("finance", "/adjustments", {**body, "seat_id": s2, "corrected_end_date": "2025-08-31",
                                                    "reason": "未报到"}), 201)
    assert (never["days_after"], never["amount_after"], never["delta"]) == (0, "0.00", "-3000.00")
    s3 = f.handover(seat("HY2025-1-000004", "PS001", "2025-09-01"))["items"][0]["seat_id"]  # after the approval
    late = f.post("finance", "/adjustments", {**body, "seat_id": s3})
    assert late.status_code == 422 and late.json()["errors"][0]["code"] == "seat_not_in_settlement"

    kinds = [e["kind"] for e in f.ok(f.get("auditor", "/ledger"))["items"]]
    assert kinds == ["roll_confirmed", "settlement_approved", "seat_ended", "adjustment", "adjustment", "disbursement", "adjustment"]
    assert f.ok(f.get("auditor", "/ledger/verify"))["ok"]
    listed = f.ok(f.get("auditor", f"/adjustments?settlement_id={draft['id']}"))["items"]
    assert [a["id"] for a in listed] == [adj["id"], adj2["id"], never["id"]]

    totals = f.ok(f.get("auditor", f"/reports/totals?semester={AUTUMN}"))
    row = totals["items"][0]
    assert row["paid"] == due and row["due"] == "-3000.00"  # the school owes back the no-show
    assert totals["by_semester"][0]["approved_total"] == \
        str(Decimal("6000.00") + Decimal(adj["delta"]) + Decimal(adj2["delta"]) + Decimal("-3000.00"))
    pupil = f.ok(f.get("auditor", "/reports/pupils/HY2025-1-000001"))
    assert pupil["lines"][0]["amount"] == "3000.00" and pupil["total"] == adj2["amount_after"]
    assert pupil["draft_total"] == "0.00"
    # a draft of another semester shows in draft_total, not in total
    f.semester("2026-spring")
    f.tariff("PS001", "2026-spring", "3000.00", "3000.00")
    f.handover(seat("HY2025-1-000003", "PS001", "2026-02-01"))
    f.settle("PS001", "2026-spring")
    pupil = f.ok(f.get("auditor", "/reports/pupils/HY2025-1-000003"))
    assert [(ln["semester"], ln["state"]) for ln in pupil["lines"]] == [("2026-spring", "draft")]
    assert pupil["total"] == "0.00" and pupil["draft_total"] == "3000.00"


def test_transfer_run_outdated_draft_and_budget(f, backend):
    f.semester(AUTUMN)
    for school in ("PS001", "PS002"):
        f.tariff(school, AUTUMN, "3000.00", "3000.00")
    items = f.handover(seat("HY2025-1-000001", "PS001", "2025-09-01"), seat("HY2025-1-000002", "PS003", "2025-09-01"))
    moved = f.ok(f.post("bureau", f"/purchased-seats/{items['items'][0]['seat_id']}/transfer",
                        {"to_school_code": "PS002", "on": "2025-11-01"}), 201)
    assert moved["ended"]["end_date"] == "2025-10-31" and moved["opened"]["start_date"] == "2025-11-01"
    assert moved["opened"]["previous_seat_id"] == moved["ended"]["id"] and moved["opened"]["school_code"] == "PS002"
    assert f.post("bureau", f"/purchased-seats/{moved['ended']['id']}/transfer",
                  {"to_school_code": "PS002", "on": "2025-09-01"}).status_code == 422
    nowhere = f.post("bureau", f"/purchased-seats/{moved['opened']['id']}/transfer",
                     {"to_school_code": "NOSCHOOL", "on": "2025-12-01"})
    assert (nowhere.status_code, nowhere.json()["code"], nowhere.json()["field"]) == \
        (422, "unknown_school", "to_school_code")
    held = {x["id"]: x for x in f.ok(f.get("bureau", "/purchased-seats?school_code=PS002"))["items"]}
    assert held[moved["opened"]["id"]]["end_date"] is None  # nothing written

    awaiting = f.ok(f.post("bureau", "/settlements/run", {"semester": AUTUMN}))  # nobody on a confirmed roll yet
    assert [(d["school_code"], d["total"], d["awaiting_confirmation"]) for d in awaiting["drafted"]] == \
           [("PS001", "0.00", 1), ("PS002", "0.00", 1)]
    for school in ("PS001", "PS002"):
        f.confirm(school, AUTUMN)
    run = f.ok(f.post("bureau", "/settlements/run", {"semester": AUTUMN}))
    assert [(d["school_code"], d["total"]) for d in run["drafted"]] == [("PS001", "1196.08"), ("PS002", "1803.92")]
    assert run["skipped"] == [{"school_code": "PS003", "code": "tariff_missing", "detail": run["skipped"][0]["detail"]}]

    # a seat ended after the draft was computed makes the draft outdated
    ps2 = run["drafted"][1]
    f.ok(f.post("bureau", f"/purchased-seats/{moved['opened']['id']}/end", {"end_date": "2025-12-31",
                                                                             "reason": "离开黄岩"}))
    stale = f.post("finance", f"/settlements/{ps2['id']}/approve")
    assert stale.status_code == 409 and stale.json()["code"] == "settlement_outdated"
    ps2 = f.settle("PS002", AUTUMN)
    assert ps2["total"] == "1196.08"  # Nov + Dec = 61 days
    f.approve(ps2)
    f.approve(f.ok(f.get("finance", f"/settlements/{run['drafted'][0]['id']}?lines=false")))
    f.ok(f.post("finance", f"/settlements/{ps2['id']}/disbursements",
                {"reference": "PAY-1", "amount": "1196.08", "paid_on": paid_on_today()}), 201)

    assert f.get("auditor", "/budget/2025").json()["appropriation"] is None
    budget = f.ok(f.put("finance", "/budget/2025", {"appropriation": "5000000.00"}))
    assert (budget["appropriation"], budget["settled"], budget["paid"], budget["remaining"]) == \
           ("5000000.00", "2392.16", "1196.08", "4997607.84")
    assert budget["semesters"] == [AUTUMN]
    assert f.put("bureau", "/budget/2025", {"appropriation": "1.00"}).status_code == 403
    assert f.ok(f.get("auditor", "/budget/2025")) == budget
    listed = f.ok(f.get("auditor", f"/settlements?semester={AUTUMN}&state=approved"))["items"]
    assert [s["school_code"] for s in listed] == ["PS001"]


def test_a_payment_day_lies_between_the_approval_and_today(f):
    """拨付 is recorded after the fact: ``paid_on`` before the approval day or after today (Asia/Shanghai) is refused
    naming ``paid_on``, and nothing is written; today is accepted."""
    f.semester(AUTUMN)
    f.tariff("PS001", AUTUMN, "3000.00", "3000.00")
    f.handover(seat("HY2025-1-000001", "PS001", "2025-09-01"))
    approved = f.approve(f.settle("PS001", AUTUMN))
    today = date.fromisoformat(paid_on_today())
    url = f"/settlements/{approved['id']}/disbursements"
    for day in (today + timedelta(days=1), date(2099, 1, 1), today - timedelta(days=1), date(1900, 1, 1)):
        resp = f.post("finance", url, {"reference": f"PAY-{day}", "amount": approved["amount_due"],
                                       "paid_on": day.isoformat()})
        assert resp.status_code == 422 and resp.json()["field"] == "paid_on", resp.text
    assert f.ok(f.get("finance", f"/settlements/{approved['id']}"))["state"] == "approved"
    assert f.ok(f.get("auditor", "/ledger"))["items"][-1]["kind"] == "settlement_approved"
    paid = f.ok(f.post("finance", url, {"reference": "PAY-TODAY", "amount": approved["amount_due"],
                                        "paid_on": today.isoformat()}), 201)
    assert paid["paid_on"] == today.isoformat()
