"""The bureau's downloads (issue 16): a run's rosters (one sheet per school, personal data masked) as XLSX and the
whole run as CSV, the appeals with their decisions as XLSX and CSV — read back with openpyxl: Chinese headers over
the field names, frozen, masking, real types, and a child named like a formula comes back as the text it is. Each
download is recorded in the access log. On SQLite and PostgreSQL (the hand-checkable season, enrollment_kit)."""

from __future__ import annotations

import io
from datetime import date, datetime
from decimal import Decimal

from openpyxl import load_workbook
from sqlalchemy import update

from common.sheet_writer import read_csv
from enrollment.models import Application
from enrollment_kit import TOWN_A

FORMULA_NAME = '=HYPERLINK("http://example.test/x","点我")'


def _rows(ws) -> list[dict]:
    """A sheet's data rows by the field names of its second header row."""
    fields = [c.value for c in ws[2]]
    return [dict(zip(fields, row)) for row in ws.iter_rows(min_row=3, values_only=True)]


def test_a_runs_rosters_one_sheet_per_school_masked_typed_and_safe(world, auth, backend):
    app, _, _, nos = world
    bureau, auditor = auth("bureau"), auth("auditor")
    with app.app.state.db.write_session() as session:  # a name a spreadsheet would run, had it been stored so
        session.execute(update(Application).where(Application.application_no == nos["a1"])
                        .values(child_name=FORMULA_NAME))
        session.commit()
    run = app.post("/runs", json={"season": 2025, "grade": 1, "seed": 2025}, headers=bureau).json()

    resp = app.get(f"/reports/runs/{run['id']}/rosters", headers=auditor)
    assert resp.status_code == 200 and "spreadsheetml" in resp.headers["content-type"]
    assert f'filename="run-{run["id"]}-rosters-' in resp.headers["content-disposition"]
    book = load_workbook(io.BytesIO(resp.content))
    assert book.sheetnames == ["汇总", "P1 民办P1", "P2 民办P2", "S1 公办S1", "S2 公办S2", "未录取"]
    summary = book["汇总"]
    assert (summary["A1"].value, summary["B1"].value, summary["A2"].value) == ("学校代码", "学校名称", "school_code")
    assert {r["school_code"]: (r["school_name"], r["kind"], r["placed"], r["round_1"], r["round_2"])
            for r in _rows(summary)} == {"P1": ("民办P1", "民办", 1, 0, 1), "P2": ("民办P2", "民办", 1, 0, 1),
                                         "S1": ("公办S1", "公办", 2, 2, 0), "S2": ("公办S2", "公办", 1, 1, 0)}
    s1 = book["S1 公办S1"]
    assert s1.freeze_panes == "A3" and s1["A1"].font.b and s1["D1"].value == "学生姓名"
    rows = {r["application_no"]: r for r in _rows(s1)}
    assert set(rows) == {nos["a1"], nos["a2"]}
    first = rows[nos["a1"]]
    assert first["child_name"] == FORMULA_NAME  # the text as written, never a formula
    name_cell = next(c for c in s1[3] + s1[4] if c.value == FORMULA_NAME)
    assert name_cell.data_type == "s"
    assert first["child_id_number"][4:14] == "*" * 10 and first["guardian_phone"] == "138****5670"
    assert first["child_birth_date"] == datetime(2019, 3, 1)  # a date cell
    assert (first["township_code"], first["township_name"]) == (TOWN_A, "东城街道")
    assert (first["round"], first["purchased_seat"], first["tier"], first["choice_rank"]) == (1, "否", 1, 1)
    assert first["family_score"] == 90 and s1.cell(row=3, column=15).number_format == "0.00"
    assert rows[nos["a2"]]["family_score"] == 80
    p1 = _rows(book["P1 民办P1"])
    assert [(r["application_no"], r["round"], r["purchased_seat"]) for r in p1] == [(nos["a4"], 2, "是")]
    waiting = _rows(book["未录取"])
    assert {r["application_no"]: r["reason"] for r in waiting} == {nos["a6"]: "ineligible", nos["a8"]: "not_scored"}
    whole_text = " ".join(str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value)
    assert "38123456" not in whole_text  # no phone, no ID number whole
    assert all(len(str(r["child_id_number"])) == 18 and "*" in r["child_id_number"] for r in waiting)

    csv_resp = app.get(f"/reports/runs/{run['id']}/rosters?format=csv", headers=bureau)
    assert csv_resp.status_code == 200 and csv_resp.headers["content-type"].startswith("text/csv")
    assert csv_resp.content.decode("utf-8-sig").startswith("学校代码,学校名称,申请号,学生姓名")
    table = read_csv(csv_resp.content)
    assert len(table) == 7 and [r["school_code"] for r in table][-2:] == ["", ""]  # the waiting last
    by_no = {r["application_no"]: r for r in table}
    assert by_no[nos["a1"]]["child_name"] == "'" + FORMULA_NAME and by_no[nos["a1"]]["family_score"] == "90.00"
    assert by_no[nos["a1"]]["child_birth_date"] == "2019-03-01" and by_no[nos["a1"]]["school_name"] == "公办S1"

    # bureau and auditors only; a missing run is 404; each download is in the access log
    assert app.get(f"/reports/runs/{run['id']}/rosters", headers=auth("platform")).status_code == 403
    assert app.get("/reports/runs/999/rosters", headers=bureau).json()["code"] == "run_not_found"
    log = app.get("/access-log?reader=auditor:auditor-test", headers=auditor).json()["items"]
    assert f"GET /reports/runs/{run['id']}/rosters (xlsx)" in [r["endpoint"] for r in log]
    assert log[0]["season"] == 2025 and log[0]["application_no"] is None


