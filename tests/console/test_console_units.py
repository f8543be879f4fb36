"""The console's parts without a browser (issue 12): accounts and the wrong-password pause, sessions and idle
expiry, the staff tokens the gateway trusts (and those it refuses), the gateway's /console/ route, masking on every
page, security headers and cookie flags, charts, downloads, and the console's migrations on both backends."""

from __future__ import annotations

import hashlib
import json
import re
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import httpx
import jwt
import pytest
from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, inspect, text

from common.db import Database, alembic_config, upgrade_to_head, utcnow
from common.errors import Unauthorized
from common.identity import Identity, mint_staff, verify_staff
from shared_kit import TEST_SECRET
from console.accounts import AccountError, PasswordSignIn, SignInRefused, add_staff, reset_password, set_disabled
from console.charts import bars
from console.models import SignInFailures
from console.sessions import end_session, load_session, start_session, touch
from console.tables import download
from console.web import _finalize, mask_name, templates

REPO = Path(__file__).resolve().parents[2]
CONSOLE_SECRET = "console-test-secret-" + "y" * 40


@pytest.fixture
def db(backend, new_database_url):
    url = new_database_url("console")
    upgrade_to_head(REPO / "console", url)
    database = Database(url, pool_size=2)
    yield database
    database.dispose()


def test_console_migrations_upgrade_downgrade_and_agree_with_models(backend, new_database_url):
    url = new_database_url("console_mig")
    cfg = alembic_config(REPO / "console", url)
    command.upgrade(cfg, "head")
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        assert set(inspect(engine).get_table_names()) >= {"staff", "staff_sessions", "sign_in_failures"}
        command.downgrade(cfg, "base")
        assert set(inspect(engine).get_table_names()) - {"alembic_version"} == set()
    finally:
        engine.dispose()
    command.upgrade(cfg, "head")
    command.check(cfg)


def test_accounts_refuse_what_they_cannot_hold(db):
    with db.write_session() as s:
        add_staff(s, "Wang.Li", "a-long-password", "bureau")
        s.commit()
        for args, field in [(("wang.li", "a-long-password", "bureau"), "username"),  # taken (case folded)
                            (("9lives", "a-long-password", "bureau"), "username"),
                            (("zhao", "short", "auditor"), "password"),
                            (("qian", "a-long-password", "platform"), "role"),
                            (("sun", "a-long-password", "department"), "department"),
                            (("li", "a-long-password", "finance", "police"), "department"),
                            (("xu", "a-long-password", "school"), "school"),  # a school's staff name their school
                            (("he", "a-long-password", "bureau", None, None, "HYMB10801"), "school"),
                            (("lu", "a-long-password", "school", None, None, "../HYMB"), "school")]:
            with pytest.raises(AccountError) as refused:
                add_staff(s, *args)
            assert refused.value.field == field, args
        stored = s.execute(text("SELECT password_hash FROM staff")).scalar_one()
        assert stored.startswith("$argon2id$") and "a-long-password" not in stored


def test_a_hash_of_the_test_profile_is_rehashed_with_the_default_at_sign_in(db):
    """The tests' fast argon2 profile never outlives a sign-in under the default: the stored hash is made again with
    the RFC 9106 low-memory parameters (m=64 MiB, t=3, p=4) and still takes the same password."""
    from console.accounts import use_hash_profile

    with db.write_session() as s:
        add_staff(s, "feng", "right-password", "auditor")  # tests/console/conftest.py: the fast profile
        s.commit()
        fast = s.execute(text("SELECT password_hash FROM staff")).scalar_one()
    assert fast.startswith("$argon2id$v=19$m=1024,t=1,p=1$")
    use_hash_profile("rfc9106-low-memory")
    try:
        with db.write_session() as s:
            assert PasswordSignIn().authenticate(s, "feng", "right-password").username == "feng"
            s.commit()
            again = s.execute(text("SELECT password_hash FROM staff")).scalar_one()
        assert again.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
        with db.write_session() as s:
            assert PasswordSignIn().authenticate(s, "feng", "right-password").username == "feng"
    finally:
        use_hash_profile("tests-only-fast")


def test_five_wrong_passwords_pause_then_a_right_one_counts_afresh(db):
    sign_in = PasswordSignIn(lockout_failures=5, lockout_minutes=15)
    with db.write_session() as s:
        add_staff(s, "zhou", "right-password", "finance")
        s.commit()
    for _ in range(5):  # each refusal in its own transaction, committed by the caller (as the sign-in page does)
        with db.write_session() as s:
            with pytest.raises(SignInRefused) as refused:
                sign_in.authenticate(s, "zhou", "wrong")
            s.commit()
        assert refused.value.reason == "wrong_password"
    with db.write_session() as s:
        with pytest.raises(SignInRefused) as locked:
            sign_in.authenticate(s, "zhou", "right-password")
        assert locked.value.reason == "locked" and locked.value.until > utcnow() + timedelta(minutes=14)
        s.get(SignInFailures, "zhou").locked_until = utcnow() - timedelta(seconds=1)  # the pause is over
        assert sign_in.authenticate(s, "zhou", "right-password").username == "zhou"
        s.commit()
        assert s.get(SignInFailures, "zhou") is None  # a right password clears the count


