"""Personal data stays out of logs and auditor-facing answers.

A small season is played end to end with the season driver (tongcheng.demo.play: the platform, the stub
departments, points, placement, finalisation, settlement, payment, the auditor) against the five real processes,
logging at INFO; a few calls put ID numbers and phones in paths, query strings and refused bodies on top, so
that the access and error logs see them. Then every log line of every process, and every answer an auditor can
fetch from funding (listings, single reads, reports, the ledger and its verification, every CSV export and every
cell of the xlsx workbook via openpyxl), plus the masked listings of enrollment and verification and the season
reports, are searched for a whole ID number (18 characters with a valid GB 11643 check character), a whole mobile
phone, or any ID number or phone of the cohort: none may appear.
"""

from __future__ import annotations

import io
import json
from dataclasses import replace
from collections.abc import Iterator
from types import SimpleNamespace

import openpyxl
import pytest
from rich.console import Console

from shared_kit import free_port
from reliability_kit import Api, find_personal_data, valid_id
from tongcheng.api import load_tokens
from tongcheng.cohort import generate
from tongcheng.demo import DEMO_ENV, play
from tongcheng.registry import Registry
from tongcheng.schools import generate as generate_district
from tongcheng.secrets import generate as generate_secrets
from tongcheng.suite import DEFAULT_PORTS, SERVICES, Suite

pytestmark = pytest.mark.processes
SIZE, SEED, SEASON = 60, 23, 2025
VIEWS = ("settlements", "lines", "seats", "tariffs", "adjustments", "disbursements", "ledger", "verification",
         "totals", "budget")


