"""Funding service figures (issue 6): `python -m bench.funding [--schools 50 --seats 20000 --ledger 100000
--service-schools 50]`.

1. Settlement arithmetic, pure (``funding.settlement_rules.settle``): ``schools`` × ``seats`` purchased seats (default
   50 × 20 000 = 1 000 000 lines) over the 2025 autumn semester — a mix of whole-semester pupils, late starters,
   early leavers and seats outside the semester. Target: ≤ 3 s.
2. The same through the service: seats stored in a fresh database, then ``POST /settlements/run`` in process
   (FastAPI TestClient): reads the seats, settles, stores every line — the figure held to ≤ 3 s. Then each draft is
   approved (``POST /settlements/{id}/approve``: computes the lines again as the draft did, compares them with the
   stored ones, digests them and appends the ledger entry), timed apart. The run also prints this process's CPU time (SQLite's work included, PostgreSQL's
   server apart) and, where the PostgreSQL server runs on this machine, its backends' CPU time, which tell the work
   from the waiting on a machine other processes share. ``--service-schools`` of them (default all). SQLite by default;
   ``--postgres postgresql://postgres@127.0.0.1:5432`` runs it and 3. on scratch PostgreSQL databases (dropped
   after).
3. Ledger verification: ``ledger`` entries (default 100 000) appended with ``funding.ledger.next_entry`` and stored
   in a migrated SQLite file; then the rows are loaded back and walked by ``funding.ledger.verify``. Target: ≤ 5 s.
   Also ``GET /ledger/verify`` on that database (chain walk + reconciliation with the records).
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import insert, select, text

from bench import scratch_postgres

SEM_START, SEM_END = date(2025, 9, 1), date(2026, 1, 31)
TARIFF_FEN = 300_000


def synthetic_seats(schools: int, per_school: int, seed: int = 2025) -> list[list[tuple[int, date, date | None]]]:
    """Per school, ``(seat_id, start, end)``: 70 % whole semester, 10 % placed in earlier years, 10 % late
    starters, 8 % early leavers, 2 % outside the semester."""
    rng = random.Random(seed)
    out, seat_id = [], 0
    for _ in range(schools):
        seats = []
        for _ in range(per_school):
            seat_id += 1
            r = rng.random()
            if r < 0.70:
                start, end = SEM_START, None
            elif r < 0.80:
                start, end = SEM_START - timedelta(days=365 * rng.randint(1, 5)), None
            elif r < 0.90:
                start, end = SEM_START + timedelta(days=rng.randint(1, 150)), None
            elif r < 0.98:
                start, end = SEM_START, SEM_START + timedelta(days=rng.randint(0, 150))
            else:
                start, end = SEM_END + timedelta(days=1), None
            seats.append((seat_id, start, end))
        out.append(seats)
    return out


def bench_pure(schools: int, per_school: int) -> None:
    from funding.settlement_rules import Period, settle

    data = synthetic_seats(schools, per_school)
    period = Period(SEM_START, SEM_END)
    started = time.perf_counter()
    lines = total = 0
    for seats in data:
        result = settle(TARIFF_FEN, period, seats)
        lines += len(result.lines)
        total += result.total_fen
    took = time.perf_counter() - started
    print(f"settle (pure): {schools} schools × {per_school} seats = {schools * per_school:,} seats → {lines:,} lines, "
          f"total {total // 100:,}.{total % 100:02d} yuan in {took:.2f} s (target ≤ 3 s)")


def _app(tmp: Path, name: str, database_url: str | None = None):
    from fastapi.testclient import TestClient

    from common.identity import IDENTITY_HEADER, Identity, mint
    from funding.config import Settings
    from funding.main import create_app

    secret = secrets.token_hex(32)
    settings = Settings(internal_secret=secret, database_url=database_url or f"sqlite:///{tmp / name}", data_dir=tmp,
                        log_level="WARNING")
    client = TestClient(create_app(settings))

    def who(role: str) -> dict[str, str]:
        return {IDENTITY_HEADER: mint(secret, Identity(role=role, subject=f"bench-{role}"))}

    return client, who


def bench_service(schools: int, per_school: int, tmp: Path, database_url: str | None = None) -> None:
    from funding.models import FundedSchool, PurchasedSeat

    client, who = _app(tmp, "settle.db", database_url)
    backend = "PostgreSQL" if database_url else "SQLite"
    with client:
        assert client.post("/semesters", json={"code": "2025-autumn"}, headers=who("bureau")).status_code == 201
        for s in range(schools):
            r = client.put(f"/tariffs/PS{s:03d}/2025-autumn", json={"operating_cost_per_pupil": "3000.00",
                                                                    "original_fee": "3200.00"}, headers=who("bureau"))
            assert r.status_code == 200, r.text
        engine = client.app.state.db.engine
        now = datetime.now(timezone.utc)
        started = time.perf_counter()
        with engine.begin() as conn:
            for s, seats in enumerate(synthetic_seats(schools, per_school)):
                conn.execute(insert(PurchasedSeat), [
                    {"id": sid, "application_no": f"HY2025-1-{sid:07d}", "pupil_name": "王小明",
                     "pupil_id_number": "331003201903010013", "school_code": f"PS{s:03d}", "grade": 1,
                     "start_date": start, "end_date": end, "created_by": "bench", "created_at": now}
                    for sid, start, end in seats])
            conn.execute(insert(FundedSchool), [{"code": f"PS{s:03d}", "level": "primary", "recorded_by": "bench",
                                                 "recorded_at": now} for s in range(schools)])
        print(f"  (seeding {schools * per_school:,} seats into {backend} took {time.perf_counter() - started:.1f} s)")
        # 在校确认: each school's roll confirmed through the service (every seat on it attends but about 1 in 200,
        # who left on 31 October), as the settlement bills confirmed pupils only
        started, confirmed = time.perf_counter(), 0
        for s in range(schools):
            with engine.connect() as conn:  # the roll's seats (all of them meet the semester in grades 1–6)
                ids = [(sid, end is None and start <= date(2025, 10, 31)) for sid, start, end in conn.execute(
                    select(PurchasedSeat.id, PurchasedSeat.start_date, PurchasedSeat.end_date)
                    .where(PurchasedSeat.school_code == f"PS{s:03d}", PurchasedSeat.start_date <= SEM_END,
                           (PurchasedSeat.end_date.is_(None)) | (PurchasedSeat.end_date >= SEM_START)))]
            leaves = {i for i, may in ids if may and not i % 200}
            body = {"attending": [i for i, _ in ids if i not in leaves], "left": [
                {"seat_id": i, "left_on": "2025-10-31", "code": "left_district"} for i in sorted(leaves)]}
            r = client.post(f"/rolls/PS{s:03d}/2025-autumn/confirmations", json=body, headers=who("bureau"))
            assert r.status_code == 201, r.text
            confirmed += len(ids)
        print(f"  (confirming {schools} rolls, {confirmed:,} seats, through the service took "
              f"{time.perf_counter() - started:.1f} s)")
        if database_url:  # the statistics autovacuum keeps on a table loaded months before, not seconds
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.execute(text("ANALYZE"))
        server = _backend_cpu(engine) if database_url else None
        started, cpu = time.perf_counter(), time.process_time()
        r = client.post("/settlements/run", json={"semester": "2025-autumn"}, headers=who("finance"))
        took, cpu = time.perf_counter() - started, time.process_time() - cpu
        server_cpu = _cpu_since(server, _backend_cpu(engine)) if server is not None else None
        assert r.status_code == 200, r.text
        drafted = r.json()["drafted"]
        lines = sum(d["line_count"] for d in drafted)
        with engine.connect() as conn:
            stored = conn.execute(text("SELECT COUNT(*) FROM settlement_lines")).scalar_one()
        pg_note = (", the database's included" if not database_url else ", the server's apart" if server_cpu is None
                   else f"; the server's {server_cpu:.2f} s")
        print(f"settle (service, POST /settlements/run, {backend}): {len(drafted)} schools, {lines:,} lines computed "
              f"and {stored:,} stored in {took:.2f} s (target ≤ 3 s; this process's CPU {cpu:.2f} s{pg_note})")
        server = _backend_cpu(engine) if database_url else None
        started, cpu = time.perf_counter(), time.process_time()
        for d in drafted:
            r = client.post(f"/settlements/{d['id']}/approve", headers=who("finance"))
            assert r.status_code == 200, r.text
        took, cpu = time.perf_counter() - started, time.process_time() - cpu
        server_cpu = _cpu_since(server, _backend_cpu(engine)) if server is not None else None
        print(f"approve (service, {len(drafted)} × POST /settlements/{{id}}/approve, {backend}): {took:.2f} s "
              f"(this process's CPU {cpu:.2f} s" + (f"; the server's {server_cpu:.2f} s)" if server_cpu is not None
                                                    else ")"))


def _backend_cpu(engine) -> dict[int, float] | None:
    """CPU seconds (user + system) so far of each PostgreSQL backend connected to the engine's database, read from
    ``/proc/<pid>/stat``; ``None`` when the server runs elsewhere (or its processes are not readable). The server's
    work is most of a settlement run, and CPU seconds, unlike wall time, hold still on a machine others share."""
    with engine.connect() as conn:
        pids = conn.execute(text("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")).scalars()
        out = {}
        for pid in pids:
            try:
                if b"postgres" not in Path(f"/proc/{pid}/cmdline").read_bytes():  # another host's pid (a container)
                    return None
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                return None
            out[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return out


def _cpu_since(before: dict[int, float], after: dict[int, float] | None) -> float | None:
    """The backends' CPU seconds between two :func:`_backend_cpu` readings (a backend new since counts from 0)."""
    if after is None:
        return None
    return sum(cpu - before.get(pid, 0.0) for pid, cpu in after.items())


