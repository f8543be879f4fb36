"""Integrity of the funding ledger on SQLite and PostgreSQL: concurrent approvals give exactly one approval,
concurrent appends never fork the chain, edits behind the service's back are found, migrations match the
models — BRIEF §8."""

import threading
from pathlib import Path

from alembic import command
from sqlalchemy import text

from common.db import alembic_config, upgrade_to_head
from funding import ledger_store
from funding_kit import paid_on_today, seat

SERVICE_DIR = Path(__file__).resolve().parents[2] / "services" / "funding"
AUTUMN = "2025-autumn"


def paid_and_adjusted(f):
    """One school's roll confirmed, settled, approved, paid, then adjusted: ledger seq 1 roll, 2 approval,
    3 disbursement, 4 adjustment."""
    f.semester(AUTUMN)
    f.tariff("PS001", AUTUMN, "3000.00", "3000.00")
    items = f.handover(seat("HY2025-1-000001", "PS001", "2025-09-01"),
                       seat("HY2025-1-000002", "PS001", "2025-10-01"))["items"]
    draft = f.settle("PS001", AUTUMN)
    f.approve(draft)
    f.ok(f.post("finance", f"/settlements/{draft['id']}/disbursements",
                {"reference": "HYCZ-1", "amount": draft["total"], "paid_on": paid_on_today()}), 201)
    f.ok(f.post("finance", "/adjustments", {"settlement_id": draft["id"], "seat_id": items[0]["seat_id"],
                                            "corrected_end_date": "2025-12-31", "reason": "离校"}), 201)
    return draft


def run_together(n, work):
    barrier = threading.Barrier(n)
    results, errors = [None] * n, []

    def one(i):
        try:
            barrier.wait(timeout=10)
            results[i] = work(i)
        except Exception as exc:  # noqa: BLE001 - surfaced by the assert below
            errors.append(exc)

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors
    return results


def test_two_finance_users_approving_at_once_give_one_approval(f, backend, auth):
    f.semester(AUTUMN)
    f.tariff("PS001", AUTUMN, "3000.00", "3000.00")
    f.handover(*[seat(f"HY2025-1-{i:06d}", "PS001", "2025-09-01") for i in range(50)])
    draft = f.settle("PS001", AUTUMN)
    users = ["finance-zhang", "finance-li", "finance-wang"]

    def approve(i):
        headers = {**auth("finance", subject=users[i]), "If-Match": f'"v{draft["version"]}"'}
        return f.client.post(f"/settlements/{draft['id']}/approve", headers=headers)

    answers = run_together(3, approve)
    codes = sorted(r.status_code for r in answers)
    assert codes[0] == 200 and codes.count(200) == 1, [r.text for r in answers]
    assert all(c in (409, 412) for c in codes[1:]), [r.text for r in answers]
    winner = next(r.json() for r in answers if r.status_code == 200)
    ledger = f.ok(f.get("auditor", "/ledger"))["items"]
    assert [(e["kind"], e["settlement_id"]) for e in ledger] == [("roll_confirmed", None),
                                                                 ("settlement_approved", draft["id"])]
    assert winner["approved_by"] in users and f.ok(f.get("auditor", "/ledger/verify"))["ok"]


def test_concurrent_appends_never_fork_the_chain(f, backend):
    db = f.client.app.state.db

    def append(i):
        for k in range(5):
            with db.write_session() as session:
                ledger_store.append_ledger(session, "adjustment", {"settlement_id": i, "amount_fen": -(i * 10 + k)})
                session.commit()
        return True

    run_together(6, append)
    with db.read_session() as session:
        result = ledger_store.verify_ledger(session)
        seqs = [s for (s,) in session.execute(text("SELECT seq FROM ledger_entries ORDER BY seq"))]
    assert result.ok and result.entries == 30, result.first_broken
    assert seqs == list(range(1, 31))


