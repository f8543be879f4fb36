"""Spreadsheets in (common.sheets, enrollment.imports, funding.imports): the bundled district workbook and CSV
files imported through the upload endpoints; every refused row reported (sheet, row, column, value, reason zh/en)
and nothing written; dry run; the same file again changes nothing and says so; a changed row updates that record
only. On SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook, load_workbook

from tongcheng.schools import DATA_DIR, WORKBOOK

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(app, kind, data, headers, name="file.xlsx", dry_run=False):
    return app.post(f"/imports/{kind}" + ("?dry_run=true" if dry_run else ""), headers=headers,
                    files={"file": (name, data, XLSX if name.endswith(".xlsx") else "text/csv")})


def workbook(sheet, header, rows):
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(header)
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_district_workbook_in_then_again_unchanged_then_one_change(make_service, auth, backend):
    app = make_service("enrollment", outbox_dispatcher=False)
    bureau = auth("bureau", subject="bureau-1")
    data = (DATA_DIR / WORKBOOK).read_bytes()
    sheets = load_workbook(io.BytesIO(data), read_only=True)
    expected = {k: sheets[k].max_row - 1 for k in ("schools", "seats", "plans")}
    checked = upload(app, "schools", data, bureau, dry_run=True)
    assert checked.status_code == 200, checked.text
    assert (checked.json()["created"], checked.json()["written"]) == (expected["schools"], False)
    assert app.get("/schools", headers=bureau).json()["items"] == []  # a dry run writes nothing
    for kind in ("schools", "seats", "plans"):
        first = upload(app, kind, data, bureau)
        assert first.status_code == 200, first.text
        assert (first.json()["created"], first.json()["written"], first.json()["sheet"]) == (expected[kind], True,
                                                                                             kind)
    for kind in ("schools", "seats", "plans"):
        again = upload(app, kind, data, bureau).json()
        assert (again["created"], again["updated"], again["unchanged"], again["written"]) == \
               (0, 0, expected[kind], False)
        assert again["message"].startswith("nothing to change")
    # one changed row (CSV, Chinese headers) updates that record only, and its history says who
    rows = list(csv.reader(io.StringIO((DATA_DIR / "seats.csv").read_text(encoding="utf-8"))))
    code, season, grade, seats = rows[1]
    rows[1][3] = str(int(seats) + 5)
    text = "学校,学年,年级,随迁子女学位\n" + "\n".join(",".join(r) for r in rows[1:]) + "\n"
    changed = upload(app, "seats", text.encode("gb18030"), auth("bureau", subject="bureau-2"), name="seats.csv")
    assert changed.status_code == 200, changed.text
    assert (changed.json()["updated"], changed.json()["unchanged"]) == (1, expected["seats"] - 1)
    history = app.get(f"/schools/{code}/seats/{season}/{grade}/history", headers=bureau).json()["items"]
    assert [(c["actor"], c["after"]["migrant_seats"]) for c in history] == \
           [("bureau:bureau-1", int(seats)), ("bureau:bureau-2", int(seats) + 5)]


def test_a_workbook_with_five_bad_rows_comes_back_with_all_five_and_nothing_written(make_service, auth, backend):
    app = make_service("enrollment", outbox_dispatcher=False)
    bureau = auth("bureau")
    header = ["code", "name", "kind", "level", "township_code", "catchment_townships", "floor_area_m2",
              "land_area_m2", "classrooms", "current_pupils", "status"]
    good = ["S1", "一小", "public", "primary", "331003001", "331003001", None, None, None, None, "active"]
    rows = [good,
            ["S2", "二小", "public", "primary", "999999999", "331003001", None, None, None, None, "active"],  # township
            ["S3", "三小", "school", "primary", "331003001", "331003001", None, None, None, None, "active"],  # kind
            ["S4", "", "public", "primary", "331003001", "331003001", None, None, None, None, "active"],  # no name
            ["P1", "民办", "private", "primary", "331003003", None, "3000", "9000", "1:x", None, "active"],  # pairs
            ["S1", "一小again", "public", "primary", "331003001", "331003001", None, None, None, None, "active"]]
    resp = upload(app, "schools", workbook("schools", header, rows), bureau)
    assert resp.status_code == 422 and resp.json()["code"] == "import_refused", resp.text
    refused = resp.json()["refused"]
    assert [(r["row"], r["column"], r["code"]) for r in refused] == [
        (3, "township_code", "bad_value"), (4, "kind", "bad_value"), (5, "name", "missing"),
        (6, "classrooms", "bad_value"), (7, None, "duplicate_row")]
    assert all(r["sheet"] == "schools" and r["reason_en"] and r["reason_zh"] for r in refused)
    assert refused[0]["value"] == "999999999"
    assert app.get("/schools", headers=bureau).json()["items"] == []  # not even the good rows
    # seats for unknown schools, a grade that is not the intake grade, a count that is not a number
    resp = upload(app, "seats", workbook("seats", ["school_code", "season", "grade", "migrant_seats"],
                                         [["NOPE", 2025, 1, 3], ["NOPE2", 2025, 1, "many"]]), bureau)
    assert [(r["row"], r["column"], r["code"], r["reason_zh"]) for r in resp.json()["refused"]] == \
           [(2, "school_code", "school_not_found", "学校不存在"), (3, "school_code", "school_not_found", "学校不存在")]
    bad = upload(app, "plans", b"\x00\x01garbage", bureau, name="x.csv")
    assert bad.status_code == 422 and bad.json()["code"] == "bad_upload"
    cr = upload(app, "plans", b"school_code,season\nP1\r2,2025\n", bureau, name="x.csv")  # csv.Error, was a 500
    assert cr.status_code == 422 and cr.json()["code"] == "bad_upload"
    missing = upload(app, "plans", b"school_code,season\nP1,2025\n", bureau, name="x.csv")
    assert missing.status_code == 422 and missing.json()["code"] == "bad_upload"
    assert upload(app, "plans", b"x", auth("platform"), name="x.csv").status_code == 403


def test_funding_semesters_and_tariffs(make_service, auth, backend):
    app = make_service("funding")
    bureau = auth("bureau")
    for kind in ("semesters", "tariffs"):
        data = (DATA_DIR / f"{kind}.csv").read_bytes()
        first = upload(app, kind, data, bureau, name=f"{kind}.csv")
        assert first.status_code == 200 and first.json()["created"] > 0, first.text
        again = upload(app, kind, data, bureau, name=f"{kind}.csv").json()
        assert (again["created"], again["updated"], again["written"]) == (0, 0, False)
    rows = list(csv.DictReader(io.StringIO((DATA_DIR / "tariffs.csv").read_text(encoding="utf-8"))))
    bad = "school_code,semester,operating_cost_per_pupil,original_fee\n" + \
          f"{rows[0]['school_code']},2025-autumn,3000.005,100\nX1,2099-autumn,1.00,1.00\nX2,2025-autumn,-1,1\n"
    resp = upload(app, "tariffs", bad.encode(), bureau, name="t.csv")
    assert [(r["row"], r["column"], r["code"]) for r in resp.json()["refused"]] == \
           [(2, "operating_cost_per_pupil", "bad_value"), (3, "semester", "semester_not_found"),
            (4, "operating_cost_per_pupil", "bad_value")]
    history = app.get(f"/tariffs/{rows[0]['school_code']}/2025-autumn/history", headers=bureau).json()["items"]
    assert len(history) == 1  # the refused file wrote nothing
    redated = upload(app, "semesters", b"code,starts_on,ends_on\n2025-autumn,2025-09-02,2026-01-31\n", bureau,
                     name="s.csv")
    assert redated.json()["refused"][0]["code"] == "semester_exists"
