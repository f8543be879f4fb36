"""The ledger of one purchased seat or one settlement (``GET /ledger?seat_id=`` / ``?settlement_id=``, issue 12: the
auditor's history page), SQLite and PostgreSQL: a seat's entries are its roll confirmations, the approval that bills
it, its end and its adjustments, in chain order, paged like the whole ledger; a settlement's are its approval,
adjustments and payment; the migration recovers the same seat index from stored entries; readers only."""

import json

from alembic import command
from hypothesis import given, settings, strategies as st

from common.db import alembic_config
from funding_kit import Funding, paid_on_today, seat
from test_funding_migrations import REPO

AUTUMN = "2025-autumn"


def _season(f):
    """Two schools' seats through a roll, approval, an end with its adjustment and a payment → ids."""
    f.semester(AUTUMN)
    for school in ("PS001", "PS002"):
        f.tariff(school, AUTUMN, "3000.00", "3000.00")
    a, b, c = (i["seat_id"] for i in f.handover(*[seat(f"HY2025-1-00000{n}", "PS001", "2025-09-01")
                                                  for n in (1, 2, 3)])["items"])
    (other,) = (i["seat_id"] for i in f.handover(seat("HY2025-1-000009", "PS002", "2025-09-01"))["items"])
    f.confirm("PS001", AUTUMN, attending=[a, b], left=[{"seat_id": c, "left_on": "2025-10-31",
                                                         "code": "left_district"}])
    draft = f.settle("PS001", AUTUMN, confirm=False)
    f.approve(draft)
    f.settle("PS002", AUTUMN)  # another school's roll and draft: none of PS001's seats' business
    f.ok(f.post("bureau", f"/purchased-seats/{b}/end", {"end_date": "2025-11-30", "reason": "提前离校"}))
    adj = f.ok(f.post("finance", "/adjustments", {"settlement_id": draft["id"], "seat_id": b,
                                                  "corrected_end_date": "2025-11-30", "reason": "提前离校"}), 201)
    due = f.ok(f.get("finance", f"/settlements/{draft['id']}?lines=false"))["amount_due"]
    f.ok(f.post("finance", f"/settlements/{draft['id']}/disbursements",
                {"reference": "PAY-1", "amount": due, "paid_on": paid_on_today()}), 201)
    return {"a": a, "b": b, "c": c, "other": other, "settlement": draft["id"], "adjustment": adj["id"]}


def _all(f, query=""):
    items, cursor = [], ""
    while cursor is not None:
        page = f.ok(f.get("auditor", f"/ledger?limit=2{query}{cursor}"))
        items += page["items"]
        cursor = page["next_cursor"] and f"&cursor={page['next_cursor']}"
    return items


def test_a_seat_and_a_settlement_have_their_own_ledger(make_service, auth, backend):
    f = Funding(make_service("funding"), auth)
    ids = _season(f)
    whole = _all(f)
    assert [e["kind"] for e in whole] == ["seat_ended", "roll_confirmed", "settlement_approved", "roll_confirmed",
                                          "seat_ended", "adjustment", "disbursement"]  # a roll's leaver ends first
    kinds = {k: [e["kind"] for e in _all(f, f"&seat_id={ids[k]}")] for k in ("a", "b", "c", "other")}
    assert kinds["a"] == ["roll_confirmed", "settlement_approved"]  # confirmed attending, billed
    assert kinds["b"] == ["roll_confirmed", "settlement_approved", "seat_ended", "adjustment"]
    assert kinds["c"] == ["seat_ended", "roll_confirmed", "settlement_approved"]  # left on the roll, billed 61 days
    assert kinds["other"] == ["roll_confirmed"]  # its roll only: its school's draft is not in the ledger
    adjustment = _all(f, f"&seat_id={ids['b']}")[-1]
    assert json.loads(adjustment["body"])["adjustment_id"] == ids["adjustment"]

    mine = _all(f, f"&settlement_id={ids['settlement']}")
    assert [e["kind"] for e in mine] == ["settlement_approved", "adjustment", "disbursement"]
    assert {e["settlement_id"] for e in mine} == {ids["settlement"]}
    both = _all(f, f"&settlement_id={ids['settlement']}&seat_id={ids['a']}")
    assert [e["kind"] for e in both] == ["settlement_approved"]
    # each filtered page is the whole ledger's entries, as they are (same seq, hash, body)
    by_seq = {e["seq"]: e for e in whole}
    for k in ("a", "b", "c", "other"):
        for e in _all(f, f"&seat_id={ids[k]}"):
            assert by_seq[e["seq"]] == e
    assert f.ok(f.get("auditor", "/ledger?seat_id=999999"))["items"] == []
    assert f.ok(f.get("auditor", "/ledger/verify"))["ok"]


