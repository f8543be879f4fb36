"""What the supervisor (``tongcheng/suite.py``) hands each process: ``make up`` passes the caller's service settings
on (the README's ``POINTS_DATABASE_URL`` moves points to PostgreSQL), the demo and the tests do not; the addresses
of the other processes are always the supervisor's own."""

from __future__ import annotations

import pytest

from tongcheng.secrets import generate
from tongcheng.suite import Suite


@pytest.fixture
def var(tmp_path):
    generate(tmp_path)
    return tmp_path


def test_make_up_passes_service_settings_on(var, monkeypatch):
    monkeypatch.setenv("POINTS_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/tongcheng_points")
    monkeypatch.setenv("ENROLLMENT_TODAY", "2025-09-30")
    monkeypatch.setenv("ENROLLMENT_POINTS_URL", "http://elsewhere:1")
    env = Suite(var=var, inherit_settings=True).env()
    assert env["POINTS_DATABASE_URL"].endswith("/tongcheng_points") and env["ENROLLMENT_TODAY"] == "2025-09-30"
    assert env["ENROLLMENT_POINTS_URL"] == "http://127.0.0.1:8101"  # the supervisor's ports win


def test_demo_and_tests_ignore_the_shell(var, monkeypatch):
    monkeypatch.setenv("POINTS_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/production")
    monkeypatch.setenv("ENROLLMENT_TODAY", "2025-09-30")
    env = Suite(var=var).env()
    assert "POINTS_DATABASE_URL" not in env and "ENROLLMENT_TODAY" not in env
    assert env["TONGCHENG_DATA_DIR"] == str(var / "data")