def test_the_appeals_and_their_decisions_download(world, auth, backend):
    app, _, _, nos = world
    bureau, platform = auth("bureau"), auth("platform")
    run = app.post("/runs", json={"season": 2025, "grade": 1, "seed": 2025}, headers=bureau).json()
    assert app.post(f"/runs/{run['id']}/publish", json={}, headers=bureau).status_code == 200
    lodged = app.post("/appeals", json={"run_id": run["id"], "application_no": nos["a4"],
                                        "reason": "=1+2 社保月数有误，请联系 13812345670"}, headers=platform)
    assert lodged.status_code == 201, lodged.text
    other = app.post("/appeals", json={"run_id": run["id"], "application_no": nos["a6"], "reason": "居住证日期"},
                     headers=platform).json()
    decided = app.post(f"/appeals/{other['id']}/decision", json={"decision": "rejected", "note": "核验无误"},
                       headers=bureau)
    assert decided.status_code == 200, decided.text

    resp = app.get(f"/reports/appeals?run_id={run['id']}", headers=auth("auditor"))
    assert resp.status_code == 200 and "spreadsheetml" in resp.headers["content-type"]
    ws = load_workbook(io.BytesIO(resp.content))["复核"]
    assert ws.freeze_panes == "A3" and [c.value for c in ws[1]][:5] == ["复核号", "录取批次", "申请号", "学生姓名",
                                                                         "复核理由"]
    rows = {r["application_no"]: r for r in _rows(ws)}
    first = rows[nos["a4"]]
    assert first["reason"] == "=1+2 社保月数有误，请联系 138****5670"  # masked, and text
    assert next(c for c in ws[3] + ws[4] if c.value == first["reason"]).data_type == "s"
    assert (first["state"], first["child_name"], first["decided_at"]) == ("lodged", "小明", None)
    assert isinstance(first["lodged_at"], datetime)
    second = rows[nos["a6"]]
    assert (second["state"], second["note"], second["decided_by"]) == ("rejected", "核验无误", "bureau-test")
    assert isinstance(second["decided_at"], datetime)
    assert ws.cell(row=3, column=9).number_format == 'yyyy-mm-dd hh:mm:ss "+08:00"'

    assert app.get(f"/appeals/{other['id']}", headers=platform).status_code == 200  # one appeal: a recorded read
    assert app.get("/appeals/999", headers=platform).status_code == 404  # nothing read: no record
    reads = app.get(f"/access-log?application_no={nos['a6']}", headers=auth("auditor")).json()["items"]
    assert [(r["reader"], r["endpoint"]) for r in reads] == [("platform:platform-test", "GET /appeals/{appeal_id}")]
    table = read_csv(app.get("/reports/appeals?format=csv", headers=bureau).content)
    assert [r["application_no"] for r in table] == [nos["a4"], nos["a6"]]
    assert table[0]["reason"].startswith("'=1+2") and table[1]["decided_at"].endswith("+08:00")
    assert app.get("/reports/appeals", headers=platform).status_code == 403


def test_the_rosters_hold_no_blank_school_name_and_real_numbers(world, auth):
    """Unit level: the tables the writer gets carry Decimal scores, dates and a name beside every code."""
    from enrollment import downloads

    app, _, _, _ = world
    run = app.post("/runs", json={"season": 2025, "grade": 1, "seed": 2025}, headers=auth("bureau")).json()
    with app.app.state.db.read_session() as session:
        _, sheets = downloads.rosters(session, run["id"])
    placed = [r for name, _, rows in sheets[1:-1] for r in rows]
    assert placed and all(r["school_name"] and isinstance(r["family_score"], Decimal) for r in placed)
    assert all(isinstance(r["child_birth_date"], date) for r in placed)