def test_unknown_and_disabled_usernames_are_told_the_same_and_counted(db):
    sign_in = PasswordSignIn(lockout_failures=2)
    with db.write_session() as s:
        add_staff(s, "wu", "right-password", "auditor")
        set_disabled(s, "wu")
        for name in ("nobody", "wu"):
            for _ in range(2):
                with pytest.raises(SignInRefused) as refused:
                    sign_in.authenticate(s, name, "right-password")
                assert refused.value.reason == "wrong_password"
            with pytest.raises(SignInRefused) as refused:
                sign_in.authenticate(s, name, "right-password")
            assert refused.value.reason == "locked"


def test_sessions_expire_when_idle_and_end_on_sign_out_or_reset(db):
    with db.write_session() as s:
        staff = add_staff(s, "zheng", "right-password", "department", "market")
        token, row = start_session(s, staff)
        other, _ = start_session(s, staff)
        s.commit()
        assert row.id != token and row.id == hashlib.sha256(token.encode()).hexdigest()  # only the digest is kept
        assert load_session(s, token, 30)[1] == "live"
        assert not touch(s, row)  # used a moment ago: no write
        row.last_seen_at = utcnow() - timedelta(minutes=31)
        s.commit()
        assert load_session(s, token, 30) == (None, "expired")
        assert load_session(s, token, 60)[1] == "live"  # the idle limit is a setting
        end_session(s, other)
        assert load_session(s, other, 30) == (None, "ended")
        third, _ = start_session(s, staff)
        reset_password(s, "zheng", "another-password")
        assert load_session(s, third, 30) == (None, "ended")
        assert load_session(s, "made-up", 30) == (None, "none")


def test_staff_tokens_the_gateway_accepts_and_refuses():
    who = Identity(role="department", subject="police-clerk", department="police")
    assert verify_staff(CONSOLE_SECRET, mint_staff(CONSOLE_SECRET, who)) == who
    school = Identity(role="school", subject="xu.laoshi", school="HYMB10801")  # a school's staff: its one code
    assert verify_staff(CONSOLE_SECRET, mint_staff(CONSOLE_SECRET, school)) == school
    now = int(time.time())
    base = {"sub": "x", "aud": "tongcheng-gateway", "iss": "tongcheng-console", "iat": now, "exp": now + 60}
    refused = [jwt.encode({**base, "role": "bureau"}, "another-key-" + "z" * 40, algorithm="HS256"),
               jwt.encode({**base, "role": "platform"}, CONSOLE_SECRET, algorithm="HS256"),
               jwt.encode({**base, "role": "service"}, CONSOLE_SECRET, algorithm="HS256"),
               jwt.encode({**base, "role": "department"}, CONSOLE_SECRET, algorithm="HS256"),
               jwt.encode({**base, "role": "bureau", "dept": "police"}, CONSOLE_SECRET, algorithm="HS256"),
               jwt.encode({**base, "role": "bureau", "exp": now + 3600}, CONSOLE_SECRET, algorithm="HS256"),
               jwt.encode({**base, "role": "bureau", "exp": now - 5, "iat": now - 65}, CONSOLE_SECRET,
                          algorithm="HS256"),
               jwt.encode({**base, "role": "bureau", "aud": "tongcheng-services"}, CONSOLE_SECRET, algorithm="HS256"),
               jwt.encode({**base, "role": "bureau", "iss": "someone"}, CONSOLE_SECRET, algorithm="HS256"),
               jwt.encode({**base, "role": "school"}, CONSOLE_SECRET, algorithm="HS256"),  # no school named
               jwt.encode({**base, "role": "school", "school": "../x"}, CONSOLE_SECRET, algorithm="HS256"),
               jwt.encode({**base, "role": "bureau", "school": "HYMB10801"}, CONSOLE_SECRET, algorithm="HS256")]
    for token in refused:
        with pytest.raises(Unauthorized):
            verify_staff(CONSOLE_SECRET, token)