def test_filters_refuse_bad_ids_and_other_roles(make_service, auth, backend):
    f = Funding(make_service("funding"), auth)
    for bad in ("0", "-1", "2147483648", "1.5", "x"):
        answer = f.get("auditor", f"/ledger?seat_id={bad}")
        assert answer.status_code == 422 and answer.json()["code"] == "validation_error", bad
        assert f.get("auditor", f"/ledger?settlement_id={bad}").status_code == 422
    for role in ("platform", "school:PS001", "department:police"):
        assert f.get(role, "/ledger?seat_id=1").status_code == 403
    for role in ("auditor", "finance", "bureau"):
        assert f.ok(f.get(role, "/ledger?seat_id=1&settlement_id=1")) == {"items": [], "next_cursor": None}


def test_the_migration_recovers_the_seat_index_appends_write(make_service, auth, backend):
    client = make_service("funding")
    f = Funding(client, auth)
    ids = _season(f)
    before = {k: _all(f, f"&seat_id={ids[k]}") for k in ("a", "b", "c", "other")}
    cfg = alembic_config(REPO / "services" / "funding", client.app.state.settings.database_url)
    client.app.state.db.engine.dispose()  # no pooled connection holds the tables the migration rewrites
    command.downgrade(cfg, "fund_20261207_access")
    command.upgrade(cfg, "head")
    assert {k: _all(f, f"&seat_id={ids[k]}") for k in ("a", "b", "c", "other")} == before


def test_any_page_size_gives_the_same_seat_ledger(make_service, auth, backend):
    """Paging never drops or repeats an entry of a seat's ledger (the cursor is the whole ledger's)."""
    f = Funding(make_service("funding"), auth)
    ids = _season(f)
    expected = {ids[k]: f.ok(f.get("auditor", f"/ledger?seat_id={ids[k]}"))["items"] for k in ("a", "b", "c", "other")}

    @settings(max_examples=25, deadline=None)
    @given(limit=st.integers(1, 6), seat_id=st.sampled_from(sorted(expected)))
    def pages(limit, seat_id):
        items, cursor = [], ""
        while cursor is not None:
            page = f.ok(f.get("auditor", f"/ledger?seat_id={seat_id}&limit={limit}{cursor}"))
            assert len(page["items"]) <= limit
            items += page["items"]
            cursor = page["next_cursor"] and f"&cursor={page['next_cursor']}"
        assert items == expected[seat_id]

    pages()


def test_a_pupils_report_gives_each_seats_roll_per_semester(make_service, auth, backend):
    f = Funding(make_service("funding"), auth)
    ids = _season(f)
    f.semester("2026-spring")  # no roll yet: the seats still held wait for it
    rolls = {}
    for n, key in ((1, "a"), (2, "b"), (3, "c"), (9, "other")):
        report = f.ok(f.get("auditor", f"/reports/pupils/HY2025-1-00000{n}"))
        rolls[key] = [(r["seat_id"], r["semester"], r["status"], r["left_on"], r["code"]) for r in report["rolls"]]
        assert all(r["ledger_seq"] is None or r["confirmed_by"] for r in report["rolls"])
    a, b, c, other = (ids[k] for k in ("a", "b", "c", "other"))
    assert rolls["a"] == [(a, AUTUMN, "attends", None, None), (a, "2026-spring", "awaiting", None, None)]
    assert rolls["b"] == [(b, AUTUMN, "attends", None, None)]  # ended on 30 November: not in spring
    assert rolls["c"] == [(c, AUTUMN, "left", "2025-10-31", "left_district")]
    assert rolls["other"] == [(other, AUTUMN, "attends", None, None), (other, "2026-spring", "awaiting", None, None)]
    # the confirmation named is the seat's roll_confirmed entry in its own ledger
    seq = f.ok(f.get("auditor", "/reports/pupils/HY2025-1-000001"))["rolls"][0]["ledger_seq"]
    assert seq in [e["seq"] for e in _all(f, f"&seat_id={a}") if e["kind"] == "roll_confirmed"]


def test_a_transfer_is_in_both_seats_ledgers(make_service, auth, backend):
    f = Funding(make_service("funding"), auth)
    ids = _season(f)
    moved = f.ok(f.post("bureau", f"/purchased-seats/{ids['a']}/transfer",
                        {"to_school_code": "PS002", "on": "2025-12-01", "reason": "转学 moved"}), 201)
    ended = _all(f, f"&seat_id={ids['a']}")[-1]
    assert ended["kind"] == "seat_ended" and json.loads(ended["body"])["to_seat_id"] == moved["opened"]["id"]
    assert _all(f, f"&seat_id={moved['opened']['id']}") == [ended]  # the new seat's history starts there
    assert f.ok(f.get("auditor", "/ledger/verify"))["ok"]
