"""Funding follows the pupil through the service, SQLite and PostgreSQL (BRIEF §8, plan 三(四)): a season's seats
carried through four school years — grades advance, seats end by themselves (``completed``, with a ledger entry)
after the last semester of the school's top grade, nothing is billed after, the ledger verifies; the school's level
comes with the hand-over; a transfer keeps one seat history in the grade the pupil is in."""

from datetime import date

import pytest

from funding_kit import seat

YEARS = (2025, 2026, 2027, 2028)
SEMESTERS = [code for y in YEARS for code in (f"{y}-autumn", f"{y + 1}-spring")]


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
    # ended by the roll of their last spring (the bureau confirmed it before finance drafted), not by a later semester
    assert all(s["ended_by"] == "bureau-user" and s["ended_at"] for s in seats)
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


def _completed(f, school):
    return [e for e in f.ok(f.get("auditor", "/ledger?limit=1000"))["items"]
            if e["kind"] == "seats_completed" and f'"school_code":"{school}"' in e["body"]]


@pytest.mark.parametrize("first", ["draft", "roll"])
def test_a_seat_completes_with_its_last_spring_whatever_comes_after(f, backend, first):
    """The grade-9 year's spring is the last semester configured (no later one exists, whatever today's date): the
    seat ends ``completed`` on that spring's own last day as a consequence of its draft or its roll, whichever comes
    first, once; the spring is billed in full; the autumn before ends nothing."""
    f.semester("2027-autumn")
    f.semester("2028-spring", starts_on="2028-02-01", ends_on="2028-07-10")  # a configured end, not the default
    for code in ("2027-autumn", "2028-spring"):
        f.tariff("JS004", code, "3000.00", "3000.00")
    ids = [i["seat_id"] for i in f.handover(*_seats("K", "JS004", 9, 3, "junior", start="2027-09-01"))["items"]]
    autumn = f.settle("JS004", "2027-autumn")
    assert autumn["line_count"] == 3 and _completed(f, "JS004") == []
    assert {s["end_date"] for s in f.ok(f.get("auditor", "/purchased-seats?school_code=JS004"))["items"]} == {None}

    if first == "draft":  # finance drafts before anyone confirms the roll: the draft ends the seats
        draft = f.ok(f.post("finance", "/settlements", {"school_code": "JS004", "semester": "2028-spring"}), 201)
        assert draft["line_count"] == 0 and draft["awaiting_confirmation"] == 3
        who = "finance-user"
    else:  # the school confirms its roll first: the confirmation ends them
        f.confirm("JS004", "2028-spring", role="school:JS004")
        who = "school-JS004"
    seats = f.ok(f.get("auditor", "/purchased-seats?school_code=JS004"))["items"]
    assert {(s["end_date"], s["end_code"], s["ended_by"]) for s in seats} == {("2028-07-10", "completed", who)}
    [entry] = _completed(f, "JS004")
    assert '"semester":"2028-spring"' in entry["body"] and all(f'{i}' in entry["body"] for i in ids)

    spring = f.settle("JS004", "2028-spring")  # confirms whatever awaits, then drafts again: nothing ends twice
    assert spring["line_count"] == 3 and spring["total"] == "9000.00"  # the whole last spring, every pupil
    assert len(_completed(f, "JS004")) == 1
    f.approve(spring)
    assert f.ok(f.get("auditor", "/ledger/verify"))["ok"]


