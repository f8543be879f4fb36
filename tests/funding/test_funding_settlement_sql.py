"""The SQL twin of the settlement arithmetic (``funding.settlement_sql``, what ``POST /settlements/run`` stores in
one ``INSERT … SELECT`` a school) gives exactly the pure rules' days and fen (``funding.settlement_rules``), on
SQLite and PostgreSQL: every seat span around both ends of a semester, open seats, seats that never started, and
every day count of the semester at several tariffs (odd ones that round half-up)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import Column, Date, Integer, MetaData, Table, create_engine, insert, or_, select

from funding.settlement_rules import Period, days_enrolled, prorate_fen
from funding.settlement_sql import days_held, prorate

PERIOD = Period(date(2025, 9, 1), date(2026, 1, 31))  # 153 days


def _spans() -> list[tuple[int, date, date | None]]:
    first, last = PERIOD.starts_on, PERIOD.ends_on
    days = [first - timedelta(days=400), first - timedelta(days=2), first - timedelta(days=1), first,
            first + timedelta(days=1), date(2025, 10, 31), last - timedelta(days=1), last, last + timedelta(days=1),
            last + timedelta(days=30)]
    out, i = [], 0
    for start in days:
        for end in [None, start - timedelta(days=1), *days]:
            if end is None or end >= start - timedelta(days=1):  # the service's own rule: at most a day before
                i += 1
                out.append((i, start, end))
    return out


def test_days_and_amounts_match_the_pure_rules(new_database_url):
    engine = create_engine(new_database_url("settlesql"))
    meta = MetaData()
    spans = Table("spans", meta, Column("id", Integer, primary_key=True), Column("start_date", Date),
                  Column("end_date", Date))
    counts = Table("counts", meta, Column("days", Integer, primary_key=True))
    meta.create_all(engine)
    rows = _spans()
    try:
        with engine.begin() as conn:
            conn.execute(insert(spans), [{"id": i, "start_date": s, "end_date": e} for i, s, e in rows])
            conn.execute(insert(counts), [{"days": d} for d in range(0, PERIOD.days + 1)])
            # the seats a settlement considers: they meet the semester and did not end before they started
            days = days_held(PERIOD, spans.c.start_date, spans.c.end_date)
            got = dict(conn.execute(select(spans.c.id, days).where(
                spans.c.start_date <= PERIOD.ends_on,
                or_(spans.c.end_date.is_(None), spans.c.end_date >= PERIOD.starts_on),
                or_(spans.c.end_date.is_(None), spans.c.end_date >= spans.c.start_date))).all())
            for tariff in (0, 1, 76, 300_000, 320_001, 999_999_999):
                fen = dict(conn.execute(select(counts.c.days, prorate(tariff, counts.c.days, PERIOD.days))).all())
                assert fen == {d: prorate_fen(tariff, d, PERIOD.days) for d in range(0, PERIOD.days + 1)}, tariff
                assert all(type(v) is int for v in fen.values())
    finally:
        engine.dispose()
    expected = {i: days_enrolled(PERIOD, s, e) for i, s, e in rows if days_enrolled(PERIOD, s, e) > 0}
    assert got == expected
    assert len(expected) > 40 and PERIOD.days in expected.values() and 1 in expected.values()
