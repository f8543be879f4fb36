"""The compact settlement-lines migration (``fund_20261129_03``) keeps every line, on SQLite and PostgreSQL:
lines written under the old shape (with an id and a copy of the application number) come through the upgrade
with the same days and amounts, and a downgrade restores the application number from the seat."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, inspect, text

from common.db import alembic_config

REPO = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 2, 1, tzinfo=timezone.utc)


def _engine(url: str):
    return create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))


def _old_shape_rows(conn) -> None:
    conn.execute(text("INSERT INTO semesters (code, name, starts_on, ends_on, created_by, created_at) "
                      "VALUES ('2025-autumn', 'autumn', '2025-09-01', '2026-01-31', 't', :now)"), {"now": NOW})
    for seat, app in ((11, "HY2025-1-0000011"), (12, "HY2025-1-0000012")):
        conn.execute(text("INSERT INTO purchased_seats (id, application_no, pupil_name, pupil_id_number, school_code, "
                          "grade, start_date, created_by, created_at) VALUES (:id, :app, '王小明', "
                          "'331003201903010013', 'PS001', 1, '2025-09-01', 't', :now)"),
                     {"id": seat, "app": app, "now": NOW})
    conn.execute(text("INSERT INTO settlements (id, school_code, semester_code, state, tariff_fen, tariff_version, "
                      "semester_days, total_fen, line_count, version, computed_by, computed_at) VALUES "
                      "(1, 'PS001', '2025-autumn', 'draft', 300000, 1, 153, 450001, 2, 1, 't', :now)"), {"now": NOW})
    conn.execute(text("INSERT INTO settlement_lines (id, settlement_id, seat_id, application_no, days, amount_fen) "
                      "VALUES (1, 1, 11, 'HY2025-1-0000011', 153, 300000), "
                      "(2, 1, 12, 'HY2025-1-0000012', 77, 150001)"))


def test_compact_lines_migration_keeps_every_line(backend, new_database_url):
    url = new_database_url("mig_lines")
    cfg = alembic_config(REPO / "services" / "funding", url)
    command.upgrade(cfg, "fund_20261129_02")
    engine = _engine(url)
    try:
        with engine.begin() as conn:
            _old_shape_rows(conn)
        command.upgrade(cfg, "fund_20261129_03")
        columns = {c["name"] for c in inspect(engine).get_columns("settlement_lines")}
        assert columns == {"settlement_id", "seat_id", "days", "amount_fen"}
        assert inspect(engine).get_pk_constraint("settlement_lines")["constrained_columns"] == ["settlement_id",
                                                                                                  "seat_id"]
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT settlement_id, seat_id, days, amount_fen FROM settlement_lines "
                                     "ORDER BY seat_id")).all()
        assert [tuple(r) for r in rows] == [(1, 11, 153, 300000), (1, 12, 77, 150001)]

        command.downgrade(cfg, "fund_20261129_02")
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT seat_id, application_no, days, amount_fen FROM settlement_lines "
                                     "ORDER BY seat_id")).all()
        assert [tuple(r) for r in rows] == [(11, "HY2025-1-0000011", 153, 300000),
                                            (12, "HY2025-1-0000012", 77, 150001)]
        assert "settlement_lines_copy" not in inspect(engine).get_table_names()
    finally:
        engine.dispose()
