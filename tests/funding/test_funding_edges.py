"""The edges of the funding service: the role matrix (auditors read everything and write nothing; only finance
approves and pays), money input refusals, exports (CSV and the auditor's workbook). Role and input checks happen
before the database is touched, so they run on SQLite only; exports run on both backends."""

import io
from datetime import datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from common.schemas import SHANGHAI
from common.sheet_writer import read_csv
from funding_kit import paid_on_today, seat

READ = {"bureau", "finance", "auditor"}
MATRIX = {
    ("POST", "/semesters"): {"bureau"},
    ("GET", "/semesters"): READ,
    ("GET", "/semesters/{code}"): READ | {"service:enrollment"},  # the planning what-if checks the semester
    ("GET", "/semesters/{code}/history"): READ,
    ("POST", "/imports/{kind}"): {"bureau"},
    ("PUT", "/tariffs/{school_code}/{semester}"): {"bureau"},
    ("GET", "/tariffs"): READ | {"service:enrollment"},  # enrollment's planning what-if costs seats at them
    ("GET", "/tariffs/{school_code}/{semester}/history"): READ,
    ("POST", "/purchased-seats/handover"): {"bureau", "service:enrollment"},
    ("GET", "/purchased-seats"): READ,
    ("POST", "/purchased-seats/{seat_id}/end"): {"bureau"},
    ("POST", "/purchased-seats/{seat_id}/transfer"): {"bureau"},
    ("POST", "/settlements"): {"bureau", "finance"},
    ("POST", "/settlements/run"): {"bureau", "finance"},
    ("GET", "/settlements"): READ | {"school:PS001", "school:PS002"},  # a school: its own settlements only
    ("GET", "/settlements/{settlement_id}"): READ | {"school:PS001", "school:PS002"},
    ("GET", "/rolls/{school_code}/{semester}"): READ | {"school:PS001"},
    ("POST", "/rolls/{school_code}/{semester}/confirmations"): {"bureau", "school:PS001"},
    ("POST", "/settlements/{settlement_id}/approve"): {"finance"},
    ("POST", "/settlements/{settlement_id}/disbursements"): {"finance"},
    ("POST", "/adjustments"): {"finance", "bureau"},
    ("GET", "/adjustments"): READ,
    ("GET", "/ledger"): READ,
    ("GET", "/ledger/verify"): READ,
    ("PUT", "/budget/{year}"): {"finance"},
    ("GET", "/budget/{year}"): READ,
    ("GET", "/forecast/{year}"): READ,
    ("GET", "/reports/totals"): READ,
    ("GET", "/reports/pupils/{application_no}"): READ,
    ("GET", "/exports/auditor.xlsx"): READ,
    ("GET", "/exports/{view}.csv"): READ,
    ("GET", "/access-log"): {"auditor"},
    ("POST", "/access-log/purge"): {"auditor"},
}
ROLES = ["platform", "department:police", "department:hrss", "bureau", "finance", "auditor", "service:enrollment",
         "service:points", "school:PS001", "school:PS002"]
PATH_VALUES = {"school_code": "PS001", "semester": "2025-autumn", "code": "2025-autumn", "kind": "tariffs", "seat_id": "1", "settlement_id": "1",
               "year": "2025", "application_no": "HY2025-1-000001", "view": "totals"}
sqlite_only = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)


@sqlite_only
def test_role_matrix_covers_every_route_and_holds(f):
    routes = {(m.upper(), p) for p, ops in f.client.app.openapi()["paths"].items() for m in ops if p != "/health"}
    assert routes == set(MATRIX), "a route was added or removed: keep the matrix in step with docs/api.md"
    # auditors: every GET, no write of funding's records (the one auditor write is the purge of the access records
    # of their own and others' reads, common.access, which changes no money, seat or ledger record)
    assert {k for k, roles in MATRIX.items() if "auditor" in roles} == \
           {k for k in MATRIX if k[0] == "GET"} | {("POST", "/access-log/purge")}
    # only finance approves and pays
    for k in [("POST", "/settlements/{settlement_id}/approve"), ("POST", "/settlements/{settlement_id}/disbursements"),
              ("PUT", "/budget/{year}")]:
        assert MATRIX[k] == {"finance"}
    for (method, template), allowed in sorted(MATRIX.items()):
        path = template.format(**PATH_VALUES)
        for role in ROLES:
            resp = f.call(method, role, path, {} if method != "GET" else None)
            if role in allowed:
                assert resp.status_code not in (401, 403), (method, path, role, resp.text)
            else:
                assert resp.status_code == 403 and resp.json()["code"] == "forbidden", (method, path, role, resp.text)
            assert resp.status_code < 500, (method, path, role, resp.text)
        assert f.client.request(method, path).status_code == 401