def bench_ledger(entries: int, tmp: Path, database_url: str | None = None) -> None:
    from funding import ledger
    from funding.models import LedgerEntry, LedgerHead

    client, who = _app(tmp, "ledger.db", database_url)
    backend = "PostgreSQL" if database_url else "SQLite"
    with client:
        engine = client.app.state.db.engine
        t0 = datetime(2026, 2, 1, tzinfo=timezone.utc)
        rows, seq, head = [], 0, ledger.GENESIS_HASH
        started = time.perf_counter()
        for i in range(entries):
            at = t0 + timedelta(seconds=i)
            kind = ledger.KINDS[i % 3]
            e = ledger.next_entry(seq, head, kind, {"settlement_id": i // 3 + 1, "amount_fen": 300_000 - i % 977,
                                                    "at": at.isoformat(), "school_code": f"PS{i % 50:03d}",
                                                    "semester": "2025-autumn", "by": "bench-finance"})
            rows.append({"seq": e.seq, "kind": e.kind, "settlement_id": e.settlement_id, "amount_fen": e.amount_fen,
                         "recorded_at": at, "body": e.body, "prev_hash": e.prev_hash, "hash": e.hash})
            seq, head = e.seq, e.hash
        built = time.perf_counter() - started
        with engine.begin() as conn:
            for i in range(0, len(rows), 10_000):
                conn.execute(insert(LedgerEntry), rows[i:i + 10_000])
            conn.execute(LedgerHead.__table__.update().where(LedgerHead.id == 1).values(seq=seq, hash=head))
        print(f"  (building {entries:,} entries took {built:.2f} s)")

        started = time.perf_counter()
        with engine.connect() as conn:
            loaded = conn.execute(select(LedgerEntry.seq, LedgerEntry.kind, LedgerEntry.settlement_id,
                                         LedgerEntry.amount_fen, LedgerEntry.recorded_at, LedgerEntry.body,
                                         LedgerEntry.prev_hash, LedgerEntry.hash).order_by(LedgerEntry.seq)).all()
        load = time.perf_counter() - started
        started = time.perf_counter()
        result = ledger.verify(loaded, head=(seq, head))
        walk = time.perf_counter() - started
        print(f"verify (pure, rows loaded from {backend}): {result.entries:,} entries ok={result.ok} — "
              f"load {load:.2f} s + walk {walk:.2f} s = {load + walk:.2f} s (target ≤ 5 s)")
        started = time.perf_counter()
        r = client.get("/ledger/verify", headers=who("auditor"))
        took = time.perf_counter() - started
        print(f"verify (service, GET /ledger/verify, {backend}, incl. reconciliation): ok={r.json()['ok']} "
              f"entries={r.json()['entries']:,} in {took:.2f} s")


