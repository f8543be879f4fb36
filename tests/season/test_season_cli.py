"""The ``tongcheng`` command: --help for every command, and the commands that need no running suite."""

import json
import subprocess
import sys

import pytest

from tongcheng.cli import build_parser, main
from tongcheng.registry import Registry

COMMANDS = ["up", "down", "import-schools", "import-seats", "import-plans", "import-semesters", "import-tariffs",
            "import-district", "rekey-search-hashes", "purge-access-log", "generate", "stubs", "season", "demo", "verify-run", "staff"]


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_help(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"] if command else ["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: tongcheng {command or ''}".rstrip())
    if command is None:
        assert all(c in out for c in COMMANDS)


def test_every_command_is_documented():
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert sorted(sub.choices) == sorted(COMMANDS)
    assert all(p.description for p in sub.choices.values())


def test_module_entry_point():
    out = subprocess.run([sys.executable, "-m", "tongcheng.cli", "demo", "--help"], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0 and "--size" in out.stdout and "--seed" in out.stdout


def test_generate_writes_the_cohort(tmp_path):
    assert main(["generate", "--size", "40", "--seed", "9", "--out", str(tmp_path)]) == 0
    apps = [json.loads(line) for line in (tmp_path / "applications.jsonl").read_text().splitlines()]
    families = [json.loads(line) for line in (tmp_path / "families.jsonl").read_text().splitlines()]
    assert len(apps) == len(families) == 40 and apps[0]["season"] == 2025
    assert families[0]["guardians"][0]["id_number"] == apps[0]["guardians"][0]["id_number"]
    registry = Registry.load(tmp_path / "registry.json")
    assert registry.permits


def test_a_suite_that_is_not_running_is_a_readable_error(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("tongcheng.api._wait", lambda state: 0.0)  # retries without the back-off
    (tmp_path / "tokens.json").write_text(json.dumps({"bureau-1": "tok"}))
    code = main(["import-schools", "data", "--var", str(tmp_path), "--gateway", "http://127.0.0.1:9"])
    assert code == 2 and "cannot reach the suite" in capsys.readouterr().out


def test_missing_tokens_say_what_to_run(tmp_path, capsys):
    assert main(["season", "--size", "10", "--var", str(tmp_path)]) == 2
    assert "make setup" in capsys.readouterr().out


def test_demo_with_free_ports_does_not_send_the_reader_to_port_8000(tmp_path, capsys, monkeypatch):
    """``tongcheng demo --free-ports`` ended with "open http://127.0.0.1:8000/console/": the wrong port in that
    mode. It names the gateway port the demo used and how to start the suite on free ports again."""
    ports = {"gateway": 18555, "points": 18556, "verification": 18557, "enrollment": 18558, "funding": 18559}
    used = {}

    def fake_demo(size, seed, **kwargs):  # the season itself is tests/season/test_season_demo.py's
        used.update(kwargs["ports"])
        return {}, None
    monkeypatch.setattr("tongcheng.demo.run_demo", fake_demo)
    monkeypatch.setattr("tongcheng.demo.free_ports", lambda: dict(ports))
    monkeypatch.setattr("tongcheng.staff.ensure_demo_staff", lambda var, url=None: tmp_path / "staff.json")
    assert main(["demo", "--size", "10", "--free-ports", "--var", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert used == ports and "127.0.0.1:18555" in out and "--free-ports" in out and ":8000" not in out
    assert main(["demo", "--size", "10", "--var", str(tmp_path)]) == 0
    assert "http://127.0.0.1:8000/console/" in capsys.readouterr().out


def test_the_commands_find_the_gateway_tongcheng_up_started(tmp_path, capsys, monkeypatch):
    """After ``tongcheng up --free-ports`` the README's ``tongcheng stubs --once`` went to port 8000 ("cannot reach
    the suite"): ``up`` records its gateway in ``var/run/gateway.url`` and every command defaults to it; ``down``
    removes it; ``--gateway`` still wins."""
    from tongcheng.cli import GATEWAY_URL_FILE, running_gateway

    seen = []
    monkeypatch.setattr("tongcheng.cli.cmd_stubs", lambda args: seen.append(args.gateway) or 0)
    monkeypatch.setattr("tongcheng.suite.Suite.stop_all", lambda self: None)
    assert running_gateway(tmp_path) == "http://127.0.0.1:8000"
    (tmp_path / "run").mkdir()
    (tmp_path / GATEWAY_URL_FILE).write_text("http://127.0.0.1:50347\n")
    assert main(["stubs", "--once", "--var", str(tmp_path)]) == 0
    assert main(["stubs", "--once", "--var", str(tmp_path), "--gateway", "http://gw.example:8000"]) == 0
    assert main(["down", "--var", str(tmp_path)]) == 0 and not (tmp_path / GATEWAY_URL_FILE).exists()
    assert main(["stubs", "--once", "--var", str(tmp_path)]) == 0
    assert seen == ["http://127.0.0.1:50347", "http://gw.example:8000", "http://127.0.0.1:8000"]
