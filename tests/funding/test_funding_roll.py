"""The semester roll (在校确认) through the service, SQLite and PostgreSQL — BRIEF §8, plan 三(四): a settlement bills
only pupils on the school's confirmed roll, prorated to the day they left; seats awaiting confirmation are listed on
the draft and billed by an adjustment once confirmed; a school's credential confirms its own roll only (403
otherwise); a move to another private school keeps one seat history with the days split between the two
settlements; every confirmation and end joins the ledger, which verifies."""

from decimal import Decimal

import pytest

from funding_kit import seat

AUTUMN = "2025-autumn"  # 1 Sep 2025 – 31 Jan 2026: 153 days


@pytest.fixture
def f(f):
    """conftest's funding service with the autumn semester and the two schools' tariffs."""
    f.semester(AUTUMN)
    for school in ("PS001", "PS002"):
        f.tariff(school, AUTUMN, "3000.00", "3000.00")
    return f


def _seats(f, school, n, prefix):
    items = f.handover(*[seat(f"HY2025-1-{prefix}{i:05d}", school, "2025-09-01") for i in range(n)])["items"]
    return [i["seat_id"] for i in items]


def test_a_roll_with_leavers_bills_exactly_their_days(f, backend):
    stays, district, never, public, late = _seats(f, "PS001", 5, "A")
    roll = f.ok(f.get("bureau", f"/rolls/PS001/{AUTUMN}"))
    assert roll["counts"] == {"expected": 5, "attends": 0, "left": 0, "awaiting": 5} and roll["confirmations"] == []

    confirmed = f.ok(f.post("school:PS001", f"/rolls/PS001/{AUTUMN}/confirmations", {
        "attending": [stays],
        "left": [{"seat_id": district, "left_on": "2025-10-31", "code": "left_district"},
                 {"seat_id": never, "left_on": "2025-08-31", "code": "dropped_out", "note": "未报到"},
                 {"seat_id": public, "left_on": "2025-12-01", "code": "public_school", "note": "插班 黄岩区实验小学"}]}),
        201)["confirmation"]
    assert (confirmed["confirmed_by"], confirmed["confirmed_role"], confirmed["attending"], confirmed["left"]) == \
           ("school-PS001", "school", 1, 3)
    draft = f.settle("PS001", AUTUMN, confirm=False)
    lines = {ln["seat_id"]: (ln["days"], ln["amount"]) for ln in draft["lines"]}
    # 3000 × 61/153 = 1196.08; 3000 × 92/153 = 1803.92 (插班 on 1 December: that day is the last paid)
    assert lines == {stays: (153, "3000.00"), district: (61, "1196.08"), public: (92, "1803.92")}
    assert draft["total"] == "6000.00"
    assert draft["awaiting_confirmation"] == 1 and [a["seat_id"] for a in draft["awaiting"]] == [late]
    ended = {s["id"]: s for s in f.ok(f.get("auditor", "/purchased-seats?school_code=PS001"))["items"]}
    assert (ended[public]["end_date"], ended[public]["end_code"], ended[public]["ended_by"]) == \
           ("2025-12-01", "public_school", "school-PS001")
    assert ended[never]["end_date"] == "2025-08-31" and ended[late]["end_date"] is None

    approved = f.approve(draft)
    assert approved["amount_due"] == draft["total"]
    # the late pupil is confirmed after approval: billed by an adjustment, the approved total never changes
    f.confirm("PS001", AUTUMN, attending=[late], role="school:PS001")
    after = f.ok(f.get("finance", f"/settlements/{draft['id']}"))
    assert after["total"] == draft["total"] and after["awaiting"] == []
    assert Decimal(after["adjustments_total"]) == Decimal("3000.00")
    assert Decimal(after["amount_due"]) == Decimal(draft["total"]) + Decimal("3000.00")
    adjustments = f.ok(f.get("auditor", f"/adjustments?settlement_id={draft['id']}"))["items"]
    assert [(a["seat_id"], a["days_before"], a["days_after"], a["delta"]) for a in adjustments] == \
           [(late, 0, 153, "3000.00")]
    # the pupil who stayed is later reported gone on 30 November: credited by an adjustment too
    f.confirm("PS001", AUTUMN, left=[{"seat_id": stays, "left_on": "2025-11-30", "code": "left_district"}])
    credit = f.ok(f.get("auditor", f"/adjustments?settlement_id={draft['id']}"))["items"][-1]
    assert (credit["seat_id"], credit["days_before"], credit["days_after"], credit["delta"]) == \
           (stays, 153, 91, "-1215.69")  # 3000 × 91/153 = 1784.31

    roll = f.ok(f.get("school:PS001", f"/rolls/PS001/{AUTUMN}"))
    assert roll["counts"] == {"expected": 5, "attends": 1, "left": 4, "awaiting": 0}
    assert [c["confirmed_by"] for c in roll["confirmations"]] == ["school-PS001", "school-PS001", "bureau-user"]
    kinds = [e["kind"] for e in f.ok(f.get("auditor", "/ledger?limit=1000"))["items"]]
    assert kinds.count("roll_confirmed") == 3 and kinds.count("seat_ended") == 4 and kinds.count("adjustment") == 2
    verified = f.ok(f.get("auditor", "/ledger/verify"))
    assert verified["ok"] and verified["mismatches"] == [] and verified["records_checked"] == 1 + 2 + 3