@pytest.fixture(scope="module")
def season(tmp_path_factory) -> Iterator[SimpleNamespace]:
    var = tmp_path_factory.mktemp("pd-var")
    generate_secrets(var)
    suite = Suite(var=var, ports={name: free_port() for name in DEFAULT_PORTS},
                  extra_env={**DEMO_ENV, "TONGCHENG_LOG_LEVEL": "INFO"})
    district = generate_district(SIZE)  # a small district's public seats would take every child: cut them to an
    district.seats = [replace(s, migrant_seats=max(1, s.migrant_seats // 8)) for s in district.seats]  # eighth
    cohort = generate(SIZE, SEED, district=district)
    known = {g.id_number for f in cohort.families for g in f.guardians}
    known |= {g.phone for f in cohort.families for g in f.guardians}
    known |= {f.child["id_number"] for f in cohort.families}
    assert all(valid_id(k) for k in known if len(k) == 18)
    api = Api(gateway=f"http://127.0.0.1:{suite.ports['gateway']}", tokens=load_tokens(var))
    try:
        suite.start_all()
        result = play(suite.url(), var, cohort, district, Registry.from_cohort(cohort),
                      console=Console(file=io.StringIO()), quiet=True)
        probe_with_personal_data(api, cohort)
        yield SimpleNamespace(var=var, api=api, result=result, cohort=cohort, known=known)
    finally:
        api.close()
        suite.stop_all()


def probe_with_personal_data(api: Api, cohort) -> None:
    """Calls that carry ID numbers and phones where a log line could catch them: in paths and query strings, in
    bodies refused as invalid, in a 404 for an unknown application."""
    fam = cohort.families[0]
    child_id, guardian = fam.child["id_number"], fam.guardians[0]
    api.send("enrollment", "GET", f"/applications/{child_id}", "platform")
    api.send("enrollment", "GET", f"/applications?season={SEASON}&cursor={guardian.id_number}", "bureau")
    api.send("points", "GET", f"/scores/{guardian.phone}", "auditor")
    api.send("funding", "GET", f"/purchased-seats?school_code={child_id}", "auditor")
    bad = fam.application(SEASON)
    bad["guardians"][0]["phone"] = guardian.phone + "0"  # refused: 12 digits
    api.send("enrollment", "POST", "/applications", "platform", bad, key="pd-bad-phone")
    bad = fam.application(SEASON)
    bad["child"]["birth_date"] = "2019-02-30"
    api.send("enrollment", "POST", "/applications", "platform", bad)
    api.send("funding", "POST", "/purchased-seats/handover", "bureau", {"seats": [{
        "application_no": "HY2025-1-999999", "pupil_name": fam.child["name"], "pupil_id_number": child_id,
        "school_code": "NOPE", "grade": 1, "start_date": "2025-02-30"}]}, key="pd-bad-seat")
    api.send("verification", "POST", "/cases", "bureau", {"application_no": "HY2025-1-999998", "season": SEASON,
                                                          "grade": 1, "child_birth_date": "2019-03-01", "guardians": [
        {"guardian_no": 1, "name": guardian.name, "id_number": guardian.id_number[:-1] + "Z"}]})


def auditor_answers(api: Api, season) -> Iterator[tuple[str, str]]:
    """(what, text) of every answer an auditor can fetch from funding, and the masked bureau listings."""
    def get(service: str, path: str, role: str = "auditor") -> str:
        resp = api.send(service, "GET", path, role)
        assert resp.status_code == 200, f"{path}: {resp.status_code} {resp.text[:300]}"
        return resp.text

    def paged(service: str, path: str, role: str = "auditor") -> Iterator[dict]:
        cursor = None
        while True:
            sep = "&" if "?" in path else "?"
            page = json.loads(get(service, f"{path}{sep}limit=1000" + (f"&cursor={cursor}" if cursor else ""), role))
            yield from page["items"]
            if not (cursor := page.get("next_cursor")):
                return

    seats = list(paged("funding", "/purchased-seats"))
    yield "funding /purchased-seats", json.dumps(seats, ensure_ascii=False)
    assert seats, "the season bought no seats: nothing to check"
    settlements = list(paged("funding", "/settlements"))
    yield "funding /settlements", json.dumps(settlements, ensure_ascii=False)
    for s in settlements:
        yield f"funding /settlements/{s['id']}", get("funding", f"/settlements/{s['id']}")
        yield f"funding /tariffs/{s['school_code']}/{s['semester']}/history", get(
            "funding", f"/tariffs/{s['school_code']}/{s['semester']}/history")
    for path in ("/semesters", "/tariffs", "/adjustments", "/ledger?limit=1000", "/ledger/verify",
                 f"/budget/{SEASON}", "/reports/totals"):
        yield f"funding {path}", get("funding", path)
    for no in sorted({s["application_no"] for s in seats})[:10]:
        yield f"funding /reports/pupils/{no}", get("funding", f"/reports/pupils/{no}")
    for view in VIEWS:
        yield f"funding /exports/{view}.csv", get("funding", f"/exports/{view}.csv")
    for semester in (None, "2025-autumn"):
        path = "/exports/auditor.xlsx" + (f"?semester={semester}" if semester else "")
        resp = api.send("funding", "GET", path, "auditor")
        assert resp.status_code == 200 and resp.content[:2] == b"PK"
        book = openpyxl.load_workbook(io.BytesIO(resp.content), read_only=True)
        for sheet in book.worksheets:
            cells = [str(v) for row in sheet.iter_rows(values_only=True) for v in row if v is not None]
            yield f"funding {path} sheet {sheet.title}", "\n".join(cells)
    for no in sorted(season.result.submission.numbers.values())[:10]:
        yield f"points /scores/{no}", get("points", f"/scores/{no}")
    yield "enrollment /applications (masked)", json.dumps(list(paged("enrollment", f"/applications?season={SEASON}",
                                                                      "bureau")), ensure_ascii=False)
    for view in ("summary", "townships", "schools"):
        yield f"enrollment season report {view}", get("enrollment", f"/reports/seasons/{SEASON}?format=csv&view={view}",
                                                      "bureau")
    facts = list(paged("verification", f"/facts?season={SEASON}", "bureau"))
    yield "verification /facts", json.dumps(facts, ensure_ascii=False)
    request_ids = sorted({r["id"] for c in facts[:10] for g in c["guardians"] for r in g["results"].values() if r}
                         | {r["request_id"] for c in facts[:10] for g in c["guardians"] for r in
                            g["results"].values() if r})
    for rid in request_ids[:20]:
        yield f"verification /requests/{rid} (bureau, masked)", get("verification", f"/requests/{rid}", "bureau")


def test_no_whole_id_number_or_phone_in_any_log_line(season):
    logs = {p.name: p.read_text(encoding="utf-8", errors="replace") for p in (season.var / "logs").glob("*.log")}
    assert set(logs) >= {f"{name}.log" for name in (*SERVICES, "gateway")}
    lines = sum(text.count("\n") for text in logs.values())
    assert lines > 100, f"only {lines} log lines: the processes did not log at INFO"
    leaks = [(name, n + 1, found, line[:300]) for name, text in logs.items()
             for n, line in enumerate(text.splitlines()) if (found := find_personal_data(line, season.known))]
    assert not leaks, f"{len(leaks)} log line(s) carry personal data, e.g. {leaks[:5]}"
    child_id = season.cohort.families[0].child["id_number"]  # probed in a path: logged, masked
    assert child_id[:4] + "*" * 10 + child_id[-4:] in logs["enrollment.log"]


def test_no_whole_id_number_or_phone_in_auditor_answers(season):
    checked, leaks = 0, []
    for what, text in auditor_answers(season.api, season):
        checked += 1
        if found := find_personal_data(text, season.known):
            leaks.append((what, found[:3]))
    assert checked > 30
    assert not leaks, f"{len(leaks)} answer(s) carry personal data: {leaks[:10]}"


def test_the_checks_would_see_a_leak(season):
    """The scanner finds what it looks for: a cohort ID number, a phone, an ID with a valid check character in
    free text, in a CSV cell; and it leaves masked values and hashes alone."""
    fam = season.cohort.families[0]
    child_id, phone = fam.child["id_number"], fam.guardians[0].phone
    assert find_personal_data(f"pupil,{child_id},1", ()) == [child_id]
    assert find_personal_data(f'"phone": "{phone}"', ()) == [phone]
    assert find_personal_data(f"x{child_id[:-1]}", season.known) == []
    masked = child_id[:6] + "*" * 8 + child_id[-4:]
    assert find_personal_data(f"{masked} 138****5678 a3f5{phone}e9", ()) == []
