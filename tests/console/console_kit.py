"""Fixtures and helpers of the console's browser tests: the real processes (the four services, the gateway and the
console, on free ports in a temporary var folder, as tests/season does) with a small season played into them
through the gateway up to both grades' runs published and the demo accounts created; Chromium through
Playwright; sign-in, axe, screenshots.

Debian's Chromium (``/usr/bin/chromium``) is driven by Playwright for Python: nothing is downloaded (never
``playwright install``). Where Chromium or Playwright is missing the browser tests are skipped, saying why.
"""

from __future__ import annotations

import importlib.util
import io
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from rich.console import Console

from shared_kit import free_port
from tongcheng.api import Roles
from tongcheng.cohort import generate
from tongcheng.demo import DEMO_ENV, make_stubs
from tongcheng.importer import import_district
from tongcheng.registry import Registry
from tongcheng.schools import generate as generate_district
from tongcheng.season import Season
from tongcheng.secrets import generate as generate_secrets
from tongcheng.staff import ensure_demo_staff
from tongcheng.suite import DEFAULT_PORTS, Suite

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = REPO / "var" / "report" / "console"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def browser_unavailable_reason() -> str | None:
    """``None`` when the browser tests can run, else why not."""
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        return ("Chromium is not installed (/usr/bin/chromium, Debian package `chromium`): the console's browser "
                "tests are skipped; `apt-get install chromium` runs them (.ci/run does so)")
    for module in ("playwright", "axe_playwright_python"):
        if importlib.util.find_spec(module) is None:
            return f"the Python package for {module} is missing: run `make setup`"
    return None


def chromium_path() -> str:
    return str(CHROMIUM) if CHROMIUM.exists() else str(shutil.which("chromium"))


def sign_in(page, base: str, username: str, password: str) -> None:
    """Sign in through the form with the keyboard (Tab between fields, Enter to submit)."""
    page.goto(f"{base}/console/sign-in")
    page.get_by_label("用户名 Username").fill(username)
    page.keyboard.press("Tab")
    page.keyboard.type(password)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def sign_in_by_keyboard(page, base: str, username: str, password: str) -> None:
    """Sign in with the keyboard only: Tab to the username, type it, Tab, type the password, Enter."""
    page.goto(f"{base}/console/sign-in")
    tab_to(page, "用户名 Username")
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    page.keyboard.type(password)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def sign_out(page) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name="退出 Sign out").click()


FOCUSED_NAME = """() => { const e = document.activeElement; if (!e || e === document.body) return "";
  const aria = e.getAttribute("aria-label"); if (aria) return aria.trim();
  if (e.labels && e.labels.length) return e.labels[0].innerText.trim();
  return (e.innerText || e.value || "").trim(); }"""


def focused_name(page) -> str:
    """The accessible name of the focused element (its aria-label, its label's text, or its own text)."""
    return " ".join(page.evaluate(FOCUSED_NAME).split())


def tab_to(page, name: str, *, limit: int = 400) -> None:
    """Press Tab (only the keyboard) until the element named ``name`` has the focus; fail saying where it stopped."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused_name(page)
        if now == name:
            return
        seen.append(now)
    raise AssertionError(f"Tab never reached {name!r}; the focus went through {seen[-30:]}")


def press(page, name: str, key: str = "Enter") -> None:
    """Tab to the element named ``name`` and press ``key`` on it, waiting for the page it opens."""
    tab_to(page, name)
    with page.expect_navigation():
        page.keyboard.press(key)


def choose(page, value: str, *, limit: int = 60) -> None:
    """In the focused ``<select>``: Home, then ArrowDown until its value is ``value`` (keys only)."""
    page.keyboard.press("Home")
    for _ in range(limit):
        if page.evaluate("() => document.activeElement.value") == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"the focused select has no option {value!r}")


def type_date(page, iso: str) -> None:
    """Type a day into the focused ``<input type=date>`` with the keyboard, in the field order Chromium shows
    (month/day/year for an English UI, year/month/day for a Chinese one): tried in turn, checked by its value."""
    y, m, d = iso.split("-")
    for digits in (m + d + y, y + m + d, d + m + y):
        page.keyboard.type(digits)
        if page.evaluate("() => document.activeElement.value") == iso:
            return
        page.keyboard.press("Shift+Tab")  # Tab walks a date field's segments: back to its first one
        page.keyboard.press("Shift+Tab")
    raise AssertionError(f"could not type {iso} into the date field")


def police_request(console_suite, application_no: str, guardian: str, serial: int) -> int:
    """Register a one-guardian case (no claims) as the bureau; the id of its police request (居住证)."""
    from datetime import date

    from tongcheng.idgen import id_number

    case = {"application_no": application_no, "season": 2025, "grade": 1, "child_birth_date": "2019-03-01",
            "guardians": [{"guardian_no": 1, "name": guardian,
                           "id_number": id_number("331003", date(1988, 1, 1), serial)}], "claims": {}}
    created = console_suite.roles.bureau.verification.post("/cases", case, key=f"console-case-{application_no}")
    return next(r["id"] for r in created["requests"] if r["department"] == "police")


def axe_findings(page) -> list[str]:
    """axe-core's serious and critical findings on the current page (rule id, impact, the first target)."""
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target'] if v['nodes'] else ''} {v['help']}"
            for v in result.response["violations"] if v.get("impact") in ("serious", "critical")]


def screenshot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


SIZE, SEED = 120, 5


@pytest.fixture(scope="module")
def console_suite(tmp_path_factory):
    """The running suite with the console; ``.url`` the gateway, ``.passwords`` the demo accounts'."""
    if reason := browser_unavailable_reason():
        pytest.skip(reason)
    var = tmp_path_factory.mktemp("console-var")
    generate_secrets(var)
    accounts = ensure_demo_staff(var)
    passwords = {line.split()[0]: line.split()[-1] for line in accounts.read_text().splitlines()[1:]}
    suite = Suite(var=var, ports={name: free_port() for name in DEFAULT_PORTS},
                  extra_env={**DEMO_ENV, "TONGCHENG_LOG_LEVEL": "INFO",  # the access log names the person
                             "CONSOLE_PASSWORD_HASH_PROFILE": "tests-only-fast"},  # as tests/console/conftest.py
                  console=True)
    district = generate_district(SIZE)
    cohort = generate(SIZE, SEED, district=district)
    try:
        suite.start_all()
        roles = Roles.connect(suite.url(), var)
        pool = make_stubs(roles, Registry.from_cohort(cohort), cohort.season)
        season = Season(roles, cohort, district, pool=pool, console=Console(file=io.StringIO()), quiet=True)
        try:
            pool.start()
            season.check_rulebook()
            import_district(roles.bureau, district)
            season.submit()
            season.verify()
        finally:
            pool.stop()
        season.score()
        for grade in (1, 7):
            season.place(grade)
        yield SimpleNamespace(url=suite.url(), var=var, passwords=passwords, roles=roles, season=season,
                              cohort=cohort, suite=suite)
        roles.close()
    finally:
        suite.stop_all()


@pytest.fixture(scope="module")
def browser(console_suite):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        yield page
    finally:
        context.close()