def test_a_school_confirms_its_own_roll_only(f, backend):
    mine = _seats(f, "PS001", 1, "M")
    theirs = _seats(f, "PS002", 1, "T")
    for method, path, body in [("POST", f"/rolls/PS001/{AUTUMN}/confirmations", {"attending": mine}),
                               ("GET", f"/rolls/PS001/{AUTUMN}", None)]:
        refused = f.call(method, "school:PS002", path, body)
        assert refused.status_code == 403 and refused.json()["code"] == "forbidden", refused.text
    # its own seat ids on another school's roll are not on that roll
    wrong = f.post("school:PS002", f"/rolls/PS002/{AUTUMN}/confirmations", {"attending": mine})
    assert wrong.status_code == 422 and wrong.json()["code"] == "seat_not_on_roll"
    assert wrong.json()["seat_ids"] == mine
    f.confirm("PS002", AUTUMN, attending=theirs, role="school:PS002")
    assert f.ok(f.get("auditor", "/ledger"))["items"][-1]["kind"] == "roll_confirmed"
    assert len(f.ok(f.get("auditor", "/ledger"))["items"]) == 1  # the refusals wrote nothing
    # the bureau confirms for a school; the school reads its own settlements only
    f.confirm("PS001", AUTUMN, attending=mine, role="bureau")
    own, other = f.settle("PS002", AUTUMN, confirm=False), f.settle("PS001", AUTUMN, confirm=False)
    assert own["total"] == other["total"] == "3000.00"
    listed = f.ok(f.get("school:PS002", "/settlements"))["items"]
    assert [s["id"] for s in listed] == [own["id"]]
    assert f.get("school:PS002", f"/settlements/{other['id']}").status_code == 403
    assert f.get("school:PS002", "/settlements?school_code=PS001").status_code == 403
    assert f.post("school:PS002", "/settlements", {"school_code": "PS002", "semester": AUTUMN}).status_code == 403


def test_a_move_to_another_private_school_splits_the_days(f, backend):
    (moving,) = _seats(f, "PS001", 1, "X")
    f.confirm("PS001", AUTUMN, left=[{"seat_id": moving, "left_on": "2025-10-31", "code": "private_school",
                                       "to_school_code": "PS002"}], role="school:PS001")
    seats = f.ok(f.get("auditor", "/purchased-seats?limit=10"))["items"]
    opened = next(s for s in seats if s["school_code"] == "PS002")
    assert (opened["previous_seat_id"], opened["start_date"], opened["grade"]) == (moving, "2025-11-01", 1)
    before = f.settle("PS002", AUTUMN, confirm=False)
    assert before["line_count"] == 0 and before["awaiting_confirmation"] == 1  # PS002 has not confirmed yet
    f.confirm("PS002", AUTUMN, role="school:PS002")
    first, second = f.settle("PS001", AUTUMN, confirm=False), f.settle("PS002", AUTUMN, confirm=False)
    assert (first["lines"][0]["days"], second["lines"][0]["days"]) == (61, 92)
    assert Decimal(first["total"]) + Decimal(second["total"]) == Decimal("3000.00")
    pupil = f.ok(f.get("auditor", "/reports/pupils/HY2025-1-X00000"))
    assert [s["school_code"] for s in pupil["seats"]] == ["PS001", "PS002"]
    assert f.ok(f.get("auditor", "/ledger/verify"))["ok"]