@pytest.fixture
def gateway(tmp_path):
    from gateway.config import Settings
    from gateway.main import create_app

    creds = tmp_path / "credentials.json"
    creds.write_text(json.dumps({hashlib.sha256(b"tok-bureau").hexdigest():
                                 {"role": "bureau", "department": None, "subject": "bureau-1"}}))
    seen: list[httpx.Request] = []

    def upstream(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"ok": True}, headers={"set-cookie": "tc_session=abc; HttpOnly"})

    transports = {name: httpx.MockTransport(upstream) for name in ("points", "verification", "enrollment",
                                                                    "funding", "console")}
    settings = Settings(internal_secret=TEST_SECRET, credentials_file=creds, console_secret=CONSOLE_SECRET)
    with TestClient(create_app(settings, transports=transports)) as client:
        yield client, seen


def test_the_gateway_trusts_staff_tokens_and_serves_the_console(gateway):
    client, seen = gateway
    who = Identity(role="finance", subject="li.kuaiji")
    assert client.get("/api/funding/budget/2025", headers={"Authorization": f"Bearer {mint_staff(CONSOLE_SECRET, who)}"}
                      ).status_code == 200
    from common.identity import verify

    assert verify(TEST_SECRET, seen[-1].headers["x-tongcheng-identity"]) == who  # the person, as any caller
    forged = mint_staff("another-key-" + "z" * 40, Identity(role="bureau", subject="me"))
    answer = client.get("/api/funding/budget/2025", headers={"Authorization": f"Bearer {forged}"})
    assert (answer.status_code, answer.json()["code"]) == (401, "invalid_credential")
    answer = client.post("/console/sign-in?next=/console/", data={"username": "a", "password": "b"},
                         headers={"Authorization": "Bearer tok-bureau", "Cookie": "tc_signin=x", "X-Evil": "1"})
    assert answer.status_code == 200 and "tc_session=abc" in answer.headers["set-cookie"]
    sent = seen[-1]
    assert sent.url.raw_path == b"/console/sign-in?next=/console/"
    assert sent.headers["cookie"] == "tc_signin=x" and sent.headers["x-forwarded-proto"] == "http"
    assert "authorization" not in sent.headers and "x-evil" not in sent.headers
    assert "x-tongcheng-identity" not in sent.headers  # the console gets no identity from the gateway
    assert client.put("/console/x").status_code == 405
    assert client.get("/console/../api/points/x").status_code in (401, 404)


def test_every_value_a_page_prints_is_masked():
    assert _finalize("证件 331003198801011234，电话 13812345678") == "证件 3310**********1234，电话 138****5678"
    assert mask_name("张三丰") == "张**" and mask_name("") == ""
    page = templates.get_template("error.html").render(
        request=None, root="/console", title="t", detail="331003198801011234", staff=None, menu=[], path="/")
    assert "331003198801011234" not in page and "3310**********1234" in page


def test_charts_name_every_value_and_the_target():
    svg = str(bars("公办比例", [("城关 · 1", [Decimal("96.50")]), ("北城 · 7", [None])], series=["share"],
                   maximum=100, target=Decimal("95.00"), unit="%"))
    assert svg.startswith("<svg") and 'role="img"' in svg and "<script" not in svg and "style=" not in svg
    assert "城关 · 1: share 96.50%; 北城 · 7: share —%" in svg and "目标 target 95.00%" in svg
    assert 'stroke-dasharray' in svg  # the target line


def test_downloads_keep_masking_and_defuse_formulas():
    rows = [{"a": "=HYPERLINK(\"x\")", "b": "331003198801011234"}, {"a": "-5.5", "b": 3}]
    csv_answer = download("t", [("a", "甲 A"), ("b", "乙 B")], rows, "csv")
    text = csv_answer.body.decode("utf-8")
    assert text.startswith("\ufeff甲 A,乙 B\r\na,b\r\n") and "'=HYPERLINK" in text and "3310**********1234" in text
    assert "\n-5.5,3" in text.replace("\r", "")
    xlsx = download("t", [("a", "A")], rows, "xlsx")
    assert xlsx.body[:2] == b"PK" and 'filename="t.xlsx"' in xlsx.headers["content-disposition"]