def test_a_leaver_in_the_last_spring_ends_the_completed_seat_on_the_day_they_left(f, backend):
    """The draft of the last spring ended the seats ``completed``; the roll then reports one pupil gone in April:
    that seat ends on the day they left (``left_district``), billed to that day; the others stay completed."""
    f.semester("2028-spring")
    f.tariff("JS005", "2028-spring", "3000.00", "3000.00")
    ids = [i["seat_id"] for i in f.handover(*_seats("L", "JS005", 9, 2, "junior", start="2027-09-01"))["items"]]
    f.ok(f.post("finance", "/settlements", {"school_code": "JS005", "semester": "2028-spring"}), 201)
    gone, stays = ids
    f.confirm("JS005", "2028-spring", attending=[stays],
              left=[{"seat_id": gone, "left_on": "2028-04-30", "code": "left_district"}])
    seats = {s["id"]: s for s in f.ok(f.get("auditor", "/purchased-seats?school_code=JS005"))["items"]}
    assert (seats[gone]["end_date"], seats[gone]["end_code"]) == ("2028-04-30", "left_district")
    assert (seats[stays]["end_date"], seats[stays]["end_code"]) == ("2028-07-15", "completed")
    draft = f.settle("JS005", "2028-spring", confirm=False)
    lines = {ln["seat_id"]: ln for ln in f.ok(f.get("finance", f"/settlements/{draft['id']}"))["lines"]}
    spring_days = (date(2028, 7, 15) - date(2028, 2, 1)).days + 1
    assert lines[gone]["days"] == (date(2028, 4, 30) - date(2028, 2, 1)).days + 1
    assert lines[stays]["days"] == spring_days
    # the bureau may still bring a completed seat's end forward, never push it back
    later = f.post("bureau", f"/purchased-seats/{stays}/end", {"end_date": "2028-07-20", "reason": "x"})
    assert later.status_code == 409 and later.json()["code"] == "seat_ended"
    ended = f.post("bureau", f"/purchased-seats/{stays}/end", {"end_date": "2028-06-30", "reason": "插班",
                                                              "code": "public_school"})
    assert ended.status_code == 200, ended.text
    kinds = [e["kind"] for e in f.ok(f.get("auditor", "/ledger?limit=1000"))["items"]]
    assert kinds == ["seats_completed", "seat_ended", "roll_confirmed", "seat_ended"]
    assert f.ok(f.get("auditor", "/ledger/verify"))["ok"]


def test_a_nine_year_schools_grade_6_pupil_keeps_the_seat_into_grade_7(f, backend):
    """Grade 6 → 7 at a nine-year school (九年一贯制) is the same school and the same seat, billed on; at a
    primary-only school the seat completes after grade 6's spring and nothing of it is billed after (a junior
    school place is a new placement, a new seat)."""
    codes = ("2025-autumn", "2026-spring", "2026-autumn", "2027-spring")
    for code in codes:
        f.semester(code)
        for school in ("NS002", "PS003"):
            f.tariff(school, code, "3000.00", "3000.00")
    [nine] = [i["seat_id"] for i in f.handover(*_seats("G", "NS002", 6, 1, "nine_year"))["items"]]
    [prim] = [i["seat_id"] for i in f.handover(*_seats("H", "PS003", 6, 1, "primary"))["items"]]
    billed = {}
    for code in codes:
        for school in ("NS002", "PS003"):
            settlement = f.settle(school, code)
            billed[(school, code)] = f.ok(f.get("finance", f"/settlements/{settlement['id']}"))["lines"]
    assert [[ln["seat_id"] for ln in billed[("NS002", c)]] for c in codes] == [[nine]] * 4
    assert [[ln["seat_id"] for ln in billed[("PS003", c)]] for c in codes] == [[prim], [prim], [], []]
    roll = f.ok(f.get("bureau", "/rolls/NS002/2026-autumn"))["items"]
    assert [(r["seat_id"], r["grade"]) for r in roll] == [(nine, 7)]
    assert f.ok(f.get("bureau", "/rolls/PS003/2026-autumn"))["items"] == []
    seats = {s["id"]: s for s in f.ok(f.get("auditor", "/purchased-seats"))["items"]}
    assert set(seats) == {nine, prim}  # no second seat was opened for either pupil
    assert (seats[nine]["end_date"], seats[prim]["end_date"], seats[prim]["end_code"]) == \
           (None, "2026-07-15", "completed")
    assert f.ok(f.get("auditor", "/ledger/verify"))["ok"]
