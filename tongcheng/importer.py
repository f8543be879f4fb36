"""The bureau loads the district before a season (BRIEF §4 step 1): schools, migrant seats, private plans,
semesters and tariffs, through the gateway. The season driver sends record by record (:func:`import_district`);
``tongcheng import-* FILE`` uploads the bureau's file to the import endpoints (:func:`upload`: the whole file
checked first, every refused row reported, nothing written when any is refused) and writes the refused rows back
beside the file (:func:`errors_workbook`).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

from rich.progress import Progress

from tongcheng.api import ApiError, Gateway, idempotency_key
from tongcheng.schools import District


def import_district(bureau: Gateway, district: District, *, progress: Progress | None = None) -> Counter:
    """Load schools, migrant seats, private plans, semesters and tariffs as the bureau (idempotent: an existing
    school is replaced with ``PUT`` + ``If-Match``, an existing semester kept, a settled tariff left alone).

    Returns counts such as ``schools_created``, ``schools_updated``, ``seats``, ``plans``, ``tariffs``,
    ``semesters_created``. Raises :class:`ApiError` on anything else (e.g. 422 ``plan_over_capacity``).
    """
    done: Counter = Counter()
    total = len(district.schools) + len(district.seats) + len(district.plans) + len(district.semesters) + len(
        district.tariffs)
    task = progress.add_task("bureau loads the district", total=total) if progress else None

    def tick() -> None:
        if progress is not None and task is not None:
            progress.advance(task)

    en, fu = bureau.enrollment, bureau.funding
    for school in district.schools:
        try:
            en.post("/schools", school.body())
            done["schools_created"] += 1
        except ApiError as exc:
            if exc.status != 409:
                raise
            etag = en.get_response(f"/schools/{school.code}").headers.get("etag")
            body = {k: v for k, v in school.body().items() if k != "code"}
            en.put(f"/schools/{school.code}", body, if_match=etag)
            done["schools_updated"] += 1
        tick()
    for seats in district.seats:
        en.put(f"/schools/{seats.school_code}/seats/{seats.season}/{seats.grade}",
               {"migrant_seats": seats.migrant_seats})
        done["seats"] += 1
        tick()
    for plan in district.plans:
        en.put(f"/schools/{plan.school_code}/plans/{plan.season}/{plan.grade}", {"planned": plan.planned})
        done["plans"] += 1
        tick()
    for semester in district.semesters:
        try:
            fu.post("/semesters", semester.body(), key=idempotency_key("semester", semester.body()))
            done["semesters_created"] += 1
        except ApiError as exc:
            if exc.status != 409:
                raise
            done["semesters_existing"] += 1
        tick()
    for tariff in district.tariffs:
        try:
            fu.put(f"/tariffs/{tariff.school_code}/{tariff.semester}", tariff.body())
            done["tariffs"] += 1
        except ApiError as exc:
            if exc.code != "semester_settled":
                raise
            done["tariffs_settled"] += 1
        tick()
    return done


# ---- the bureau's files through the import endpoints (tongcheng import-* FILE) -------------------------------------

SERVICE_OF = {"schools": "enrollment", "seats": "enrollment", "plans": "enrollment", "semesters": "funding",
              "tariffs": "funding"}
DISTRICT_ORDER = ("schools", "seats", "plans", "semesters", "tariffs")


def upload(bureau: Gateway, kind: str, path: Path, *, dry_run: bool = False) -> dict:
    """Upload one file (CSV, or XLSX with a sheet named ``kind``) to ``POST /imports/{kind}``. Returns the
    service's answer: the counts, or (422 ``import_refused``) the problem with every refused row."""
    try:
        return bureau.service(SERVICE_OF[kind]).upload(f"/imports/{kind}", path.name, path.read_bytes(),
                                                       dry_run=str(dry_run).lower())
    except ApiError as exc:
        if isinstance(exc.body, dict) and exc.body.get("code") in ("import_refused", "bad_upload"):
            return exc.body
        raise


def errors_workbook(path: Path, kind: str, refused: list[dict]) -> Path:
    """``FILE.errors.xlsx`` beside ``path``: the file's rows (an .xlsx keeps its sheets) with a column 错误 / error
    giving every refusal of each refused row (column, value, reason in Chinese and English), those rows filled
    red, the header frozen."""
    from openpyxl import Workbook, load_workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    if path.suffix.lower() == ".xlsx":
        wb = load_workbook(path)
        ws = wb[kind] if kind in wb.sheetnames else wb.worksheets[0]
    else:
        wb = Workbook()
        ws = wb.active
        ws.title = kind
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("gb18030", errors="replace")
        for row in csv.reader(io.StringIO(text)):
            ws.append(row)
    col = ws.max_column + 1
    ws.cell(row=1, column=col, value="错误 / error").font = Font(bold=True, color="C00000")
    by_row: dict[int, list[str]] = {}
    for r in refused:
        where = f"{r['column']}={r['value']!r}: " if r.get("column") else ""
        by_row.setdefault(r["row"], []).append(f"{where}{r['reason_zh']} / {r['reason_en']}")
    red = PatternFill("solid", fgColor="FFD7D7")
    for number, reasons in by_row.items():
        cell = ws.cell(row=number, column=col, value="；".join(reasons))
        cell.data_type = "s"
        for c in ws[number]:
            c.fill = red
    ws.column_dimensions[get_column_letter(col)].width = 80
    ws.freeze_panes = "A2"
    out = path.with_suffix(".errors.xlsx")
    wb.save(out)
    return out