def test_edits_behind_the_service_are_found(f, backend):
    draft = paid_and_adjusted(f)
    good = f.ok(f.get("auditor", "/ledger/verify"))
    assert good["ok"] and good["entries"] == 4 and good["mismatches"] == [] and good["records_checked"] == 4
    engine = f.client.app.state.db.engine

    def sql(statement, **params):
        with engine.begin() as conn:
            return conn.execute(text(statement), params)

    def verdict():
        return f.ok(f.get("auditor", "/ledger/verify"))

    # 1. the amount column of the disbursement entry
    sql("UPDATE ledger_entries SET amount_fen = amount_fen - 100000 WHERE seq = 3")
    v = verdict()
    assert not v["ok"] and v["first_broken"]["seq"] == 3 and v["first_broken"]["reason"] == "column_mismatch"
    sql("UPDATE ledger_entries SET amount_fen = amount_fen + 100000 WHERE seq = 3")
    assert verdict()["ok"]

    # 2. the stored bytes of the approval entry
    original = sql("SELECT body FROM ledger_entries WHERE seq = 2").scalar_one()
    forged = bytes(original).replace(b'"amount_fen":', b'"amount_fen":1', 1)
    assert forged != bytes(original)
    sql("UPDATE ledger_entries SET body = :b WHERE seq = 2", b=forged)
    v = verdict()
    assert not v["ok"] and (v["first_broken"]["seq"], v["first_broken"]["reason"]) == (2, "hash_mismatch")
    sql("UPDATE ledger_entries SET body = :b WHERE seq = 2", b=bytes(original))
    assert verdict()["ok"]

    # 3. an approved line's amount (the chain is intact; the approval entry's lines digest disagrees)
    sql("UPDATE settlement_lines SET amount_fen = amount_fen + 1 WHERE settlement_id = :s AND seat_id = "
        "(SELECT MIN(seat_id) FROM settlement_lines WHERE settlement_id = :s)", s=draft["id"])
    v = verdict()
    assert not v["ok"] and v["first_broken"] is None
    assert {m["record"] for m in v["mismatches"]} == {"settlement"} and v["mismatches"][0]["id"] == draft["id"]
    sql("UPDATE settlement_lines SET amount_fen = amount_fen - 1 WHERE settlement_id = :s AND seat_id = "
        "(SELECT MIN(seat_id) FROM settlement_lines WHERE settlement_id = :s)", s=draft["id"])
    assert verdict()["ok"]

    # 3b. an approved line moved to a seat that does not exist (lines carry no foreign keys)
    sql("UPDATE settlement_lines SET seat_id = 999999 WHERE settlement_id = :s AND seat_id = "
        "(SELECT MIN(seat_id) FROM settlement_lines WHERE settlement_id = :s)", s=draft["id"])
    v = verdict()
    assert not v["ok"]
    assert any(m["id"] == draft["id"] and "missing or of another school: [999999]" in m["reason"]
               for m in v["mismatches"]), v["mismatches"]
    sql("UPDATE settlement_lines SET seat_id = (SELECT MIN(id) FROM purchased_seats WHERE school_code = :c) "
        "WHERE settlement_id = :s AND seat_id = 999999", s=draft["id"], c=draft["school_code"])
    assert verdict()["ok"]

    # 4. a payment amount
    sql("UPDATE disbursements SET amount_fen = 1")
    v = verdict()
    assert not v["ok"] and [m["record"] for m in v["mismatches"]] == ["disbursement"]
    sql("UPDATE disbursements SET amount_fen = :a", a=int(draft["total"].replace(".", "")))
    assert verdict()["ok"]

    # 4b. the roll: a pupil's confirmation turned into a leaving behind the service's back
    sql("UPDATE roll_entries SET status = 'left', left_on = '2025-10-01', code = 'dropped_out' WHERE seat_id = "
        "(SELECT MIN(seat_id) FROM roll_entries)")
    v = verdict()
    assert not v["ok"] and [m["record"] for m in v["mismatches"]] == ["roll_confirmation"]
    sql("UPDATE roll_entries SET status = 'attends', left_on = NULL, code = NULL WHERE seat_id = "
        "(SELECT MIN(seat_id) FROM roll_entries)")
    assert verdict()["ok"]

    # 4c. the seat index (GET /ledger?seat_id=): a seat's approval taken out of it, then one added that never was
    seat_id, seq = sql("SELECT seat_id, seq FROM ledger_seats ORDER BY seq, seat_id").first()
    sql("DELETE FROM ledger_seats WHERE seat_id = :s AND seq = :q", s=seat_id, q=seq)
    v = verdict()
    assert not v["ok"] and v["first_broken"] is None
    assert [(m["record"], m["seq"]) for m in v["mismatches"]] == [("ledger_seats", seq)]
    assert f"misses seats [{seat_id}]" in v["mismatches"][0]["reason"]
    assert seq not in [e["seq"] for e in f.ok(f.get("auditor", f"/ledger?seat_id={seat_id}"))["items"]]
    sql("INSERT INTO ledger_seats (seat_id, seq) VALUES (:s, :q), (999999, :q)", s=seat_id, q=seq)
    v = verdict()
    assert [m["reason"] for m in v["mismatches"]] == \
           ["the seat index names seats [999999] the entry does not speak for"]
    sql("DELETE FROM ledger_seats WHERE seat_id = 999999")
    assert verdict()["ok"]

    # 5. the last entry deleted (and the head left alone)
    sql("DELETE FROM ledger_entries WHERE seq = 4")
    v = verdict()
    assert not v["ok"] and v["first_broken"]["reason"] == "head_mismatch"
    assert f.get("auditor", "/exports/verification.csv").content.decode("utf-8-sig").splitlines()[2].startswith("否")


def test_migrations_match_the_models(backend, new_database_url):
    url = new_database_url("funding_mig")
    upgrade_to_head(SERVICE_DIR, url)
    command.check(alembic_config(SERVICE_DIR, url))  # raises when models and migrations disagree
