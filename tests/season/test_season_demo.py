"""The demo's own promises: it stops every process it started when a step fails, resets its databases so it can
run again at once, and writes the report folder."""

import io
import json

import httpx
import pytest
from rich.console import Console

from shared_kit import free_port
from tongcheng.demo import port_in_use, run_demo
from tongcheng.season import Season, SeasonError
from tongcheng.suite import DEFAULT_PORTS

pytestmark = pytest.mark.processes


def test_a_failed_demo_stops_everything_and_the_next_one_starts_afresh(tmp_path, monkeypatch):
    ports = {name: free_port() for name in DEFAULT_PORTS}
    console = Console(file=io.StringIO())

    def broken(self):
        raise SeasonError("departments unreachable (planted)")

    with monkeypatch.context() as m:
        m.setattr(Season, "verify", broken)  # fails after the applications were stored
        with pytest.raises(SeasonError, match="planted"):
            run_demo(40, 3, var=tmp_path, ports=ports, console=console, quiet=True)
    assert not any(port_in_use(p) for p in ports.values())
    assert not list((tmp_path / "run").glob("*.pid"))

    summary, result = run_demo(40, 3, var=tmp_path, ports=ports, console=console, quiet=True)
    assert result.submission.created == 40 and result.submission.duplicates == 0  # databases were reset
    assert summary["applicants"] == 40 and summary["ledger_verified"] is True
    assert not any(port_in_use(p) for p in ports.values())
    written = json.loads((tmp_path / "report" / "summary.json").read_text(encoding="utf-8"))
    assert written["applicants"] == 40 and written["season_s"] > 0
    assert (tmp_path / "report" / "auditor-2025-autumn.xlsx").exists()
    assert "| applicants | 40 |" in (tmp_path / "report" / "summary.md").read_text(encoding="utf-8")
    snapshots = sorted((tmp_path / "report").glob("run-*-snapshot.json"))
    runs = [json.loads(p.read_text(encoding="utf-8"))["run"] for p in snapshots]
    assert sorted(r["grade"] for r in runs) == [1, 7] and {r["state"] for r in runs} == {"final"}
    assert "verified: " in console.file.getvalue()
    assert result.events["submitted"] == 40 and result.events["final"] >= 30  # the platform's feed, followed
    assert result.events["verified"] >= 40 and result.events["scored"] >= 40  # from verification's and points' feeds


def test_the_demo_refuses_busy_ports(tmp_path):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        ports = {name: free_port() for name in DEFAULT_PORTS}
        ports["gateway"] = sock.getsockname()[1]
        with pytest.raises(SeasonError, match="make down"):
            run_demo(10, 1, var=tmp_path, ports=ports, console=Console(file=io.StringIO()), quiet=True)


def test_up_import_season_down(tmp_path, capsys):
    """`tongcheng up` leaves the suite running; import-schools (the workbook) and `season` play against it through
    the gateway; `tongcheng down` stops it."""
    import re
    import subprocess
    import sys

    from openpyxl import load_workbook

    from tongcheng.cli import main
    from tongcheng.schools import DATA_DIR, WORKBOOK

    up = subprocess.run([sys.executable, "-m", "tongcheng.cli", "up", "--free-ports", "--no-practice", "--var",
                         str(tmp_path)],
                        capture_output=True, text=True, timeout=120)
    assert up.returncode == 0, up.stdout + up.stderr
    gateway = re.search(r"gateway\s+(http://127\.0\.0\.1:\d+)", up.stdout).group(1)
    ports = [int(p) for p in re.findall(r"^\w+\s+http://127\.0\.0\.1:(\d+)$", up.stdout, re.M)]
    try:
        # the staff console answers behind the gateway, and the demo accounts' passwords are where `up` says
        assert f"{gateway}/console/" in up.stdout and (tmp_path / "console-accounts.txt").exists()
        sign_in = httpx.get(f"{gateway}/console/sign-in", timeout=10)
        assert sign_in.status_code == 200 and "登录" in sign_in.text
        args = ["--var", str(tmp_path), "--gateway", gateway]
        assert main(["import-district", str(DATA_DIR / WORKBOOK), *args]) == 0
        assert "schools: 60 rows — created 60" in capsys.readouterr().out
        assert main(["purge-access-log", "--dry-run", *args]) == 0
        assert "access records past retention" in capsys.readouterr().out
        assert main(["import-schools", str(DATA_DIR / WORKBOOK), *args]) == 0  # again: nothing changes, and says so
        assert "unchanged 60" in capsys.readouterr().out
        # a file with refused rows: all listed, nothing written, FILE.errors.xlsx beside it with an error column
        bad = tmp_path / "seats.csv"
        bad.write_text("school_code,season,grade,migrant_seats\nHYGP00301,2025,1,many\nNOPE,2025,1,3\n"
                       "HYGP00301,2025,1,7\n", encoding="utf-8")
        assert main(["import-seats", str(bad), *args]) == 1
        assert "3 row(s) refused, nothing imported" in capsys.readouterr().out
        errors = load_workbook(tmp_path / "seats.errors.xlsx")["seats"]
        assert errors.cell(1, 5).value == "错误 / error" and errors.freeze_panes == "A2"
        assert [errors.cell(r, 5).value.split(":")[0] for r in (2, 3)] == ["migrant_seats='many'",
                                                                            "school_code='NOPE'"]
        assert "重复" in errors.cell(4, 5).value
        # the season's own import finds the schools there: each is replaced (PUT with If-Match)
        assert main(["season", "--size", "30", "--seed", "4", "--report", str(tmp_path / "rep"), *args]) == 0
        out = capsys.readouterr().out
        assert "ledger verified" in out and (tmp_path / "rep" / "summary.json").exists()
    finally:
        assert main(["down", "--var", str(tmp_path)]) == 0
    assert len(ports) == 6 and not any(port_in_use(p) for p in ports)  # five processes and the console