BAD_MONEY = [
    (3000, "a JSON number"),
    (3000.5, "a JSON number with a fraction"),
    ("3000.001", "more than 2 decimals"),
    ("-1", "negative where it makes no sense"),
    ("NaN", "not a number"),
    ("Infinity", "infinite"),
    ("1e3", "an exponent"),
    ("99999999999999999.00", "absurdly large"),
    (" 3000.00", "padded"),
    ("+3000", "a plus sign"),
    ("", "empty"),
    ("3,000.00", "a thousands separator"),
    (None, "null"),
    (True, "a boolean"),
]
MONEY_FIELDS = [
    ("PUT", "/tariffs/PS001/2025-autumn", "bureau", {"operating_cost_per_pupil": "3000.00", "original_fee": "3000.00"},
     "operating_cost_per_pupil"),
    ("PUT", "/tariffs/PS001/2025-autumn", "bureau", {"operating_cost_per_pupil": "3000.00", "original_fee": "3000.00"},
     "standard"),
    ("POST", "/settlements/1/disbursements", "finance", {"reference": "P-1", "amount": "1.00", "paid_on": paid_on_today()},
     "amount"),
    ("PUT", "/budget/2025", "finance", {"appropriation": "1.00"}, "appropriation"),
]


@sqlite_only
@pytest.mark.parametrize("value, why", BAD_MONEY, ids=[w for _, w in BAD_MONEY])
def test_money_input_is_refused(f, value, why):
    for method, path, role, good, field in MONEY_FIELDS:
        if value is None and field == "standard":
            continue  # an optional field: null means "use the suggestion"
        resp = f.call(method, role, path, {**good, field: value})
        assert resp.status_code == 422, (path, field, why, resp.text)
        body = resp.json()
        assert body["code"] == "validation_error" and body["field"] == field, body


@sqlite_only
def test_good_money_is_stored_exactly_and_unknown_fields_refused(f):
    f.semester("2025-autumn")
    t = f.tariff("PS001", "2025-autumn", "3000", "2999.9", standard="0.10")
    assert (t["operating_cost_per_pupil"], t["original_fee"], t["suggestion"], t["standard"]) == \
           ("3000.00", "2999.90", "2999.90", "0.10")
    extra = f.put("bureau", "/tariffs/PS001/2025-autumn", {"operating_cost_per_pupil": "1.00", "original_fee": "1.00",
                                                           "decided_by": "someone-else"})
    assert extra.status_code == 422 and extra.json()["field"] == "decided_by"
    zero_pay = f.post("finance", "/settlements/1/disbursements", {"reference": "P", "amount": "0.00",
                                                                  "paid_on": paid_on_today()})
    assert zero_pay.status_code == 422 and zero_pay.json()["field"] == "amount"
    for bad in ("99999999999", "0", "-3", "abc"):
        assert f.get("auditor", f"/settlements/{bad}").status_code == 422
    assert f.get("auditor", "/budget/1999").status_code == 422
    assert f.get("auditor", "/exports/secrets.csv").json()["code"] == "unknown_view"