@pytest.fixture
def console_app(tmp_path):
    from console.config import Settings
    from console.main import create_app

    settings = Settings(internal_secret=TEST_SECRET, console_secret=CONSOLE_SECRET,
                        database_url=f"sqlite:///{tmp_path / 'console.db'}", password_hash_profile="tests-only-fast")
    calls: list[httpx.Request] = []

    def gateway(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(403, json={"code": "forbidden", "detail": "role 'auditor' may not do this"})

    app = create_app(settings, gateway_transport=httpx.MockTransport(gateway))
    with TestClient(app, base_url="http://testserver") as client:
        with app.state.db.write_session() as s:
            add_staff(s, "audit.zhao", "right-password", "auditor")
            s.commit()
        yield client, calls


def _sign_in(client, proto: str = "http"):
    form = client.get("/console/sign-in")
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    return client.post("/console/sign-in", data={"username": "audit.zhao", "password": "right-password",
                                                 "csrf": csrf, "next": "/console/auditor/history"},
                       headers={"X-Forwarded-Proto": proto}, follow_redirects=False)


def test_headers_cookies_and_the_api_refusal_as_a_403_page(console_app):
    client, calls = console_app
    page = client.get("/console/sign-in")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
    assert page.headers["x-content-type-options"] == "nosniff" and page.headers["referrer-policy"]
    assert "<script>" not in page.text and " on" + "click=" not in page.text  # no inline script
    assert client.get("/console/static/htmx.min.js").headers["content-security-policy"] == csp
    assert client.get("/console/nowhere").status_code == 404
    no_token = client.post("/console/sign-in", data={"username": "audit.zhao", "password": "right-password"})
    assert no_token.status_code == 403 and "tc_session" not in no_token.headers.get("set-cookie", "")
    answer = _sign_in(client, proto="https")
    assert answer.status_code == 303 and answer.headers["location"] == "/console/auditor/history"
    cookie = answer.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Secure" in cookie and "Path=/console" in cookie
    assert "Secure" not in _sign_in(client).headers["set-cookie"]  # plain HTTP: no Secure flag
    refused = client.get("/console/auditor/ledger")
    assert refused.status_code == 403 and "403" in refused.text and "auditor" in refused.text
    assert calls[-1].headers["authorization"].startswith("Bearer ey")  # a staff token, minted per request
    assert verify_staff(CONSOLE_SECRET, calls[-1].headers["authorization"][7:]).subject == "audit.zhao"
    assert client.get("/console/sign-in?next=//evil.example/").status_code == 200
    assert 'value="/console/"' in client.get("/console/sign-in?next=https://evil.example/").text


def test_the_staff_command_adds_disables_resets_and_lists(tmp_path, monkeypatch, capsys):
    from tongcheng.cli import main

    monkeypatch.delenv("CONSOLE_DATABASE_URL", raising=False)
    assert main(["staff", "add", "qian.clerk", "--role", "department", "--department", "housing",
                 "--var", str(tmp_path)]) == 0
    said = capsys.readouterr().out
    password = re.search(r"password: (\S+)", said).group(1)
    assert len(password) >= 10 and "shown once" in said
    assert main(["staff", "add", "qian.clerk", "--role", "bureau", "--var", str(tmp_path)]) == 2  # taken
    assert "taken" in capsys.readouterr().out
    assert main(["staff", "add", "xu.laoshi", "--role", "school", "--school", "HYMB10801", "--var",
                 str(tmp_path)]) == 0
    assert main(["staff", "add", "he.laoshi", "--role", "school", "--var", str(tmp_path)]) == 2  # which school?
    capsys.readouterr()
    assert main(["staff", "disable", "qian.clerk", "--var", str(tmp_path)]) == 0
    assert main(["staff", "list", "--var", str(tmp_path)]) == 0
    listed = capsys.readouterr().out
    assert re.search(r"qian\.clerk\s+department\s+housing\s+disabled", listed)
    assert re.search(r"xu\.laoshi\s+school\s+HYMB10801\s+active", listed)
    assert main(["staff", "reset", "qian.clerk", "--var", str(tmp_path)]) == 0
    new_password = re.search(r"password: (\S+)", capsys.readouterr().out).group(1)
    assert new_password != password
    db = Database(f"sqlite:///{tmp_path / 'data' / 'console.db'}")
    try:
        with db.write_session() as s:
            with pytest.raises(SignInRefused):  # still disabled
                PasswordSignIn().authenticate(s, "qian.clerk", new_password)
            set_disabled(s, "qian.clerk", False)
            assert PasswordSignIn().authenticate(s, "qian.clerk", new_password).department == "housing"
            from console.accounts import get_staff, identity_of
            assert identity_of(get_staff(s, "xu.laoshi")) == Identity(role="school", subject="xu.laoshi",
                                                                     school="HYMB10801")
    finally:
        db.dispose()


def test_the_demo_accounts_include_a_schools_staff(tmp_path, monkeypatch):
    from console.accounts import get_staff
    from tongcheng.staff import ensure_demo_staff

    monkeypatch.delenv("CONSOLE_DATABASE_URL", raising=False)
    listed = ensure_demo_staff(tmp_path).read_text()
    password = re.search(r"^school\s+school/HYMP00301\s+(\S+)$", listed, re.M).group(1)
    db = Database(f"sqlite:///{tmp_path / 'data' / 'console.db'}")
    try:
        with db.write_session() as s:
            staff = PasswordSignIn().authenticate(s, "school", password)
            assert (staff.role, staff.school_code, staff.department) == ("school", "HYMP00301", None)
            assert get_staff(s, "police").school_code is None
    finally:
        db.dispose()
