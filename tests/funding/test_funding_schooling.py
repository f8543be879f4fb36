"""Funding follows the pupil through the service, SQLite and PostgreSQL (BRIEF §8, plan 三(四)): a season's seats
carried through four school years — grades advance, seats end by themselves (``completed``, with a ledger entry)
after the last semester of the school's top grade, nothing is billed after, the ledger verifies; the school's level
comes with the hand-over; a transfer keeps one seat history in the grade the pupil is in."""

from datetime import date

import pytest

from funding_kit import Funding, seat

YEARS = (2025, 2026, 2027, 2028)
SEMESTERS = [code for y in YEARS for code in (f"{y}-autumn", f"{y + 1}-spring")]


@pytest.fixture
def f(make_service, auth):
    return Funding(make_service("funding"), auth)


def _seats(prefix, school, grade, n, level=None, start="2025-09-01"):
    out = []
    for i in range(n):
        s = seat(f"HY2025-{grade}-{prefix}{i:04d}", school, start, grade=grade)
        if level:
            s["school_level"] = level
        out.append(s)
    return out


def test_four_school_years(f, backend):
    for code in SEMESTERS:
        f.semester(code)
        for school in ("JS001", "PS001", "NS001"):
            f.tariff(school, code, "3000.00", "3200.00")
    # a junior school's grade-7 intake, a primary school's grade-5 pupils, a nine-year school's grade-5 pupils
    f.handover(*_seats("J", "JS001", 7, 4, "junior"))
    f.handover(*_seats("P", "PS001", 5, 2))                      # no level named: grade 5 → a primary school
    f.handover(*_seats("N", "NS001", 5, 2, "nine_year"))

    billed = {}
    for code in SEMESTERS:
        for school in ("JS001", "PS001", "NS001"):  # 在校确认: every pupil on the roll attends
            f.confirm(school, code)
        run = f.ok(f.post("finance", "/settlements/run", {"semester": code}))
        for d in run["drafted"]:
            billed[(d["school_code"], code)] = d["line_count"]
        # the seats listed for the semester are exactly those billed
        for school in ("JS001", "PS001", "NS001"):
            listed = f.ok(f.get("auditor", f"/purchased-seats?school_code={school}&semester={code}"))["items"]
            assert len(listed) == billed.get((school, code), 0), (school, code)
    # junior: grades 7, 8, 9 → three school years, nothing in the fourth
    assert [billed.get(("JS001", c), 0) for c in SEMESTERS] == [4, 4, 4, 4, 4, 4, 0, 0]
    # primary from grade 5: grades 5 and 6 only; the nine-year school keeps them to grade 9
    assert [billed.get(("PS001", c), 0) for c in SEMESTERS] == [2, 2, 2, 2, 0, 0, 0, 0]
    assert [billed.get(("NS001", c), 0) for c in SEMESTERS] == [2] * 8

    seats = f.ok(f.get("auditor", "/purchased-seats?school_code=JS001"))["items"]
    assert {(s["end_date"], s["end_code"], s["grade"]) for s in seats} == {("2028-07-15", "completed", 7)}
    assert all(s["ended_by"] == "finance-user" and s["ended_at"] for s in seats)
    primary = f.ok(f.get("auditor", "/purchased-seats?school_code=PS001"))["items"]
    assert {(s["end_date"], s["end_code"]) for s in primary} == {("2027-07-15", "completed")}
    nine = f.ok(f.get("auditor", "/purchased-seats?school_code=NS001"))["items"]
    assert {s["end_date"] for s in nine} == {None}  # grade 8 in 2028: still at school

    ledger = f.ok(f.get("auditor", "/ledger?limit=1000"))["items"]
    completed = [e for e in ledger if e["kind"] == "seats_completed"]
    assert sorted((e["body"].count("seat_ids"), '"school_code":"JS001"' in e["body"]) for e in completed) == \
           [(1, False), (1, True)]
    assert all(e["amount"] == "0.00" and e["settlement_id"] is None for e in completed)
    # settling the junior school's 2028 autumn again ends nothing twice
    again = f.settle("JS001", "2028-autumn")
    assert again["line_count"] == 0 and again["total"] == "0.00"
    assert len([e for e in f.ok(f.get("auditor", "/ledger?limit=1000"))["items"]
                if e["kind"] == "seats_completed"]) == 2
    verified = f.ok(f.get("auditor", "/ledger/verify"))
    assert verified["ok"] and verified["mismatches"] == []


def test_levels_come_with_the_handover(f, backend):
    f.handover(*_seats("A", "JS002", 7, 1, "junior"))
    clash = f.post("service:enrollment", "/purchased-seats/handover",
                   {"run_id": "r2", "seats": _seats("B", "JS002", 7, 1, "nine_year")})
    assert clash.status_code == 422 and clash.json()["code"] == "school_level_mismatch"
    wrong = f.post("service:enrollment", "/purchased-seats/handover",
                   {"run_id": "r3", "seats": _seats("C", "PS009", 7, 1, "primary")})
    assert wrong.status_code == 422 and wrong.json()["code"] == "grade_not_taught"
    # nothing was written by the refused hand-overs
    assert f.ok(f.get("auditor", "/purchased-seats?school_code=PS009"))["items"] == []


def test_a_transfer_opens_the_new_seat_in_the_grade_of_the_day(f, backend):
    for code in ("2025-autumn", "2026-autumn"):
        f.semester(code)
    f.tariff("PS002", "2026-autumn", "3000.00", "3000.00")
    seat_id = f.handover(*_seats("T", "PS001", 3, 1))["items"][0]["seat_id"]
    moved = f.ok(f.post("bureau", f"/purchased-seats/{seat_id}/transfer",
                        {"to_school_code": "PS002", "on": "2026-10-08"}), 201)
    assert moved["opened"]["grade"] == 4 and moved["opened"]["previous_seat_id"] == seat_id
    assert (moved["ended"]["end_date"], moved["ended"]["end_code"]) == ("2026-10-07", "private_school")
    # a grade-6 pupil cannot move into a junior school's seat (a new placement does that)
    f.handover(*_seats("J", "JS003", 7, 1, "junior"))
    older = f.handover(*_seats("S", "PS001", 6, 1))["items"][0]["seat_id"]
    refused = f.post("bureau", f"/purchased-seats/{older}/transfer", {"to_school_code": "JS003", "on": "2025-10-08"})
    assert refused.status_code == 422 and refused.json()["code"] == "grade_not_taught"
    kinds = [e["kind"] for e in f.ok(f.get("auditor", "/ledger"))["items"]]
    assert kinds == ["seat_ended"]
    assert date.fromisoformat(moved["opened"]["start_date"]) == date(2026, 10, 8)