def test_exports_csv_and_xlsx(f, backend):
    f.semester("2025-autumn")
    formula = "=HYPERLINK(\"http://x\")"  # a name cannot carry it (422 name_characters): a tariff's note can
    f.ok(f.put("bureau", "/tariffs/PS001/2025-autumn", {"operating_cost_per_pupil": "3000.00",
                                                        "original_fee": "3100.00", "note": formula}))
    refused = f.post("service:enrollment", "/purchased-seats/handover",
                     {"run_id": "run-1", "seats": [seat("HY2025-1-000009", "PS001", "2025-09-01", name=formula)]})
    assert refused.status_code == 422 and refused.json()["errors"][0]["code"] == "name_characters"
    f.handover(seat("HY2025-1-000001", "PS001", "2025-09-01", name="王小明"),
               seat("HY2025-1-000002", "PS001", "2025-11-01", name="阿依古丽·买买提"))
    draft = f.settle("PS001", "2025-autumn")
    f.approve(draft)
    f.ok(f.put("finance", "/budget/2025", {"appropriation": "10000.00"}))

    lines = f.get("auditor", "/exports/lines.csv?semester=2025-autumn")
    assert lines.status_code == 200 and lines.headers["content-type"].startswith("text/csv")
    text = lines.content.decode("utf-8-sig").splitlines()
    assert text[0].startswith("结算单号,学期,学校代码") and text[1].startswith("settlement_id,semester,school_code")
    rows = read_csv(lines.content)
    assert [(r["application_no"], r["days"], r["amount"]) for r in rows] == \
           [("HY2025-1-000001", "153", "3000.00"), ("HY2025-1-000002", "92", "1803.92")]
    assert rows[0]["pupil_name"] == "王小明" and rows[1]["pupil_name"] == "阿依古丽·买买提"
    tariffs = read_csv(f.get("auditor", "/exports/tariffs.csv").content)
    assert tariffs[0]["note"].startswith("'=")  # never run as a formula by a spreadsheet
    assert all(r["pupil_id_number"][6:14] == "********" for r in rows)
    for view in ("settlements", "seats", "tariffs", "adjustments", "disbursements", "ledger", "verification",
                 "totals", "budget"):
        resp = f.get("auditor", f"/exports/{view}.csv")
        assert resp.status_code == 200, (view, resp.text)
        zh, fields = resp.content.decode("utf-8-sig").splitlines()[:2]
        assert zh != fields and all(ord(h[0]) > 0x2E7F for h in zh.split(","))  # every column has its Chinese name
    totals = read_csv(f.get("auditor", "/exports/totals.csv").content)
    assert totals[0]["total"] == "4803.92" and totals[0]["due"] == "4803.92"
    computed_at = read_csv(f.get("auditor", "/exports/settlements.csv").content)[0]["computed_at"]
    assert computed_at.endswith("+08:00")  # Beijing time, marked

    book = f.get("auditor", "/exports/auditor.xlsx?semester=2025-autumn")
    assert book.status_code == 200 and "spreadsheetml" in book.headers["content-type"]
    wb = load_workbook(io.BytesIO(book.content))
    assert wb.sheetnames == ["settlements", "lines", "seats", "tariffs", "adjustments", "disbursements", "ledger",
                             "verification", "totals", "budget"]
    ws = wb["lines"]
    assert ws.freeze_panes == "A3" and ws["A1"].value == "结算单号" and ws["A1"].font.b
    header = [c.value for c in ws[2]]  # the field names under the Chinese headers
    amount_col = header.index("amount")
    cells = [row[amount_col] for row in ws.iter_rows(min_row=3)]
    assert [c.number_format for c in cells] == ["0.00", "0.00"]
    assert [Decimal(str(c.value)).quantize(Decimal("0.01")) for c in cells] == [Decimal("3000.00"), Decimal("1803.92")]
    assert not isinstance(cells[0].value, str)  # a number an auditor can sum
    notes = wb["tariffs"]
    note = next(notes.iter_rows(min_row=3))[[c.value for c in notes[2]].index("note")]
    assert note.value.startswith("=") and note.data_type == "s"  # shown as written, never run as a formula
    assert all(row[header.index("pupil_id_number")].value[6:14] == "********" for row in ws.iter_rows(min_row=3))
    assert ws.column_dimensions["H"].width >= len("pupil_id_number")  # widths fit the content
    settlements = wb["settlements"]
    head = [c.value for c in settlements[2]]
    total = settlements.cell(row=3, column=head.index("total") + 1)
    assert total.number_format == "0.00" and Decimal(str(total.value)) == Decimal("4803.92")
    computed = settlements.cell(row=3, column=head.index("computed_at") + 1)
    assert isinstance(computed.value, datetime) and computed.number_format == 'yyyy-mm-dd hh:mm:ss "+08:00"'
    assert settlements.cell(row=1, column=head.index("computed_at") + 1).value == "计算时间(北京时间)"
    api = f.ok(f.get("auditor", f"/settlements/{settlements.cell(row=3, column=1).value}"))
    stored = datetime.fromisoformat(api["computed_at"].replace("Z", "+00:00"))
    assert computed.value == stored.astimezone(SHANGHAI).replace(tzinfo=None, microsecond=computed.value.microsecond)
    verification = wb["verification"]
    assert verification.cell(row=3, column=1).value == "是"
    budget = wb["budget"]
    bhead = [c.value for c in budget[2]]
    assert Decimal(str(budget.cell(row=3, column=bhead.index("remaining") + 1).value)) == Decimal("5196.08")
