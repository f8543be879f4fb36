"""Import figures (issue 16): `python -m bench.imports [rows] [--postgres]`.

In process (FastAPI TestClient: the whole service but the socket), enrollment on a fresh SQLite file (or a scratch
PostgreSQL database with ``--postgres``): ``rows`` (default 2,000) schools as an XLSX upload to ``POST
/imports/schools`` — checked (dry run), imported, imported again (nothing changes) — then ``rows`` migrant-seat
rows as CSV to ``POST /imports/seats`` the same three ways, and a file of the same rows with 5 refused rows (every
row still checked). openpyxl writes each text cell inline (``t="inlineStr"``), which openpyxl reads back some
three times slower than the shared strings table Excel and WPS save (``t="s"``); the schools file is checked
once more as those programs save it (:func:`as_excel_saves`), the case the bureau's own files are. Target
(printed, not asserted): a file of 2,000 rows checked in ≤ 2 s.
"""

from __future__ import annotations

import io
import os
import re
import sys
import tempfile
import time
import zipfile
from contextlib import nullcontext
from pathlib import Path

from fastapi.testclient import TestClient
from openpyxl import Workbook

from bench import scratch_postgres
from common.identity import IDENTITY_HEADER, Identity, mint

TARGET_S = 2.0
TOWNS = ["331003001", "331003002", "331003003", "331003004", "331003005", "331003006", "331003007"]


def _xlsx(sheet: str, header: list[str], rows: list[list]) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    ws.append(header)
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def as_excel_saves(data: bytes) -> bytes:
    """The same workbook with its text in a shared strings table (``xl/sharedStrings.xml``, cells ``t="s"``), as
    Excel and WPS save a workbook, instead of openpyxl's inline strings."""
    src = zipfile.ZipFile(io.BytesIO(data))
    strings: dict[str, int] = {}

    def shared(m: re.Match) -> str:
        return f'<c r="{m.group(1)}" t="s"><v>{strings.setdefault(m.group(2), len(strings))}</v></c>'

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            part = src.read(name)
            if name.startswith("xl/worksheets/"):
                part = re.sub(r'<c r="([A-Z]+[0-9]+)" t="inlineStr"><is><t>(.*?)</t></is></c>', shared,
                              part.decode()).encode()
            elif name == "[Content_Types].xml":
                part = part.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
            elif name == "xl/_rels/workbook.xml.rels":
                part = part.replace(b"</Relationships>", b'<Relationship Id="rIdShared" Type="http://schemas.'
                                    b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
                                    b'Target="sharedStrings.xml"/></Relationships>')
            dst.writestr(name, part)
        dst.writestr("xl/sharedStrings.xml", '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns='
                     '"http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                     + "".join(f"<si><t>{t}</t></si>" for t in strings) + "</sst>")
    return out.getvalue()


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    rows = int(next((a for a in argv if a.isdigit()), 2000))
    server = os.environ.get("TONGCHENG_TEST_PG", "postgresql://postgres@127.0.0.1:5432")
    from enrollment.config import Settings
    from enrollment.main import create_app

    secret = "bench-" + "x" * 40
    headers = {IDENTITY_HEADER: mint(secret, Identity(role="bureau", subject="bureau-bench"))}
    schools = _xlsx("schools", ["code", "name", "kind", "level", "township_code", "catchment_townships", "status"],
                    [[f"B{i:05d}", f"测试小学{i}", "public", "primary", TOWNS[i % 7], TOWNS[i % 7], "active"]
                     for i in range(rows)])
    seats = "school_code,season,grade,migrant_seats\n" + "".join(f"B{i:05d},2025,1,{40 + i % 30}\n"
                                                                 for i in range(rows))
    bad = seats.replace("B00010,2025,1,50", "B00010,2025,1,x").replace("B00020,", "NOPE1,").replace(
        "B00030,", "NOPE2,").replace("B00040,2025,1", "B00040,2025,7").replace("B00050,2025,1,", "B00050,2025,1,-")
    with tempfile.TemporaryDirectory() as tmp, (scratch_postgres(server, "imports") if "--postgres" in argv
                                                else nullcontext(f"sqlite:///{Path(tmp) / 'enrollment.db'}")) as url:
        settings = Settings(internal_secret=secret, database_url=url, data_dir=Path(tmp), outbox_dispatcher=False)
        with TestClient(create_app(settings)) as app:
            def post(kind: str, name: str, data: bytes, dry_run: bool = False) -> tuple[float, dict]:
                started = time.perf_counter()
                resp = app.post(f"/imports/{kind}?dry_run={str(dry_run).lower()}", headers=headers,
                                files={"file": (name, data, "application/octet-stream")})
                took = time.perf_counter() - started
                assert resp.status_code in (200, 422), resp.text
                return took, resp.json()

            print(f"{rows:,} rows per file, {'PostgreSQL' if '--postgres' in argv else 'SQLite'}; "
                  f"target: checked in ≤ {TARGET_S:.0f} s")
            took, out = post("schools", "schools.xlsx", as_excel_saves(schools), True)  # dry run: nothing written
            print(f"  schools  checked as Excel saves {took:6.2f} s  created {out['created']:,} (shared strings)")
            for kind, name, data in (("schools", "schools.xlsx", schools), ("seats", "seats.csv", seats.encode())):
                for label, dry in (("checked (dry run)", True), ("imported", False), ("imported again", False)):
                    took, out = post(kind, name, data, dry)
                    print(f"  {kind:8} {label:18} {took:6.2f} s  created {out['created']:,}, unchanged "
                          f"{out['unchanged']:,}, written {out['written']}")
            took, out = post("seats", "seats.csv", bad.encode())
            print(f"  seats    with 5 refused rows   {took:6.2f} s  refused {len(out['refused'])} "
                  f"({', '.join(str(r['row']) for r in out['refused'])}), nothing written")


if __name__ == "__main__":
    main()