@contextmanager
def _scratch_postgres(server: str | None) -> Iterator[str | None]:
    """A fresh database on ``server`` (dropped afterwards), or ``None`` for SQLite."""
    if not server:
        yield None
        return
    with scratch_postgres(server, "funding") as url:
        yield url


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.funding", description=__doc__.split("\n\n")[0])
    parser.add_argument("--schools", type=int, default=50)
    parser.add_argument("--seats", type=int, default=20_000, help="seats per school")
    parser.add_argument("--ledger", type=int, default=100_000, help="ledger entries to verify")
    parser.add_argument("--service-schools", type=int, default=None,
                        help="schools to settle through the service (default: all; 0 skips)")
    parser.add_argument("--postgres", metavar="URL", default=None,
                        help="settle through the service on a scratch database at this PostgreSQL server "
                             "(e.g. postgresql://postgres@127.0.0.1:5432) instead of SQLite")
    args = parser.parse_args(argv or [])
    bench_pure(args.schools, args.seats)
    with tempfile.TemporaryDirectory() as tmp:
        n = args.schools if args.service_schools is None else args.service_schools
        if n:
            with _scratch_postgres(args.postgres) as url:
                bench_service(n, args.seats, Path(tmp), url)
        with _scratch_postgres(args.postgres) as url:
            bench_ledger(args.ledger, Path(tmp), url)


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
